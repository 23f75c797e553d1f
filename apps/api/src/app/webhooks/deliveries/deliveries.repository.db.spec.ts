import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/config';
import { dataSourceOptions } from '../../database/data-source';
import { DeliveriesRepository } from './deliveries.repository';

const TENANT = 'whtenant';

describe('webhook deliveries on Postgres: leases under the endpoint cap, retention', () => {
  jest.setTimeout(60_000);
  let database: ScratchDatabase;
  let db: DataSource;
  let repository: DeliveriesRepository;
  const config = loadConfig({ LOG_LEVEL: 'silent' });

  const endpoint = async () => {
    const id = randomUUID();
    await db.query(
      `INSERT INTO webhook_endpoint (tenant, id, url, secret, version) VALUES ($1, $2, $3, 'whsec_x', 1)`,
      [TENANT, id, `https://hooks.example.com/${id}`],
    );
    return id;
  };
  /** `count` deliveries to the endpoint, created `daysAgo` and in `status`, each with one attempt. */
  const deliveries = (endpointId: string, count: number, status = 'pending', daysAgo = 0) =>
    db.query(
      `WITH d AS (
        INSERT INTO webhook_delivery (tenant, endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
        SELECT $1, $2, i::text, 'customer.customer-created', '{}', $4, now(), now() - $5 * interval '1 day'
        FROM generate_series(1, $3) i RETURNING tenant, id, endpoint_id, event_id, event_type)
      INSERT INTO webhook_attempt (tenant, delivery_id, endpoint_id, event_id, event_type, number, attempted_at, latency_ms)
      SELECT tenant, id, endpoint_id, event_id, event_type, 1, now(), 1 FROM d`,
      [TENANT, endpointId, count, status, daysAgo],
    );
  const claim = (limit: number, perEndpoint: number) =>
    db.transaction((tx) =>
      repository.completeAndClaim(tx, [], { limit, perEndpoint, leaseMs: 60_000, disableAfterMs: 1e9 }),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource({ ...dataSourceOptions({ ...config.db, url: database.url }, []), migrationsRun: true });
    await db.initialize();
    repository = new DeliveriesRepository(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('leases at most the cap per endpoint, counting the leases already held, and at most the limit in all', async () => {
    const [busy, quiet] = [await endpoint(), await endpoint()];
    await deliveries(busy, 50);
    await deliveries(quiet, 2);
    const first = await claim(100, 3);
    expect(first.filter((d) => d.endpoint_id === busy)).toHaveLength(3);
    expect(first.filter((d) => d.endpoint_id === quiet)).toHaveLength(2);
    expect(first.every((d) => d.attempt === 1)).toBe(true);
    // Still in flight: nothing more for either.
    expect(await claim(100, 3)).toEqual([]);
    expect(await claim(100, 5)).toHaveLength(2);
    await db.query(`UPDATE webhook_delivery SET lease_until = NULL WHERE tenant = $1`, [TENANT]);
    expect(await claim(1, 10)).toHaveLength(1);
    await db.query(`DELETE FROM webhook_endpoint WHERE tenant = $1`, [TENANT]);
    const [{ left }] = await db.query(`SELECT count(*)::int AS left FROM webhook_attempt WHERE tenant = $1`, [TENANT]);
    expect(left).toBe(0);
  });

  it('makes a delivery waiting for its retry due at once, and refuses one in flight', async () => {
    const id = await endpoint();
    await deliveries(id, 1);
    const [{ attempt }] = await db.query(`SELECT id::text AS attempt FROM webhook_attempt WHERE endpoint_id = $1`, [
      id,
    ]);
    await db.query(`UPDATE webhook_delivery SET next_attempt_at = now() + interval '1 hour' WHERE endpoint_id = $1`, [
      id,
    ]);
    expect(await repository.retry(TENANT, id, attempt)).toBe('due');
    const [due] = await db.query(
      `SELECT next_attempt_at <= now() AS due FROM webhook_delivery WHERE endpoint_id = $1`,
      [id],
    );
    expect(due).toEqual({ due: true });
    expect(await claim(10, 10)).toHaveLength(1);
    expect(await repository.retry(TENANT, id, attempt)).toBe('inFlight');
    expect(await repository.retry(TENANT, id, '999999')).toBe('missing');
    await db.query(`DELETE FROM webhook_endpoint WHERE tenant = $1`, [TENANT]);
  });

  it('deletes finished deliveries older than the retention with their attempts, never pending ones', async () => {
    const id = await endpoint();
    await deliveries(id, 3, 'succeeded', 40);
    await deliveries(id, 2, 'failed', 40);
    await deliveries(id, 4, 'pending', 40);
    await deliveries(id, 5, 'succeeded', 1);
    expect(await repository.prune(TENANT, 30, 4)).toBe(4);
    expect(await repository.prune(TENANT, 30, 4)).toBe(1);
    expect(await repository.prune(TENANT, 30, 4)).toBe(0);
    const kept = await db.query(
      `SELECT d.status, count(*)::int AS deliveries, count(a.id)::int AS attempts FROM webhook_delivery d
      LEFT JOIN webhook_attempt a ON a.tenant = d.tenant AND a.delivery_id = d.id WHERE d.tenant = $1
      GROUP BY d.status ORDER BY d.status`,
      [TENANT],
    );
    expect(kept).toEqual([
      { status: 'pending', deliveries: 4, attempts: 4 },
      { status: 'succeeded', deliveries: 5, attempts: 5 },
    ]);
    const [{ total }] = await db.query(`SELECT count(*)::int AS total FROM webhook_attempt WHERE tenant = $1`, [
      TENANT,
    ]);
    expect(total).toBe(9);
  });
});
