import { describeWithNats, natsForTests, NatsForTests, readStream, TEST_TENANT } from '@cs/api/testing';
import { AnyEventEnvelope } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { connect } from 'nats';
import { Client } from 'pg';
import { report } from './harness';
import { buildService, request, Service, startService } from './processes';

/**
 * The delivery guarantees of the events (docs/events.md) through NATS JetStream, against the built service in child
 * processes, a scratch database each, and a nats-server of the suite's own (or NATS_URL's, for the tests that do not
 * stop it): at least once across a crash between publishing and the cursor's commit, nothing lost while NATS is
 * away, one copy per event with two relaying replicas, per-resource order, and an event exactly for each committed
 * change after a crash under load.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Every message published on `<prefix>.>`, as plain NATS subscribers see them: redeliveries included. */
async function subscribe(url: string, prefix: string) {
  const connection = await connect({ servers: url });
  const subscription = connection.subscribe(`${prefix}.>`);
  const received: Array<{ msgId: string | undefined; event: AnyEventEnvelope }> = [];
  void (async () => {
    for await (const message of subscription)
      received.push({ msgId: message.headers?.get('Nats-Msg-Id'), event: message.json<AnyEventEnvelope>() });
  })();
  // The subscription is registered on the server before anything is published.
  await connection.flush();
  return { received, close: () => connection.close() };
}

/** Ids that occur more than once, with their counts. */
function repeated(ids: Array<string | undefined>): Map<string | undefined, number> {
  const counts = new Map<string | undefined, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Map([...counts].filter(([, count]) => count > 1));
}

/** The events of each resource in the order of `messages`: resource id -> sequences. */
function sequencesByResource(messages: AnyEventEnvelope[]): Map<string, number[]> {
  const byResource = new Map<string, number[]>();
  for (const event of messages) {
    const key = `${event.resource.type}/${event.resource.id}`;
    byResource.set(key, [...(byResource.get(key) ?? []), event.sequence]);
  }
  return byResource;
}

const oneToN = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

