import { BulkItemResult, Principal, Scopes } from '@cs/contracts';
import {
  CategoryTreeNode,
  ErrorResponse,
  ItemAssignmentResponse,
  ItemAssignmentUpsertBulk,
  MixinsUpsert,
} from '@cs/dto';
import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiList, List, ListRequest, projectOne, respondWithPage } from '../common/listing';
import { optionalBoolean, optionalString } from '../common/query-params';
import {
  AcceptLanguage,
  ApiAssignmentUpsert,
  ApiBulk,
  ApiFields,
  ApiPage,
  ApiSearch,
  ApiTenant,
} from '../common/routes';
import { CurrentPrincipal, RequiresScopes } from '../decorators/auth.decorators';
import { CategoryTreesService } from './category-trees';
import { parseItemType } from './item-assignment.document';
import { ItemAssignmentsService } from './item-assignments.service';
import { customerView } from '../segments/segment-visibility';

const LEGAL_ENTITY_ID = ApiQuery({
  name: 'legalEntityId',
  required: false,
  schema: { type: 'string' },
  description:
    'Customer tokens: count only the B2B assignments for this legal entity (it must be one the token acts for, else 403). Ignored for service tokens with `customersegment.segment_read`.',
});
const SITE_CODE = ApiQuery({
  name: 'siteCode',
  required: false,
  schema: { type: 'string' },
  description: 'Only segments of this site.',
});
const SEGMENT_ID = ApiParam({ name: 'segmentId', description: 'Unique identifier of the customer segment.' });
const TYPE = ApiParam({
  name: 'type',
  description: 'Determines whether item is a product or category: `PRODUCT` or `CATEGORY` (anything else is a 400).',
  schema: { type: 'string' },
});
const ITEM_PATH = applyDecorators(
  SEGMENT_ID,
  TYPE,
  ApiParam({ name: 'itemId', description: 'Unique identifier of the product/category.' }),
);

const OWN_SCOPE =
  'Customer tokens (and any token without `customersegment.segment_read`) see only the items of the ACTIVE, currently valid segments the customer is assigned to ' +
  '(B2B assignments only for the legal entities the token acts for).';
const DOCUMENT =
  '`item.code` and `item.name` come from the catalog data the service holds (see the Catalog extension); without it, `item` has only the `id`. ' +
  'q fields: `item.id`, `item.code`, `item.name.<lang>` (or `item.name` for any language), `type`, `segmentId`, `mixins.*`, `metadata.mixins.*`, `metadata.version`, `metadata.createdAt`, `metadata.modifiedAt`; ' +
  'the default order is `segmentId`, `type`, `item.id`.';

@ApiTags('Items Assignments')
@ApiTenant()
@Controller('customer-segment/:tenant/segments')
export class ItemAssignmentsController {
  constructor(
    private readonly items: ItemAssignmentsService,
    private readonly categoryTrees: CategoryTreesService,
  ) {}

