-- Rendered by catalog.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- findCategory
SELECT * FROM catalog_category WHERE tenant = $1 AND id = $2;
-- parameters: ["t1","shoes"]

-- findProduct
SELECT p.*, ARRAY(SELECT pc.category_id FROM catalog_product_category pc WHERE pc.tenant = p.tenant AND pc.product_id = p.id ORDER BY pc.category_id COLLATE "C") AS category_ids
       FROM catalog_product p WHERE p.tenant = $1 AND p.id = $2;
-- parameters: ["t1","sku-1"]

-- upsertCategory
WITH up AS (INSERT INTO catalog_category AS t ("tenant", "id", "parent_id", "code", "name", "description", "slug", "ecn", "validity_from", "validity_to", "position", "published", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "parent_id" = EXCLUDED."parent_id", "code" = EXCLUDED."code", "name" = EXCLUDED."name", "description" = EXCLUDED."description", "slug" = EXCLUDED."slug", "ecn" = EXCLUDED."ecn", "validity_from" = EXCLUDED."validity_from", "validity_to" = EXCLUDED."validity_to", "position" = EXCLUDED."position", "published" = EXCLUDED."published", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($15::int IS NULL OR t.version = $15::int) AND ROW(t."parent_id", t."code", t."name", t."description", t."slug", t."ecn", t."validity_from", t."validity_to", t."position", t."published", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."parent_id", EXCLUDED."code", EXCLUDED."name", EXCLUDED."description", EXCLUDED."slug", EXCLUDED."ecn", EXCLUDED."validity_from", EXCLUDED."validity_to", EXCLUDED."position", EXCLUDED."published", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $16, CASE WHEN up.created THEN $17 ELSE $18 END, $19, $20, up.version,
      $21::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $22::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","shoes","clothing",null,{"en":"Shoes"},{},{},["123"],"2025-01-01T00:00:00.000Z",null,2,true,{},{},null,"t1","catalog.category-created","catalog.category-updated","category","shoes",{"id":"shoes","parentId":"clothing","name":{"en":"Shoes"},"localizedDescription":{},"localizedSlug":{},"ecn":["123"],"validity":{"from":"2025-01-01T00:00:00.000Z"},"position":2,"published":true,"mixins":{}},{"mixins":{}}]

-- upsertProduct
WITH up AS (INSERT INTO catalog_product AS t ("tenant", "id", "code", "name", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "code" = EXCLUDED."code", "name" = EXCLUDED."name", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($7::int IS NULL OR t.version = $7::int) AND ROW(t."code", t."name", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."code", EXCLUDED."name", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $8, CASE WHEN up.created THEN $9 ELSE $10 END, $11, $12, up.version,
      $13::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $14::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","sku-1","SKU1",{"en":"Sneaker"},{},{},3,"t1","catalog.product-created","catalog.product-updated","product","sku-1",{"id":"sku-1","code":"SKU1","name":{"en":"Sneaker"},"categoryIds":["sale","shoes"],"mixins":{}},{"mixins":{}}]

-- replaceProductCategories
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
      jsonb_build_object('version', bumped.version, 'createdAt', to_char(bumped.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(bumped.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || jsonb_build_object('mixins', bumped.metadata_mixins))
  FROM bumped;
-- parameters: ["t1","sku-1",["shoes","sale"],false,"catalog.product-updated","product",{"id":"sku-1","code":"SKU1","name":{"en":"Sneaker"},"categoryIds":["sale","shoes"],"mixins":{}}]
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
      jsonb_build_object('version', bumped.version, 'createdAt', to_char(bumped.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(bumped.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || jsonb_build_object('mixins', bumped.metadata_mixins))
  FROM bumped;
-- parameters: ["t1","sku-1",["shoes","sale"],true,"catalog.product-updated","product",{"id":"sku-1","code":"SKU1","name":{"en":"Sneaker"},"categoryIds":["sale","shoes"],"mixins":{}}]

-- deleteCategory and deleteProduct
WITH deleted AS (DELETE FROM catalog_category WHERE "tenant" = $4 AND "id" = $5
       RETURNING id AS resource_id, jsonb_build_object('id', id) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $2, $3, resource_id, NULL, payload FROM deleted;
-- parameters: ["t1","catalog.category-deleted","category","t1","shoes"]
WITH deleted AS (DELETE FROM catalog_product WHERE "tenant" = $4 AND "id" = $5
       RETURNING id AS resource_id, jsonb_build_object('id', id) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $2, $3, resource_id, NULL, payload FROM deleted;
-- parameters: ["t1","catalog.product-deleted","product","t1","sku-1"]

-- lockCategoryTree and createsCycle
SELECT pg_advisory_xact_lock(hashtext($1));
-- parameters: ["catalog_category_tree:t1"]
WITH RECURSIVE up(id) AS (
    SELECT CAST($2 AS varchar)
    UNION
    SELECT c.parent_id FROM up JOIN catalog_category c ON c.tenant = $1 AND c.id = up.id WHERE c.parent_id IS NOT NULL
  )
  SELECT EXISTS (SELECT 1 FROM up WHERE id = $3) AS cycle;
-- parameters: ["t1","clothing","shoes"]

-- lockCategoryTexts and lockProductTexts
SELECT name, description, slug FROM catalog_category WHERE tenant = $1 AND id = $2 FOR UPDATE;
-- parameters: ["t1","shoes"]
SELECT name FROM catalog_product WHERE tenant = $1 AND id = $2 FOR UPDATE;
-- parameters: ["t1","sku-1"]
