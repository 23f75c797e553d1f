import { MIGRATIONS, MIGRATIONS_LOCK_KEY, TEST_TENANT } from '@cs/api/testing';
import { AnyEventEnvelope } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { report } from './harness';
import {
  buildService,
  ChildOutput,
  issueToken,
  logEntries,
  request,
  Service,
  spawnService,
  startService,
} from './processes';

/**
 * Several copies of the built service on one database: started at once on an empty one, they apply the
 * migrations once (under the migrations lock) and say `migrating` meanwhile; running, they share the data,
 * the optimistic locks and the event relay, and one of them stopping under traffic loses no request.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const S = `/customer-segment/${TEST_TENANT}`;

type Outcome = Awaited<ReturnType<typeof request>>;
const statusOf = (outcome: Outcome) => ('status' in outcome ? outcome.status : outcome.error);

describe('reliability: several replicas on one database', () => {
  const folders: string[] = [];
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'cs-replicas-'));
    folders.push(made);
    return made;
  };
  const databases: ScratchDatabase[] = [];
  const clients: Client[] = [];
  const children: ChildOutput[] = [];

  /** An empty database and an SQL client on it. */
  async function emptyDatabase() {
    const database = await createTestDatabase();
    databases.push(database);
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    clients.push(sql);
    return { url: database.url, sql };
  }

  beforeAll(() => buildService(), 120_000);
  afterEach(async () => {
    for (const { child } of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    for (const client of clients.splice(0)) await client.end();
    for (const database of databases.splice(0)) await database.drop();
    for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
  });

  it('three started at once on an empty database: one applies the migrations, the others wait, then all serve', async () => {
    const { url, sql } = await emptyDatabase();
    // The test holds the lock first, so that all three are seen waiting.
    await sql.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK_KEY]);
    const replicas = await Promise.all(
      [1, 2, 3].map(() => spawnService({ DATABASE_URL: url, DATA_DIR: folder(), LOG_LEVEL: 'info' })),
    );
    children.push(...replicas);
    const waitLine = /^Waiting for another process to apply the database migrations \(advisory lock \d+\)$/;
    const waiting = () =>
      replicas.every((replica) => logEntries(replica.output()).some((entry) => waitLine.test(entry.msg)));
    for (const deadline = Date.now() + 60_000; !waiting(); await sleep(50))
      if (Date.now() > deadline) throw new Error(replicas.map((replica) => replica.output()).join('\n'));

    for (const replica of replicas) {
      const live = await fetch(`${replica.baseUrl}/health`);
      expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(`${replica.baseUrl}/health/ready`);
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable', database: 'migrating' }]);
      const route = await fetch(`${replica.baseUrl}${S}/segments`);
      expect(route.status).toBe(503);
      expect(route.headers.get('retry-after')).toBe('5');
      expect(await route.json()).toEqual({
        code: 503,
        status: 'Service Unavailable',
        message: 'The service is applying database migrations. Please retry.',
      });
    }
    const tableWhileWaiting = await sql.query<{ present: boolean }>(
      "SELECT to_regclass('migrations') IS NOT NULL AS present",
    );
    expect(tableWhileWaiting.rows).toEqual([{ present: false }]);

    const releasedAt = Date.now();
    await sql.query('SELECT pg_advisory_unlock($1)', [MIGRATIONS_LOCK_KEY]);
    await Promise.all(replicas.map((replica) => replica.listening(60_000)));
    const servingAfterMs = Date.now() - releasedAt;
    const starts = replicas.map(
      (replica) =>
        logEntries(replica.output()).find((entry) => entry.msg.startsWith('Listening on'))?.start as {
          migrations: { applied: number; appliedNow: number; pending: number };
        },
    );
    report(
      [
        'Three replicas started at once on an empty database (the migrations lock held by the test, then released)',
        ...replicas.map(
          (replica) => `  ${logEntries(replica.output()).find((entry) => entry.msg.startsWith('Listening on'))?.msg}`,
        ),
        `  all serving ${servingAfterMs} ms after the release`,
      ].join('\n'),
    );
    expect(starts.map((start) => start.migrations.appliedNow).sort()).toEqual([0, 0, MIGRATIONS.length]);
    for (const start of starts) expect(start.migrations).toMatchObject({ applied: MIGRATIONS.length, pending: 0 });
    for (const replica of replicas) expect((await fetch(`${replica.baseUrl}/health/ready`)).status).toBe(200);
    const applied = await sql.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    expect(applied.rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));

    for (const replica of replicas) replica.child.kill('SIGTERM');
    for (const replica of replicas) expect(await replica.exited).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('two serving one database: shared data, locks and events; SIGTERM of one under traffic loses no request', async () => {
    const { url, sql } = await emptyDatabase();
    // One DATA_DIR: both hold the built-in issuer's key, so a token of one is good at the other.
    const env = { DATABASE_URL: url, DATA_DIR: folder() };
    const a = await startService(env);
    const b = await startService(env);
    children.push(a.process, b.process);
    const expectStatus = async (outcome: Promise<Outcome>, status: number) => {
      const answer = await outcome;
      expect([statusOf(answer), 'text' in answer ? answer.text : '']).toEqual([status, expect.anything()]);
      return answer as { status: number; text: string };
    };
    const segment = (name: string, version?: number) => ({
      name: { en: name },
      siteCode: 'main',
      ...(version !== undefined && { metadata: { version } }),
    });

    // Writes through both, each read through the other.
    await expectStatus(request(a, 'PUT', '/segments/seg-a', segment('written at A')), 201);
    await expectStatus(request(b, 'PUT', '/segments/seg-b', segment('written at B')), 201);
    await expectStatus(request(a, 'PUT', '/segments/seg-a/customers/c-a', {}), 201);
    await expectStatus(request(b, 'PUT', '/segments/seg-a/customers/c-b', {}), 201);
    const readB = JSON.parse((await expectStatus(request(b, 'GET', '/segments/seg-a'), 200)).text);
    expect(readB).toMatchObject({ id: 'seg-a', name: { en: 'written at A' }, metadata: { version: 1 } });
    const readA = JSON.parse((await expectStatus(request(a, 'GET', '/segments/seg-b'), 200)).text);
    expect(readA).toMatchObject({ id: 'seg-b', name: { en: 'written at B' } });
    const members = (service: Service) =>
      expectStatus(request(service, 'GET', '/segments/seg-a/customers'), 200).then((answer) =>
        (JSON.parse(answer.text) as Array<{ customer: { id: string } }>).map((item) => item.customer.id).sort(),
      );
    expect(await members(a)).toEqual(['c-a', 'c-b']);
    expect(await members(b)).toEqual(['c-a', 'c-b']);

    // Optimistic locking across the two: version 1 is stale at B once A has written it.
    await expectStatus(request(a, 'PUT', '/segments/seg-a', segment('A, version 1', 1)), 204);
    await expectStatus(request(b, 'PUT', '/segments/seg-a', segment('B, version 1', 1)), 409);
    await expectStatus(request(b, 'PUT', '/segments/seg-a', segment('B, version 2', 2)), 204);
    // The writes that changed something, one event each: 2 segments created, 2 assignments, 2 updates.
    let changes = 6;

    // Traffic through both; B gets SIGTERM while it runs. A request B refuses is retried through A.
    const WRITERS = 6;
    const outcomes: Array<{ via: 'A' | 'B'; first: string | number; retried?: string | number }> = [];
    let stopping = false;
    let signalledAt = 0;
    const traffic = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; !stopping || n < 10; n++) {
        const viaB = (writer + n) % 2 === 1;
        const body = segment(`writer ${writer}, write ${n}`);
        const first = await request(viaB ? b : a, 'PUT', `/segments/load-${writer}`, body);
        const outcome: (typeof outcomes)[number] = { via: viaB ? 'B' : 'A', first: statusOf(first) };
        if (!('status' in first) || first.status === 503) {
          if ('status' in first) expect(JSON.parse(first.text)).toMatchObject({ code: 503 });
          outcome.retried = statusOf(await request(a, 'PUT', `/segments/load-${writer}`, body));
        }
        outcomes.push(outcome);
        // Every write names a new value: it changes the segment (created at n = 0), whoever applied it.
        changes += 1;
      }
    });
    await sleep(500);
    // Besides the traffic, writes surely in flight at the signal: they wait on a row lock the test holds.
    await expectStatus(request(a, 'PUT', '/segments/held', segment('held')), 201);
    await sql.query('BEGIN');
    await sql.query("SELECT 1 FROM segment WHERE tenant = $1 AND id = 'held' FOR UPDATE", [TEST_TENANT]);
    const inFlight = [1, 2, 3].map((n) => request(b, 'PUT', '/segments/held', segment(`held ${n}`)));
    await sleep(300);
    signalledAt = Date.now();
    b.process.child.kill('SIGTERM');
    await sleep(300);
    await sql.query('ROLLBACK');
    const inFlightStatuses = (await Promise.all(inFlight)).map(statusOf);
    changes += 1 + inFlightStatuses.length;
    const bExit = await b.process.exited;
    const exitMs = Date.now() - signalledAt;
    await sleep(300);
    stopping = true;
    await Promise.all(traffic);

    const refused = outcomes.filter((outcome) => outcome.retried !== undefined);
    const tally = (values: Array<string | number>) =>
      [...values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map())]
        .map(([value, count]) => `${count} × ${value}`)
        .join(', ');
    report(
      [
        'Two replicas on one database, SIGTERM of B under 6 writers',
        `  ${outcomes.length} writes: through A ${tally(outcomes.filter((o) => o.via === 'A').map((o) => o.first))}; ` +
          `through B ${tally(outcomes.filter((o) => o.via === 'B').map((o) => o.first))}`,
        `  retried through A: ${tally(refused.map((outcome) => outcome.retried as number)) || 'none'}`,
        `  3 writes through B in flight at the signal: ${inFlightStatuses.join(', ')}`,
        `  B exited with code ${bExit.code} ${exitMs} ms after the signal`,
      ].join('\n'),
    );
    expect(bExit).toEqual({ code: 0, signal: null });
    expect(inFlightStatuses).toEqual([204, 204, 204]);
    expect(
      outcomes
        .filter((outcome) => outcome.via === 'A')
        .every((outcome) => [201, 204].includes(outcome.first as number)),
    ).toBe(true);
    for (const outcome of outcomes.filter((each) => each.via === 'B')) {
      if ([201, 204].includes(outcome.first as number)) continue;
      // Refused unread: a 503 on a kept-alive connection, or no connection once B's listener is closed.
      expect(outcome.first).toMatch(/^(503|ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/);
      // A write B applied but could not answer is found applied: the retry changes nothing (204).
      expect([201, 204]).toContain(outcome.retried);
    }
    expect(refused.length).toBeGreaterThan(0);

    // Every change is one event in the feed, read through A: no position twice, sequences 1..n per document.
    const eventToken = await issueToken(a.baseUrl, `tenant=${TEST_TENANT} customersegment.event_read`);
    const feed = async () => {
      const response = await fetch(`${a.baseUrl}${S}/events?after=0&limit=1000`, {
        headers: { authorization: `Bearer ${eventToken}` },
      });
      return (await response.json()) as AnyEventEnvelope[];
    };
    let events = await feed();
    for (const deadline = Date.now() + 10_000; events.length < changes && Date.now() < deadline; await sleep(100))
      events = await feed();
    await sleep(300);
    events = await feed();
    const positions = events.map((event) => Number(event.id));
    const byResource = new Map<string, number[]>();
    for (const event of events) {
      const key = `${event.resource.type}/${event.resource.id}`;
      byResource.set(key, [...(byResource.get(key) ?? []), event.sequence]);
    }
    report(`  ${changes} changes, ${events.length} events in the feed over ${byResource.size} documents`);
    expect(events).toHaveLength(changes);
    expect(positions).toEqual([...new Set(positions)].sort((x, y) => x - y));
    for (const [resource, sequences] of byResource)
      expect([resource, sequences]).toEqual([resource, sequences.map((_, index) => index + 1)]);
    expect(byResource.get('segment/seg-a')).toHaveLength(3);
  }, 60_000);
});
