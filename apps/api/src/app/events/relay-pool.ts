import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
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

/** Closes the relay's pool after the relay has stopped (Nest calls every `beforeApplicationShutdown` first). */
@Injectable()
class RelayPoolCloser implements OnApplicationShutdown {
  constructor(
    @Inject(RELAY_DATA_SOURCE) private readonly relayDataSource: DataSource,
    private readonly requests: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.relayDataSource !== this.requests && this.relayDataSource.isInitialized)
      await this.relayDataSource.destroy();
  }
}

export const RELAY_POOL_PROVIDERS: Provider[] = [
  {
    provide: RELAY_DATA_SOURCE,
    // After the requests' data source, which has run the migrations.
    inject: [APP_CONFIG, DataSource],
    useFactory: (config: AppConfig, requests: DataSource): DataSource | Promise<DataSource> => {
      if (!config.events.relay) return requests;
      const { extra } = requests.options as PostgresConnectionOptions;
      return new DataSource({
        ...requests.options,
        migrationsRun: false,
        extra: {
          ...extra,
          max: config.events.relayPoolSize,
          // Its statements write (the sequencer's runs outside a transaction): the write timeout.
          statement_timeout: config.db.statementTimeoutMs,
          application_name: 'customer-segments-relay',
        },
      } as PostgresConnectionOptions).initialize();
    },
  },
  { provide: RELAY_EVENTS, inject: [RELAY_DATA_SOURCE], useFactory: (db: DataSource) => new EventsRepository(db) },
  {
    provide: RELAY_TRANSACTIONS,
    inject: [RELAY_DATA_SOURCE, APP_CONFIG, BULK_ERROR_BODY],
    useFactory: (db: DataSource, config: AppConfig, errorBodyOf: ErrorBodyOf) =>
      new Transactions(db, config, errorBodyOf),
  },
  RelayPoolCloser,
];
