-- Rendered by customers.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- upsert (no version check: the sync replaces)
WITH up AS (INSERT INTO customer AS t ("tenant", "id", "first_name", "last_name", "email", "phone", "mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "first_name" = EXCLUDED."first_name", "last_name" = EXCLUDED."last_name", "email" = EXCLUDED."email", "phone" = EXCLUDED."phone", "mixins" = EXCLUDED."mixins", version = t.version + 1, modified_at = now()
    WHERE ($8::int IS NULL OR t.version = $8::int) AND ROW(t."first_name", t."last_name", t."email", t."phone", t."mixins") IS DISTINCT FROM ROW(EXCLUDED."first_name", EXCLUDED."last_name", EXCLUDED."email", EXCLUDED."phone", EXCLUDED."mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $9, CASE WHEN up.created THEN $10 ELSE $11 END, $12, $13, up.version,
      $14::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $15::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","john","John",null,"john@example.com",null,{},null,"t1","customer.customer-created","customer.customer-updated","customer","john",{"id":"john","firstName":"John","email":"john@example.com","mixins":{}},{}]

-- delete
WITH deleted AS (DELETE FROM customer WHERE tenant = $1 AND id = $2
       RETURNING id, jsonb_build_object('id', id) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $3, $4, id, NULL, payload FROM deleted RETURNING id;
-- parameters: ["t1","john","customer.customer-deleted","customer"]
