import { BulkItemResult } from '@cs/contracts';
import { CatalogCategoryResponse, CatalogCategoryUpsert, CatalogProductResponse, CatalogProductUpsert } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { assertIdItem, validateAs } from '../common/validation';
import { bulkLockKey, Transactions } from '../database/transactions';
import { BadRequestError, NotFoundError } from '../errors/domain-errors';
import { toCategoryResponse, toCategoryRow, toProductResponse, toProductRow } from './catalog.mapper';
import { categoryEventData, productEventData } from './catalog.events';
import { CatalogRepository } from './catalog.repository';

/**
 * The catalog data the service keeps (our extension): categories and products, synchronised in
 * bulk from the commerce catalog, used to enrich item assignments, build category trees and match.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly transactions: Transactions,
  ) {}

  upsertCategories(ctx: RequestContext, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.fields('id'), async (tx, item) => {
      const dto = await validateAs(CatalogCategoryUpsert, item);
      return { code: (await this.writeCategory(tx, ctx, dto)) ? 201 : 204, id: dto.id };
    });
  }

  upsertProducts(ctx: RequestContext, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.fields('id'), async (tx, item) => {
      const dto = await validateAs(CatalogProductUpsert, item);
      return { code: (await this.writeProduct(tx, ctx, dto)) ? 201 : 204, id: dto.id };
    });
  }

  /**
   * Removes categories. Links to them (product categories, children's parent ids) and their item
   * assignments stay, and lead nowhere until a category of that id arrives again.
   */
  removeCategories(ctx: RequestContext, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.itself, async (tx, id) => {
      assertIdItem(id, 'catalog id');
      await this.catalog.deleteCategory(tx, ctx.tenant, id);
      return { code: 204, id };
    });
  }

  /** Removes products (their category links cascade); item assignments stay. */
  removeProducts(ctx: RequestContext, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.itself, async (tx, id) => {
      assertIdItem(id, 'catalog id');
      await this.catalog.deleteProduct(tx, ctx.tenant, id);
      return { code: 204, id };
    });
  }

  async getCategory(ctx: RequestContext, id: string): Promise<CatalogCategoryResponse> {
    const row = await this.catalog.findCategory(ctx.tenant, id);
    if (!row) throw NotFoundError.of('category', id);
    return toCategoryResponse(row, ctx.languages);
  }

  async getProduct(ctx: RequestContext, id: string): Promise<CatalogProductResponse> {
    const row = await this.catalog.findProduct(ctx.tenant, id);
    if (!row) throw NotFoundError.of('product', id);
    return toProductResponse(row, ctx.languages);
  }

  /** Upserts one category; true when it was created. A single-language write merges into the locked stored texts. */
  private async writeCategory(tx: EntityManager, ctx: RequestContext, dto: CatalogCategoryUpsert): Promise<boolean> {
    const { tenant, contentLanguage } = ctx;
    const parentId = dto.parentId ?? null;
    if (parentId !== null) await this.assertNoCycle(tx, tenant, dto.id, parentId);
    const previous = contentLanguage ? await this.catalog.lockCategoryTexts(tx, tenant, dto.id) : undefined;
    const values = toCategoryRow(dto, contentLanguage, previous);
    const result = await this.catalog.upsertCategory(tx, {
      tenant,
      id: dto.id,
      values,
      expectedVersion: dto.metadata?.version,
      eventData: categoryEventData(dto.id, values),
    });
    return result.created;
  }

  /** Upserts one product and replaces its categories; true when it was created. */
  private async writeProduct(tx: EntityManager, ctx: RequestContext, dto: CatalogProductUpsert): Promise<boolean> {
    const { tenant, contentLanguage } = ctx;
    const previous = contentLanguage ? await this.catalog.lockProductTexts(tx, tenant, dto.id) : undefined;
    const values = toProductRow(dto, contentLanguage, previous);
    const categoryIds = dto.categoryIds ?? [];
    const eventData = productEventData(dto.id, values, categoryIds);
    const write = { tenant, id: dto.id, values, expectedVersion: dto.metadata?.version, eventData };
    const result = await this.catalog.upsertProduct(tx, write);
    const productUnchanged = !result.changed;
    await this.catalog.replaceProductCategories(tx, {
      tenant,
      productId: dto.id,
      categoryIds,
      productUnchanged,
      eventData,
    });
    return result.created;
  }

  /** Rejects a parent link that would make the category its own ancestor, under the tenant's category tree lock. */
  private async assertNoCycle(tx: EntityManager, tenant: string, id: string, parentId: string): Promise<void> {
    await this.catalog.lockCategoryTree(tx, tenant);
    if (await this.catalog.createsCycle(tx, tenant, id, parentId)) {
      throw new BadRequestError(
        `Category ${id} cannot have parent ${parentId}: the parent is the category itself or one of its descendants.`,
        id,
        [{ field: 'parentId', message: 'would create a cycle' }],
      );
    }
  }
}
