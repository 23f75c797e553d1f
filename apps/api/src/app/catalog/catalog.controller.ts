import { BulkItemResult, Scopes } from '@cs/contracts';
import {
  CatalogCategoryResponse,
  CatalogCategoryUpsert,
  CatalogProductResponse,
  CatalogProductUpsert,
  ErrorResponse,
} from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AcceptLanguage, ApiBulk, ApiTenant, ContentLanguage } from '../common/routes';
import { RequiresScopes } from '../decorators/auth.decorators';
import { CatalogService } from './catalog.service';

const EXTENSION =
  "**Extension** (not part of the Emporix API): the service keeps a copy of the commerce catalog's categories and products, " +
  'synchronised through these endpoints, to enrich item assignments with codes and names and to compute category trees and match.';
const BULK =
  'At most 200 items (more is a 400 and nothing is applied); each item is applied on its own, in request order, and answers in the 207 body ' +
  '(`index` zero-based).';
const WRITE =
  'PUT replaces the whole stored document (absent fields are reset); with `metadata.version`, a different stored version is a 409 for that item. ' +
  'Localized fields are maps, or with `Content-Language: <lang>` plain strings in that language (other stored languages are kept).';

@ApiTags('Catalog')
@ApiTenant()
@Controller('customer-segment/:tenant/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Put('categories/bulk')
  @HttpCode(207)
  @RequiresScopes(Scopes.segmentManage)
  @ApiOperation({
    operationId: 'PUT-customer-segment-upsert-catalog-categories-bulk',
    summary: 'Synchronising catalog categories in bulk',
    description:
      `${EXTENSION} Upserts categories: 201 created, 204 updated, 400 invalid item, 409 version conflict. ${BULK} ${WRITE} ` +
      'A parent may arrive later, in the same or a later request (until then the category is a root of category trees, and match does not walk past it); ' +
      'a parent that is the category itself or one of its descendants is a 400 for that item.',
  })
  @ApiBulk(CatalogCategoryUpsert)
  upsertCategories(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<BulkItemResult[]> {
    return this.catalog.upsertCategories(tenant, body, language);
  }

  @Delete('categories/bulk')
  @HttpCode(207)
  @RequiresScopes(Scopes.segmentManage)
  @ApiOperation({
    operationId: 'DELETE-customer-segment-remove-catalog-categories-bulk',
    summary: 'Removing catalog categories in bulk',
    description:
      `${EXTENSION} Removes categories by id (body: array of ids). ${BULK} Each item answers 204, also for an unknown id. ` +
      "Item assignments of the categories, product links to them and subcategories' parent ids stay: they lead nowhere (subcategories are roots of category trees, " +
      'products in them no longer match through them) until a category with that id arrives again.',
  })
  @ApiBulk()
  removeCategories(@Param('tenant') tenant: string, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.catalog.removeCategories(tenant, body);
  }

  @Put('products/bulk')
  @HttpCode(207)
  @RequiresScopes(Scopes.segmentManage)
  @ApiOperation({
    operationId: 'PUT-customer-segment-upsert-catalog-products-bulk',
    summary: 'Synchronising catalog products in bulk',
    description:
      `${EXTENSION} Upserts products with the categories they sit in (\`categoryIds\` replaces the stored list; the categories may arrive later, and count for match once they do): ` +
      `201 created, 204 updated, 400 invalid item, 409 version conflict. ${BULK} ${WRITE}`,
  })
  @ApiBulk(CatalogProductUpsert)
  upsertProducts(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<BulkItemResult[]> {
    return this.catalog.upsertProducts(tenant, body, language);
  }

  @Delete('products/bulk')
  @HttpCode(207)
  @RequiresScopes(Scopes.segmentManage)
  @ApiOperation({
    operationId: 'DELETE-customer-segment-remove-catalog-products-bulk',
    summary: 'Removing catalog products in bulk',
    description: `${EXTENSION} Removes products by id (body: array of ids). ${BULK} Each item answers 204, also for an unknown id. Item assignments of the products stay.`,
  })
  @ApiBulk()
  removeProducts(@Param('tenant') tenant: string, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.catalog.removeProducts(tenant, body);
  }

  @Get('categories/:categoryId')
  @RequiresScopes(Scopes.segmentManage, Scopes.segmentRead)
  @ApiParam({ name: 'categoryId' })
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-catalog-category',
    summary: 'Retrieving a catalog category',
    description: `${EXTENSION} Reads one synchronised category back.`,
  })
  @ApiOkResponse({ type: CatalogCategoryResponse })
  @ApiNotFoundResponse({ description: 'The service holds no such category.', type: ErrorResponse })
  getCategory(
    @Param('tenant') tenant: string,
    @Param('categoryId') id: string,
    @AcceptLanguage() languages: string[],
  ): Promise<CatalogCategoryResponse> {
    return this.catalog.getCategory(tenant, id, languages);
  }

  @Get('products/:productId')
  @RequiresScopes(Scopes.segmentManage, Scopes.segmentRead)
  @ApiParam({ name: 'productId' })
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-catalog-product',
    summary: 'Retrieving a catalog product',
    description: `${EXTENSION} Reads one synchronised product back, with its category ids.`,
  })
  @ApiOkResponse({ type: CatalogProductResponse })
  @ApiNotFoundResponse({ description: 'The service holds no such product.', type: ErrorResponse })
  getProduct(
    @Param('tenant') tenant: string,
    @Param('productId') id: string,
    @AcceptLanguage() languages: string[],
  ): Promise<CatalogProductResponse> {
    return this.catalog.getProduct(tenant, id, languages);
  }
}
