import { createTestDatabase } from '@cs/postgres';
import { Client } from 'pg';
import { ENTITIES } from '../entities';
import { migrateAndDiff } from './schema-diff';

describe('migrations', () => {
  it('produce exactly the schema the entities describe (generating a migration now would yield nothing)', async () => {
    const database = await createTestDatabase();
    try {
      const diff = await migrateAndDiff(database.url, ENTITIES);
      expect(diff.up).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it('lead every primary key, unique constraint, foreign key and index with tenant', async () => {
    const database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    try {
      await migrateAndDiff(database.url, ENTITIES);
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

  it('scope every table, primary key, unique constraint and foreign-key target by tenant', async () => {
    const database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    try {
      await migrateAndDiff(database.url, ENTITIES);
      await client.connect();
      // Tables without a NOT NULL tenant column.
      const { rows: untenanted } = await client.query(`
        SELECT c.relname AS table FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> 'migrations'
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant' AND a.attnotnull)`);
      // Primary keys and unique constraints or indexes (also partial and expression ones) without tenant among their columns.
      const { rows: unscopedKeys } = await client.query(`
        SELECT i.relname AS index FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'migrations' AND (x.indisunique OR x.indisprimary)
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant' AND a.attnum = ANY(x.indkey))`);
      // Foreign keys whose referenced key does not lead with tenant, or that map tenant to another column.
      const { rows: crossTenant } = await client.query(`
        SELECT c.conname AS name FROM pg_constraint c
        JOIN pg_attribute local ON local.attrelid = c.conrelid AND local.attnum = c.conkey[1]
        JOIN pg_attribute target ON target.attrelid = c.confrelid AND target.attnum = c.confkey[1]
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND (local.attname <> 'tenant' OR target.attname <> 'tenant')`);
      const { rows: keys } = await client.query(
        `SELECT count(*)::int AS n FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid WHERE t.relnamespace = 'public'::regnamespace AND x.indisunique`,
      );
      expect(untenanted).toEqual([]);
      expect(unscopedKeys).toEqual([]);
      expect(crossTenant).toEqual([]);
      expect(keys[0].n).toBeGreaterThan(5);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});
