import { TEST_TENANT } from '@cs/api/testing';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { report } from './harness';
import { buildService, request, Service, startService, waitForOutput } from './processes';

/**
 * Holds the row lock of segment `hot` from a direct connection, starts `inFlight` writes of it (they
 * wait for the lock), sends SIGTERM, tries new requests, then releases the lock.
 */
async function drainUnderLoad(
  service: Service,
  databaseUrl: string,
  label: string,
  options: { databaseOutlivesService: boolean },
): Promise<void> {
  expect(
    (await request(service, 'POST', '/segments', { id: 'hot', name: { en: 'hot' }, siteCode: 'main' })) as {
      status: number;
    },
  ).toMatchObject({ status: 201 });
  const locker = new Client({ connectionString: databaseUrl });
  locker.on('error', () => undefined); // the embedded server goes down with the service
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM segment WHERE tenant = $1 AND id = 'hot' FOR UPDATE`, [TEST_TENANT]);
    const inFlight = Array.from({ length: 5 }, (_, i) =>
      request(service, 'PUT', '/segments/hot', { name: { en: `in flight ${i}` }, siteCode: 'main' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    service.process.child.kill('SIGTERM');
    await waitForOutput(service.process, /SIGTERM: finishing in-flight requests/, 5000);
    const late = await Promise.all([
      request(service, 'POST', '/segments', { id: 'after-sigterm', name: { en: 'late' }, siteCode: 'main' }),
      request(service, 'GET', '/segments'),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await locker.query('ROLLBACK');
    const completed = await Promise.all(inFlight);
    const { code, signal } = await service.process.exited;
    const exitMs = Date.now() - signalledAt;

    report(
      [
        `SIGTERM during load (${label})`,
        `  in-flight writes: ${completed.map((result) => ('status' in result ? result.status : result.error)).join(', ')}`,
        `  requests after SIGTERM: ${late.map((result) => ('status' in result ? result.status : result.error)).join(', ')}`,
        `  exit: code ${code}${signal ? `, signal ${signal}` : ''}, ${exitMs} ms after the signal`,
      ].join('\n'),
    );
    expect(completed.map((result) => ('status' in result ? result.status : result.error))).toEqual([
      204, 204, 204, 204, 204,
    ]);
    // Refused: the listener is closed (connection refused), or a kept-alive connection gets a 503.
    for (const result of late) {
      if ('status' in result) expect(result.status).toBe(503);
      else expect(result.error).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|fetch failed/);
    }
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(service.process.output()).toContain('Stopped');

    if (!options.databaseOutlivesService) return;
    // What the in-flight writes did is stored; the refused request changed nothing.
    const rows = await locker.query<{ id: string; version: number }>(
      "SELECT id, version FROM segment WHERE tenant = $1 AND id IN ('hot', 'after-sigterm')",
      [TEST_TENANT],
    );
    expect(rows.rows).toEqual([{ id: 'hot', version: 6 }]);
  } finally {
    await locker.end().catch(() => undefined);
  }
}

/**
 * SIGTERM during load, against the real built service in a child process: requests in flight
 * complete, new ones are refused (and change nothing), the pool closes and the process exits 0.
 * Once with DATABASE_URL, once on the default path, where the embedded Postgres must be stopped
 * after the drain (not before, and not left running).
 */
describe('reliability: graceful shutdown of the built service', () => {
  beforeAll(() => buildService(), 120_000);

  describe('with DATABASE_URL', () => {
    let database: ScratchDatabase;
    let service: Service | undefined;
    let dataDir: string;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'cs-shutdown-'));
      database = await createTestDatabase();
      service = await startService({ DATABASE_URL: database.url, DATA_DIR: dataDir });
    }, 120_000);
    afterAll(async () => {
      if (service?.process.child.exitCode === null) service.process.child.kill('SIGKILL');
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('completes in-flight requests, refuses new ones and exits 0 on SIGTERM', async () => {
      await drainUnderLoad(service as Service, database.url, 'DATABASE_URL', { databaseOutlivesService: true });
    }, 60_000);
  });

  describe('on the default path with the embedded Postgres', () => {
    let service: Service | undefined;
    let dataDir: string;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'cs-shutdown-embedded-'));
      chmodSync(dataDir, 0o755); // the cluster runs as the `postgres` user when the tests run as root
      service = await startService({ DATA_DIR: dataDir });
    }, 120_000);
    afterAll(() => {
      if (service?.process.child.exitCode === null) service.process.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('drains first, then stops its Postgres server, then exits 0', async () => {
      // postmaster.pid: line 1 the server's pid, line 4 its port.
      const pidFile = join(dataDir, 'pg', 'postmaster.pid');
      const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
      await drainUnderLoad(
        service as Service,
        `postgres://postgres:postgres@127.0.0.1:${port.trim()}/customer_segments`,
        'embedded Postgres',
        { databaseOutlivesService: false },
      );
      expect(existsSync(pidFile)).toBe(false);
      expect(() => process.kill(Number(pid), 0)).toThrow(/ESRCH/);
    }, 90_000);
  });
});
