import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, ScratchDatabase } from './databases';
import { startEmbeddedPostgres } from './embedded';

/**
 * Jest global setup/teardown pair and per-file helper: one Postgres server per test run
 * (DATABASE_URL's server when set, else an embedded one in a temporary folder),
 * and one scratch database per test file.
 */
const SERVER_ENV = 'CS_TEST_PG_SERVER_URL';
let stopEmbedded: (() => Promise<void>) | undefined;

export async function startTestServer(): Promise<void> {
  if (process.env[SERVER_ENV]) return;
  if (process.env.DATABASE_URL) {
    process.env[SERVER_ENV] = process.env.DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-test-pg-'));
  chmodSync(dataDir, 0o755); // the server runs as the `postgres` user and must reach its folder
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  process.env[SERVER_ENV] = server.url;
  stopEmbedded = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

export async function stopTestServer(): Promise<void> {
  await stopEmbedded?.();
}

export function testServerUrl(): string {
  const url = process.env[SERVER_ENV];
  if (!url) {
    throw new Error(
      `${SERVER_ENV} is not set: a test that needs Postgres belongs to the db tier (name it *.db.spec.ts) ` +
        'or to a Jest config with the global set-up of @cs/postgres',
    );
  }
  return url;
}

export function createTestDatabase(): Promise<ScratchDatabase> {
  return createScratchDatabase(testServerUrl());
}
