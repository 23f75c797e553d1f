import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PublicEndpoint } from '../decorators/endpoint.decorators';
import { SinkReadiness, SinkReadinessDetail } from '../events/sink-readiness';
import { HEALTH_DOCS } from './health.docs';
import { DatabaseState, HealthService } from './health.service';

interface Readiness {
  status: 'ok' | 'unavailable';
  database: DatabaseState;
  events?: Record<string, SinkReadinessDetail>;
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly sinks: SinkReadiness,
  ) {}

  @Get()
  @HttpCode(200)
  @PublicEndpoint(HEALTH_DOCS.live)
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  @PublicEndpoint(HEALTH_DOCS.ready)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const database = await this.health.database();
    const sinks = await this.sinks.detail();
    // The sinks' detail, where one reports a status (NATS); they never make the service unready.
    const events = Object.keys(sinks).length ? { events: sinks } : {};
    if (database === 'up') return { status: 'ok', database, ...events };
    void reply.status(503);
    return { status: 'unavailable', database, ...events };
  }
}
