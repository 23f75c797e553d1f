-- Rendered by customers.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- upsert (no version check: the sync replaces)
WITH up AS (INSERT INTO customer AS t ("tenant", "id", "first_name", "last_name", "email", "phone", "preferred_site", "preferred_language", "preferred_currency", "active", "b2b", "business_model", "type", "company", "customer_number", "customer_created_at", "mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "first_name" = EXCLUDED."first_name", "last_name" = EXCLUDED."last_name", "email" = EXCLUDED."email", "phone" = EXCLUDED."phone", "preferred_site" = EXCLUDED."preferred_site", "preferred_language" = EXCLUDED."preferred_language", "preferred_currency" = EXCLUDED."preferred_currency", "active" = EXCLUDED."active", "b2b" = EXCLUDED."b2b", "business_model" = EXCLUDED."business_model", "type" = EXCLUDED."type", "company" = EXCLUDED."company", "customer_number" = EXCLUDED."customer_number", "customer_created_at" = EXCLUDED."customer_created_at", "mixins" = EXCLUDED."mixins", version = t.version + 1, modified_at = now()
    WHERE ($18::int IS NULL OR t.version = $18::int) AND ROW(t."first_name", t."last_name", t."email", t."phone", t."preferred_site", t."preferred_language", t."preferred_currency", t."active", t."b2b", t."business_model", t."type", t."company", t."customer_number", t."customer_created_at", t."mixins") IS DISTINCT FROM ROW(EXCLUDED."first_name", EXCLUDED."last_name", EXCLUDED."email", EXCLUDED."phone", EXCLUDED."preferred_site", EXCLUDED."preferred_language", EXCLUDED."preferred_currency", EXCLUDED."active", EXCLUDED."b2b", EXCLUDED."business_model", EXCLUDED."type", EXCLUDED."company", EXCLUDED."customer_number", EXCLUDED."customer_created_at", EXCLUDED."mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $19, CASE WHEN up.created THEN $20 ELSE $21 END, $22, $23, up.version,
      $24::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $25::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","john","John",null,"john@example.com",null,null,null,null,null,null,null,null,null,null,null,{},null,"t1","customer.customer-created","customer.customer-updated","customer","john",{"id":"john","firstName":"John","email":"john@example.com","mixins":{}},{}]

-- delete
WITH deleted AS (DELETE FROM customer WHERE tenant = $1 AND id = $2
       RETURNING id, jsonb_build_object('id', id) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $3, $4, id, NULL, payload FROM deleted RETURNING id;
-- parameters: ["t1","john","customer.customer-deleted","customer"]
