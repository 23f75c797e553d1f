import { AnyEventEnvelope, EventTypes } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { Transactions } from '../database/transactions';
import { upsertVersioned } from '../database/upsert';
import { Metrics } from '../metrics/metrics';
import { EventNotifications } from './event-notifications';
import { EventRelay, PRUNE_BATCH } from './event-relay';
import { EventSink } from './event-sink';
import { EventsRepository, StoredEvent } from './events.repository';

const TENANT = 'relaytenant';
const OTHER = 'othertenant';

/** A sink that keeps what it was given, and fails while `failing` says so. */
class MemorySink implements EventSink {
  readonly received: AnyEventEnvelope[] = [];
  failing = false;
  constructor(readonly name: string) {}
  async deliver(_tenant: string, events: AnyEventEnvelope[]): Promise<void> {
    if (this.failing) throw new Error('sink down');
    this.received.push(...events);
  }
}

describe('event relay (sequencer, sinks, retention) on Postgres', () => {
  jest.setTimeout(60_000);
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let transactions: Transactions;
  let repository: EventsRepository;
  const config = loadConfig({ LOG_LEVEL: 'silent', EVENTS_RETENTION_DAYS: '30' });
  const metrics = new Metrics({ processMetrics: false });

  const relay = (sinks: EventSink[] = []) =>
    new EventRelay(repository, transactions, new EventNotifications(config), sinks, config, metrics);

  /** One write of document `id` in its own transaction: its event is recorded by the upsert's statement. */
  const write = (tenant: string, id: string, name: string, work?: (tx: EntityManager) => Promise<void>) =>
    transactions.run(async (tx) => {
      await upsertVersioned(tx, {
        table: 'segment',
        key: { tenant, id },
        values: { name: { en: name }, status: 'ACTIVE', site_code: 'main' },
        event: {
          tenant,
          createdType: EventTypes.segmentCreated,
          updatedType: EventTypes.segmentUpdated,
          resourceType: 'segment',
          resourceId: id,
          payload: { id },
        },
      });
      await work?.(tx);
    });

  /** `count` bare segment events (what the service's writes record), over `documents` documents, in one statement. */
  const insertEvents = (tenant: string, count: number, documents: number) =>
    dataSource.query(
      `INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
      SELECT $1, 'customer-segment.segment-deleted', 'segment', 'doc' || (i % $3), NULL, jsonb_build_object('id', 'doc' || (i % $3))
      FROM generate_series(0, $2 - 1) i`,
      [tenant, count, documents],
    );

  const stored = async (tenant: string): Promise<StoredEvent[]> =>
    repository.events({ tenant, after: '0', limit: 100_000 });

  beforeAll(async () => {
    // The relay's warnings about the failing sinks these tests make; a green run is quiet.
    Logger.overrideLogger(false);
    database = await createTestDatabase();
    dataSource = new DataSource({ ...dataSourceOptions({ ...config.db, url: database.url }, []), migrationsRun: true });
    await dataSource.initialize();
    transactions = new Transactions(
      dataSource,
      config,
      () => ({ code: 500, status: 'error', message: 'x' }) as never,
      metrics,
    );
    repository = new EventsRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });
  beforeEach(async () => {
    await dataSource.query('TRUNCATE segment, outbox, event_sequence, event_sink_cursor CASCADE');
  });

  it('gives concurrent writers commit-ordered positions and gap-free per-resource sequences', async () => {
    const writers = 8;
    const writesEach = 25;
    const documents = ['d0', 'd1', 'd2', 'd3', 'd4'];
    let writing = true;
    // Two replicas sequence concurrently.
    const [first, second] = [relay(), relay()];
    // A reader pages meanwhile, as a feed consumer does: every position it sees must be above its cursor for good.
    const read: StoredEvent[] = [];
    const reader = (async () => {
      let after = '0';
      while (writing || read.length < (await dataSource.query('SELECT count(*)::int AS n FROM outbox'))[0].n) {
        const page = await repository.events({ tenant: TENANT, after, limit: 50 });
        read.push(...page);
        if (page.length) after = page[page.length - 1].position;
        else await new Promise((resolve) => setTimeout(resolve, 5));
        if (!writing) await Promise.all([first.sequenceAll(), second.sequenceAll()]);
      }
    })();
    const sequencers = [first, second].map(async (replica) => {
      while (writing) await replica.sequenceAll();
    });
    let rolledBack = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let i = 0; i < writesEach; i++) {
          const id = documents[(writer * 7 + i * 3) % documents.length];
          // Commits land out of write order: a random pause after the write, inside the transaction.
          const pause = (tx: EntityManager) => tx.query('SELECT pg_sleep($1)', [Math.random() / 200]);
          if (i % 10 === 9) {
            await write(TENANT, id, `w${writer}-${i}`, async (tx) => {
              await pause(tx);
              throw new Error('rolled back');
            }).catch(() => rolledBack++);
          } else await write(TENANT, id, `w${writer}-${i}`, pause);
        }
      }),
    );
    writing = false;
    await Promise.all(sequencers);
    await reader;

    const committed = writers * writesEach - rolledBack;
    expect(rolledBack).toBe(writers * 2);
    expect(read).toHaveLength(committed);
    expect(new Set(read.map((event) => event.position)).size).toBe(committed);
    const positions = read.map((event) => BigInt(event.position));
    expect(positions.every((position, i) => i === 0 || position > positions[i - 1])).toBe(true);
    for (const id of documents) {
      const ofDocument = read.filter((event) => event.resource_id === id);
      expect(ofDocument.map((event) => event.sequence)).toEqual(ofDocument.map((_, i) => i + 1));
      // Each write changed the document: its version after the change is its sequence, and the last is stored.
      expect(ofDocument.map((event) => event.version)).toEqual(ofDocument.map((_, i) => i + 1));
      const [row] = await dataSource.query('SELECT version FROM segment WHERE tenant = $1 AND id = $2', [TENANT, id]);
      expect(row.version).toBe(ofDocument.length);
    }
    expect(await repository.tenantsToSequence()).toEqual([]);
  });

  it('records no event for a rolled-back write, and continues sequences across batches', async () => {
    await write(TENANT, 'a', 'one');
    await write(TENANT, 'a', 'two', async () => {
      throw new Error('rolled back');
    }).catch(() => undefined);
    await relay().sequenceAll();
    await write(TENANT, 'a', 'three');
    await write(OTHER, 'a', 'other');
    await relay().sequenceAll();
    const events = await stored(TENANT);
    expect(events.map((event) => [event.type, event.sequence, event.version])).toEqual([
      [EventTypes.segmentCreated, 1, 1],
      [EventTypes.segmentUpdated, 2, 2],
    ]);
    expect((await stored(OTHER)).map((event) => event.sequence)).toEqual([1]);
  });

  it('delivers every event once per sink in order; a failing sink backs off and then catches up', async () => {
    const good = new MemorySink('good');
    const flaky = new MemorySink('flaky');
    flaky.failing = true;
    const replica = relay([flaky, good]);
    for (let i = 0; i < 3; i++) await write(TENANT, `doc${i}`, 'x');
    await write(OTHER, 'doc', 'x');
    await replica.cycle();
    expect(good.received.map((event) => [event.tenant, event.resource.id])).toEqual([
      [OTHER, 'doc'],
      [TENANT, 'doc0'],
      [TENANT, 'doc1'],
      [TENANT, 'doc2'],
    ]);
    expect(flaky.received).toEqual([]);
    flaky.failing = false;
    // Still backing off: nothing yet; then after the backoff everything, in order, with the same ids.
    await replica.cycle();
    expect(flaky.received).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await replica.cycle();
    expect(flaky.received.map((event) => event.id).sort()).toEqual(good.received.map((event) => event.id).sort());
    expect(good.received).toHaveLength(4);
  });

  it('tries a sink again at once, whatever its backoffs, when its connection is back', async () => {
    const broker = new MemorySink('broker');
    let state = 'up';
    Object.assign(broker, { status: () => ({ state }) });
    const replica = relay([broker]);
    broker.failing = true;
    await write(TENANT, 'doc', 'x');
    await replica.cycle();
    state = 'down';
    // Failing twice: the backoff is now a second long.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await replica.cycle();
    expect(broker.received).toEqual([]);
    broker.failing = false;
    state = 'up';
    await replica.cycle();
    expect(broker.received.map((event) => event.resource.id)).toEqual(['doc']);
  });

  it('shares the delivery between two replicas without delivering an event twice', async () => {
    const sinks = [new MemorySink('shared'), new MemorySink('shared')];
    await insertEvents(TENANT, 800, 40);
    await insertEvents(OTHER, 400, 40);
    const [first, second] = sinks.map((sink) => relay([sink]));
    await first.sequenceAll();
    await Promise.all([first.cycle(), second.cycle(), first.cycle(), second.cycle()]);
    const delivered = [...sinks[0].received, ...sinks[1].received].map((event) => event.id);
    expect(delivered).toHaveLength(1_200);
    expect(new Set(delivered).size).toBe(1_200);
  });

  it('prunes only old events that every sink has taken, in batches; never unsequenced or undelivered ones', async () => {
    const sink = new MemorySink('audit');
    await insertEvents(TENANT, 2_500, 10);
    const replica = relay([sink]);
    await replica.sequenceAll();
    // The sink has taken up to the 2,200th event; 2,400 events are 31 days old, 100 are recent.
    const positions = (await stored(TENANT)).map((event) => event.position);
    await dataSource.query(`INSERT INTO event_sink_cursor VALUES ($1, 'audit', $2)`, [TENANT, positions[2_199]]);
    await dataSource.query(
      `UPDATE outbox SET created_at = now() - interval '31 days' WHERE tenant = $1 AND position <= $2`,
      [TENANT, positions[2_399]],
    );
    // An old event that is not sequenced yet.
    await insertEvents(TENANT, 1, 1);
    await dataSource.query(`UPDATE outbox SET created_at = now() - interval '40 days' WHERE position IS NULL`);

    expect(await replica.prune()).toBe(2_200);
    const left = await stored(TENANT);
    expect(left[0].position).toBe(positions[2_200]);
    expect(left).toHaveLength(300);
    expect((await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE position IS NULL'))[0].n).toBe(1);
    // Without any sink, retention deletes by age alone.
    expect(await relay().prune()).toBe(200);
    expect(PRUNE_BATCH).toBeLessThan(2_200);
  });

  it('counts the backlog: unsequenced events and those a sink has not taken', async () => {
    await insertEvents(TENANT, 5, 5);
    await relay().sequenceAll();
    await insertEvents(OTHER, 1, 1);
    expect(await repository.backlog([])).toMatchObject({ events: 1 });
    expect(await repository.backlog(['audit'])).toMatchObject({ events: 6 });
    const sink = new MemorySink('audit');
    await relay([sink]).cycle();
    expect(await repository.backlog(['audit'])).toEqual({ events: 0, oldestAt: null });
  });
});
