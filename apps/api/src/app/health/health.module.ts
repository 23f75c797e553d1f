import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

/** Liveness and readiness probes. */
@Module({
  imports: [EventsModule],
  controllers: [HealthController],
  providers: [HealthRepository, HealthService],
})
export class HealthModule {}
