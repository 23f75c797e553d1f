import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventSequenceEntity, EventSinkCursorEntity, OutboxEntity } from './outbox.entity';
import { ConsistencyInterceptor } from './read-replicas';
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
        { provide: APP_INTERCEPTOR, useClass: ConsistencyInterceptor },
      ],
      exports: [Transactions, BULK_ERROR_BODY],
    };
  }
}
