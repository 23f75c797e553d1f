import { Scopes } from '@cs/contracts';
import { WebhookAttemptResponse, WebhookReplayRequest, WebhookReplayResponse } from '@cs/dto';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, respondWithPage } from '../../common/listing';
import { Ctx, RequestContext } from '../../common/request-context';
import { ApiTenant, ReplicaReads } from '../../common/routes';
import { Endpoint } from '../../decorators/endpoint.decorators';
import { DELIVERY_DOCS } from './deliveries.docs';
import { DeliveriesService } from './deliveries.service';

@ApiTenant()
@Controller('webhooks/:tenant/endpoints/:endpointId')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('attempts')
  @ReplicaReads()
  @Endpoint(DELIVERY_DOCS.attempts, Scopes.webhookEndpointRead)
  async attempts(
    @Ctx() ctx: RequestContext,
    @Param('endpointId') endpointId: string,
    @List() list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<WebhookAttemptResponse>>> {
    return respondWithPage(reply, await this.deliveries.attempts(ctx, endpointId, list), list.fields);
  }

  @Post('test')
  @HttpCode(200)
  @Endpoint(DELIVERY_DOCS.test, Scopes.webhookEndpointManage)
  test(@Ctx() ctx: RequestContext, @Param('endpointId') endpointId: string): Promise<WebhookAttemptResponse> {
    return this.deliveries.test(ctx, endpointId);
  }

  @Post('replay')
  @HttpCode(202)
  @Endpoint(DELIVERY_DOCS.replay, Scopes.webhookEndpointManage)
  replay(
    @Ctx() ctx: RequestContext,
    @Param('endpointId') endpointId: string,
    @Body() body: WebhookReplayRequest,
  ): Promise<WebhookReplayResponse> {
    return this.deliveries.replay(ctx, endpointId, body);
  }

  @Post('attempts/:attemptId/retry')
  @HttpCode(202)
  @Endpoint(DELIVERY_DOCS.retry, Scopes.webhookEndpointManage)
  async retry(
    @Ctx() ctx: RequestContext,
    @Param('endpointId') endpointId: string,
    @Param('attemptId') attemptId: string,
  ): Promise<void> {
    await this.deliveries.retry(ctx, endpointId, attemptId);
  }
}