describeWithNats(describe, 'own', 'reliability: event delivery to NATS JetStream', () => {
  let nats: NatsForTests;
  const databases: ScratchDatabase[] = [];
  const services: Service[] = [];
  const clients: Client[] = [];
  const closers: Array<() => Promise<unknown>> = [];
  let streamNumber = 0;

  beforeAll(async () => {
    buildService();
    nats = await natsForTests();
  }, 120_000);
  afterEach(async () => {
    for (const service of services.splice(0)) service.process.child.kill('SIGKILL');
    for (const close of closers.splice(0)) await close();
    for (const client of clients.splice(0)) await client.end();
    for (const database of databases.splice(0)) await database.drop();
  });
  afterAll(() => nats?.dispose());

  /** A scratch database, a stream and subject prefix of its own, and an SQL client on the database. */
  async function setUp() {
    const database = await createTestDatabase();
    databases.push(database);
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    clients.push(sql);
    streamNumber += 1;
    const env = {
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      NATS_STREAM: `${nats.unique}_${streamNumber}`,
      NATS_SUBJECT_PREFIX: `rel${streamNumber}`,
      LOG_FORMAT: 'json',
    };
    const subscriber = await subscribe(nats.url, env.NATS_SUBJECT_PREFIX);
    closers.push(subscriber.close);
    const start = async (extra: Record<string, string> = {}) => {
      const service = await startService({ ...env, ...extra });
      services.push(service);
      return service;
    };
    const stream = () => readStream(nats.url, env.NATS_STREAM);
    /** Every event of the outbox, in one snapshot: in position order, the unsequenced ones (position null) last. */
    const outbox = async () =>
      (
        await sql.query<{ position: string | null; resource_id: string; sequence: number | null }>(
          'SELECT position, resource_id, sequence FROM outbox ORDER BY position::bigint NULLS LAST',
        )
      ).rows;
    /**
     * Resolves once every event is sequenced and the stream holds all of them, and returns both. The stream is read
     * after the outbox, so it never lags behind an outbox read a moment later (the writes have all been answered).
     */
    const drained = () =>
      until('the stream to hold every event', async () => {
        const events = await outbox();
        if (events.some((event) => event.position === null)) return undefined;
        const messages = await stream();
        return messages.length === events.length ? { messages, events } : undefined;
      });
    return { env, sql, subscriber, start, stream, outbox, drained };
  }

  const putSegment = (service: Service, id: string, name: string) =>
    request(service, 'PUT', `/segments/${id}`, { name: { en: name }, status: 'ACTIVE', siteCode: 'main' });

  const readiness = async (service: Service) =>
    (await (await fetch(`${service.baseUrl}/health/ready`)).json()) as {
      status: string;
      events?: { backlog: number; sinks?: { nats?: { state: string; reason?: string } } };
    };

  it('publishes an event again with the same id after a crash before the cursor moved; JetStream keeps one copy', async () => {
    const { sql, subscriber, start, stream, outbox } = await setUp();
    const first = await start({ DB_STATEMENT_TIMEOUT_MS: '120000' });
    // Test-only: the cursor's update waits for an advisory lock this test holds, so the relay has published the
    // events and waits to commit the cursor when the service is killed.
    await sql.query(`CREATE FUNCTION test_hold_cursor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock(4242); RETURN NEW; END $$`);
    await sql.query(
      'CREATE TRIGGER test_hold_cursor BEFORE UPDATE ON event_sink_cursor FOR EACH ROW EXECUTE FUNCTION test_hold_cursor()',
    );
    await sql.query('SELECT pg_advisory_lock(4242)');

    for (const id of ['s1', 's2', 's3']) expect(await putSegment(first, id, id)).toMatchObject({ status: 201 });
    await until('the relay to wait on the cursor', async () => {
      const { rows } = await sql.query(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND NOT granted`,
      );
      return Number(rows[0].n) === 1;
    });
    // The batch it published (the first write's event, or more if they were sequenced together) is acknowledged.
    const published = await until('the first publication', async () => {
      const stored = await stream();
      return stored.length && subscriber.received.length === stored.length ? stored : undefined;
    });
    const firstBatch = published.map((message) => message.msgId);

    first.process.child.kill('SIGKILL');
    await first.process.exited;
    // Its sessions, one of them waiting on the lock in the middle of the relay's transaction, end with it (Postgres
    // would notice the closed connection only when it next writes to it); the transaction rolls back.
    await sql.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await sql.query('SELECT pg_advisory_unlock(4242)');
    await sql.query('DROP TRIGGER test_hold_cursor ON event_sink_cursor');
    // No cursor: the relay's first transaction, which created it, rolled back.
    expect((await sql.query('SELECT position FROM event_sink_cursor')).rows).toEqual([]);
    const second = await start();
    const ids = (await outbox()).map((event) => event.position);
    await until('the cursor to move', async () => {
      const { rows } = await sql.query('SELECT position FROM event_sink_cursor');
      return rows[0]?.position === ids[ids.length - 1];
    });
    await until('the second publication', () => subscriber.received.length === firstBatch.length + ids.length);

    // The first batch published twice, with the same ids and bodies: at least once.
    expect(ids).toHaveLength(3);
    expect(subscriber.received.map((message) => message.msgId)).toEqual([...firstBatch, ...ids]);
    expect(subscriber.received.slice(firstBatch.length, 2 * firstBatch.length)).toEqual(
      subscriber.received.slice(0, firstBatch.length),
    );
    // One copy in the stream: JetStream dropped the redelivery by its Nats-Msg-Id.
    expect((await stream()).map((message) => message.msgId)).toEqual(ids);
    expect((await readiness(second)).events).toMatchObject({ backlog: 0, sinks: { nats: { state: 'up' } } });
    report(
      `At least once: killed between publishing ${firstBatch.length} event(s) and the cursor's commit; after the restart ` +
        `${subscriber.received.length} publications of ${ids.length} events, ${(await stream()).length} in the stream`,
    );
  }, 120_000);

  it('loses nothing while NATS is stopped under a write load; the backlog flows in per-resource order when it is back', async () => {
    const { start, drained } = await setUp();
    const service = await start();
    let writing = true;
    let acknowledged = 0;
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let n = 0; writing; n++) {
        const result = await putSegment(service, `d${(writer * 7 + n) % 20}`, `w${writer}-${n}`);
        if ('status' in result && result.status < 300) acknowledged += 1;
        await sleep(5);
      }
    });
    await sleep(1_000);
    await nats.stop();
    const stoppedAt = acknowledged;
    const down = await until('readiness to show NATS down', async () => {
      const body = await readiness(service);
      return body.events?.sinks?.nats?.state === 'down' ? body : undefined;
    });
    // The backlog is counted at most every 5 s.
    const away = await until('readiness to show a backlog', async () => {
      const body = await readiness(service);
      return (body.events?.backlog ?? 0) > 0 ? body : undefined;
    });
    await sleep(1_000);
    await nats.start();
    const restartedAt = Date.now();
    await sleep(1_000);
    writing = false;
    await Promise.all(writers);

    const { messages, events } = await drained();
    const flowedMs = Date.now() - restartedAt;
    report(
      `NATS stopped under load: ${acknowledged} writes (${acknowledged - stoppedAt} after the stop), ` +
        `readiness ${away.status} with backlog ${away.events?.backlog} while away, ` +
        `${messages.length} events in the stream ${flowedMs} ms after NATS was back`,
    );
    expect(down.status).toBe('ok');
    expect(away).toMatchObject({ status: 'ok', events: { sinks: { nats: { state: 'down' } } } });
    // Every event of the outbox once, in position order, and per resource 1..n.
    expect(messages.map((message) => message.msgId)).toEqual(events.map((event) => event.position));
    const byResource = sequencesByResource(messages.map((message) => message.body as AnyEventEnvelope));
    for (const sequences of byResource.values()) expect(sequences).toEqual(oneToN(sequences.length));
    expect(events.length).toBe(acknowledged);
    await until('readiness to show no backlog', async () => (await readiness(service)).events?.backlog === 0);
    expect(await readiness(service)).toMatchObject({ status: 'ok', events: { sinks: { nats: { state: 'up' } } } });
  }, 180_000);

  it('publishes every event once with two services relaying from one database', async () => {
    const { subscriber, start, drained } = await setUp();
    const replicas = [await start(), await start()];
    let acknowledged = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, writer) => {
        for (let n = 0; n < 60; n++) {
          // Both replicas take writes of the same tenant and documents.
          const result = await putSegment(replicas[(writer + n) % 2], `r${n % 15}`, `w${writer}-${n}`);
          if ('status' in result && result.status < 300) acknowledged += 1;
        }
      }),
    );
    const { messages, events } = await drained();
    await until('the subscriber to see every publication', () => subscriber.received.length >= events.length);
    await sleep(500);
    report(
      `Two relaying replicas: ${acknowledged} writes, ${events.length} events, ${subscriber.received.length} publications, ${messages.length} in the stream`,
    );
    expect(events.length).toBe(acknowledged);
    expect(repeated(subscriber.received.map((message) => message.msgId))).toEqual(new Map());
    expect(subscriber.received).toHaveLength(events.length);
    expect(messages.map((message) => message.msgId)).toEqual(events.map((event) => event.position));
  }, 180_000);

  it('delivers the events of 1,000 random writes over 50 documents with sequence 1..n per document, in order', async () => {
    const { subscriber, start, drained } = await setUp();
    const service = await start();
    // mulberry32: the same 1,000 writes every run.
    let seed = 20240611;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
    };
    const writes = Array.from({ length: 1_000 }, (_, n) => ({
      document: `o${random(50)}`,
      remove: random(10) === 0,
      n,
    }));
    const changed: Array<{ document: string; status: number }> = [];
    // Eight writers at once, each taking the next write: documents are written concurrently.
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < writes.length) {
          const { document, remove, n } = writes[next++];
          const result = remove
            ? await request(service, 'DELETE', `/segments/${document}`)
            : await putSegment(service, document, `name ${n}`);
          if ('status' in result) changed.push({ document, status: result.status });
        }
      }),
    );
    const { messages, events } = await drained();
    await until('the subscriber to see every publication', () => subscriber.received.length >= events.length);

    const committed = changed.filter((write) => [201, 204].includes(write.status)).length;
    const fromStream = sequencesByResource(messages.map((message) => message.body as AnyEventEnvelope));
    const fromSubscriber = sequencesByResource(subscriber.received.map((message) => message.event));
    report(
      `Per-resource order: 1,000 writes over 50 documents, ${committed} changes, ${events.length} events over ${fromStream.size} documents`,
    );
    expect(events.length).toBe(committed);
    expect(fromStream.size).toBe(50);
    for (const [resource, sequences] of fromStream) {
      expect({ resource, sequences }).toEqual({ resource, sequences: oneToN(sequences.length) });
      expect(fromSubscriber.get(resource)).toEqual(sequences);
    }
  }, 180_000);

  it('has an event exactly for each committed change after the service is killed under a write load', async () => {
    const { sql, start, drained } = await setUp();
    const first = await start();
    const acknowledged = new Map<string, number>();
    let running = true;
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let n = 0; running; n++) {
        const id = `k${(writer * 13 + n) % 40}`;
        const result = await putSegment(first, id, `w${writer}-${n}`);
        if (!('status' in result)) return;
        if (result.status < 300) acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1);
      }
    });
    await sleep(1_500);
    first.process.child.kill('SIGKILL');
    running = false;
    await Promise.all(writers);
    const second = await start();
    const { messages } = await drained();

    const rows = (
      await sql.query<{ id: string; version: number }>('SELECT id, version FROM segment WHERE tenant = $1', [
        TEST_TENANT,
      ])
    ).rows;
    const events = (
      await sql.query<{ resource_id: string; version: number; sequence: number }>(
        `SELECT resource_id, version, sequence FROM outbox WHERE tenant = $1 ORDER BY position::bigint`,
        [TEST_TENANT],
      )
    ).rows;
    const versionsOf = (id: string) => events.filter((event) => event.resource_id === id).map((e) => e.version);
    report(
      `Crash under load: ${[...acknowledged.values()].reduce((a, b) => a + b, 0)} acknowledged writes, ` +
        `${rows.length} segments, ${events.length} events, ${messages.length} in the stream`,
    );
    // Every committed version of every segment has its event, and no event exists for anything else.
    expect(new Set(events.map((event) => event.resource_id))).toEqual(new Set(rows.map((row) => row.id)));
    for (const row of rows) {
      expect({ id: row.id, versions: versionsOf(row.id) }).toEqual({ id: row.id, versions: oneToN(row.version) });
      // Acknowledged writes committed; unacknowledged ones in flight at the kill may have committed too.
      expect(row.version).toBeGreaterThanOrEqual(acknowledged.get(row.id) ?? 0);
    }
    expect(events.map((event) => event.sequence)).toEqual(events.map((event) => event.version));
    expect(messages).toHaveLength(events.length);
    expect((await readiness(second)).events?.sinks).toEqual({ nats: { state: 'up' } });
  }, 180_000);
});
