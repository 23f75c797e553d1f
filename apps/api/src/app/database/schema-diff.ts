import { DataSource } from 'typeorm';
import { dataSourceOptions, EntityList } from './data-source';
import { applyMigrations } from './migrations-lock';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

const TOOL_DB = {
  poolSize: 2,
  statementTimeoutMs: 60_000,
  readStatementTimeoutMs: 60_000,
  acquireTimeoutMs: 10_000,
  runMigrations: false,
};

/** Applies every migration to the database at `url`, then asks TypeORM what `entities` still need. */
export async function migrateAndDiff(url: string, entities: EntityList): Promise<SchemaDiff> {
  const dataSource = toolDataSource(url, entities);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const log = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: log.upQueries.map((query) => query.query),
      down: log.downQueries.map((query) => query.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Applies pending migrations only (the `migration:run` script and production start-up with migrations off),
 * under the migrations lock, so that it may run while replicas start.
 */
export function runMigrations(url: string): Promise<string[]> {
  return applyMigrations({ ...TOOL_DB, url }, { logger: undefined });
}

function toolDataSource(url: string, entities: EntityList): DataSource {
  return new DataSource({ ...dataSourceOptions({ ...TOOL_DB, url }, entities), logger: undefined, logging: false });
}
