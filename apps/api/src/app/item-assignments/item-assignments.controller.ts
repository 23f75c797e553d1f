import { BulkItemResult, Principal, Scopes } from '@cs/contracts';
import { CategoryTreeNode, ItemAssignmentResponse, MixinsUpsert } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, respondWithPage } from '../common/listing';
import { optionalBoolean, optionalString } from '../common/query-params';
import { AcceptLanguage, ApiTenant } from '../common/routes';
import { CurrentPrincipal } from '../decorators/auth.decorators';
import { Endpoint } from '../decorators/endpoint.decorators';
import { CategoryTreesService } from './category-trees';
import { parseItemType } from './item-assignment.document';
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
  @Endpoint(ITEM_ASSIGNMENT_DOCS.trees, Scopes.segmentReadOwn)
  trees(
    @Param('tenant') tenant: string,
    @CurrentPrincipal() principal: Principal,
    @Query('siteCode') siteCode: unknown,
    @Query('legalEntityId') legalEntityId: unknown,
    @AcceptLanguage() languages: string[],
  ): Promise<CategoryTreeNode[]> {
    return this.categoryTrees.trees(tenant, {
      siteCode: optionalString('siteCode', siteCode),
      view: customerView(principal, optionalString('legalEntityId', legalEntityId)),
      languages,
    });
  }

  @Get('items')
  @Endpoint(ITEM_ASSIGNMENT_DOCS.listAll, Scopes.segmentReadOwn, Scopes.segmentRead)
  async listAll(
    @Param('tenant') tenant: string,
    @List() list: ListRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('siteCode') siteCode: unknown,
    @Query('onlyActive') onlyActive: unknown,
    @Query('legalEntityId') legalEntityId: unknown,
    @AcceptLanguage() languages: string[],
  ): Promise<Array<Partial<ItemAssignmentResponse>>> {
    const scope = {
      siteCode: optionalString('siteCode', siteCode),
      onlyActive: optionalBoolean('onlyActive', onlyActive),
      view: customerView(principal, optionalString('legalEntityId', legalEntityId)),
    };
    return respondWithPage(reply, await this.items.list(tenant, scope, list, languages), list.fields);
  }

  @Get(':segmentId/items')
  @Endpoint(ITEM_ASSIGNMENT_DOCS.list, Scopes.segmentRead, Scopes.segmentReadOwn)
  async list(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @List() list: ListRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('legalEntityId') legalEntityId: unknown,
    @AcceptLanguage() languages: string[],
  ): Promise<Array<Partial<ItemAssignmentResponse>>> {
    const scope = { segmentId, view: customerView(principal, optionalString('legalEntityId', legalEntityId)) };
    return respondWithPage(reply, await this.items.list(tenant, scope, list, languages), list.fields);
  }

  @Post(':segmentId/items/search')
  @HttpCode(200)
  @Endpoint(ITEM_ASSIGNMENT_DOCS.search, Scopes.segmentRead, Scopes.segmentReadOwn)
  async search(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @List('search') list: ListRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('legalEntityId') legalEntityId: unknown,
    @AcceptLanguage() languages: string[],
  ): Promise<Array<Partial<ItemAssignmentResponse>>> {
    return this.list(tenant, segmentId, list, principal, reply, legalEntityId, languages);
  }

  @Put(':segmentId/items/:type/bulk')
  @HttpCode(207)
  @Endpoint(ITEM_ASSIGNMENT_DOCS.upsertBulk, Scopes.segmentManage)
  upsertBulk(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.items.upsertBulk(tenant, segmentId, parseItemType(type), body);
  }

  @Delete(':segmentId/items/:type/bulk')
  @HttpCode(207)
  @Endpoint(ITEM_ASSIGNMENT_DOCS.removeBulk, Scopes.segmentManage)
  removeBulk(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.items.removeBulk(tenant, segmentId, parseItemType(type), body);
  }

  @Get(':segmentId/items/:type/:itemId')
  @Endpoint(ITEM_ASSIGNMENT_DOCS.get, Scopes.segmentRead, Scopes.segmentReadOwn)
  async get(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Param('itemId') itemId: string,
    @CurrentPrincipal() principal: Principal,
    @Query('fields') fields: unknown,
    @Query('legalEntityId') legalEntityId: unknown,
    @AcceptLanguage() languages: string[],
  ): Promise<Partial<ItemAssignmentResponse>> {
    const projection = optionalString('fields', fields);
    const view = customerView(principal, optionalString('legalEntityId', legalEntityId));
    const document = await this.items.get(tenant, { segmentId, type: parseItemType(type), itemId }, view, languages);
    return projectOne(document, projection);
  }

  @Put(':segmentId/items/:type/:itemId')
  @Endpoint(ITEM_ASSIGNMENT_DOCS.put, Scopes.segmentManage)
  async put(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Param('itemId') itemId: string,
    @Body() body: MixinsUpsert,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.status(
      (await this.items.upsert(tenant, { segmentId, type: parseItemType(type), itemId }, body)) ? 201 : 204,
    );
  }

  @Delete(':segmentId/items/:type/:itemId')
  @HttpCode(204)
  @Endpoint(ITEM_ASSIGNMENT_DOCS.remove, Scopes.segmentManage)
  async remove(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Param('itemId') itemId: string,
  ): Promise<void> {
    await this.items.remove(tenant, { segmentId, type: parseItemType(type), itemId });
  }
}
