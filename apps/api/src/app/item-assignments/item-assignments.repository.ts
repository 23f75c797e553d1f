import { ItemType } from '@cs/contracts';
import { toPositional } from '@cs/query';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../common/listing';
import { deleteRecordingEvents } from '../database/outbox';
import { Select } from '../database/select';
import { isoTimestampColumns } from '../database/sql';
import { VersionedUpsertRow } from '../database/upsert';
import { ITEM_ASSIGNMENT_DELETION, ITEM_ASSIGNMENTS } from '../segments/segment-assignments';
import { CustomerView } from '../segments/segment-visibility';
import { segmentActiveNow, upsertIntoSegment, visibleToCustomerSql } from '../segments/segments.repository';
import { CategoryColumns } from '../catalog/catalog.mapper';
import { ITEM_ASSIGNMENT_LIST, ITEM_CODE_SQL, ITEM_NAME_SQL } from './item-assignments.fields';
import { ItemAssignmentRow } from './item-assignments.mapper';

// Every statement of item assignments, category trees and match.

/** One category of a tree as selected, in sibling order (position, then id). */
export interface CategoryRow extends CategoryColumns {
  isSegmentAssigned: boolean;
}

/** Which assignments a list covers. */
export interface ItemListScope {
  /** One segment's items; absent: across all segments. */
  segmentId?: string;
  siteCode?: string;
  /** Only segments that are ACTIVE and currently valid. */
  onlyActive?: boolean;
  /** Set for customer tokens: only the customer's visible segments. */
  view?: CustomerView;
  /** Only these segments (the read model's selection, which then stands for all of the above). */
  segmentIds?: string[];
}

/** One reason of `EXPLAIN_MATCH_SQL`: the product `id` is granted by `segmentId`, as itself or through categories. */
export interface MatchReasonRow {
  id: string;
  segmentId: string;
  type: ItemType;
  /** With `CATEGORY`: the product's category first, the assigned category last. */
  categoryChain: string[] | null;
}

export interface ItemKey {
  segmentId: string;
  type: ItemType;
  itemId: string;
}

/** Which segments' CATEGORY items make the category trees. */
export interface CategoryTreeScope {
  siteCode?: string;
  /** The customer whose segments count; absent: every ACTIVE, currently valid segment. */
  view?: CustomerView;
  /** Exactly these segments (the read model's selection, which then stands for site and view). */
  segmentIds?: string[];
}

/**
 * The categories of the trees, in one statement: the CATEGORY items of the segments in view that
 * the catalog holds (`assigned`), every ancestor up to the root, and every descendant of an assigned
 * category. The hierarchy consists only of categories the catalog holds: a walk stops at an id it
 * does not hold. Walking up uses the primary key, walking down the (tenant, parent_id) index;
 * UNION keeps both walks finite even if the stored parents formed a cycle.
 */
const TREE_SQL = (segmentCondition: string) => `
  WITH RECURSIVE
  segments AS (
    SELECT s.tenant, s.id FROM segment s
    WHERE s.tenant = :tenant AND (CAST(:siteCode AS text) IS NULL OR s.site_code = :siteCode) AND ${segmentCondition}
  ),
  assigned AS (
    SELECT DISTINCT c.id, c.parent_id FROM item_assignment ia
    JOIN segments ON ia.tenant = segments.tenant AND ia.segment_id = segments.id
    JOIN catalog_category c ON c.tenant = :tenant AND c.id = ia.item_id
    WHERE ia.type = 'CATEGORY'
  ),
  ancestors(id, parent_id) AS (
    SELECT c.id, c.parent_id FROM assigned JOIN catalog_category c ON c.tenant = :tenant AND c.id = assigned.parent_id
    UNION
    SELECT c.id, c.parent_id FROM ancestors JOIN catalog_category c ON c.tenant = :tenant AND c.id = ancestors.parent_id
  ),
  descendants(id) AS (
    SELECT c.id FROM assigned JOIN catalog_category c ON c.tenant = :tenant AND c.parent_id = assigned.id
    UNION
    SELECT c.id FROM descendants JOIN catalog_category c ON c.tenant = :tenant AND c.parent_id = descendants.id
  ),
  tree AS (SELECT id FROM assigned UNION SELECT id FROM ancestors UNION SELECT id FROM descendants)
  SELECT c.id, c.parent_id, c.code, c.name, c.description, c.slug, c.ecn, c.validity_from, c.validity_to, c.position, c.published,
    EXISTS (SELECT 1 FROM assigned WHERE assigned.id = c.id) AS "isSegmentAssigned"
  FROM tree JOIN catalog_category c ON c.tenant = :tenant AND c.id = tree.id
  ORDER BY c.position ASC NULLS LAST, c.id COLLATE "C"`;

/** The statement selecting the rows of the trees, with positional parameters. */
export function categoryTreeQuery(tenant: string, scope: CategoryTreeScope): { text: string; values: unknown[] } {
  const visible = scope.segmentIds
    ? { sql: 's.id = ANY(CAST(:segmentIds AS text[]))', params: { segmentIds: scope.segmentIds } }
    : scope.view
      ? visibleToCustomerSql('s', scope.view)
      : { sql: segmentActiveNow('s'), params: {} };
  return toPositional(TREE_SQL(visible.sql), { tenant, siteCode: scope.siteCode ?? null, ...visible.params });
}

