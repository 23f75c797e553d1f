import { BulkItemResult } from '@cs/contracts';
import { CatalogCategoryResponse, CatalogCategoryUpsert, CatalogProductResponse, CatalogProductUpsert } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { mixinsAndMetadataOf, StoredDocument } from '../common/documents';
import { Localized, localizedInput, localizedOutput } from '../common/localization';
import { assertIdItem, validateAs } from '../common/validation';
import { bulkLockKey, Transactions } from '../database/transactions';
import { upsertVersioned } from '../database/upsert';
import { BadRequestError, NotFoundError } from '../errors/domain-errors';
import { categoryFields, CategoryColumns } from './category-document';

interface CategoryRow extends CategoryColumns, StoredDocument {}
interface ProductRow extends StoredDocument {
  id: string;
  code: string | null;
  name: Localized;
  category_ids: string[];
}

/**
 * True when `parentId` is `id` or one of `parentId`'s ancestors is `id`, i.e. the new parent link
 * would close a cycle. UNION stops the walk on any cycle already stored.
 */
const CREATES_CYCLE_SQL = `
  WITH RECURSIVE up(id) AS (
    SELECT CAST($2 AS varchar)
    UNION
    SELECT c.parent_id FROM up JOIN catalog_category c ON c.tenant = $1 AND c.id = up.id WHERE c.parent_id IS NOT NULL
  )
  SELECT EXISTS (SELECT 1 FROM up WHERE id = $3) AS cycle`;

/**
 * Makes `$3` the category ids of product `$2`, touching only the links that differ. The ids are part of the
 * product's document: when they changed and the product row did not (`$4`), the product gets a new version.
 */
const REPLACE_PRODUCT_CATEGORIES_SQL = `
  WITH removed AS (
    DELETE FROM catalog_product_category
    WHERE tenant = $1 AND product_id = $2 AND category_id <> ALL(CAST($3 AS text[]))
    RETURNING 1
  ),
  added AS (
    INSERT INTO catalog_product_category (tenant, product_id, category_id)
    SELECT $1, $2, unnest(CAST($3 AS text[])) ON CONFLICT DO NOTHING
    RETURNING 1
  )
  UPDATE catalog_product SET version = version + 1, modified_at = now()
  WHERE tenant = $1 AND id = $2 AND $4 AND (EXISTS (SELECT 1 FROM removed) OR EXISTS (SELECT 1 FROM added))`;

