-- Rendered by exclusions.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- page: sorted, with the count
SELECT count(*) AS count FROM segment_exclusion x WHERE (x.tenant = $1 AND x.segment_id = $2);
-- parameters: ["t1","s1"]
SELECT x.customer_id AS "customerId", x.legal_entity_id AS "legalEntityId", x.mixins AS "mixins", x.metadata_mixins AS "metadata_mixins", x.version AS "version", to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(x.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment_exclusion x WHERE (x.tenant = $1 AND x.segment_id = $2) ORDER BY x.created_at DESC, x.customer_id ASC, x.legal_entity_id ASC LIMIT 16;
-- parameters: ["t1","s1"]

-- page: with q
SELECT x.customer_id AS "customerId", x.legal_entity_id AS "legalEntityId", x.mixins AS "mixins", x.metadata_mixins AS "metadata_mixins", x.version AS "version", to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(x.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment_exclusion x WHERE (x.tenant = $1 AND x.segment_id = $2) AND (((NULLIF(x.legal_entity_id, '')) IS NULL)) ORDER BY x.customer_id ASC, x.legal_entity_id ASC LIMIT 16;
-- parameters: ["t1","s1"]

-- find: every legal entity
SELECT x.customer_id AS "customerId", x.legal_entity_id AS "legalEntityId", x.mixins AS "mixins", x.metadata_mixins AS "metadata_mixins", x.version AS "version", to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(x.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment_exclusion x WHERE (x.tenant = $1 AND x.segment_id = $2 AND x.customer_id = $3 AND x.legal_entity_id = $4);
-- parameters: ["t1","s1","c1",""]

-- find: one legal entity
SELECT x.customer_id AS "customerId", x.legal_entity_id AS "legalEntityId", x.mixins AS "mixins", x.metadata_mixins AS "metadata_mixins", x.version AS "version", to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(x.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment_exclusion x WHERE (x.tenant = $1 AND x.segment_id = $2 AND x.customer_id = $3 AND x.legal_entity_id = $4);
-- parameters: ["t1","s1","c1","le1"]

-- upsert: one statement with the segment check, no event
WITH parent AS (SELECT EXISTS (SELECT 1 FROM segment WHERE "tenant" = $8 AND "id" = $9) AS found),
up AS (INSERT INTO segment_exclusion AS t ("tenant", "segment_id", "customer_id", "legal_entity_id", "mixins", "metadata_mixins", version, created_at, modified_at)
    SELECT $1, $2, $3, $4, $5, $6, 1, now(), now() FROM parent WHERE parent.found
    ON CONFLICT ("tenant", "segment_id", "customer_id", "legal_entity_id") DO UPDATE SET "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($7::int IS NULL OR t.version = $7::int) AND ROW(t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at)
    SELECT parent.found, up.* FROM parent LEFT JOIN up ON true;
-- parameters: ["t1","s1","c1","le1",{"a":1},{},2,"t1","s1"]

-- delete: every legal entity
DELETE FROM segment_exclusion WHERE tenant = $1 AND segment_id = $2 AND customer_id = $3 AND legal_entity_id = $4;
-- parameters: ["t1","s1","c1",""]
