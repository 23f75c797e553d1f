import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { QueryLogger } from './query-logger';

/** TypeORM options for the service, the migration tooling and the tests alike. Never `synchronize`. */
export function dataSourceOptions(db: AppConfig['db'] & { url: string }): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: db.runMigrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new QueryLogger(),
    extra: {
      max: db.poolSize,
      connectionTimeoutMillis: db.acquireTimeoutMs,
      statement_timeout: db.statementTimeoutMs,
      idle_in_transaction_session_timeout: db.statementTimeoutMs * 3,
      application_name: 'customer-segments',
    },
  };
}
