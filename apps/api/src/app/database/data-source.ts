import type { PoolConfig } from 'pg';
import { DataSource, DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';
import { AppConfig } from '../config/config';
import { MIGRATIONS } from './migrations';
import { QueryLogger } from './query-logger';
import { ReadReplicas, ReplicatedDataSource } from './read-replicas';

/** The settings a pool of the service's connections is made from. */
type PoolSettings = Pick<
  AppConfig['db'],
  'poolSize' | 'statementTimeoutMs' | 'readStatementTimeoutMs' | 'acquireTimeoutMs'
>;

/** Where TypeORM records the applied migrations (its default name, stated so start-up can read it). */
export const MIGRATIONS_TABLE = 'migrations';

/** The entity classes of a data source; the composition root's list is `ENTITIES` in app/entities.ts. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/**
 * TypeORM options for the service, the migration tooling and the tests alike. Never `synchronize`.
 * `entities` are needed for schema diffs only; the service itself reads and writes with SQL.
 */
export function dataSourceOptions(
  db: Omit<AppConfig['db'], 'connectTimeoutMs' | 'replicaUrls'> & { url: string },
  entities: EntityList,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    entities,
    migrations: MIGRATIONS.map((migration) => underStatementTimeout(migration, db.statementTimeoutMs)),
    migrationsRun: db.runMigrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new QueryLogger(),
    extra: poolOptions(db),
  };
}

/** The pg pool options of the primary's connections and of each read replica's. */
function poolOptions(db: PoolSettings): PoolConfig {
  return {
    max: db.poolSize,
    connectionTimeoutMillis: db.acquireTimeoutMs,
    // The default of every statement outside a write transaction (Transactions sets its own): the reads.
    statement_timeout: db.readStatementTimeoutMs,
    idle_in_transaction_session_timeout: db.statementTimeoutMs * 3,
    application_name: 'customer-segments',
  };
}

/** The service's DataSource: with `DATABASE_REPLICA_URLS`, one that sends the reads of read-only routes to them. */
export function serviceDataSource(options: DataSourceOptions, db: PoolSettings & Pick<AppConfig['db'], 'replicaUrls'>) {
  if (!db.replicaUrls.length) return new DataSource(options);
  return new ReplicatedDataSource(options, new ReadReplicas(db.replicaUrls, poolOptions(db), new QueryLogger()));
}

/** A migration runs in its own transaction (`migrationsTransactionMode: 'each'`) with the write timeout, not the connections' read timeout. */
function underStatementTimeout(
  Migration: new () => MigrationInterface,
  timeoutMs: number,
): new () => MigrationInterface {
  return class extends Migration {
    override async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`SET LOCAL statement_timeout = ${timeoutMs}`);
      await super.up(queryRunner);
    }

    override async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`SET LOCAL statement_timeout = ${timeoutMs}`);
      await super.down(queryRunner);
    }
  };
}
