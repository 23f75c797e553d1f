import { OnApplicationShutdown, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { StatementLabels, watchDataSource } from '../database/statement-metrics';
import { BULK_ERROR_BODY, ErrorBodyOf, Transactions } from '../database/transactions';
import { Metrics } from '../metrics/metrics';
import { EventsRepository } from './events.repository';

/**
 * The relay's own connections (`EVENTS_RELAY_POOL_SIZE`). On the requests' pool each of a round's dozen short
 * statements waited behind the requests for a connection, so under load an event sat in the outbox for as long as
 * a dozen such waits; on a pool of its own it waits for none. Without the relay the requests' pool serves the
 * readiness probe's backlog count.
 */
export const RELAY_DATA_SOURCE = Symbol('RELAY_DATA_SOURCE');
/** The events repository and the transactions on the relay's pool. */
export const RELAY_EVENTS = Symbol('RELAY_EVENTS');
export const RELAY_TRANSACTIONS = Symbol('RELAY_TRANSACTIONS');

/** What a pool of its own is reported with: the metrics and the statement names shared by every pool. */
export interface PoolMetrics {
  metrics: Metrics;
  labels: StatementLabels;
}

/**
 * A pool of its own beside the requests' (same database and settings, no migrations): `max` connections named
 * `customer-segments-<pool>` in `pg_stat_activity` and `pool` in the metrics, with the write timeout (its
 * statements write, some outside a transaction).
 */
export async function ownDataSource(
  requests: DataSource,
  config: AppConfig,
  max: number,
  pool: string,
  { metrics, labels }: PoolMetrics,
): Promise<DataSource> {
  const { extra } = requests.options as PostgresConnectionOptions;
  const own = await new DataSource({
    ...requests.options,
    migrationsRun: false,
    extra: {
      ...extra,
      max,
      statement_timeout: config.db.statementTimeoutMs,
      application_name: `customer-segments-${pool}`,
    },
  } as PostgresConnectionOptions).initialize();
  watchDataSource(metrics, pool, own, labels);
  return own;
}

/**
 * Closes the pool of `token` after its users have stopped (Nest calls every `beforeApplicationShutdown` before any
 * `onApplicationShutdown`), unless it is the requests' own.
 */
export function poolCloser(token: symbol): Provider {
  return {
    provide: Symbol(`close ${String(token)}`),
    inject: [token, DataSource],
    useFactory: (own: DataSource, requests: DataSource): OnApplicationShutdown => ({
      onApplicationShutdown: async () => {
        if (own !== requests && own.isInitialized) await own.destroy();
      },
    }),
  };
}

export const RELAY_POOL_PROVIDERS: Provider[] = [
  {
    provide: RELAY_DATA_SOURCE,
    // After the requests' data source, which has run the migrations.
    inject: [APP_CONFIG, DataSource, Metrics, StatementLabels],
    useFactory: (config: AppConfig, requests: DataSource, metrics: Metrics, labels: StatementLabels) =>
      config.events.relay
        ? ownDataSource(requests, config, config.events.relayPoolSize, 'relay', { metrics, labels })
        : requests,
  },
  { provide: RELAY_EVENTS, inject: [RELAY_DATA_SOURCE], useFactory: (db: DataSource) => new EventsRepository(db) },
  {
    provide: RELAY_TRANSACTIONS,
    inject: [RELAY_DATA_SOURCE, APP_CONFIG, BULK_ERROR_BODY, Metrics],
    useFactory: (db: DataSource, config: AppConfig, errorBodyOf: ErrorBodyOf, metrics: Metrics) =>
      new Transactions(db, config, errorBodyOf, metrics),
  },
  poolCloser(RELAY_DATA_SOURCE),
];
