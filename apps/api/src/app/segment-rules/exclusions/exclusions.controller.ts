import { BulkItemResult, Scopes } from '@cs/contracts';
import { ExclusionResponse, MixinsUpsert } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, respondWithPage } from '../../common/listing';
import { Ctx, RequestContext } from '../../common/request-context';
import { ApiTenant, ReplicaReads } from '../../common/routes';
import { Endpoint } from '../../decorators/endpoint.decorators';
import { EXCLUSION_DOCS, SEGMENT_ID } from './exclusions.docs';
import { ExclusionsService } from './exclusions.service';

@ApiTenant()
@SEGMENT_ID
@Controller('customer-segment/:tenant/segments/:segmentId/exclusions')
export class ExclusionsController {
  constructor(private readonly exclusions: ExclusionsService) {}

  @Get()
  @ReplicaReads()
  @Endpoint(EXCLUSION_DOCS.list, Scopes.segmentRead)
  async list(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @List() list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<ExclusionResponse>>> {
    return respondWithPage(reply, await this.exclusions.list(ctx, segmentId, list), list.fields);
  }

  @Post('search')
  @HttpCode(200)
  @ReplicaReads()
  @Endpoint(EXCLUSION_DOCS.search, Scopes.segmentRead)
  async search(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @List('search') list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<ExclusionResponse>>> {
    return respondWithPage(reply, await this.exclusions.list(ctx, segmentId, list), list.fields);
  }

  @Put('bulk')
  @HttpCode(207)
  @Endpoint(EXCLUSION_DOCS.upsertBulk, Scopes.segmentManage)
  upsertBulk(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.exclusions.upsertBulk(ctx, segmentId, body);
  }

  @Delete('bulk')
  @HttpCode(207)
  @Endpoint(EXCLUSION_DOCS.removeBulk, Scopes.segmentManage)
  removeBulk(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.exclusions.removeBulk(ctx, segmentId, body);
  }

  @Get(':customerId')
  @ReplicaReads()
  @Endpoint(EXCLUSION_DOCS.getAll, Scopes.segmentRead)
  async getAll(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<ExclusionResponse>> {
    return projectOne(await this.exclusions.get(ctx, { segmentId, customerId }), fields);
  }

  @Put(':customerId')
  @Endpoint(EXCLUSION_DOCS.putAll, Scopes.segmentManage)
  async putAll(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Body() body: MixinsUpsert,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.status((await this.exclusions.upsert(ctx, { segmentId, customerId }, body)) ? 201 : 204);
  }

  @Delete(':customerId')
  @HttpCode(204)
  @Endpoint(EXCLUSION_DOCS.deleteAll, Scopes.segmentManage)
  async deleteAll(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
  ): Promise<void> {
    await this.exclusions.remove(ctx, { segmentId, customerId });
  }

  @Get(':customerId/:legalEntityId')
  @ReplicaReads()
  @Endpoint(EXCLUSION_DOCS.getOne, Scopes.segmentRead)
  async getOne(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<ExclusionResponse>> {
    return projectOne(await this.exclusions.get(ctx, { segmentId, customerId, legalEntityId }), fields);
  }

  @Put(':customerId/:legalEntityId')
  @Endpoint(EXCLUSION_DOCS.putOne, Scopes.segmentManage)
  async putOne(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
    @Body() body: MixinsUpsert,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.status((await this.exclusions.upsert(ctx, { segmentId, customerId, legalEntityId }, body)) ? 201 : 204);
  }

  @Delete(':customerId/:legalEntityId')
  @HttpCode(204)
  @Endpoint(EXCLUSION_DOCS.deleteOne, Scopes.segmentManage)
  async deleteOne(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
  ): Promise<void> {
    await this.exclusions.remove(ctx, { segmentId, customerId, legalEntityId });
  }
}
