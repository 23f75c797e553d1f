import { TEST_TENANT } from '@cs/api/testing';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Received } from '../webhook-receiver';
import { report } from './harness';
import { buildService, request, Service } from './processes';
import { webhookWorlds } from './webhook-world';

/**
 * The webhook deliveries' guarantees across processes, against the built service in child processes on a scratch
 * database each and a real receiver: a delivery in flight when its process is killed is sent again after the
 * restart with the same `webhook-id` and body (its lease ends; the lost attempt is never recorded), two replicas
 * on one database deliver every event once and keep the per-endpoint cap between them, and SIGTERM lets the
 * attempts in flight finish and records them.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Ids that occur more than once, with their counts. */
function repeated(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Map([...counts].filter(([, count]) => count > 1));
}

/** Event ids (positions, decimal) in numeric order. */
const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const sortIds = (ids: Iterable<string>) => [...ids].sort(compareIds);
const byId = (messages: Received[]) => [...messages].sort((a, b) => compareIds(a.id, b.id));

/**
 * The local ports of process `pid`'s TCP connections to 127.0.0.1:`port` open now (from /proc: its socket inodes
 * matched with the kernel's connection table), so the receiver can tell which process sent a message.
 */
function portsConnectedTo(pid: number, port: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // closed meanwhile
    }
  }
  const remote = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[2] === remote && inodes.has(fields[9]))
    .map((fields) => parseInt(fields[1].split(':')[1], 16));
}

interface DeliveryRow {
  event_id: string;
  status: string;
  attempts: number;
  leased: boolean;
  payload: string;
}

interface AttemptRow {
  event_id: string;
  number: number;
  response_status: number | null;
  error: string | null;
}

