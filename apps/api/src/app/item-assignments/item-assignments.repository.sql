-- Rendered by item-assignments.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- page: one segment, q on the item name, with the count
SELECT count(*) AS count FROM item_assignment ia INNER JOIN segment s ON s.tenant = ia.tenant AND s.id = ia.segment_id LEFT JOIN catalog_product product ON ia.type = 'PRODUCT' AND product.tenant = ia.tenant AND product.id = ia.item_id LEFT JOIN catalog_category category ON ia.type = 'CATEGORY' AND category.tenant = ia.tenant AND category.id = ia.item_id WHERE (ia.tenant = $1) AND (ia.segment_id = $2) AND ((((COALESCE(product.name, category.name)) ->> CAST($3 AS text)) ~* $4));
-- parameters: ["t1","s1","en","shoe"]
SELECT ia.segment_id AS "segmentId", ia.type AS "type", ia.item_id AS "itemId", COALESCE(product.code, category.code) AS "code", COALESCE(product.name, category.name) AS "name", ia.mixins AS "mixins", ia.metadata_mixins AS "metadata_mixins", ia.version AS "version", to_char(ia.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(ia.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM item_assignment ia INNER JOIN segment s ON s.tenant = ia.tenant AND s.id = ia.segment_id LEFT JOIN catalog_product product ON ia.type = 'PRODUCT' AND product.tenant = ia.tenant AND product.id = ia.item_id LEFT JOIN catalog_category category ON ia.type = 'CATEGORY' AND category.tenant = ia.tenant AND category.id = ia.item_id WHERE (ia.tenant = $1) AND (ia.segment_id = $2) AND ((((COALESCE(product.name, category.name)) ->> CAST($3 AS text)) ~* $4)) ORDER BY ia.segment_id ASC, ia.type ASC, ia.item_id ASC LIMIT 16;
-- parameters: ["t1","s1","en","shoe"]

-- page: all segments of a site, only active, for a customer token, a deep page
SELECT ia.segment_id AS "segmentId", ia.type AS "type", ia.item_id AS "itemId", COALESCE(product.code, category.code) AS "code", COALESCE(product.name, category.name) AS "name", ia.mixins AS "mixins", ia.metadata_mixins AS "metadata_mixins", ia.version AS "version", to_char(ia.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(ia.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM item_assignment ia INNER JOIN segment s ON s.tenant = ia.tenant AND s.id = ia.segment_id LEFT JOIN catalog_product product ON ia.type = 'PRODUCT' AND product.tenant = ia.tenant AND product.id = ia.item_id LEFT JOIN catalog_category category ON ia.type = 'CATEGORY' AND category.tenant = ia.tenant AND category.id = ia.item_id INNER JOIN (SELECT ia.tenant AS page_key_0, ia.segment_id AS page_key_1, ia.type AS page_key_2, ia.item_id AS page_key_3 FROM item_assignment ia INNER JOIN segment s ON s.tenant = ia.tenant AND s.id = ia.segment_id WHERE (ia.tenant = $1) AND (((s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now())) AND EXISTS (SELECT 1 FROM customer_assignment s_visible_ca WHERE s_visible_ca.tenant = s.tenant AND s_visible_ca.segment_id = s.id AND s_visible_ca.customer_id = $2 AND (s_visible_ca.legal_entity_id = '' OR s_visible_ca.legal_entity_id = ANY(CAST($3 AS text[])))))) AND (s.site_code = $4) AND ((s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now()))) ORDER BY ia.segment_id ASC, ia.type ASC, ia.item_id ASC LIMIT 1000 OFFSET 1000) page ON page.page_key_0 = ia.tenant AND page.page_key_1 = ia.segment_id AND page.page_key_2 = ia.type AND page.page_key_3 = ia.item_id WHERE (ia.tenant = $1) AND (((s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now())) AND EXISTS (SELECT 1 FROM customer_assignment s_visible_ca WHERE s_visible_ca.tenant = s.tenant AND s_visible_ca.segment_id = s.id AND s_visible_ca.customer_id = $2 AND (s_visible_ca.legal_entity_id = '' OR s_visible_ca.legal_entity_id = ANY(CAST($3 AS text[])))))) AND (s.site_code = $4) AND ((s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now()))) ORDER BY ia.segment_id ASC, ia.type ASC, ia.item_id ASC LIMIT 1000;
-- parameters: ["t1","c1",["le1"],"main"]

