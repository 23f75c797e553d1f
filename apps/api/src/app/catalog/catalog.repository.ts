import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { deleteRecordingEvents } from '../database/outbox';
import { storedMetadataSql, upsertVersioned, UpsertResult } from '../database/upsert';
import { CATEGORY_EVENTS, CatalogEvents, PRODUCT_EVENTS } from './catalog.events';
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

/**
 * `$3` as the category ids of product `$2`; `$4`: the product row was left unchanged, and then a change of its
 * categories is a new version of the product, with its updated event (`$5`, `$6`; `$7` the data without metadata).
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
  ),
  bumped AS (
    UPDATE catalog_product SET version = version + 1, modified_at = now()
    WHERE tenant = $1 AND id = $2 AND $4 AND (EXISTS (SELECT 1 FROM removed) OR EXISTS (SELECT 1 FROM added))
    RETURNING version, created_at, modified_at, metadata_mixins
  )
  INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
  SELECT $1, $5, $6, $2, bumped.version,
    $7::jsonb || jsonb_build_object('metadata',
      ${storedMetadataSql('bumped')} || jsonb_build_object('mixins', bumped.metadata_mixins))
  FROM bumped`;

/** A category or product to create or replace, with the version the caller saw (absent: no check). */
export interface CatalogWrite<Values> {
  tenant: string;
  id: string;
  values: Values;
  expectedVersion?: number;
  /** The document as its event carries it, without `metadata`: the statement adds the stored one. */
  eventData: object;
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

  /**
   * Creates or replaces the category with the optimistic lock (409 when `expectedVersion` is not the stored one),
   * with its created or updated event; a write that changes nothing records none.
   */
  upsertCategory(tx: EntityManager, write: CatalogWrite<CategoryValues>): Promise<UpsertResult> {
    return upsert(tx, 'catalog_category', CATEGORY_EVENTS, write);
  }

  /**
   * Creates or replaces the product (without its categories, see `replaceProductCategories`) with its event; the
   * event data names the categories the product will have.
   */
  upsertProduct(tx: EntityManager, write: CatalogWrite<ProductValues>): Promise<UpsertResult> {
    return upsert(tx, 'catalog_product', PRODUCT_EVENTS, write);
  }

  /**
   * The product's categories become `categoryIds`, in one statement that touches only the links that differ.
   * The ids are part of the product's document: when they changed and the product row did not
   * (`productUnchanged`, the upsert left it alone), the product gets a new version and `modifiedAt`, and records
   * its updated event with `eventData` (see `upsertProduct`).
   */
  async replaceProductCategories(
    tx: EntityManager,
    write: {
      tenant: string;
      productId: string;
      categoryIds: readonly string[];
      productUnchanged: boolean;
      eventData: object;
    },
  ): Promise<void> {
    await tx.query(REPLACE_PRODUCT_CATEGORIES_SQL, [
      write.tenant,
      write.productId,
      write.categoryIds,
      write.productUnchanged,
      PRODUCT_EVENTS.updatedType,
      PRODUCT_EVENTS.resourceType,
      JSON.stringify(write.eventData),
    ]);
  }

  /** Deletes the category with its deleted event; none when it was absent. */
  deleteCategory(tx: EntityManager, tenant: string, id: string): Promise<void> {
    return deleteWithEvent(tx, 'catalog_category', CATEGORY_EVENTS, tenant, id);
  }

  /** Deletes the product with its deleted event (its category links cascade); none when it was absent. */
  deleteProduct(tx: EntityManager, tenant: string, id: string): Promise<void> {
    return deleteWithEvent(tx, 'catalog_product', PRODUCT_EVENTS, tenant, id);
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
  events: CatalogEvents,
  write: CatalogWrite<Values>,
): Promise<UpsertResult> {
  return upsertVersioned(tx, {
    table,
    key: { tenant: write.tenant, id: write.id },
    values: write.values,
    expectedVersion: write.expectedVersion,
    resourceId: write.id,
    event: {
      tenant: write.tenant,
      createdType: events.createdType,
      updatedType: events.updatedType,
      resourceType: events.resourceType,
      resourceId: write.id,
      payload: write.eventData,
      metadata: { mixins: write.values['metadata_mixins'] },
    },
  });
}

function deleteWithEvent(
  tx: EntityManager,
  table: CatalogTable,
  events: CatalogEvents,
  tenant: string,
  id: string,
): Promise<void> {
  return deleteRecordingEvents(tx, {
    table,
    where: { tenant, id },
    tenant,
    type: events.deletedType,
    resourceType: events.resourceType,
    resourceId: 'id',
    payload: `jsonb_build_object('id', id)`,
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
