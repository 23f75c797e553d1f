import { TEST_TENANT } from '@cs/api/testing';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { report } from './harness';
import { buildService, request, Service, startService } from './processes';

/**
 * What the built service writes about a failed statement: one JSON line naming the statement and the
 * Postgres error code, never the SQL's parameter values (customer ids, mixins).
 */
describe('reliability: logs of failed statements', () => {
  const secret = 'customer-secret-4711';
  let database: ScratchDatabase;
  let service: Service | undefined;
  let dataDir: string;

  beforeAll(async () => {
    buildService();
    dataDir = mkdtempSync(join(tmpdir(), 'cs-logging-'));
    database = await createTestDatabase();
    service = await startService({ DATABASE_URL: database.url, DATA_DIR: dataDir, DB_STATEMENT_TIMEOUT_MS: '300' });
  }, 120_000);
  afterAll(async () => {
    if (service?.process.child.exitCode === null) service.process.child.kill('SIGKILL');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs a statement cut by the timeout as one line without values', async () => {
    const live = service as Service;
    expect(
      await request(live, 'POST', '/segments', { id: 'locked', name: { en: 'locked' }, siteCode: 'main' }),
    ).toMatchObject({ status: 201 });
    const locker = new Client({ connectionString: database.url });
    await locker.connect();
    const before = live.process.output().length;
    try {
      await locker.query('BEGIN');
      await locker.query(`SELECT 1 FROM segment WHERE tenant = $1 AND id = 'locked' FOR UPDATE`, [TEST_TENANT]);
      const write = await request(live, 'PUT', '/segments/locked', {
        name: { en: secret },
        siteCode: 'main',
        mixins: { note: secret },
      });
      expect(write).toMatchObject({ status: 503 });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // the child's stdout reaches us asynchronously
    const lines = live.process.output().slice(before).split('\n').filter(Boolean);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    // The figure names what was logged, not the raw lines: a passing run prints no log lines.
    report(
      [
        `Failed statement, as logged: ${lines.length} JSON lines`,
        ...entries.map(({ level, context, msg, statement, code }) =>
          [`  level ${level}`, context, msg, statement, code && `code ${code}`].filter(Boolean).join(', '),
        ),
      ].join('\n'),
    );

    const failures = entries.filter((entry) => entry.msg === 'statement failed');
    expect(failures).toEqual([
      expect.objectContaining({
        level: 40,
        statement: expect.stringMatching(/^SELECT segment#[0-9a-f]{10}$/),
        code: '57014',
      }),
    ]);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).not.toMatch(/PARAMETERS|FOR UPDATE/);
    // The request's own line (503) carries no stack trace either, and names who asked: tenant and client id.
    expect(lines.join('\n')).not.toContain('"stack"');
    expect(entries.filter((entry) => entry.req && entry.res)).toEqual([
      expect.objectContaining({ tenant: TEST_TENANT, clientId: expect.any(String) }),
    ]);
  }, 60_000);
});
