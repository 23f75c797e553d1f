import { BulkItemResult, Principal, Scopes } from '@cs/contracts';
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
import { AcceptLanguage, ApiTenant, ContentLanguage, upserted } from '../common/routes';
import { CurrentPrincipal } from '../decorators/auth.decorators';
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
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SegmentCreation,
    @ContentLanguage() language: string | undefined,
  ): Promise<IdResponse> {
    return { id: await this.segments.create(principal.tenant, body, language) };
  }

  @Get()
  @Endpoint(SEGMENT_DOCS.list, Scopes.segmentRead, Scopes.segmentReadOwn)
  async list(
    @CurrentPrincipal() principal: Principal,
    @List() list: ListRequest,
    @Query() filter: SegmentListFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
    @AcceptLanguage() languages: string[],
  ): Promise<Array<Partial<SegmentResponse>>> {
    return respondWithPage(reply, await this.segments.list(principal, list, filter, languages), list.fields);
  }

  @Post('search')
  @HttpCode(200)
  @Endpoint(SEGMENT_DOCS.search, Scopes.segmentRead, Scopes.segmentReadOwn)
  async search(
    @CurrentPrincipal() principal: Principal,
    @List('search') list: ListRequest,
    @Query() filter: SegmentListFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
    @AcceptLanguage() languages: string[],
  ): Promise<Array<Partial<SegmentResponse>>> {
    return respondWithPage(reply, await this.segments.list(principal, list, filter, languages), list.fields);
  }

  @Post('bulk')
  @HttpCode(207)
  @Endpoint(SEGMENT_DOCS.createBulk, Scopes.segmentManage)
  createBulk(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<BulkItemResult[]> {
    return this.segments.createBulk(principal.tenant, body, language);
  }

  @Put('bulk')
  @HttpCode(207)
  @Endpoint(SEGMENT_DOCS.upsertBulk, Scopes.segmentManage)
  upsertBulk(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<BulkItemResult[]> {
    return this.segments.upsertBulk(principal.tenant, body, language);
  }

  @Delete('bulk')
  @HttpCode(207)
  @Endpoint(SEGMENT_DOCS.removeBulk, Scopes.segmentManage)
  removeBulk(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Query('forceDelete') forceDelete?: unknown,
  ): Promise<BulkItemResult[]> {
    return this.segments.removeBulk(principal.tenant, body, forceDeleteOf(forceDelete));
  }

  @Get(':segmentId')
  @Endpoint(SEGMENT_DOCS.get, Scopes.segmentRead, Scopes.segmentReadOwn)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('segmentId') segmentId: string,
    @Query() filter: SegmentReadFilter,
    @Query('fields') fields: string | undefined,
    @AcceptLanguage() languages: string[],
  ): Promise<Partial<SegmentResponse>> {
    return projectOne(await this.segments.get(principal, segmentId, filter.legalEntityId, languages), fields);
  }

  @Put(':segmentId')
  @Endpoint(SEGMENT_DOCS.upsert, Scopes.segmentManage)
  async upsert(
    @CurrentPrincipal() principal: Principal,
    @Param('segmentId') segmentId: string,
    @Body() body: SegmentUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ContentLanguage() language: string | undefined,
  ): Promise<IdResponse | undefined> {
    return upserted(reply, await this.segments.upsert(principal.tenant, segmentId, body, language), segmentId);
  }

  @Patch(':segmentId')
  @HttpCode(204)
  @Endpoint(SEGMENT_DOCS.patch, Scopes.segmentManage)
  async patch(
    @CurrentPrincipal() principal: Principal,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<void> {
    await this.segments.patch(principal.tenant, segmentId, body, language);
  }

  @Delete(':segmentId')
  @HttpCode(204)
  @Endpoint(SEGMENT_DOCS.remove, Scopes.segmentManage)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('segmentId') segmentId: string,
    @Query('forceDelete') forceDelete?: unknown,
  ): Promise<void> {
    await this.segments.remove(principal.tenant, segmentId, forceDeleteOf(forceDelete));
  }
}