/**
 * The inputs of both match statements: the wanted products (each once, with its first position in the request) and
 * the given segments that are of the site, active and valid now.
 */
const MATCH_INPUTS = `
  wanted AS (
    SELECT id, min(ord) AS ord FROM unnest(CAST($2 AS text[])) WITH ORDINALITY AS w(id, ord) GROUP BY id
  ),
  segments AS (
    SELECT s.id FROM segment s
    WHERE s.tenant = $1 AND s.id = ANY(CAST($3 AS text[])) AND s.site_code = $4 AND ${segmentActiveNow('s')}
  )`;

/**
 * The products of $2 (in request order, once each) assigned to one of the segments $3 that are
 * ACTIVE, currently valid and of site $4: directly as PRODUCT items, or as CATEGORY items on one of
 * the product's categories or any ancestor of them. The hierarchy consists only of the categories
 * the catalog holds (a link to an id it does not hold leads nowhere, as in category trees).
 * One statement, its work bounded by the request (products x category depth), not by the size of the
 * assigned categories' subtrees: the segments' items come from the item_assignment key (index only);
 * only products without a direct match walk up their categories (product -> categories by the
 * catalog_product_category key, category -> parent by the catalog_category key), and a walk stops at
 * the first assigned category. UNION ends the walk on any cycle.
 */
export const MATCH_SQL = `
  WITH RECURSIVE ${MATCH_INPUTS},
  direct AS MATERIALIZED (
    SELECT ia.item_id AS product_id FROM item_assignment ia
    WHERE ia.tenant = $1 AND ia.segment_id IN (SELECT id FROM segments) AND ia.type = 'PRODUCT' AND ia.item_id IN (SELECT id FROM wanted)
  ),
  assigned_categories AS MATERIALIZED (
    SELECT ia.item_id AS id FROM item_assignment ia
    WHERE ia.tenant = $1 AND ia.segment_id IN (SELECT id FROM segments) AND ia.type = 'CATEGORY'
  ),
  categories(product_id, category_id, parent_id, assigned) AS (
    SELECT pc.product_id, c.id, c.parent_id, c.id IN (SELECT id FROM assigned_categories) FROM wanted
    JOIN catalog_product_category pc ON pc.tenant = $1 AND pc.product_id = wanted.id
    JOIN catalog_category c ON c.tenant = $1 AND c.id = pc.category_id
    WHERE wanted.id NOT IN (SELECT product_id FROM direct)
    UNION
    SELECT categories.product_id, c.id, c.parent_id, c.id IN (SELECT id FROM assigned_categories) FROM categories
    JOIN catalog_category c ON c.tenant = $1 AND c.id = categories.parent_id
    WHERE NOT categories.assigned
  )
  SELECT wanted.id FROM wanted
  WHERE wanted.id IN (SELECT product_id FROM direct UNION ALL SELECT product_id FROM categories WHERE assigned)
  ORDER BY wanted.ord`;

/**
 * Why each wanted product matches (`explain=true`): per product and granting segment one row, `PRODUCT` when the
 * segment assigns the product itself, else `CATEGORY` with the shortest chain from one of the product's categories
 * up to a category the segment assigns (then by the chain's ids, so the answer is stable). Unlike `MATCH_SQL`, the
 * walk goes on past assigned categories (another segment may assign a higher one); a category already on the chain
 * ends it, so cycles end too. In request order, then by segment id.
 */
export const EXPLAIN_MATCH_SQL = `
  WITH RECURSIVE ${MATCH_INPUTS},
  direct AS (
    SELECT ia.item_id AS product_id, ia.segment_id FROM item_assignment ia
    WHERE ia.tenant = $1 AND ia.segment_id IN (SELECT id FROM segments) AND ia.type = 'PRODUCT' AND ia.item_id IN (SELECT id FROM wanted)
  ),
  assigned_categories AS MATERIALIZED (
    SELECT ia.item_id AS category_id, ia.segment_id FROM item_assignment ia
    WHERE ia.tenant = $1 AND ia.segment_id IN (SELECT id FROM segments) AND ia.type = 'CATEGORY'
  ),
  chains(product_id, category_id, parent_id, chain) AS (
    SELECT pc.product_id, c.id, c.parent_id, ARRAY[c.id::text] FROM wanted
    JOIN catalog_product_category pc ON pc.tenant = $1 AND pc.product_id = wanted.id
    JOIN catalog_category c ON c.tenant = $1 AND c.id = pc.category_id
    UNION ALL
    SELECT chains.product_id, c.id, c.parent_id, chains.chain || c.id::text FROM chains
    JOIN catalog_category c ON c.tenant = $1 AND c.id = chains.parent_id
    WHERE c.id <> ALL(chains.chain)
  ),
  through_categories AS (
    SELECT DISTINCT ON (chains.product_id, a.segment_id) chains.product_id, a.segment_id, chains.chain
    FROM chains JOIN assigned_categories a ON a.category_id = chains.category_id
    WHERE NOT EXISTS (SELECT 1 FROM direct d WHERE d.product_id = chains.product_id AND d.segment_id = a.segment_id)
    ORDER BY chains.product_id, a.segment_id, cardinality(chains.chain), chains.chain
  ),
  reasons AS (
    SELECT product_id, segment_id, 'PRODUCT' AS type, NULL::text[] AS chain FROM direct
    UNION ALL
    SELECT product_id, segment_id, 'CATEGORY', chain FROM through_categories
  )
  SELECT wanted.id, r.segment_id AS "segmentId", r.type, r.chain AS "categoryChain"
  FROM wanted JOIN reasons r ON r.product_id = wanted.id
  ORDER BY wanted.ord, r.segment_id COLLATE "C"`;

