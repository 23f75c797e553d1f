import { BulkItemResult, Scopes } from '@cs/contracts';
import { ItemAssignmentResponse, MixinsUpsert } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, sendPreparedPage } from '../common/listing';
import { sendPrepared } from '../common/revalidation';
import { optionalBoolean, optionalString } from '../common/query-params';
import { Ctx, RequestContext } from '../common/request-context';
import { ApiTenant, ReplicaReads } from '../common/routes';
import { Endpoint } from '../decorators/endpoint.decorators';
import { CategoryTreesService } from './category-trees';
import { parseItemType } from './item-assignments.mapper';
import { ITEM_ASSIGNMENT_DOCS } from './item-assignments.docs';
import { ItemAssignmentsService } from './item-assignments.service';
import { customerView } from '../segments/segment-visibility';

@ApiTenant()
@Controller('customer-segment/:tenant/segments')
export class ItemAssignmentsController {
  constructor(
    private readonly items: ItemAssignmentsService,
    private readonly categoryTrees: CategoryTreesService,
  ) {}

  @Get('items/category-trees')
  @ReplicaReads()
  @Endpoint(ITEM_ASSIGNMENT_DOCS.trees, Scopes.segmentReadOwn)
  async trees(
    @Ctx('Accept-Language') ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('siteCode') siteCode: unknown,
    @Query('legalEntityId') legalEntityId: unknown,
  ): Promise<Buffer> {
    const trees = await this.categoryTrees.trees(ctx, {
      siteCode: optionalString('siteCode', siteCode),
      view: customerView(ctx.principal, optionalString('legalEntityId', legalEntityId)),
    });
    return sendPrepared(reply, trees);
  }

  @Get('items')
  @ReplicaReads()
  @Endpoint(ITEM_ASSIGNMENT_DOCS.listAll, Scopes.segmentReadOwn, Scopes.segmentRead)
  async listAll(
    @Ctx('Accept-Language') ctx: RequestContext,
    @List() list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('siteCode') siteCode: unknown,
    @Query('onlyActive') onlyActive: unknown,
    @Query('legalEntityId') legalEntityId: unknown,
  ): Promise<Buffer> {
    const scope = {
      siteCode: optionalString('siteCode', siteCode),
      onlyActive: optionalBoolean('onlyActive', onlyActive),
      view: customerView(ctx.principal, optionalString('legalEntityId', legalEntityId)),
    };
    return sendPreparedPage(reply, await this.items.list(ctx, scope, list));
  }

  @Get(':segmentId/items')
  @ReplicaReads()
  @Endpoint(ITEM_ASSIGNMENT_DOCS.list, Scopes.segmentRead, Scopes.segmentReadOwn)
  async list(
    @Ctx('Accept-Language') ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @List() list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('legalEntityId') legalEntityId: unknown,
  ): Promise<Buffer> {
    const scope = { segmentId, view: customerView(ctx.principal, optionalString('legalEntityId', legalEntityId)) };
    return sendPreparedPage(reply, await this.items.list(ctx, scope, list));
  }

  @Post(':segmentId/items/search')
  @HttpCode(200)
  @ReplicaReads()
  @Endpoint(ITEM_ASSIGNMENT_DOCS.search, Scopes.segmentRead, Scopes.segmentReadOwn)
  async search(
    @Ctx('Accept-Language') ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @List('search') list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('legalEntityId') legalEntityId: unknown,
  ): Promise<Buffer> {
    return this.list(ctx, segmentId, list, reply, legalEntityId);
  }

  @Put(':segmentId/items/:type/bulk')
  @HttpCode(207)
  @Endpoint(ITEM_ASSIGNMENT_DOCS.upsertBulk, Scopes.segmentManage)
  upsertBulk(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.items.upsertBulk(ctx, segmentId, parseItemType(type), body);
  }

  @Delete(':segmentId/items/:type/bulk')
  @HttpCode(207)
  @Endpoint(ITEM_ASSIGNMENT_DOCS.removeBulk, Scopes.segmentManage)
  removeBulk(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.items.removeBulk(ctx, segmentId, parseItemType(type), body);
  }

  @Get(':segmentId/items/:type/:itemId')
  @ReplicaReads()
  @Endpoint(ITEM_ASSIGNMENT_DOCS.get, Scopes.segmentRead, Scopes.segmentReadOwn)
  async get(
    @Ctx('Accept-Language') ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Param('itemId') itemId: string,
    @Query('fields') fields: unknown,
    @Query('legalEntityId') legalEntityId: unknown,
  ): Promise<Partial<ItemAssignmentResponse>> {
    const projection = optionalString('fields', fields);
    const view = customerView(ctx.principal, optionalString('legalEntityId', legalEntityId));
    const document = await this.items.get(ctx, { segmentId, type: parseItemType(type), itemId }, view);
    return projectOne(document, projection);
  }

  @Put(':segmentId/items/:type/:itemId')
  @Endpoint(ITEM_ASSIGNMENT_DOCS.put, Scopes.segmentManage)
  async put(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Param('itemId') itemId: string,
    @Body() body: MixinsUpsert,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.status(
      (await this.items.upsert(ctx, { segmentId, type: parseItemType(type), itemId }, body)) ? 201 : 204,
    );
  }

  @Delete(':segmentId/items/:type/:itemId')
  @HttpCode(204)
  @Endpoint(ITEM_ASSIGNMENT_DOCS.remove, Scopes.segmentManage)
  async remove(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Param('itemId') itemId: string,
  ): Promise<void> {
    await this.items.remove(ctx, { segmentId, type: parseItemType(type), itemId });
  }
}