  @Get('items/category-trees')
  @RequiresScopes(Scopes.segmentReadOwn)
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-category-trees',
    summary: 'Retrieving category trees for a customer segments',
    description:
      'Retrieves the category trees of the CATEGORY items of the ACTIVE, currently valid segments the customer is assigned to ' +
      '(for a service token, without a customer, that also holds `customersegment.segment_read`: of all ACTIVE, currently valid segments). ' +
      'Each tree runs from a root category down to the assigned categories; `isSegmentAssigned` is true exactly on the assigned ones. ' +
      'An assigned category also brings all its own descendants (they hold the products the assignment covers; `isSegmentAssigned` false), ' +
      'so a storefront can render the whole assigned branch. Siblings are ordered by `position` (missing last), then `id`. ' +
      'Trees are built from the catalog data the service holds (see the Catalog extension): assigned categories unknown to it are left out, and a category whose parent is unknown is a root. ' +
      'Unpublished or expired categories are included with their `published` and `validity`, for the client to decide.',
  })
  @LEGAL_ENTITY_ID
  @SITE_CODE
  @ApiOkResponse({
    description: 'Customer categories assignments were successfully retrieved.',
    type: [CategoryTreeNode],
  })
  @ApiBadRequestResponse({ description: 'A query parameter was given twice.', type: ErrorResponse })
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
  @RequiresScopes(Scopes.segmentReadOwn, Scopes.segmentRead)
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-segments-items',
    summary: 'Retrieving all items assignments for all customer segments',
    description: `Retrieves the item assignments of all segments, filtered by \`siteCode\` and \`onlyActive\` (ACTIVE and currently valid segments only). ${OWN_SCOPE} ${DOCUMENT}`,
  })
  @ApiList()
  @LEGAL_ENTITY_ID
  @SITE_CODE
  @ApiQuery({
    name: 'onlyActive',
    required: false,
    schema: { type: 'boolean', default: false },
    description: 'Only items of ACTIVE, currently valid segments. Always true for customer tokens.',
  })
  @ApiPage(ItemAssignmentResponse, 'item assignments')
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
  @RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn)
  @SEGMENT_ID
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-segment-items',
    summary: 'Retrieving all item assignments for a customer segment',
    description: `Retrieves the item assignments of the segment; a segment that does not exist (or that the caller cannot see) has none. ${OWN_SCOPE} ${DOCUMENT}`,
  })
  @ApiList()
  @LEGAL_ENTITY_ID
  @ApiPage(ItemAssignmentResponse, 'item assignments')
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
  @RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn)
  @SEGMENT_ID
  @ApiOperation({
    operationId: 'POST-customer-segment-search-items',
    summary: 'Retrieving all item assignments for a customer segment',
    description: `Returns the item assignments of the segment that match \`q\` (sent in the body; same paging, sorting and visibility as the GET list). ${OWN_SCOPE} ${DOCUMENT}`,
  })
  @ApiSearch()
  @LEGAL_ENTITY_ID
  @ApiPage(ItemAssignmentResponse, 'item assignments')
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
  @RequiresScopes(Scopes.segmentManage)
  @SEGMENT_ID
  @TYPE
  @ApiOperation({
    operationId: 'PUT-customer-segment-update-items-bulk',
    summary: 'Updating item assignments to a customer segment in bulk',
    description:
      "Performs `UPSERT` operation for up to 200 items `{id, mixins?, metadata?}` of the path's `type` (more is a 400 and nothing is applied). Each item is applied on its own, in request order: " +
      '201 created, 204 updated, 400 invalid item, 404 segment not found, 409 version conflict. An unknown `type` is a 400 for the whole request.',
  })
  @ApiBulk(ItemAssignmentUpsertBulk)
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
  @RequiresScopes(Scopes.segmentManage)
  @SEGMENT_ID
  @TYPE
  @ApiOperation({
    operationId: 'DELETE-customer-segment-remove-items-bulk',
    summary: 'Deleting item assignments to a customer segment in bulk',
    description:
      'Removes up to 200 item assignments of the path\'s `type`; the body is an array of item ids, e.g. `["firstItemId", "secondItemId"]` (more than 200 is a 400 and nothing is removed). ' +
      'Each item answers 204, also when the assignment did not exist; an item that is not a non-empty string answers 400.',
  })
  @ApiBulk()
  removeBulk(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.items.removeBulk(tenant, segmentId, parseItemType(type), body);
  }

  @Get(':segmentId/items/:type/:itemId')
  @RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn)
  @ITEM_PATH
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-item',
    summary: 'Retrieving an item assignment',
    description: `Retrieves an item assignment of the segment. ${OWN_SCOPE} (other assignments are a 404). ${DOCUMENT}`,
  })
  @ApiFields()
  @LEGAL_ENTITY_ID
  @ApiOkResponse({
    description: 'Customer segment item assignment was successfully retrieved.',
    type: ItemAssignmentResponse,
  })
  @ApiBadRequestResponse({ description: 'Unknown type or invalid fields.', type: ErrorResponse })
  @ApiNotFoundResponse({ description: 'No such assignment (visible to the caller).', type: ErrorResponse })
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
  @RequiresScopes(Scopes.segmentManage)
  @ITEM_PATH
  @ApiOperation({
    operationId: 'PUT-customer-segment-update-item',
    summary: 'Updating an item assignment',
    description:
      'Performs `UPSERT` operation: creates the assignment (201) or replaces its `mixins` and `metadata.mixins` (204); neither answer has a body. ' +
      'With `metadata.version`, a different stored version is a 409 and nothing changes. A segment that does not exist is a 404. ' +
      "The item need not be known to the service's catalog data.",
  })
  @ApiAssignmentUpsert('item assignment')
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
  @RequiresScopes(Scopes.segmentManage)
  @ITEM_PATH
  @ApiOperation({
    operationId: 'DELETE-customer-segment-remove-item',
    summary: 'Removing an assignment',
    description:
      'Removes an item assignment. Removing an assignment that does not exist (or of a segment that does not exist) also answers 204.',
  })
  @ApiNoContentResponse({ description: 'Item assignment was successfully removed.' })
  @ApiBadRequestResponse({ description: 'Unknown type.', type: ErrorResponse })
  async remove(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('type') type: string,
    @Param('itemId') itemId: string,
  ): Promise<void> {
    await this.items.remove(tenant, { segmentId, type: parseItemType(type), itemId });
  }
}
