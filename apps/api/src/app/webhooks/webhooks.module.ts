import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RELAY_DATA_SOURCE } from '../events/relay-pool';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveriesService } from './deliveries/deliveries.service';
import { WebhookWorker, WORKER_DELIVERIES } from './deliveries/webhook-worker';
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
      provide: WORKER_DELIVERIES,
      inject: [RELAY_DATA_SOURCE],
      useFactory: (db: DataSource) => new DeliveriesRepository(db),
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
