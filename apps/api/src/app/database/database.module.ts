import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Metrics } from '../metrics/metrics';
import { EventSequenceEntity, EventSinkCursorEntity, OutboxEntity } from './outbox.entity';
import { StatementLabels, watchDataSource } from './statement-metrics';
import { BULK_ERROR_BODY, ErrorBodyOf, Transactions } from './transactions';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([OutboxEntity, EventSequenceEntity, EventSinkCursorEntity])] })
export class DatabaseModule {
  /** `errorBodyOf`: the error filter's mapping, for the 207 entries of failed bulk items. */
  static register(errorBodyOf: ErrorBodyOf): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        Transactions,
        { provide: BULK_ERROR_BODY, useValue: errorBodyOf },
        {
          // The statement names of every pool; built with the requests' pool, which it starts watching.
          provide: StatementLabels,
          inject: [Metrics, DataSource],
          useFactory: (metrics: Metrics, requests: DataSource) => {
            const labels = new StatementLabels();
            watchDataSource(metrics, 'requests', requests, labels);
            return labels;
          },
        },
      ],
      exports: [Transactions, BULK_ERROR_BODY, StatementLabels],
    };
  }
}
