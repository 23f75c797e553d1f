-- Rendered by read-model.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- state
SELECT round(extract(epoch FROM now()) * 1000000) AS now, (SELECT COALESCE(string_agg(g.tenant || '/' || g.slot || '/' || g.segments, ',' ORDER BY g.tenant, g.slot), '')
    FROM read_generation g WHERE g.tenant IN ($1, '') AND g.segments <> 0) AS segments, (SELECT COALESCE(string_agg(g.tenant || '/' || g.slot || '/' || g.catalog, ',' ORDER BY g.tenant, g.slot), '')
    FROM read_generation g WHERE g.tenant IN ($1, '') AND g.catalog <> 0) AS catalog,
    CASE WHEN CAST($2 AS text) IS NOT NULL THEN ARRAY(
      SELECT DISTINCT ca.segment_id FROM customer_assignment ca
      WHERE ca.tenant = $1 AND ca.customer_id = $2
        AND (CAST($3 AS text[]) IS NULL OR ca.legal_entity_id = '' OR ca.legal_entity_id = ANY(CAST($3 AS text[])))
    ) END AS "customerSegments";
-- parameters: ["t1",null,null]

-- state: a customer acting for legal entities
SELECT round(extract(epoch FROM now()) * 1000000) AS now, (SELECT COALESCE(string_agg(g.tenant || '/' || g.slot || '/' || g.segments, ',' ORDER BY g.tenant, g.slot), '')
    FROM read_generation g WHERE g.tenant IN ($1, '') AND g.segments <> 0) AS segments, (SELECT COALESCE(string_agg(g.tenant || '/' || g.slot || '/' || g.catalog, ',' ORDER BY g.tenant, g.slot), '')
    FROM read_generation g WHERE g.tenant IN ($1, '') AND g.catalog <> 0) AS catalog,
    CASE WHEN CAST($2 AS text) IS NOT NULL THEN ARRAY(
      SELECT DISTINCT ca.segment_id FROM customer_assignment ca
      WHERE ca.tenant = $1 AND ca.customer_id = $2
        AND (CAST($3 AS text[]) IS NULL OR ca.legal_entity_id = '' OR ca.legal_entity_id = ANY(CAST($3 AS text[])))
    ) END AS "customerSegments";
-- parameters: ["t1","c1",["le1"]]

-- loadSegments
WITH size AS (SELECT (SELECT count(*) FROM (SELECT 1 FROM segment WHERE tenant = $1 LIMIT $2) bounded) + (SELECT count(*) FROM (SELECT 1 FROM item_assignment WHERE tenant = $1 LIMIT $2) bounded) AS rows)
  SELECT (SELECT COALESCE(string_agg(g.tenant || '/' || g.slot || '/' || g.segments, ',' ORDER BY g.tenant, g.slot), '')
    FROM read_generation g WHERE g.tenant IN ($1, '') AND g.segments <> 0) AS generation, size.rows,
    CASE WHEN size.rows < $2 THEN json_build_object(
      'segments', (SELECT COALESCE(json_agg(json_build_array(s.id, s.site_code, s.status = 'ACTIVE',
        round(extract(epoch FROM s.validity_from) * 1000000), round(extract(epoch FROM s.validity_to) * 1000000))), '[]') FROM segment s WHERE s.tenant = $1),
      'items', (SELECT COALESCE(json_agg(json_build_array(ia.segment_id, ia.type = 'PRODUCT', ia.item_id)), '[]')
        FROM item_assignment ia WHERE ia.tenant = $1)
    ) END AS model
  FROM size;
-- parameters: ["t1",1000]

-- loadCatalog
WITH size AS (SELECT (SELECT count(*) FROM (SELECT 1 FROM catalog_category WHERE tenant = $1 LIMIT $2) bounded) + (SELECT count(*) FROM (SELECT 1 FROM catalog_product_category WHERE tenant = $1 LIMIT $2) bounded) AS rows)
  SELECT (SELECT COALESCE(string_agg(g.tenant || '/' || g.slot || '/' || g.catalog, ',' ORDER BY g.tenant, g.slot), '')
    FROM read_generation g WHERE g.tenant IN ($1, '') AND g.catalog <> 0) AS generation, size.rows,
    CASE WHEN size.rows < $2 THEN json_build_object(
      'categories', (SELECT COALESCE(json_agg(json_build_array(c.id, c.parent_id)), '[]')
        FROM catalog_category c WHERE c.tenant = $1),
      'productCategories', (SELECT COALESCE(json_agg(json_build_array(pc.product_id, pc.category_id)), '[]')
        FROM catalog_product_category pc WHERE pc.tenant = $1)
    ) END AS model
  FROM size;
-- parameters: ["t1",1000]