describe('reliability: webhook deliveries across kills, replicas and shutdown', () => {
  const worlds = webhookWorlds();

  beforeAll(() => buildService(), 120_000);
  afterEach(() => worlds.tearDown());

  /** A world of `webhookWorlds` (services logging JSON, quick retries) with readers of its delivery tables. */
  async function setUp(env: Record<string, string>) {
    const { sql, receiver, start, createEndpoint } = await worlds.setUp({
      LOG_FORMAT: 'json',
      WEBHOOKS_RETRY_SCHEDULE: '200ms,200ms,200ms',
      WEBHOOKS_ATTEMPT_TIMEOUT: '1s',
      ...env,
    });
    const deliveries = async () =>
      (
        await sql.query<DeliveryRow>(
          `SELECT event_id, status, attempts, lease_until > now() AS leased, payload FROM webhook_delivery
          WHERE tenant = $1 ORDER BY length(event_id), event_id`,
          [TEST_TENANT],
        )
      ).rows;
    const attempts = async () =>
      (
        await sql.query<AttemptRow>(
          `SELECT event_id, number, response_status, error FROM webhook_attempt WHERE tenant = $1
          ORDER BY length(event_id), event_id, number`,
          [TEST_TENANT],
        )
      ).rows;
    const outboxIds = async () =>
      (
        await sql.query<{ id: string }>(
          `SELECT position AS id FROM outbox WHERE tenant = $1 AND position IS NOT NULL ORDER BY position::bigint`,
          [TEST_TENANT],
        )
      ).rows.map((row) => row.id);
    return { sql, receiver, start, createEndpoint, deliveries, attempts, outboxIds };
  }

  const createSegment = async (service: Service, id: string) =>
    expect(await request(service, 'POST', '/segments', { id, name: { en: id }, siteCode: 'main' })).toMatchObject({
      status: 201,
    });

  it('sends the deliveries in flight at a SIGKILL again after the restart, same webhook-id and body', async () => {
    // Room for all five at once, so every one is in flight when the process is killed.
    const { receiver, start, createEndpoint, deliveries, attempts, outboxIds } = await setUp({
      WEBHOOKS_ENDPOINT_CONCURRENCY: '10',
    });
    const first = await start();
    const endpoint = await createEndpoint('/killed');
    receiver.answer(endpoint.path, 'hang');
    // One request, so that the five are leased and sent together, well within the attempt timeout.
    const created = await request(
      first,
      'POST',
      '/segments/bulk',
      Array.from({ length: 5 }, (_, n) => ({ id: `k${n}`, name: { en: `k${n}` }, siteCode: 'main' })),
    );
    expect(created).toMatchObject({ status: 207 });
    expect(JSON.parse((created as { text: string }).text)).toEqual(
      Array.from({ length: 5 }, (_, n) => expect.objectContaining({ index: n, code: 201 })),
    );
    const before = byId(await receiver.waitFor(endpoint.path, 5));
    const sentAt = Math.min(...before.map((message) => message.at));

    first.process.child.kill('SIGKILL');
    await first.process.exited;
    const killedAt = Date.now();
    const inFlightMs = killedAt - sentAt;
    // The five attempts were leased and sent, and none had ended: no attempt recorded, every lease still held.
    const ids = await outboxIds();
    expect(before.map((message) => message.id)).toEqual(ids);
    expect(await attempts()).toEqual([]);
    expect(
      (await deliveries()).map(({ event_id, status, attempts, leased }) => [event_id, status, attempts, leased]),
    ).toEqual(ids.map((id) => [id, 'pending', 1, true]));

    receiver.answer(endpoint.path, { status: 200 });
    const second = await start();
    const restartedAt = Date.now();
    const all = await receiver.waitFor(endpoint.path, 10, 30_000);
    const doneAt = Date.now();
    const after = byId(all.slice(5));
    report(
      `Webhooks after SIGKILL: 5 attempts in flight at the kill (the first for ${inFlightMs} ms); sent again ${doneAt - killedAt} ms after the kill, ` +
        `${doneAt - restartedAt} ms after the restart listened (leases of 3 s)`,
    );

    // The same message again: webhook-id, body, and a signature that verifies (with a new timestamp).
    expect(after.map((message) => message.id)).toEqual(ids);
    expect(after.map((message) => message.body)).toEqual(before.map((message) => message.body));
    for (const message of [...before, ...after])
      expect(receiver.verify(message, endpoint.secret)).toMatchObject({ id: message.id, tenant: TEST_TENANT });
    const stored = await until('every delivery to be recorded', async () => {
      const rows = await deliveries();
      return rows.every((row) => row.status === 'succeeded') ? rows : undefined;
    });
    expect(stored.map((row) => row.payload)).toEqual(before.map((message) => message.body));
    expect(stored.map(({ event_id, attempts, leased }) => [event_id, attempts, leased])).toEqual(
      ids.map((id) => [id, 2, null]),
    );
    // The lost first attempts were never recorded; the second ones are, as attempt 2 of each delivery.
    expect(await attempts()).toEqual(ids.map((id) => ({ event_id: id, number: 2, response_status: 200, error: null })));
    await sleep(500);
    expect(receiver.on(endpoint.path)).toHaveLength(10);
    expect(second.process.child.exitCode).toBeNull();
  }, 120_000);

  it('delivers every event once from two replicas on one database, at most the endpoint cap in flight', async () => {
    // No kills here, and an attempt timeout no stall of a busy machine reaches: an attempt that timed out would
    // be sent again (at least once), which is not what this test is about.
    const { receiver, start, createEndpoint, deliveries, attempts, outboxIds } = await setUp({
      WEBHOOKS_ENDPOINT_CONCURRENCY: '2',
      WEBHOOKS_ATTEMPT_TIMEOUT: '10s',
    });
    const replicas = [await start(), await start()];
    const endpoint = await createEndpoint('/replicas');
    receiver.answer(endpoint.path, { status: 200, delayMs: 50 });
    const writes = 100;
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < writes) {
          const n = next++;
          await createSegment(replicas[n % 2], `r${n}`);
        }
      }),
    );
    // Every event sequenced (the relay numbers them after the commit).
    const ids = await until('every event to be sequenced', async () => {
      const sequenced = await outboxIds();
      return sequenced.length === writes ? sequenced : undefined;
    });
    // Which replica holds each connection to the receiver, looked up while they are open.
    const senders = new Map<number, number>();
    const lookUpSenders = () =>
      replicas.forEach((replica, index) => {
        for (const port of portsConnectedTo(replica.process.child.pid ?? 0, receiver.port)) senders.set(port, index);
      });
    await until('every event to arrive', () => {
      lookUpSenders();
      return new Set(receiver.on(endpoint.path).map((message) => message.id)).size === writes;
    });
    lookUpSenders();
    const stored = await until('every delivery to be recorded', async () => {
      const rows = await deliveries();
      return rows.length === writes && rows.every((row) => row.status === 'succeeded') ? rows : undefined;
    });
    // Anything still to come would be a duplicate.
    await sleep(500);
    const messages = receiver.on(endpoint.path);
    const sentBy = [0, 1, undefined].map(
      (index) => messages.filter((message) => senders.get(message.remotePort ?? 0) === index).length,
    );
    report(
      `Webhooks from two replicas: ${writes} events, ${messages.length} messages ` +
        `(${sentBy[0]} and ${sentBy[1]} sent by each, ${sentBy[2]} unattributed), ` +
        `${repeated(messages.map((message) => message.id)).size} duplicated, ` +
        `at most ${receiver.maxOpen(endpoint.path)} open at once (cap 2)`,
    );
    expect(byId(messages).map((message) => message.id)).toEqual(sortIds(ids));
    expect(repeated(messages.map((message) => message.id))).toEqual(new Map());
    // The cap was reached and never exceeded. Each replica may lease up to 64 attempts; only the leases in the
    // shared table keep the second one from adding its own two while the first holds the endpoint's slots (the
    // replica that records a completion often leases the next delivery in the same transaction, so how the 100
    // split between them varies from run to run).
    expect(receiver.maxOpen(endpoint.path)).toBe(2);
    for (const message of messages) receiver.verify(message, endpoint.secret);
    expect(stored.every((row) => row.attempts === 1)).toBe(true);
    const recorded = await attempts();
    expect(recorded).toHaveLength(writes);
    expect(recorded.every((attempt) => attempt.number === 1 && attempt.response_status === 200)).toBe(true);
  }, 180_000);

  it('finishes and records the attempts in flight on SIGTERM; the rest are delivered after the restart', async () => {
    const { receiver, start, createEndpoint, deliveries, attempts, outboxIds } = await setUp({
      WEBHOOKS_ENDPOINT_CONCURRENCY: '4',
      WEBHOOKS_ATTEMPT_TIMEOUT: '5s',
    });
    const first = await start();
    const endpoint = await createEndpoint('/drained');
    receiver.answer(endpoint.path, { status: 200, delayMs: 500 });
    for (let n = 0; n < 10; n++) await createSegment(first, `t${n}`);
    await receiver.waitFor(endpoint.path, 4);

    first.process.child.kill('SIGTERM');
    expect(await first.process.exited).toEqual({ code: 0, signal: null });
    // What was sent was answered and recorded before the exit; what was not sent is due, with no lease.
    const sent = new Set(receiver.on(endpoint.path).map((message) => message.id));
    const rows = await deliveries();
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      const expected = sent.has(row.event_id)
        ? { status: 'succeeded', attempts: 1, leased: null }
        : { status: 'pending', attempts: 0, leased: null };
      expect({ id: row.event_id, status: row.status, attempts: row.attempts, leased: row.leased }).toEqual({
        id: row.event_id,
        ...expected,
      });
    }
    expect((await attempts()).map((attempt) => attempt.event_id)).toEqual(sortIds(sent));
    const drained = sent.size;

    receiver.answer(endpoint.path, { status: 200 });
    await start();
    const ids = await outboxIds();
    await until(
      'every event to arrive',
      () => new Set(receiver.on(endpoint.path).map((message) => message.id)).size === ids.length,
    );
    await until('every delivery to be recorded', async () =>
      (await deliveries()).every((row) => row.status === 'succeeded'),
    );
    await sleep(500);
    const messages = receiver.on(endpoint.path);
    report(
      `Webhooks on SIGTERM: ${drained} attempts in flight finished and recorded, the other ${10 - drained} after the restart`,
    );
    expect(byId(messages).map((message) => message.id)).toEqual(sortIds(ids));
    expect(await attempts()).toHaveLength(10);
  }, 120_000);
});