-- page: the segments the read model selected
SELECT ia.segment_id AS "segmentId", ia.type AS "type", ia.item_id AS "itemId", COALESCE(product.code, category.code) AS "code", COALESCE(product.name, category.name) AS "name", ia.mixins AS "mixins", ia.metadata_mixins AS "metadata_mixins", ia.version AS "version", to_char(ia.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(ia.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM item_assignment ia INNER JOIN segment s ON s.tenant = ia.tenant AND s.id = ia.segment_id LEFT JOIN catalog_product product ON ia.type = 'PRODUCT' AND product.tenant = ia.tenant AND product.id = ia.item_id LEFT JOIN catalog_category category ON ia.type = 'CATEGORY' AND category.tenant = ia.tenant AND category.id = ia.item_id WHERE (ia.tenant = $1) AND (ia.segment_id = ANY(CAST($2 AS text[]))) ORDER BY ia.segment_id ASC, ia.type ASC, ia.item_id ASC LIMIT 16;
-- parameters: ["t1",["s1","s2"]]

-- find
SELECT ia.segment_id AS "segmentId", ia.type AS "type", ia.item_id AS "itemId", COALESCE(product.code, category.code) AS "code", COALESCE(product.name, category.name) AS "name", ia.mixins AS "mixins", ia.metadata_mixins AS "metadata_mixins", ia.version AS "version", to_char(ia.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(ia.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM item_assignment ia INNER JOIN segment s ON s.tenant = ia.tenant AND s.id = ia.segment_id LEFT JOIN catalog_product product ON ia.type = 'PRODUCT' AND product.tenant = ia.tenant AND product.id = ia.item_id LEFT JOIN catalog_category category ON ia.type = 'CATEGORY' AND category.tenant = ia.tenant AND category.id = ia.item_id WHERE (ia.tenant = $1) AND (ia.segment_id = $2 AND ia.type = $3 AND ia.item_id = $4);
-- parameters: ["t1","s1","PRODUCT","p1"]

-- find: a customer token
SELECT ia.segment_id AS "segmentId", ia.type AS "type", ia.item_id AS "itemId", COALESCE(product.code, category.code) AS "code", COALESCE(product.name, category.name) AS "name", ia.mixins AS "mixins", ia.metadata_mixins AS "metadata_mixins", ia.version AS "version", to_char(ia.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(ia.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM item_assignment ia INNER JOIN segment s ON s.tenant = ia.tenant AND s.id = ia.segment_id LEFT JOIN catalog_product product ON ia.type = 'PRODUCT' AND product.tenant = ia.tenant AND product.id = ia.item_id LEFT JOIN catalog_category category ON ia.type = 'CATEGORY' AND category.tenant = ia.tenant AND category.id = ia.item_id WHERE (ia.tenant = $1) AND (((s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now())) AND EXISTS (SELECT 1 FROM customer_assignment s_visible_ca WHERE s_visible_ca.tenant = s.tenant AND s_visible_ca.segment_id = s.id AND s_visible_ca.customer_id = $2 AND (s_visible_ca.legal_entity_id = '' OR s_visible_ca.legal_entity_id = ANY(CAST($3 AS text[])))))) AND (ia.segment_id = $4 AND ia.type = $5 AND ia.item_id = $6);
-- parameters: ["t1","c1",["le1"],"s1","PRODUCT","p1"]

-- upsert: one statement with the segment check and the event
WITH parent AS (SELECT EXISTS (SELECT 1 FROM segment WHERE "tenant" = $8 AND "id" = $9) AS found),
up AS (INSERT INTO item_assignment AS t ("tenant", "segment_id", "type", "item_id", "mixins", "metadata_mixins", version, created_at, modified_at)
    SELECT $1, $2, $3, $4, $5, $6, 1, now(), now() FROM parent WHERE parent.found
    ON CONFLICT ("tenant", "segment_id", "type", "item_id") DO UPDATE SET "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($7::int IS NULL OR t.version = $7::int) AND ROW(t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING "tenant", "segment_id", "type", "item_id", (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $10, CASE WHEN up.created THEN $11 ELSE $12 END, $13, $14, up.version,
      $15::jsonb || COALESCE((SELECT jsonb_build_object('item', jsonb_strip_nulls(jsonb_build_object('id', up.item_id, 'code', catalog.code, 'name', catalog.name)))
     FROM (SELECT code, name FROM catalog_product WHERE up.type = 'PRODUCT' AND tenant = up.tenant AND id = up.item_id
           UNION ALL
           SELECT code, name FROM catalog_category WHERE up.type = 'CATEGORY' AND tenant = up.tenant AND id = up.item_id) catalog), '{}'::jsonb) || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $16::jsonb)
    FROM up)
    SELECT parent.found, up.* FROM parent LEFT JOIN up ON true;
-- parameters: ["t1","s1","PRODUCT","p1",{"a":1},{},null,"t1","s1","t1","customer-segment.item-assignment-created","customer-segment.item-assignment-updated","item-assignment","s1/PRODUCT/p1",{"segmentId":"s1","item":{"id":"p1"},"type":"PRODUCT","mixins":{"a":1},"tenant":"t1"},{}]

-- delete
WITH deleted AS (DELETE FROM item_assignment WHERE "tenant" = $4 AND "segment_id" = $5 AND "type" = $6 AND "item_id" = $7
       RETURNING concat_ws('/', replace(replace(segment_id, '%', '%25'), '/', '%2F'), replace(replace(type, '%', '%25'), '/', '%2F'), replace(replace(item_id, '%', '%25'), '/', '%2F')) AS resource_id, jsonb_build_object('segmentId', segment_id, 'type', type, 'itemId', item_id, 'tenant', tenant) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $2, $3, resource_id, NULL, payload FROM deleted;
-- parameters: ["t1","customer-segment.item-assignment-deleted","item-assignment","t1","s1","PRODUCT","p1"]

-- categoryTreeRows: every active segment of a site
WITH RECURSIVE
  segments AS (
    SELECT s.tenant, s.id FROM segment s
    WHERE s.tenant = $1 AND (CAST($2 AS text) IS NULL OR s.site_code = $2) AND (s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now()))
  ),
  assigned AS (
    SELECT DISTINCT c.id, c.parent_id FROM item_assignment ia
    JOIN segments ON ia.tenant = segments.tenant AND ia.segment_id = segments.id
    JOIN catalog_category c ON c.tenant = $1 AND c.id = ia.item_id
    WHERE ia.type = 'CATEGORY'
  ),
  ancestors(id, parent_id) AS (
    SELECT c.id, c.parent_id FROM assigned JOIN catalog_category c ON c.tenant = $1 AND c.id = assigned.parent_id
    UNION
    SELECT c.id, c.parent_id FROM ancestors JOIN catalog_category c ON c.tenant = $1 AND c.id = ancestors.parent_id
  ),
  descendants(id) AS (
    SELECT c.id FROM assigned JOIN catalog_category c ON c.tenant = $1 AND c.parent_id = assigned.id
    UNION
    SELECT c.id FROM descendants JOIN catalog_category c ON c.tenant = $1 AND c.parent_id = descendants.id
  ),
  tree AS (SELECT id FROM assigned UNION SELECT id FROM ancestors UNION SELECT id FROM descendants)
  SELECT c.id, c.parent_id, c.code, c.name, c.description, c.slug, c.ecn, c.validity_from, c.validity_to, c.position, c.published,
    EXISTS (SELECT 1 FROM assigned WHERE assigned.id = c.id) AS "isSegmentAssigned"
  FROM tree JOIN catalog_category c ON c.tenant = $1 AND c.id = tree.id
  ORDER BY c.position ASC NULLS LAST, c.id COLLATE "C";
-- parameters: ["t1","main"]

-- categoryTreeRows: a customer token
WITH RECURSIVE
  segments AS (
    SELECT s.tenant, s.id FROM segment s
    WHERE s.tenant = $1 AND (CAST($2 AS text) IS NULL OR s.site_code = $2) AND ((s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now())) AND EXISTS (SELECT 1 FROM customer_assignment s_visible_ca WHERE s_visible_ca.tenant = s.tenant AND s_visible_ca.segment_id = s.id AND s_visible_ca.customer_id = $3 AND (s_visible_ca.legal_entity_id = '' OR s_visible_ca.legal_entity_id = ANY(CAST($4 AS text[])))))
  ),
  assigned AS (
    SELECT DISTINCT c.id, c.parent_id FROM item_assignment ia
    JOIN segments ON ia.tenant = segments.tenant AND ia.segment_id = segments.id
    JOIN catalog_category c ON c.tenant = $1 AND c.id = ia.item_id
    WHERE ia.type = 'CATEGORY'
  ),
  ancestors(id, parent_id) AS (
    SELECT c.id, c.parent_id FROM assigned JOIN catalog_category c ON c.tenant = $1 AND c.id = assigned.parent_id
    UNION
    SELECT c.id, c.parent_id FROM ancestors JOIN catalog_category c ON c.tenant = $1 AND c.id = ancestors.parent_id
  ),
  descendants(id) AS (
    SELECT c.id FROM assigned JOIN catalog_category c ON c.tenant = $1 AND c.parent_id = assigned.id
    UNION
    SELECT c.id FROM descendants JOIN catalog_category c ON c.tenant = $1 AND c.parent_id = descendants.id
  ),
  tree AS (SELECT id FROM assigned UNION SELECT id FROM ancestors UNION SELECT id FROM descendants)
  SELECT c.id, c.parent_id, c.code, c.name, c.description, c.slug, c.ecn, c.validity_from, c.validity_to, c.position, c.published,
    EXISTS (SELECT 1 FROM assigned WHERE assigned.id = c.id) AS "isSegmentAssigned"
  FROM tree JOIN catalog_category c ON c.tenant = $1 AND c.id = tree.id
  ORDER BY c.position ASC NULLS LAST, c.id COLLATE "C";
-- parameters: ["t1",null,"c1",["le1"]]

-- categoryTreeRows: the segments the read model selected
WITH RECURSIVE
  segments AS (
    SELECT s.tenant, s.id FROM segment s
    WHERE s.tenant = $1 AND (CAST($2 AS text) IS NULL OR s.site_code = $2) AND s.id = ANY(CAST($3 AS text[]))
  ),
  assigned AS (
    SELECT DISTINCT c.id, c.parent_id FROM item_assignment ia
    JOIN segments ON ia.tenant = segments.tenant AND ia.segment_id = segments.id
    JOIN catalog_category c ON c.tenant = $1 AND c.id = ia.item_id
    WHERE ia.type = 'CATEGORY'
  ),
  ancestors(id, parent_id) AS (
    SELECT c.id, c.parent_id FROM assigned JOIN catalog_category c ON c.tenant = $1 AND c.id = assigned.parent_id
    UNION
    SELECT c.id, c.parent_id FROM ancestors JOIN catalog_category c ON c.tenant = $1 AND c.id = ancestors.parent_id
  ),
  descendants(id) AS (
    SELECT c.id FROM assigned JOIN catalog_category c ON c.tenant = $1 AND c.parent_id = assigned.id
    UNION
    SELECT c.id FROM descendants JOIN catalog_category c ON c.tenant = $1 AND c.parent_id = descendants.id
  ),
  tree AS (SELECT id FROM assigned UNION SELECT id FROM ancestors UNION SELECT id FROM descendants)
  SELECT c.id, c.parent_id, c.code, c.name, c.description, c.slug, c.ecn, c.validity_from, c.validity_to, c.position, c.published,
    EXISTS (SELECT 1 FROM assigned WHERE assigned.id = c.id) AS "isSegmentAssigned"
  FROM tree JOIN catalog_category c ON c.tenant = $1 AND c.id = tree.id
  ORDER BY c.position ASC NULLS LAST, c.id COLLATE "C";
-- parameters: ["t1",null,["s1","s2"]]

-- matching
WITH RECURSIVE 
  wanted AS (
    SELECT id, min(ord) AS ord FROM unnest(CAST($2 AS text[])) WITH ORDINALITY AS w(id, ord) GROUP BY id
  ),
  segments AS (
    SELECT s.id FROM segment s
    WHERE s.tenant = $1 AND s.id = ANY(CAST($3 AS text[])) AND s.site_code = $4 AND (s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now()))
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
  ORDER BY wanted.ord;
-- parameters: ["t1",["p1","p2"],["s1"],"main"]

-- explainMatching
WITH RECURSIVE 
  wanted AS (
    SELECT id, min(ord) AS ord FROM unnest(CAST($2 AS text[])) WITH ORDINALITY AS w(id, ord) GROUP BY id
  ),
  segments AS (
    SELECT s.id FROM segment s
    WHERE s.tenant = $1 AND s.id = ANY(CAST($3 AS text[])) AND s.site_code = $4 AND (s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now()))
  ),
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
  ORDER BY wanted.ord, r.segment_id COLLATE "C";
-- parameters: ["t1",["p1","p2"],["s1"],"main"]
