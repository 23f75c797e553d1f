import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { EventEnvelope1796225950777 } from './migrations/1796225950777-EventEnvelope';

describe('migration EventEnvelope: events recorded before it', () => {
  let database: ScratchDatabase;
  afterAll(() => database?.drop());

  const migrated = async (url: string, migrations: typeof MIGRATIONS) => {
    const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTransactionMode: 'each' });
    await dataSource.initialize();
    await dataSource.runMigrations();
    return dataSource;
  };

  it('get their resource from type and payload, the version from the metadata, and wait to be sequenced', async () => {
    database = await createTestDatabase();
    const before = await migrated(database.url, MIGRATIONS.slice(0, MIGRATIONS.indexOf(EventEnvelope1796225950777)));
    await before.query(
      `INSERT INTO outbox (tenant, type, payload) VALUES
        ('t1', 'customer-segment.segment-updated', '{"id": "vip", "metadata": {"version": 3}}'),
        ('t1', 'customer-segment.customer-assignment-created', '{"segmentId": "vip", "customer": {"id": "c/1"}, "metadata": {"version": 1}}'),
        ('t1', 'customer-segment.customer-assignment-deleted', '{"segmentId": "vip", "customerId": "c1", "legalEntityId": "le1"}'),
        ('t1', 'customer-segment.item-assignment-deleted', '{"segmentId": "vip", "type": "PRODUCT", "item": {"id": "p%1"}}')`,
    );
    await before.destroy();
    const after = await migrated(database.url, MIGRATIONS);
    try {
      expect(
        await after.query('SELECT resource_type, resource_id, version, position, sequence FROM outbox ORDER BY id'),
      ).toEqual([
        { resource_type: 'segment', resource_id: 'vip', version: 3, position: null, sequence: null },
        { resource_type: 'customer-assignment', resource_id: 'vip/c%2F1', version: 1, position: null, sequence: null },
        {
          resource_type: 'customer-assignment',
          resource_id: 'vip/c1/le1',
          version: null,
          position: null,
          sequence: null,
        },
        {
          resource_type: 'item-assignment',
          resource_id: 'vip/PRODUCT/p%251',
          version: null,
          position: null,
          sequence: null,
        },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
