import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
  controllers: [EndpointsController],
  providers: [EndpointsService, EndpointsRepository],
})
export class WebhooksModule {}
