import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../decorators/auth.decorators';
import { isPoolExhausted } from '../database/pg-errors';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'GET-health-liveness', summary: 'Liveness: the process serves requests' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    operationId: 'GET-health-readiness',
    summary: 'Readiness: the database answers',
    description:
      'Answers 503 while requests would get no database connection: `database` is `busy` when every pooled connection stays in use ' +
      'for `DB_ACQUIRE_TIMEOUT_MS`, `down` when the database cannot be reached.',
  })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up' } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'unavailable', database: 'busy' } } })
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
