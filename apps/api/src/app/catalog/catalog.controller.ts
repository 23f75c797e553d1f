import { BulkItemResult, Scopes } from '@cs/contracts';
import { CatalogCategoryResponse, CatalogProductResponse } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { Ctx, RequestContext } from '../common/request-context';
import { ApiTenant, ReplicaReads } from '../common/routes';
import { Endpoint } from '../decorators/endpoint.decorators';
import { CATALOG_DOCS } from './catalog.docs';
import { CatalogService } from './catalog.service';

@ApiTenant()
@Controller('customer-segment/:tenant/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Put('categories/bulk')
  @HttpCode(207)
  @Endpoint(CATALOG_DOCS.upsertCategories, Scopes.segmentManage)
  upsertCategories(@Ctx('Content-Language') ctx: RequestContext, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.catalog.upsertCategories(ctx, body);
  }

  @Delete('categories/bulk')
  @HttpCode(207)
  @Endpoint(CATALOG_DOCS.removeCategories, Scopes.segmentManage)
  removeCategories(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.catalog.removeCategories(ctx, body);
  }

  @Put('products/bulk')
  @HttpCode(207)
  @Endpoint(CATALOG_DOCS.upsertProducts, Scopes.segmentManage)
  upsertProducts(@Ctx('Content-Language') ctx: RequestContext, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.catalog.upsertProducts(ctx, body);
  }

  @Delete('products/bulk')
  @HttpCode(207)
  @Endpoint(CATALOG_DOCS.removeProducts, Scopes.segmentManage)
  removeProducts(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.catalog.removeProducts(ctx, body);
  }

  @Get('categories/:categoryId')
  @ReplicaReads()
  @Endpoint(CATALOG_DOCS.getCategory, Scopes.segmentManage, Scopes.segmentRead)
  getCategory(
    @Ctx('Accept-Language') ctx: RequestContext,
    @Param('categoryId') id: string,
  ): Promise<CatalogCategoryResponse> {
    return this.catalog.getCategory(ctx, id);
  }

  @Get('products/:productId')
  @ReplicaReads()
  @Endpoint(CATALOG_DOCS.getProduct, Scopes.segmentManage, Scopes.segmentRead)
  getProduct(
    @Ctx('Accept-Language') ctx: RequestContext,
    @Param('productId') id: string,
  ): Promise<CatalogProductResponse> {
    return this.catalog.getProduct(ctx, id);
  }
}
