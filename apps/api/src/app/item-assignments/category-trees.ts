import { toPositional } from '@cs/query';
import { CategoryTreeNode } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { categoryFields, CategoryColumns } from '../catalog/catalog.mapper';
import { CustomerView, segmentActiveNow, visibleToCustomerSql } from '../segments/segment-visibility';

/** One category of a tree as selected, in sibling order (position, then id). */
export interface CategoryRow extends CategoryColumns {
  isSegmentAssigned: boolean;
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

export interface CategoryTreeRequest {
  siteCode?: string;
  /** The customer whose segments count; absent: every ACTIVE, currently valid segment. */
  view?: CustomerView;
  languages: string[];
}

@Injectable()
export class CategoryTreesService {
  constructor(private readonly dataSource: DataSource) {}

  async trees(tenant: string, request: CategoryTreeRequest): Promise<CategoryTreeNode[]> {
    const { text, values } = categoryTreeQuery(tenant, request);
    const rows: CategoryRow[] = await this.dataSource.query(text, values);
    return buildCategoryTrees(rows, request.languages);
  }
}

/** The statement selecting the rows of the trees, with positional parameters. */
export function categoryTreeQuery(
  tenant: string,
  request: Omit<CategoryTreeRequest, 'languages'>,
): { text: string; values: unknown[] } {
  const visible = request.view ? visibleToCustomerSql('s', request.view) : { sql: segmentActiveNow('s'), params: {} };
  return toPositional(TREE_SQL(visible.sql), { tenant, siteCode: request.siteCode ?? null, ...visible.params });
}

/**
 * Nests rows into trees. Rows come in sibling order, so appending keeps every level ordered.
 * A row whose parent is not among the rows (a root, or a parent missing from the catalog) is a root.
 */
export function buildCategoryTrees(rows: CategoryRow[], languages: string[]): CategoryTreeNode[] {
  const nodes = new Map(rows.map((row) => [row.id, toNode(row, languages)]));
  const roots: CategoryTreeNode[] = [];
  for (const row of rows) {
    const parent = row.parent_id !== null ? nodes.get(row.parent_id) : undefined;
    (parent ? parent.subcategories : roots).push(nodes.get(row.id) as CategoryTreeNode);
  }
  return roots;
}

function toNode(row: CategoryRow, languages: string[]): CategoryTreeNode {
  const node = categoryFields(row, languages) as CategoryTreeNode;
  node.code = row.code;
  node.isSegmentAssigned = row.isSegmentAssigned;
  node.subcategories = [];
  return node;
}
