import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { isPoolExhausted } from '../database/pg-errors';
import { PublicEndpoint } from '../decorators/endpoint.decorators';
import { HEALTH_DOCS } from './health.docs';

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @HttpCode(200)
  @PublicEndpoint(HEALTH_DOCS.live)
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  @PublicEndpoint(HEALTH_DOCS.ready)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: string; database: string }> {
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: 'up' };
    } catch (error) {
      void reply.status(503);
      return { status: 'unavailable', database: isPoolExhausted(error) ? 'busy' : 'down' };
    }
  }
}
