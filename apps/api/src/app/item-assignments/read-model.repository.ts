import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CustomerView } from '../segments/segment-visibility';
import { CategoryTuple, ItemTuple, ProductCategoryTuple, SegmentTuple } from './read-model';

// Every statement of the read model (read-model.service.ts): the state a read starts from, and the loads.

/** The parts of the read generation (migration ReadGenerations): which tables' commits change each. */
export type ReadPart = 'segments' | 'catalog';

/**
 * The read generation of one part for tenant $1, as text: each row of `read_generation` of the tenant and of ''
 * (TRUNCATE) that the part has marked, with its value. Equal texts mean the same committed changes of the part's
 * tables (a row only the other part has marked yet must not change it).
 */
const generationOf = (part: ReadPart) =>
  `(SELECT COALESCE(string_agg(g.tenant || '/' || g.slot || '/' || g.${part}, ',' ORDER BY g.tenant, g.slot), '')
    FROM read_generation g WHERE g.tenant IN ($1, '') AND g.${part} <> 0)`;

/**
 * An instant as microseconds since 1970: numeric, written out in full whatever the session's `extra_float_digits`; as a
 * JavaScript number exact for every instant of the years 1685 to 2255, and beyond them still in order with now.
 */
const microseconds = (sql: string) => `round(extract(epoch FROM ${sql}) * 1000000)`;

/**
 * What a read starts from, in one round trip: the database's now, both generations, and for a customer ($2, with
 * legal entities $3 or NULL for all) the segments it is assigned to, as `visibleToCustomerSql` counts them.
 */
export const READ_STATE_SQL = `
  SELECT ${microseconds('now()')} AS now, ${generationOf('segments')} AS segments, ${generationOf('catalog')} AS catalog,
    CASE WHEN CAST($2 AS text) IS NOT NULL THEN ARRAY(
      SELECT DISTINCT ca.segment_id FROM customer_assignment ca
      WHERE ca.tenant = $1 AND ca.customer_id = $2
        AND (CAST($3 AS text[]) IS NULL OR ca.legal_entity_id = '' OR ca.legal_entity_id = ANY(CAST($3 AS text[])))
    ) END AS "customerSegments"`;

/** Rows of `table` for tenant $1, counted up to $2 (the model's bound): the count costs at most that many rows. */
const boundedCount = (table: string) =>
  `(SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE tenant = $1 LIMIT $2) bounded)`;

/**
 * The segments part in one snapshot: its generation, its size (segments and item assignments, each counted up to the
 * bound $2), and, when both are below the bound, the segments and their items as JSON arrays (read-model.ts tuples).
 */
export const SEGMENTS_MODEL_SQL = `
  WITH size AS (SELECT ${boundedCount('segment')} + ${boundedCount('item_assignment')} AS rows)
  SELECT ${generationOf('segments')} AS generation, size.rows,
    CASE WHEN size.rows < $2 THEN json_build_object(
      'segments', (SELECT COALESCE(json_agg(json_build_array(s.id, s.site_code, s.status = 'ACTIVE',
        ${microseconds('s.validity_from')}, ${microseconds('s.validity_to')})), '[]') FROM segment s WHERE s.tenant = $1),
      'items', (SELECT COALESCE(json_agg(json_build_array(ia.segment_id, ia.type = 'PRODUCT', ia.item_id)), '[]')
        FROM item_assignment ia WHERE ia.tenant = $1)
    ) END AS model
  FROM size`;

/** The catalog part likewise: categories (id, parent) and the product -> category rows. */
export const CATALOG_MODEL_SQL = `
  WITH size AS (SELECT ${boundedCount('catalog_category')} + ${boundedCount('catalog_product_category')} AS rows)
  SELECT ${generationOf('catalog')} AS generation, size.rows,
    CASE WHEN size.rows < $2 THEN json_build_object(
      'categories', (SELECT COALESCE(json_agg(json_build_array(c.id, c.parent_id)), '[]')
        FROM catalog_category c WHERE c.tenant = $1),
      'productCategories', (SELECT COALESCE(json_agg(json_build_array(pc.product_id, pc.category_id)), '[]')
        FROM catalog_product_category pc WHERE pc.tenant = $1)
    ) END AS model
  FROM size`;

export interface ReadStateRow {
  now: number;
  segments: string;
  catalog: string;
  /** Set when a customer was given. */
  customerSegments: string[] | null;
}

/** A loaded part: its generation, its size in rows, and its data when the size is below the bound. */
export interface ModelRow<T> {
  generation: string;
  rows: string;
  model: T | null;
}

export type SegmentsModelData = { segments: SegmentTuple[]; items: ItemTuple[] };
export type CatalogModelData = { categories: CategoryTuple[]; productCategories: ProductCategoryTuple[] };

@Injectable()
export class ReadModelRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `READ_STATE_SQL`; with `customer`, that customer's segments too (none when the view names no customer). */
  async state(tenant: string, customer?: CustomerView): Promise<ReadStateRow> {
    const customerId = customer ? (customer.customerId ?? null) : null;
    const legalEntityIds = customer?.legalEntityIds?.length ? customer.legalEntityIds : null;
    const [row]: Array<ReadStateRow & { now: string }> = await this.dataSource.query(READ_STATE_SQL, [
      tenant,
      customerId,
      legalEntityIds,
    ]);
    return {
      ...row,
      now: Number(row.now),
      customerSegments: customer && customerId === null ? [] : row.customerSegments,
    };
  }

  loadSegments(tenant: string, maxRows: number): Promise<ModelRow<SegmentsModelData>> {
    return this.load(SEGMENTS_MODEL_SQL, tenant, maxRows);
  }

  loadCatalog(tenant: string, maxRows: number): Promise<ModelRow<CatalogModelData>> {
    return this.load(CATALOG_MODEL_SQL, tenant, maxRows);
  }

  private async load<T>(sql: string, tenant: string, maxRows: number): Promise<ModelRow<T>> {
    const [row]: Array<ModelRow<T>> = await this.dataSource.query(sql, [tenant, maxRows]);
    return row;
  }
}
