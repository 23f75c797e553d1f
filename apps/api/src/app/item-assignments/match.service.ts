import { Match, MatchItem } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validationFailed } from '../common/validation';
import { BadRequestError } from '../errors/domain-errors';
import { matchItemsErrors } from './match-items';
import { segmentActiveNow } from '../segments/segment-visibility';

/**
 * The products of $2 (in request order, once each) assigned to one of the segments $3 that are
 * ACTIVE, currently valid and of site $4: directly as PRODUCT items, or as CATEGORY items on one of
 * the product's categories or any ancestor of them. The hierarchy consists only of the categories
 * the catalog holds (a link to an id it does not hold leads nowhere, as in category trees).
 * One statement; every step is an index lookup: product -> categories by the
 * catalog_product_category key, category -> parent by the catalog_category key, category/product
 * -> assignments by item_assignment (tenant, type, item_id). UNION ends the walk on any cycle.
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
  categories(product_id, category_id, parent_id) AS (
    SELECT pc.product_id, c.id, c.parent_id FROM wanted
    JOIN catalog_product_category pc ON pc.tenant = $1 AND pc.product_id = wanted.id
    JOIN catalog_category c ON c.tenant = $1 AND c.id = pc.category_id
    UNION
    SELECT categories.product_id, c.id, c.parent_id FROM categories
    JOIN catalog_category c ON c.tenant = $1 AND c.id = categories.parent_id
  ),
  matched AS (
    SELECT ia.item_id AS product_id FROM wanted
    JOIN item_assignment ia ON ia.tenant = $1 AND ia.type = 'PRODUCT' AND ia.item_id = wanted.id
    WHERE ia.segment_id IN (SELECT id FROM segments)
    UNION
    SELECT categories.product_id FROM categories
    JOIN item_assignment ia ON ia.tenant = $1 AND ia.type = 'CATEGORY' AND ia.item_id = categories.category_id
    WHERE ia.segment_id IN (SELECT id FROM segments)
  )
  SELECT wanted.id FROM wanted WHERE wanted.id IN (SELECT product_id FROM matched) ORDER BY wanted.ord`;

@Injectable()
export class MatchService {
  constructor(private readonly dataSource: DataSource) {}

  async match(tenant: string, request: Match): Promise<MatchItem[]> {
    const itemErrors = matchItemsErrors(request.items);
    if (itemErrors.length) throw validationFailed(itemErrors);
    const site = request.site ?? request.siteCode;
    if (site === undefined) throw new BadRequestError('Invalid request: site.', undefined, [{ field: 'site', message: 'site (or siteCode) must be given' }]);
    if (!request.items.length || !request.segmentIds.length) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(MATCH_SQL, [
      tenant,
      request.items.map((item) => item.id),
      request.segmentIds,
      site,
    ]);
    return rows.map((row) => ({ id: row.id }));
  }
}
