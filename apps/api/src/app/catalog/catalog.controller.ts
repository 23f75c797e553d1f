import { BulkItemResult, Scopes } from '@cs/contracts';
import { CatalogCategoryResponse, CatalogProductResponse } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { AcceptLanguage, ApiTenant, ContentLanguage } from '../common/routes';
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
  upsertCategories(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<BulkItemResult[]> {
    return this.catalog.upsertCategories(tenant, body, language);
  }

  @Delete('categories/bulk')
  @HttpCode(207)
  @Endpoint(CATALOG_DOCS.removeCategories, Scopes.segmentManage)
  removeCategories(@Param('tenant') tenant: string, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.catalog.removeCategories(tenant, body);
  }

  @Put('products/bulk')
  @HttpCode(207)
  @Endpoint(CATALOG_DOCS.upsertProducts, Scopes.segmentManage)
  upsertProducts(
    @Param('tenant') tenant: string,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<BulkItemResult[]> {
    return this.catalog.upsertProducts(tenant, body, language);
  }

  @Delete('products/bulk')
  @HttpCode(207)
  @Endpoint(CATALOG_DOCS.removeProducts, Scopes.segmentManage)
  removeProducts(@Param('tenant') tenant: string, @Body() body: unknown): Promise<BulkItemResult[]> {
    return this.catalog.removeProducts(tenant, body);
  }

  @Get('categories/:categoryId')
  @Endpoint(CATALOG_DOCS.getCategory, Scopes.segmentManage, Scopes.segmentRead)
  getCategory(
    @Param('tenant') tenant: string,
    @Param('categoryId') id: string,
    @AcceptLanguage() languages: string[],
  ): Promise<CatalogCategoryResponse> {
    return this.catalog.getCategory(tenant, id, languages);
  }

  @Get('products/:productId')
  @Endpoint(CATALOG_DOCS.getProduct, Scopes.segmentManage, Scopes.segmentRead)
  getProduct(
    @Param('tenant') tenant: string,
    @Param('productId') id: string,
    @AcceptLanguage() languages: string[],
  ): Promise<CatalogProductResponse> {
    return this.catalog.getProduct(tenant, id, languages);
  }
}
