import { MatchItem } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validMatchRequest } from './match-items';
import { segmentActiveNow } from '../segments/segments.repository';

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
  WITH RECURSIVE
  wanted AS (
    SELECT id, min(ord) AS ord FROM unnest(CAST($2 AS text[])) WITH ORDINALITY AS w(id, ord) GROUP BY id
  ),
  segments AS (
    SELECT s.id FROM segment s
    WHERE s.tenant = $1 AND s.id = ANY(CAST($3 AS text[])) AND s.site_code = $4 AND ${segmentActiveNow('s')}
  ),
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

@Injectable()
export class MatchService {
  constructor(private readonly dataSource: DataSource) {}

  async match(tenant: string, body: unknown): Promise<MatchItem[]> {
    const request = await validMatchRequest(body);
    if (!request.items.length || !request.segmentIds.length) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(MATCH_SQL, [
      tenant,
      request.items.map((item) => item.id),
      request.segmentIds,
      request.site,
    ]);
    return rows.map((row) => ({ id: row.id }));
  }
}
