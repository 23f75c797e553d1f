import { BulkItemResult, Scopes } from '@cs/contracts';
import {
  IdResponse,
  SegmentCreation,
  SegmentListFilter,
  SegmentReadFilter,
  SegmentResponse,
  SegmentUpdate,
} from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, respondWithPage } from '../common/listing';
import { optionalBoolean } from '../common/query-params';
import { Ctx, RequestContext } from '../common/request-context';
import { ApiTenant, ReplicaReads, upserted } from '../common/routes';
import { Endpoint } from '../decorators/endpoint.decorators';
import { SEGMENT_DOCS } from './segments.docs';
import { SegmentsService } from './segments.service';

/** `forceDelete` as sent in the query string: `true` / `false` (any case); absent is false. */
const forceDeleteOf = (value: unknown): boolean => optionalBoolean('forceDelete', value) ?? false;

@ApiTenant()
@Controller('customer-segment/:tenant/segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Post()
  @Endpoint(SEGMENT_DOCS.create, Scopes.segmentManage)
  async create(@Ctx('Content-Language') ctx: RequestContext, @Body() body: SegmentCreation): Promise<IdResponse> {
    return { id: await this.segments.create(ctx, body) };
  }

  @Get()
  @ReplicaReads()
  @Endpoint(SEGMENT_DOCS.list, Scopes.segmentRead, Scopes.segmentReadOwn)
  async list(
    @Ctx('Accept-Language') ctx: RequestContext,
    @List() list: ListRequest,
    @Query() filter: SegmentListFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<SegmentResponse>>> {
    return respondWithPage(reply, await this.segments.list(ctx, list, filter), list.fields);
  }

  @Post('search')
  @HttpCode(200)
  @ReplicaReads()
  @Endpoint(SEGMENT_DOCS.search, Scopes.segmentRead, Scopes.segmentReadOwn)
  async search(
    @Ctx('Accept-Language') ctx: RequestContext,
    @List('search') list: ListRequest,
    @Query() filter: SegmentListFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<SegmentResponse>>> {
    return respondWithPage(reply, await this.segments.list(ctx, list, filter), list.fields);
  }

  @Post('bulk')
  @HttpCode(207)
  @Endpoint(SEGMENT_DOCS.createBulk, Scopes.segmentManage)
  createBulk(@Ctx('Content-Language') ctx: RequestContext, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.segments.createBulk(ctx, body);
  }

  @Put('bulk')
  @HttpCode(207)
  @Endpoint(SEGMENT_DOCS.upsertBulk, Scopes.segmentManage)
  upsertBulk(@Ctx('Content-Language') ctx: RequestContext, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.segments.upsertBulk(ctx, body);
  }

  @Delete('bulk')
  @HttpCode(207)
  @Endpoint(SEGMENT_DOCS.removeBulk, Scopes.segmentManage)
  removeBulk(
    @Ctx() ctx: RequestContext,
    @Body() body: unknown,
    @Query('forceDelete') forceDelete?: unknown,
  ): Promise<BulkItemResult[]> {
    return this.segments.removeBulk(ctx, body, forceDeleteOf(forceDelete));
  }

  @Get(':segmentId')
  @ReplicaReads()
  @Endpoint(SEGMENT_DOCS.get, Scopes.segmentRead, Scopes.segmentReadOwn)
  async get(
    @Ctx('Accept-Language') ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Query() filter: SegmentReadFilter,
    @Query('fields') fields: string | undefined,
  ): Promise<Partial<SegmentResponse>> {
    return projectOne(await this.segments.get(ctx, segmentId, filter.legalEntityId), fields);
  }

  @Put(':segmentId')
  @Endpoint(SEGMENT_DOCS.upsert, Scopes.segmentManage)
  async upsert(
    @Ctx('Content-Language') ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Body() body: SegmentUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdResponse | undefined> {
    return upserted(reply, await this.segments.upsert(ctx, segmentId, body), segmentId);
  }

  @Patch(':segmentId')
  @HttpCode(204)
  @Endpoint(SEGMENT_DOCS.patch, Scopes.segmentManage)
  async patch(
    @Ctx('Content-Language') ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.segments.patch(ctx, segmentId, body);
  }

  @Delete(':segmentId')
  @HttpCode(204)
  @Endpoint(SEGMENT_DOCS.remove, Scopes.segmentManage)
  async remove(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Query('forceDelete') forceDelete?: unknown,
  ): Promise<void> {
    await this.segments.remove(ctx, segmentId, forceDeleteOf(forceDelete));
  }
}
