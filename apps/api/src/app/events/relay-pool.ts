import { OnApplicationShutdown, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { BULK_ERROR_BODY, ErrorBodyOf, Transactions } from '../database/transactions';
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

/**
 * A pool of its own beside the requests' (same database and settings, no migrations): `max` connections named
 * `applicationName` in `pg_stat_activity`, with the write timeout (its statements write, some outside a
 * transaction).
 */
export function ownDataSource(
  requests: DataSource,
  config: AppConfig,
  max: number,
  applicationName: string,
): Promise<DataSource> {
  const { extra } = requests.options as PostgresConnectionOptions;
  return new DataSource({
    ...requests.options,
    migrationsRun: false,
    extra: { ...extra, max, statement_timeout: config.db.statementTimeoutMs, application_name: applicationName },
  } as PostgresConnectionOptions).initialize();
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
    inject: [APP_CONFIG, DataSource],
    useFactory: (config: AppConfig, requests: DataSource): DataSource | Promise<DataSource> =>
      config.events.relay
        ? ownDataSource(requests, config, config.events.relayPoolSize, 'customer-segments-relay')
        : requests,
  },
  { provide: RELAY_EVENTS, inject: [RELAY_DATA_SOURCE], useFactory: (db: DataSource) => new EventsRepository(db) },
  {
    provide: RELAY_TRANSACTIONS,
    inject: [RELAY_DATA_SOURCE, APP_CONFIG, BULK_ERROR_BODY],
    useFactory: (db: DataSource, config: AppConfig, errorBodyOf: ErrorBodyOf) =>
      new Transactions(db, config, errorBodyOf),
  },
  poolCloser(RELAY_DATA_SOURCE),
];
