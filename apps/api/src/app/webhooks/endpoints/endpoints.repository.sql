-- Rendered by endpoints.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- insertUnderCap: the tenant lock, then the insert counting under it
SELECT pg_advisory_xact_lock(hashtext($1));
-- parameters: ["webhook-endpoints:t1"]
INSERT INTO webhook_endpoint
         (tenant, id, url, description, event_types, active, secret, version, created_at, modified_at)
       SELECT $1::varchar, $2::uuid, $3, $4, $5::text[], $6, $7, 1, now(), now()
       WHERE (SELECT count(*) FROM webhook_endpoint WHERE tenant = $1::varchar) < $8::int
       RETURNING id;
-- parameters: ["t1","0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a","https://hooks.example.com/in","CRM",["customer-segment.*"],true,"whsec_x",100]

-- update with the version check
WITH updated AS (UPDATE webhook_endpoint SET url = $3, description = $4, event_types = $5::text[], active = $6,
         disabled_reason = CASE WHEN $6 THEN NULL ELSE disabled_reason END,
         failing_since = CASE WHEN $6 THEN NULL ELSE failing_since END,
         version = version + 1, modified_at = now()
       WHERE tenant = $1 AND id = $2 AND ($7::int IS NULL OR version = $7::int)
       RETURNING id)
       SELECT id FROM updated;
-- parameters: ["t1","0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a","https://hooks.example.com/in","CRM",["customer-segment.*"],true,2]

-- rotateSecret
WITH rotated AS (UPDATE webhook_endpoint SET secret = $3,
         previous_secret = CASE WHEN $4::bigint > 0 THEN secret END,
         previous_secret_until = CASE WHEN $4::bigint > 0 THEN now() + $4::bigint * interval '1 millisecond' END,
         version = version + 1, modified_at = now()
       WHERE tenant = $1 AND id = $2
       RETURNING to_char(previous_secret_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS previous_secret_until)
       SELECT * FROM rotated;
-- parameters: ["t1","0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a","whsec_y",86400000]

-- delete
WITH deleted AS (DELETE FROM webhook_endpoint WHERE tenant = $1 AND id = $2 RETURNING id) SELECT id FROM deleted;
-- parameters: ["t1","0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a"]

-- exists
SELECT 1 FROM webhook_endpoint WHERE tenant = $1 AND id = $2;
-- parameters: ["t1","0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a"]

-- page with q, sort and the count
SELECT count(*) AS count FROM webhook_endpoint e WHERE (e.tenant = $1) AND ((e.active = CAST($2 AS boolean)) AND (e.url ~* $3));
-- parameters: ["t1",true,"hooks"]
SELECT e.id, e.url, e.description, e.event_types, e.active, e.disabled_reason, to_char(e.failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS failing_since, CASE WHEN e.previous_secret_until > now() THEN to_char(e.previous_secret_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END AS previous_secret_until, e.version, to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(e.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM webhook_endpoint e WHERE (e.tenant = $1) AND ((e.active = CAST($2 AS boolean)) AND (e.url ~* $3)) ORDER BY e.created_at DESC, e.id ASC LIMIT 10;
-- parameters: ["t1",true,"hooks"]

-- find
SELECT e.id, e.url, e.description, e.event_types, e.active, e.disabled_reason, to_char(e.failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS failing_since, CASE WHEN e.previous_secret_until > now() THEN to_char(e.previous_secret_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END AS previous_secret_until, e.version, to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(e.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM webhook_endpoint e WHERE e.tenant = $1 AND e.id = $2;
-- parameters: ["t1","0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a"]
