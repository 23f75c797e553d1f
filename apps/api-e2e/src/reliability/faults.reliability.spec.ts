import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { Scopes } from '@cs/contracts';
import { createTestDatabase, ensureDatabase, freePort, ScratchDatabase, withDatabase } from '@cs/postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { isErrorBody, knob, report } from './harness';
import { buildService, PostgresProcess, startPostgresProcess } from './processes';

/**
 * Faults: Postgres restarted under a steady load of writes (errors only while it is down, all 503
 * with the error body; the service recovers by itself; every acknowledged write is stored), pool
 * exhaustion and slow statements (requests beyond capacity fail fast with 503, a statement timeout
 * bounds every query), and readiness reporting the database state.
 *
 * FAULT_RESTARTS sets how many restarts the load sees (1 in CI, 5 under `npm run soak`) and
 * SOAK_SECONDS how long the load runs between them (1 s in CI, 30 s under `npm run soak`).
 */
const RESTARTS = knob('FAULT_RESTARTS', 1, 5);
const LOAD_MS = knob('SOAK_SECONDS', 1, 30) * 1000;
const SEGMENTS = `/customer-segment/${TEST_TENANT}/segments`;

interface Attempt {
  id: string;
  status: number;
  sentAt: number;
  doneAt: number;
  body: unknown;
  retryAfter: string | null;
}

