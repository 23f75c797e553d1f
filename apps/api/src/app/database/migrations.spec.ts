import { createTestDatabase } from '@cs/postgres';
import { Client } from 'pg';
import { migrateAndDiff } from './schema-diff';

describe('migrations', () => {
  it('produce exactly the schema the entities describe (generating a migration now would yield nothing)', async () => {
    const database = await createTestDatabase();
    try {
      const diff = await migrateAndDiff(database.url);
      expect(diff.up).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it('lead every primary key, unique constraint, foreign key and index with tenant', async () => {
    const database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    try {
      await migrateAndDiff(database.url);
      await client.connect();
      const { rows } = await client.query<{ table: string; index: string; first: string }>(`
        SELECT t.relname AS table, i.relname AS index, a.attname AS first
        FROM pg_index x
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
        WHERE n.nspname = 'public' AND t.relname <> 'migrations'`);
      const { rows: foreignKeys } = await client.query<{ name: string; first: string }>(`
        SELECT c.conname AS name, a.attname AS first
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.filter((row) => row.first !== 'tenant')).toEqual([]);
      expect(foreignKeys.length).toBeGreaterThan(0);
      expect(foreignKeys.filter((row) => row.first !== 'tenant')).toEqual([]);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