@Injectable()
export class ItemAssignmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  page(tenant: string, scope: ItemListScope, list: ListRequest): Promise<Page<ItemAssignmentRow>> {
    const select = this.select(tenant, scope);
    if (scope.segmentIds)
      select.where('ia.segment_id = ANY(CAST(:segmentIds AS text[]))', { segmentIds: scope.segmentIds });
    if (scope.segmentId !== undefined) select.where('ia.segment_id = :segmentId', { segmentId: scope.segmentId });
    if (scope.siteCode !== undefined) select.where('s.site_code = :siteCode', { siteCode: scope.siteCode });
    if (scope.onlyActive) select.where(segmentActiveNow('s'));
    return fetchPage<ItemAssignmentRow>(select, list, ITEM_ASSIGNMENT_LIST);
  }

  find(tenant: string, key: ItemKey, view: CustomerView | undefined): Promise<ItemAssignmentRow | undefined> {
    return this.select(tenant, { view })
      .where('ia.segment_id = :segmentId AND ia.type = :type AND ia.item_id = :itemId', { ...key })
      .getRawOne<ItemAssignmentRow>();
  }

  /** Upserts one assignment with its event, in one statement; true when it was created (404 without the segment). */
  upsert(tx: EntityManager, tenant: string, segmentId: string, row: VersionedUpsertRow): Promise<boolean> {
    return upsertIntoSegment(tx, { tenant, segmentId, assignments: ITEM_ASSIGNMENTS, row });
  }

  /** Deleting an absent assignment is no error; only a real deletion is an event. */
  async delete(tx: EntityManager, tenant: string, key: ItemKey): Promise<void> {
    await deleteRecordingEvents(tx, {
      ...ITEM_ASSIGNMENT_DELETION,
      tenant,
      where: { tenant, segment_id: key.segmentId, type: key.type, item_id: key.itemId },
    });
  }

  /** The categories of the trees in sibling order (`TREE_SQL`). */
  categoryTreeRows(tenant: string, scope: CategoryTreeScope): Promise<CategoryRow[]> {
    const { text, values } = categoryTreeQuery(tenant, scope);
    return this.dataSource.query(text, values);
  }

  /** Why the matching ones of `productIds` match (`EXPLAIN_MATCH_SQL`): one row per product and granting segment. */
  explainMatching(tenant: string, productIds: string[], segmentIds: string[], site: string): Promise<MatchReasonRow[]> {
    return this.dataSource.query(EXPLAIN_MATCH_SQL, [tenant, productIds, segmentIds, site]);
  }

  /** The ids of `productIds` that match (`MATCH_SQL`), in request order. */
  async matching(tenant: string, productIds: string[], segmentIds: string[], site: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(MATCH_SQL, [tenant, productIds, segmentIds, site]);
    return rows.map((row) => row.id);
  }

  /**
   * Assignments joined to their segment (for site, status and visibility) and, by type, to the
   * catalog product or category that gives the item its code and name.
   */
  private select(tenant: string, scope: Pick<ItemListScope, 'view'>): Select {
    const select = new Select(this.dataSource)
      .from('item_assignment', 'ia')
      .innerJoin('segment', 's', 's.tenant = ia.tenant AND s.id = ia.segment_id')
      .leftJoin(
        'catalog_product',
        'product',
        "ia.type = 'PRODUCT' AND product.tenant = ia.tenant AND product.id = ia.item_id",
      )
      .leftJoin(
        'catalog_category',
        'category',
        "ia.type = 'CATEGORY' AND category.tenant = ia.tenant AND category.id = ia.item_id",
      )
      .select('ia.segment_id', 'segmentId')
      .select('ia.type', 'type')
      .select('ia.item_id', 'itemId')
      .select(ITEM_CODE_SQL, 'code')
      .select(ITEM_NAME_SQL, 'name')
      .select('ia.mixins', 'mixins')
      .select('ia.metadata_mixins', 'metadata_mixins')
      .select('ia.version', 'version')
      .select(isoTimestampColumns('ia'))
      .where('ia.tenant = :tenant', { tenant });
    if (scope.view) {
      const visible = visibleToCustomerSql('s', scope.view);
      select.where(visible.sql, visible.params);
    }
    return select;
  }
}