async function send(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reliability: database faults', () => {
  describe('Postgres restarted under a steady load of writes', () => {
    let postgres: PostgresProcess | undefined;
    let server: TestServer;
    let dataDir: string;
    let port: number;
    let token: string;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'cs-fault-pg-'));
      chmodSync(dataDir, 0o755); // the server runs as the `postgres` user when the tests run as root
      port = await freePort();
      buildService();
      postgres = await startPostgresProcess(dataDir, port);
      await ensureDatabase(postgres.url, 'faults');
      server = await startTestServer({
        DATABASE_URL: withDatabase(postgres.url, 'faults'),
        DB_ACQUIRE_TIMEOUT_MS: '1000',
        DB_STATEMENT_TIMEOUT_MS: '3000',
      });
      token = await server.token([Scopes.segmentManage, Scopes.segmentRead]);
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await postgres?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    it(
      'answers 503 only while the database is down, recovers without a restart, and keeps every acknowledged write',
      async () => {
        const attempts: Attempt[] = [];
        const readiness: Array<{ at: number; status: number; body: unknown }> = [];
        const outages: Array<{ stoppedAt: number; startedAt: number }> = [];
        let running = true;
        let sequence = 0;

        const writer = async (worker: number) => {
          while (running) {
            const id = `w${worker}-${sequence++}`;
            const sentAt = Date.now();
            const result = await send(server.baseUrl, token, 'POST', SEGMENTS, {
              id,
              name: { en: id },
              siteCode: 'main',
            }).catch((error: Error) => ({ status: 0, json: error.message, headers: new Headers() }));
            attempts.push({
              id,
              status: result.status,
              sentAt,
              doneAt: Date.now(),
              body: result.json,
              retryAfter: result.headers.get('retry-after'),
            });
            await sleep(10);
          }
        };
        const prober = async () => {
          while (running) {
            const response = await fetch(`${server.baseUrl}/health/ready`);
            readiness.push({ at: Date.now(), status: response.status, body: await response.json() });
            await sleep(100);
          }
        };
        const load = [...Array.from({ length: 4 }, (_, worker) => writer(worker)), prober()];

        for (let restart = 0; restart < RESTARTS; restart++) {
          await sleep(LOAD_MS);
          const stoppedAt = Date.now();
          await postgres?.stop();
          postgres = undefined;
          await sleep(1500);
          postgres = await startPostgresProcess(dataDir, port);
          outages.push({ stoppedAt, startedAt: Date.now() });
        }
        // The service must recover by itself: wait for writes to succeed again, then keep loading a while.
        const lastStart = outages[outages.length - 1].startedAt;
        const deadline = Date.now() + 20_000;
        while (
          Date.now() < deadline &&
          !attempts.some((attempt) => attempt.sentAt > lastStart && attempt.status === 201)
        )
          await sleep(100);
        const recoveredAt = attempts.find((attempt) => attempt.sentAt > lastStart && attempt.status === 201)?.doneAt;
        await sleep(LOAD_MS);
        running = false;
        await Promise.all(load);

        const acknowledged = attempts.filter((attempt) => attempt.status === 201).map((attempt) => attempt.id);
        const stored = await server.db.query<Array<{ id: string }>>(
          'SELECT id FROM segment WHERE tenant = $1 AND id = ANY($2)',
          [TEST_TENANT, acknowledged],
        );
        const failures = attempts.filter((attempt) => attempt.status !== 201);
        const inOutage = (attempt: Attempt) =>
          outages.some((outage) => attempt.doneAt >= outage.stoppedAt && attempt.sentAt <= outage.startedAt + 10_000);
        report(
          [
            'Postgres restart under load',
            `  restarts: ${outages.length}; down for ${outages.map((outage) => outage.startedAt - outage.stoppedAt).join(', ')} ms; first write acknowledged ${recoveredAt ? recoveredAt - lastStart : 'never'} ms after the restart`,
            `  writes: ${attempts.length} sent, ${acknowledged.length} acknowledged (201), ${stored.length} of them found afterwards`,
            `  failed writes: ${failures.length} (${[...new Set(failures.map((attempt) => attempt.status))].join(', ') || 'none'}), all during an outage: ${failures.every(inOutage)}`,
            `  readiness probes: ${readiness.length}, ${readiness.filter((probe) => probe.status === 503).length} answered 503 (database down)`,
          ].join('\n'),
        );

        expect(recoveredAt).toBeDefined();
        expect(stored.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
        expect(failures.length).toBeGreaterThan(0);
        expect(
          failures.filter(
            (attempt) => attempt.status !== 503 || !isErrorBody(attempt.body, 503) || attempt.retryAfter === null,
          ),
        ).toEqual([]);
        expect(failures.filter((attempt) => !inOutage(attempt))).toEqual([]);
        expect(
          readiness
            .filter((probe) => probe.status === 503)
            .every(
              (probe) => JSON.stringify(probe.body) === JSON.stringify({ status: 'unavailable', database: 'down' }),
            ),
        ).toBe(true);
        expect(readiness.some((probe) => probe.status === 503)).toBe(true);
        expect(readiness[readiness.length - 1]).toMatchObject({ status: 200, body: { status: 'ok', database: 'up' } });
      },
      120_000 + RESTARTS * (LOAD_MS + 30_000),
    );
  });

  describe('pool exhaustion and slow statements', () => {
    const POOL = 2;
    const ACQUIRE_MS = 200;
    const STATEMENT_MS = 1000;
    let server: TestServer;
    let token: string;
    let database: ScratchDatabase;
    let locker: Client;

    beforeAll(async () => {
      database = await createTestDatabase();
      server = await startTestServer({
        DATABASE_URL: database.url,
        DB_POOL_SIZE: String(POOL),
        DB_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_MS),
        DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
      });
      token = await server.token([Scopes.segmentManage, Scopes.segmentRead]);
      expect(
        (await send(server.baseUrl, token, 'POST', SEGMENTS, { id: 'hot', name: { en: 'hot' }, siteCode: 'main' }))
          .status,
      ).toBe(201);
      locker = new Client({ connectionString: database.url });
      await locker.connect();
    });
    afterAll(async () => {
      await locker.end();
      await server.close();
      await database.drop();
    });

    it('bounds every statement by the statement timeout on all pooled connections', async () => {
      const settings = await Promise.all(
        Array.from({ length: POOL }, () =>
          server.db.query<Array<{ statement_timeout: string }>>('SHOW statement_timeout'),
        ),
      );
      expect(settings.map(([row]) => row.statement_timeout)).toEqual(settings.map(() => `${STATEMENT_MS / 1000}s`));
    });

    it('fails requests beyond capacity fast with 503 while slow statements hold the pool, then serves normally again', async () => {
      // A direct connection holds the row lock; every write of the row waits for it.
      await locker.query('BEGIN');
      await locker.query(`SELECT 1 FROM segment WHERE tenant = $1 AND id = 'hot' FOR UPDATE`, [TEST_TENANT]);
      const started = Date.now();
      const writes = Promise.all(
        Array.from({ length: 10 }, async () => {
          const result = await send(server.baseUrl, token, 'PUT', `${SEGMENTS}/hot`, {
            name: { en: 'hot' },
            siteCode: 'main',
          });
          return { ...result, elapsed: Date.now() - started };
        }),
      );
      // Readiness, asked while the pool is exhausted, answers at once too (503: no connection to be had).
      await sleep(50);
      const probeStarted = Date.now();
      const ready = await fetch(`${server.baseUrl}/health/ready`);
      const probeElapsed = Date.now() - probeStarted;
      const results = await writes;
      await locker.query('ROLLBACK');

      const blocked = results.filter((result) => result.elapsed >= STATEMENT_MS);
      const refusedFast = results.filter((result) => result.elapsed < STATEMENT_MS);
      report(
        [
          'Pool exhaustion (DB_POOL_SIZE=2, DB_ACQUIRE_TIMEOUT_MS=200, DB_STATEMENT_TIMEOUT_MS=1000)',
          `  10 writes of a locked row: ${refusedFast.length} refused in ${Math.max(...refusedFast.map((result) => result.elapsed))} ms or less, ${blocked.length} cut off by the statement timeout after ${Math.max(...blocked.map((result) => result.elapsed))} ms; statuses ${[...new Set(results.map((result) => result.status))].join(', ')}`,
        ].join('\n'),
      );
      expect(
        results.every(
          (result) =>
            result.status === 503 && isErrorBody(result.json, 503) && result.headers.get('retry-after') === '1',
        ),
      ).toBe(true);
      // The pool's connections are held by statements that wait on the lock until the timeout cuts them off...
      expect(blocked.length).toBeLessThanOrEqual(POOL);
      expect(Math.max(...results.map((result) => result.elapsed))).toBeLessThan(STATEMENT_MS + 4000);
      // ...and everyone else is turned away soon after the acquire timeout instead of queueing.
      expect(refusedFast.length).toBeGreaterThanOrEqual(10 - POOL);
      expect(Math.max(...refusedFast.map((result) => result.elapsed))).toBeLessThan(ACQUIRE_MS + 3000);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', database: 'busy' });
      expect(probeElapsed).toBeLessThan(ACQUIRE_MS + 3000);

      const after = await send(server.baseUrl, token, 'PUT', `${SEGMENTS}/hot`, {
        name: { en: 'cool' },
        siteCode: 'main',
      });
      expect(after.status).toBe(204);
      expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);
    });
  });

  describe('read statement timeout', () => {
    const READ_MS = 200;
    let server: TestServer;
    let token: string;
    let database: ScratchDatabase;
    let locker: Client;

    beforeAll(async () => {
      database = await createTestDatabase();
      // Writes keep a long statement timeout: a read that waited as long would outlast the test.
      server = await startTestServer({
        DATABASE_URL: database.url,
        DB_STATEMENT_TIMEOUT_MS: '60000',
        DB_READ_STATEMENT_TIMEOUT_MS: String(READ_MS),
      });
      token = await server.token([Scopes.segmentManage, Scopes.segmentRead]);
      expect(
        (await send(server.baseUrl, token, 'POST', SEGMENTS, { id: 'slow', name: { en: 'slow' }, siteCode: 'main' }))
          .status,
      ).toBe(201);
      locker = new Client({ connectionString: database.url });
      await locker.connect();
    });
    afterAll(async () => {
      await locker.end();
      await server.close();
      await database.drop();
    });

    it('makes DB_READ_STATEMENT_TIMEOUT_MS the default of the pooled connections', async () => {
      const [setting] = await server.db.query<Array<{ statement_timeout: string }>>('SHOW statement_timeout');
      expect(setting.statement_timeout).toBe(`${READ_MS}ms`);
    });

    it('cuts off a read after DB_READ_STATEMENT_TIMEOUT_MS with 503, while a write waits under DB_STATEMENT_TIMEOUT_MS', async () => {
      // A direct connection locks the segment table: reading it waits for the lock, and so does writing it.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE segment IN ACCESS EXCLUSIVE MODE');
      const read = await send(server.baseUrl, token, 'GET', `${SEGMENTS}/slow`);
      const write = send(server.baseUrl, token, 'PUT', `${SEGMENTS}/slow`, {
        name: { en: 'still slow' },
        siteCode: 'main',
      });
      // Long enough that the write has waited past the read timeout before the lock goes.
      await sleep(READ_MS * 3);
      await locker.query('ROLLBACK');

      expect(read.status).toBe(503);
      expect(isErrorBody(read.json, 503)).toBe(true);
      expect(read.headers.get('retry-after')).toBe('1');
      expect((await write).status).toBe(204);
      const after = await send(server.baseUrl, token, 'GET', `${SEGMENTS}/slow`);
      expect(after).toMatchObject({ status: 200, json: { name: { en: 'still slow' } } });
    });
  });
});
