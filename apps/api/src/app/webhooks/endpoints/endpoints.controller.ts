import { Scopes } from '@cs/contracts';
import {
  WebhookEndpointCreate,
  WebhookEndpointCreated,
  WebhookEndpointResponse,
  WebhookEndpointUpdate,
  WebhookSecretRotated,
} from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, respondWithPage } from '../../common/listing';
import { Ctx, RequestContext } from '../../common/request-context';
import { ApiTenant, ReplicaReads } from '../../common/routes';
import { Endpoint } from '../../decorators/endpoint.decorators';
import { ENDPOINT_DOCS } from './endpoints.docs';
import { EndpointsService } from './endpoints.service';

@ApiTenant()
@Controller('webhooks/:tenant/endpoints')
export class EndpointsController {
  constructor(private readonly endpoints: EndpointsService) {}

  @Post()
  @Endpoint(ENDPOINT_DOCS.create, Scopes.webhookEndpointManage)
  create(@Ctx() ctx: RequestContext, @Body() body: WebhookEndpointCreate): Promise<WebhookEndpointCreated> {
    return this.endpoints.create(ctx, body);
  }

  @Get()
  @ReplicaReads()
  @Endpoint(ENDPOINT_DOCS.list, Scopes.webhookEndpointRead)
  async list(
    @Ctx() ctx: RequestContext,
    @List() list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<WebhookEndpointResponse>>> {
    return respondWithPage(reply, await this.endpoints.list(ctx, list), list.fields);
  }

  @Get(':endpointId')
  @ReplicaReads()
  @Endpoint(ENDPOINT_DOCS.get, Scopes.webhookEndpointRead)
  async get(
    @Ctx() ctx: RequestContext,
    @Param('endpointId') id: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<WebhookEndpointResponse>> {
    return projectOne(await this.endpoints.get(ctx, id), fields);
  }

  @Put(':endpointId')
  @HttpCode(204)
  @Endpoint(ENDPOINT_DOCS.update, Scopes.webhookEndpointManage)
  update(
    @Ctx() ctx: RequestContext,
    @Param('endpointId') id: string,
    @Body() body: WebhookEndpointUpdate,
  ): Promise<void> {
    return this.endpoints.update(ctx, id, body);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @Endpoint(ENDPOINT_DOCS.delete, Scopes.webhookEndpointManage)
  delete(@Ctx() ctx: RequestContext, @Param('endpointId') id: string): Promise<void> {
    return this.endpoints.delete(ctx, id);
  }

  @Post(':endpointId/secret/rotate')
  @HttpCode(200)
  @Endpoint(ENDPOINT_DOCS.rotateSecret, Scopes.webhookEndpointManage)
  rotateSecret(@Ctx() ctx: RequestContext, @Param('endpointId') id: string): Promise<WebhookSecretRotated> {
    return this.endpoints.rotateSecret(ctx, id);
  }
}