/**
 * The catalog data the service keeps (our extension): categories and products, synchronised in
 * bulk from the commerce catalog, used to enrich item assignments, build category trees and match.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  upsertCategories(tenant: string, items: unknown, language: string | undefined): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.fields('id'), async (tx, item) => {
      const dto = await validateAs(CatalogCategoryUpsert, item);
      return { code: (await this.writeCategory(tx, tenant, dto, language)) ? 201 : 204, id: dto.id };
    });
  }

  upsertProducts(tenant: string, items: unknown, language: string | undefined): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.fields('id'), async (tx, item) => {
      const dto = await validateAs(CatalogProductUpsert, item);
      return { code: (await this.writeProduct(tx, tenant, dto, language)) ? 201 : 204, id: dto.id };
    });
  }

  /**
   * Removes categories. Links to them (product categories, children's parent ids) and their item
   * assignments stay, and lead nowhere until a category of that id arrives again.
   */
  removeCategories(tenant: string, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.itself, async (tx, id) => {
      assertIdItem(id, 'catalog id');
      await tx.query('DELETE FROM catalog_category WHERE tenant = $1 AND id = $2', [tenant, id]);
      return { code: 204, id };
    });
  }

  /** Removes products (their category links cascade); item assignments stay. */
  removeProducts(tenant: string, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.itself, async (tx, id) => {
      assertIdItem(id, 'catalog id');
      await tx.query('DELETE FROM catalog_product WHERE tenant = $1 AND id = $2', [tenant, id]);
      return { code: 204, id };
    });
  }

  async getCategory(tenant: string, id: string, languages: string[]): Promise<CatalogCategoryResponse> {
    const [row]: CategoryRow[] = await this.dataSource.query(
      'SELECT * FROM catalog_category WHERE tenant = $1 AND id = $2',
      [tenant, id],
    );
    if (!row) throw new NotFoundError(`Category with id ${id} not found.`, id);
    return {
      ...categoryFields(row, languages),
      ...(row.code !== null && { code: row.code }),
      ...mixinsAndMetadataOf(row),
    };
  }

  async getProduct(tenant: string, id: string, languages: string[]): Promise<CatalogProductResponse> {
    const [row]: ProductRow[] = await this.dataSource.query(
      `SELECT p.*, ARRAY(SELECT pc.category_id FROM catalog_product_category pc WHERE pc.tenant = p.tenant AND pc.product_id = p.id ORDER BY pc.category_id COLLATE "C") AS category_ids
       FROM catalog_product p WHERE p.tenant = $1 AND p.id = $2`,
      [tenant, id],
    );
    if (!row) throw new NotFoundError(`Product with id ${id} not found.`, id);
    return {
      id: row.id,
      ...(row.code !== null && { code: row.code }),
      name: localizedOutput(row.name, languages) ?? {},
      categoryIds: row.category_ids,
      ...mixinsAndMetadataOf(row),
    };
  }

  private async writeCategory(
    tx: EntityManager,
    tenant: string,
    dto: CatalogCategoryUpsert,
    language: string | undefined,
  ): Promise<boolean> {
    const parentId = dto.parentId ?? null;
    if (parentId !== null) await this.assertNoCycle(tx, tenant, dto.id, parentId);
    const from = dto.validity?.from ? new Date(dto.validity.from) : null;
    const to = dto.validity?.to ? new Date(dto.validity.to) : null;
    if (from && to && from > to)
      throw new BadRequestError('validity.from must not be after validity.to.', dto.id, [
        { field: 'validity', message: 'from must not be after to' },
      ]);
    const previous = language
      ? await this.previousTexts(tx, 'catalog_category', tenant, dto.id, 'name, description, slug')
      : undefined;
    const result = await upsertVersioned(tx, {
      table: 'catalog_category',
      key: { tenant, id: dto.id },
      values: {
        parent_id: parentId,
        code: dto.code ?? null,
        name: localizedInput('name', dto.name, language, previous?.name) ?? {},
        description:
          localizedInput('localizedDescription', dto.localizedDescription, language, previous?.description) ?? {},
        slug: localizedInput('localizedSlug', dto.localizedSlug, language, previous?.slug) ?? {},
        ecn: dto.ecn ?? [],
        validity_from: from,
        validity_to: to,
        position: dto.position ?? null,
        published: dto.published ?? true,
        mixins: dto.mixins ?? {},
        metadata_mixins: dto.metadata?.mixins ?? {},
      },
      expectedVersion: dto.metadata?.version,
      resourceId: dto.id,
    });
    return result.created;
  }

  private async writeProduct(
    tx: EntityManager,
    tenant: string,
    dto: CatalogProductUpsert,
    language: string | undefined,
  ): Promise<boolean> {
    const previous = language ? await this.previousTexts(tx, 'catalog_product', tenant, dto.id, 'name') : undefined;
    const result = await upsertVersioned(tx, {
      table: 'catalog_product',
      key: { tenant, id: dto.id },
      values: {
        code: dto.code ?? null,
        name: localizedInput('name', dto.name, language, previous?.name) ?? {},
        mixins: dto.mixins ?? {},
        metadata_mixins: dto.metadata?.mixins ?? {},
      },
      expectedVersion: dto.metadata?.version,
      resourceId: dto.id,
    });
    await tx.query(REPLACE_PRODUCT_CATEGORIES_SQL, [tenant, dto.id, dto.categoryIds ?? [], !result.changed]);
    return result.created;
  }

  /**
   * Rejects a parent link that would make the category its own ancestor. Category writes that set
   * a parent are serialised per tenant (transaction-scoped advisory lock), so two concurrent
   * requests cannot each add one half of a cycle.
   */
  private async assertNoCycle(tx: EntityManager, tenant: string, id: string, parentId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`catalog_category_tree:${tenant}`]);
    const [{ cycle }]: Array<{ cycle: boolean }> = await tx.query(CREATES_CYCLE_SQL, [tenant, parentId, id]);
    if (cycle) {
      throw new BadRequestError(
        `Category ${id} cannot have parent ${parentId}: the parent is the category itself or one of its descendants.`,
        id,
        [{ field: 'parentId', message: 'would create a cycle' }],
      );
    }
  }

  /** The stored localized texts a single-language (`Content-Language`) write merges into. `columns` is trusted. */
  private async previousTexts(
    tx: EntityManager,
    table: string,
    tenant: string,
    id: string,
    columns: string,
  ): Promise<Record<string, Localized> | undefined> {
    const [row] = await tx.query(`SELECT ${columns} FROM ${table} WHERE tenant = $1 AND id = $2 FOR UPDATE`, [
      tenant,
      id,
    ]);
    return row;
  }
}
