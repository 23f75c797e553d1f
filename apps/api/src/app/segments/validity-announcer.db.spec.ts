import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { Transactions } from '../database/transactions';
import { Metrics } from '../metrics/metrics';
import { ValidityAnnouncer } from './validity-announcer';
import { ValidityBoundariesRepository } from './validity-boundaries.repository';

const TENANT = 'validity';

describe('validity boundaries on Postgres: the trigger that queues them and the announcer that takes them', () => {
  jest.setTimeout(30_000);
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let transactions: Transactions;
  let repository: ValidityBoundariesRepository;
  const config = loadConfig({ LOG_LEVEL: 'silent', EVENTS_VALIDITY_POLL_INTERVAL_MS: '200' });
  const metrics = new Metrics({ processMetrics: false });

  /** `seconds` from the database's now (negative: ago), as the trigger and the announcer see time. */
  const inSeconds = async (seconds: number): Promise<Date> =>
    (await dataSource.query(`SELECT now() + make_interval(secs => $1) AS at`, [seconds]))[0].at;

  const insertSegment = (id: string, status: string, from: Date | null, to: Date | null) =>
    dataSource.query(
      `INSERT INTO segment (tenant, id, name, status, site_code, validity_from, validity_to, version, created_at, modified_at)
       VALUES ($1, $2, '{"en": "S"}', $3, 'main', $4, $5, 1, now(), now())`,
      [TENANT, id, status, from, to],
    );

  const queued = async (): Promise<Array<{ segment_id: string; boundary: string; at: Date }>> =>
    dataSource.query(
      'SELECT segment_id, boundary, at FROM segment_validity_boundary WHERE tenant = $1 ORDER BY segment_id, boundary',
      [TENANT],
    );

  const recorded = async (): Promise<
    Array<{ resource_id: string; payload: Record<string, unknown>; created_at: Date }>
  > =>
    dataSource.query(
      `SELECT resource_id, payload, created_at FROM outbox WHERE tenant = $1 AND type = 'customer-segment.segment-validity-reached' ORDER BY id`,
      [TENANT],
    );

  const announcer = () => new ValidityAnnouncer(repository, transactions, config);

  beforeAll(async () => {
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
    repository = new ValidityBoundariesRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });
  beforeEach(() => dataSource.query('TRUNCATE segment, outbox CASCADE'));

  it('queues the boundaries a write sets ahead, re-plans only those it changes, and drops them with the segment', async () => {
    const [past, soon, later] = [await inSeconds(-60), await inSeconds(60), await inSeconds(120)];
    await insertSegment('ahead', 'ACTIVE', soon, later);
    await insertSegment('started', 'ACTIVE', past, later);
    expect(await queued()).toEqual([
      { segment_id: 'ahead', boundary: 'from', at: soon },
      { segment_id: 'ahead', boundary: 'to', at: later },
      // A boundary the write sets in the past is not announced.
      { segment_id: 'started', boundary: 'to', at: later },
    ]);

    // Other columns leave the queue alone; a changed end is re-planned, and one moved into the past leaves it.
    await dataSource.query(
      `UPDATE segment SET status = 'INACTIVE', validity_to = $2 WHERE tenant = $1 AND id = 'ahead'`,
      [TENANT, soon],
    );
    await dataSource.query(`UPDATE segment SET validity_to = $2 WHERE tenant = $1 AND id = 'started'`, [TENANT, past]);
    expect(await queued()).toEqual([
      { segment_id: 'ahead', boundary: 'from', at: soon },
      { segment_id: 'ahead', boundary: 'to', at: soon },
    ]);
    // Writing the same instants again changes nothing queued.
    await dataSource.query(
      `UPDATE segment SET validity_from = validity_from, validity_to = validity_to WHERE tenant = $1`,
      [TENANT],
    );
    expect(await queued()).toHaveLength(2);

    await dataSource.query(`DELETE FROM segment WHERE tenant = $1 AND id = 'ahead'`, [TENANT]);
    expect(await queued()).toEqual([]);
  });

  it('takes each due boundary in one transaction: a concurrent one skips it, an INACTIVE segment records nothing', async () => {
    const soon = await inSeconds(0.3);
    await insertSegment('on', 'ACTIVE', soon, null);
    await insertSegment('off', 'INACTIVE', soon, null);
    await new Promise((resolve) => setTimeout(resolve, 400));

    let concurrent = -1;
    const taken = await transactions.run(async (tx) => {
      const mine = await repository.announce(tx, TENANT, 10);
      // Another process claims while this transaction holds the rows.
      concurrent = await transactions.run((other) => repository.announce(other, TENANT, 10));
      return mine;
    });
    expect([taken, concurrent]).toEqual([2, 0]);
    expect(await transactions.run((tx) => repository.announce(tx, TENANT, 10))).toBe(0);
    expect(await queued()).toEqual([]);
    const events = await recorded();
    expect(events.map((event) => [event.resource_id, event.payload])).toEqual([
      [
        'on',
        {
          id: 'on',
          siteCode: 'main',
          status: 'ACTIVE',
          validity: { from: soon.toISOString() },
          boundary: 'from',
          at: soon.toISOString(),
          active: true,
          tenant: TENANT,
        },
      ],
    ]);
  });

  it('announces at the boundary, once, with two announcers running, and what passed before they started', async () => {
    const [past, from, to] = [await inSeconds(-60), await inSeconds(0.8), await inSeconds(1.6)];
    await insertSegment('window', 'ACTIVE', from, to);
    await insertSegment('missed', 'ACTIVE', past, await inSeconds(0.2));
    // The second boundary of 'missed' passes before any announcer runs.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const replicas = [announcer(), announcer()];
    try {
      replicas.forEach((replica) => replica.onApplicationBootstrap());
      for (const deadline = Date.now() + 5_000; (await recorded()).length < 3 && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 50));
      // Long enough for a second copy to show up.
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await Promise.all(replicas.map((replica) => replica.beforeApplicationShutdown()));
    }
    const events = await recorded();
    expect(events.map((event) => [event.resource_id, event.payload.boundary, event.payload.active])).toEqual([
      ['missed', 'to', false],
      ['window', 'from', true],
      ['window', 'to', false],
    ]);
    // Each at its boundary (its transaction began after it), within a bound of the poll interval's order.
    for (const [event, boundary] of [
      [events[1], from],
      [events[2], to],
    ] as const) {
      const lateMs = event.created_at.getTime() - boundary.getTime();
      expect(lateMs).toBeGreaterThanOrEqual(0);
      expect(lateMs).toBeLessThan(250);
    }
  });
});
