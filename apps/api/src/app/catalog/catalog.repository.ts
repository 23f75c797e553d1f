import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { upsertVersioned, UpsertResult } from '../database/upsert';
import { CategoryRow, CategoryTexts, CategoryValues, ProductRow, ProductTexts, ProductValues } from './catalog.mapper';

// Every statement of the catalog: categories, products and the links between them.

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

/** `$3` as the category ids of product `$2`; `$4`: the product row was left unchanged. */
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

/** A category or product to create or replace, with the version the caller saw (absent: no check). */
export interface CatalogWrite<Values> {
  tenant: string;
  id: string;
  values: Values;
  expectedVersion?: number;
}

@Injectable()
export class CatalogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findCategory(tenant: string, id: string): Promise<CategoryRow | undefined> {
    const [row]: CategoryRow[] = await this.dataSource.query(
      'SELECT * FROM catalog_category WHERE tenant = $1 AND id = $2',
      [tenant, id],
    );
    return row;
  }

  /** The product with its category ids, in one statement. */
  async findProduct(tenant: string, id: string): Promise<ProductRow | undefined> {
    const [row]: ProductRow[] = await this.dataSource.query(
      `SELECT p.*, ARRAY(SELECT pc.category_id FROM catalog_product_category pc WHERE pc.tenant = p.tenant AND pc.product_id = p.id ORDER BY pc.category_id COLLATE "C") AS category_ids
       FROM catalog_product p WHERE p.tenant = $1 AND p.id = $2`,
      [tenant, id],
    );
    return row;
  }

  /** Creates or replaces the category with the optimistic lock (409 when `expectedVersion` is not the stored one). */
  upsertCategory(tx: EntityManager, write: CatalogWrite<CategoryValues>): Promise<UpsertResult> {
    return upsert(tx, 'catalog_category', write);
  }

  /** Creates or replaces the product (without its categories, see `replaceProductCategories`). */
  upsertProduct(tx: EntityManager, write: CatalogWrite<ProductValues>): Promise<UpsertResult> {
    return upsert(tx, 'catalog_product', write);
  }

  /**
   * The product's categories become `categoryIds`, in one statement that touches only the links that differ.
   * The ids are part of the product's document: when they changed and the product row did not
   * (`productUnchanged`, the upsert left it alone), the product gets a new version and `modifiedAt`.
   */
  async replaceProductCategories(
    tx: EntityManager,
    tenant: string,
    productId: string,
    categoryIds: readonly string[],
    productUnchanged: boolean,
  ): Promise<void> {
    await tx.query(REPLACE_PRODUCT_CATEGORIES_SQL, [tenant, productId, categoryIds, productUnchanged]);
  }

  async deleteCategory(tx: EntityManager, tenant: string, id: string): Promise<void> {
    await tx.query('DELETE FROM catalog_category WHERE tenant = $1 AND id = $2', [tenant, id]);
  }

  /** Deletes the product; its category links cascade. */
  async deleteProduct(tx: EntityManager, tenant: string, id: string): Promise<void> {
    await tx.query('DELETE FROM catalog_product WHERE tenant = $1 AND id = $2', [tenant, id]);
  }

  /**
   * Serialises the tenant's category writes that set a parent (transaction-scoped advisory lock), so two
   * concurrent requests cannot each add one half of a cycle.
   */
  async lockCategoryTree(tx: EntityManager, tenant: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`catalog_category_tree:${tenant}`]);
  }

  /** Whether `parentId` as the parent of `id` would make the category its own ancestor. */
  async createsCycle(tx: EntityManager, tenant: string, id: string, parentId: string): Promise<boolean> {
    const [{ cycle }]: Array<{ cycle: boolean }> = await tx.query(CREATES_CYCLE_SQL, [tenant, parentId, id]);
    return cycle;
  }

  /** The stored texts of the category, locked for the rest of the transaction; undefined when absent. */
  lockCategoryTexts(tx: EntityManager, tenant: string, id: string): Promise<CategoryTexts | undefined> {
    return lockTexts(tx, 'catalog_category', 'name, description, slug', tenant, id);
  }

  /** The stored name of the product, locked for the rest of the transaction; undefined when absent. */
  lockProductTexts(tx: EntityManager, tenant: string, id: string): Promise<ProductTexts | undefined> {
    return lockTexts(tx, 'catalog_product', 'name', tenant, id);
  }
}

type CatalogTable = 'catalog_category' | 'catalog_product';

function upsert<Values extends Record<string, unknown>>(
  tx: EntityManager,
  table: CatalogTable,
  write: CatalogWrite<Values>,
): Promise<UpsertResult> {
  return upsertVersioned(tx, {
    table,
    key: { tenant: write.tenant, id: write.id },
    values: write.values,
    expectedVersion: write.expectedVersion,
    resourceId: write.id,
  });
}

/** `columns` is trusted (from this file). */
async function lockTexts<T>(
  tx: EntityManager,
  table: CatalogTable,
  columns: string,
  tenant: string,
  id: string,
): Promise<T | undefined> {
  const [row]: T[] = await tx.query(`SELECT ${columns} FROM ${table} WHERE tenant = $1 AND id = $2 FOR UPDATE`, [
    tenant,
    id,
  ]);
  return row;
}
