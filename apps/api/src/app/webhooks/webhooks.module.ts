import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { StatementLabels } from '../database/statement-metrics';
import { BULK_ERROR_BODY, ErrorBodyOf, Transactions } from '../database/transactions';
import { ownDataSource, poolCloser } from '../events/relay-pool';
import { Metrics } from '../metrics/metrics';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveriesService } from './deliveries/deliveries.service';
import {
  WebhookWorker,
  WORKER_DATA_SOURCE,
  WORKER_DELIVERIES,
  WORKER_POOL_SIZE,
  WORKER_TRANSACTIONS,
} from './deliveries/webhook-worker';
import { WebhookSender } from './sending/sender';
import { EndpointsController } from './endpoints/endpoints.controller';
import { EndpointsRepository } from './endpoints/endpoints.repository';
import { EndpointsService } from './endpoints/endpoints.service';
import { WEBHOOK_ENTITIES } from './webhook.entities';

/**
 * Webhooks: the tenants' endpoints (`endpoints/`) and the deliveries to them (`deliveries/`: the relay's sink that
 * queues them, the worker that sends them, attempts, replays and retries). docs/events.md describes the guarantees.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOK_ENTITIES)],
  controllers: [EndpointsController, DeliveriesController],
  providers: [
    EndpointsService,
    EndpointsRepository,
    {
      provide: DeliveriesRepository,
      inject: [DataSource],
      useFactory: (db: DataSource) => new DeliveriesRepository(db),
    },
    {
      provide: WORKER_DATA_SOURCE,
      // After the requests' data source, which has run the migrations.
      inject: [APP_CONFIG, DataSource, Metrics, StatementLabels],
      useFactory: (config: AppConfig, requests: DataSource, metrics: Metrics, labels: StatementLabels) =>
        config.events.relay
          ? ownDataSource(requests, config, WORKER_POOL_SIZE, 'webhooks', { metrics, labels })
          : requests,
    },
    poolCloser(WORKER_DATA_SOURCE),
    {
      provide: WORKER_DELIVERIES,
      inject: [WORKER_DATA_SOURCE],
      useFactory: (db: DataSource) => new DeliveriesRepository(db),
    },
    {
      provide: WORKER_TRANSACTIONS,
      inject: [WORKER_DATA_SOURCE, APP_CONFIG, BULK_ERROR_BODY, Metrics],
      useFactory: (db: DataSource, config: AppConfig, errorBodyOf: ErrorBodyOf, metrics: Metrics) =>
        new Transactions(db, config, errorBodyOf, metrics),
    },
    {
      provide: WebhookSender,
      inject: [APP_CONFIG],
      useFactory: ({ webhooks }: AppConfig) =>
        new WebhookSender({ timeoutMs: webhooks.attemptTimeoutMs, allowPrivate: webhooks.allowPrivate }),
    },
    DeliveriesService,
    WebhookWorker,
  ],
})
export class WebhooksModule {}
