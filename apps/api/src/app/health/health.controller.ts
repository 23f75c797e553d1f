import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PublicEndpoint } from '../decorators/endpoint.decorators';
import { HEALTH_DOCS } from './health.docs';
import { EventsStatus } from '../events/event-relay';
import { DatabaseState, HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @HttpCode(200)
  @PublicEndpoint(HEALTH_DOCS.live)
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  @PublicEndpoint(HEALTH_DOCS.ready)
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; database: DatabaseState; events?: EventsStatus }> {
    const database = await this.health.database();
    if (database === 'up') {
      const events = await this.health.events();
      return { status: 'ok', database, ...(events && { events }) };
    }
    void reply.status(503);
    return { status: 'unavailable', database };
  }
}
