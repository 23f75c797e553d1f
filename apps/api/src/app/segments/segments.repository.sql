-- Rendered by segments.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- page: segment_read, q and sort, with the count
SELECT count(*) AS count FROM segment s WHERE (s.tenant = $1) AND ((s.status = $2) AND ((s.name ->> CAST($3 AS text)) ~* $4));
-- parameters: ["t1","ACTIVE","en","Go"]
SELECT s.id, s.name, s.description, s.status, s.site_code, s.validity_from, s.validity_to, s.criteria, s.mixins, s.metadata_mixins, s.version, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(s.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment s WHERE (s.tenant = $1) AND ((s.status = $2) AND ((s.name ->> CAST($3 AS text)) ~* $4)) ORDER BY (s.name ->> CAST($5 AS text)) DESC, s.id ASC LIMIT 16;
-- parameters: ["t1","ACTIVE","en","Go","en"]

-- page: narrowed to a customer and a legal entity
SELECT s.id, s.name, s.description, s.status, s.site_code, s.validity_from, s.validity_to, s.criteria, s.mixins, s.metadata_mixins, s.version, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(s.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment s WHERE (s.tenant = $1) AND (EXISTS (SELECT 1 FROM customer_assignment fca WHERE fca.tenant = s.tenant AND fca.segment_id = s.id AND fca.customer_id = $2 AND fca.legal_entity_id = $3)) ORDER BY s.id ASC LIMIT 16;
-- parameters: ["t1","c1","le1"]

-- find: a customer token with legal entities
SELECT s.id, s.name, s.description, s.status, s.site_code, s.validity_from, s.validity_to, s.criteria, s.mixins, s.metadata_mixins, s.version, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(s.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment s WHERE (s.tenant = $1) AND (((s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now())) AND EXISTS (SELECT 1 FROM customer_assignment s_visible_ca WHERE s_visible_ca.tenant = s.tenant AND s_visible_ca.segment_id = s.id AND s_visible_ca.customer_id = $2 AND (s_visible_ca.legal_entity_id = '' OR s_visible_ca.legal_entity_id = ANY(CAST($3 AS text[])))))) AND (s.id = $4);
-- parameters: ["t1","c1",["le1","le2"],"s1"]

-- find: a B2C customer token narrowed to a legal entity
SELECT s.id, s.name, s.description, s.status, s.site_code, s.validity_from, s.validity_to, s.criteria, s.mixins, s.metadata_mixins, s.version, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(s.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment s WHERE (s.tenant = $1) AND (((s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now())) AND EXISTS (SELECT 1 FROM customer_assignment s_visible_ca WHERE s_visible_ca.tenant = s.tenant AND s_visible_ca.segment_id = s.id AND s_visible_ca.customer_id = $2))) AND (EXISTS (SELECT 1 FROM customer_assignment fca WHERE fca.tenant = s.tenant AND fca.segment_id = s.id AND fca.customer_id = $3 AND fca.legal_entity_id = $4)) AND (s.id = $5);
-- parameters: ["t1","c1","c1","le1","s1"]

-- find: a token without a customer sees nothing
SELECT s.id, s.name, s.description, s.status, s.site_code, s.validity_from, s.validity_to, s.criteria, s.mixins, s.metadata_mixins, s.version, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(s.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment s WHERE (s.tenant = $1) AND (FALSE) AND (s.id = $2);
-- parameters: ["t1","s1"]

-- lock
SELECT s.id, s.name, s.description, s.status, s.site_code, s.validity_from, s.validity_to, s.criteria, s.mixins, s.metadata_mixins, s.version, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(s.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at FROM segment s WHERE s.tenant = $1 AND s.id = $2 FOR UPDATE;
-- parameters: ["t1","s1"]

-- insert with its created event
WITH up AS (INSERT INTO segment (tenant, id, name, description, status, site_code, validity_from, validity_to, criteria, mixins, metadata_mixins, version, created_at, modified_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, now(), now())
         ON CONFLICT (tenant, id) DO NOTHING
         RETURNING true AS created, version, created_at, modified_at),
       event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $12, CASE WHEN up.created THEN $13 ELSE $14 END, $15, $16, up.version,
      $17::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $18::jsonb)
    FROM up)
       SELECT version, created_at, modified_at FROM up;
-- parameters: ["t1","s1",{"en":"Gold"},null,"ACTIVE","main","2020-01-01T00:00:00.000Z",null,null,{"tier":1},{"tier":"https://example.com/tier.json"},"t1","customer-segment.segment-created","customer-segment.segment-updated","segment","s1",{"id":"s1","name":{"en":"Gold"},"validity":{"from":"2020-01-01T00:00:00.000Z"},"status":"ACTIVE","siteCode":"main","mixins":{"tier":1},"tenant":"t1"},{"mixins":{"tier":"https://example.com/tier.json"}}]

-- upsert with the optimistic lock and its event
WITH up AS (INSERT INTO segment AS t ("tenant", "id", "name", "description", "status", "site_code", "validity_from", "validity_to", "criteria", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "name" = EXCLUDED."name", "description" = EXCLUDED."description", "status" = EXCLUDED."status", "site_code" = EXCLUDED."site_code", "validity_from" = EXCLUDED."validity_from", "validity_to" = EXCLUDED."validity_to", "criteria" = EXCLUDED."criteria", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($12::int IS NULL OR t.version = $12::int) AND ROW(t."name", t."description", t."status", t."site_code", t."validity_from", t."validity_to", t."criteria", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."name", EXCLUDED."description", EXCLUDED."status", EXCLUDED."site_code", EXCLUDED."validity_from", EXCLUDED."validity_to", EXCLUDED."criteria", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $13, CASE WHEN up.created THEN $14 ELSE $15 END, $16, $17, up.version,
      $18::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $19::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","s1",{"en":"Gold"},null,"ACTIVE","main","2020-01-01T00:00:00.000Z",null,null,{"tier":1},{"tier":"https://example.com/tier.json"},2,"t1","customer-segment.segment-created","customer-segment.segment-updated","segment","s1",{"id":"s1","name":{"en":"Gold"},"validity":{"from":"2020-01-01T00:00:00.000Z"},"status":"ACTIVE","siteCode":"main","mixins":{"tier":1},"tenant":"t1","previousStatus":"INACTIVE"},{"mixins":{"tier":"https://example.com/tier.json"}}]

-- usage
SELECT EXISTS (SELECT 1 FROM customer_assignment WHERE tenant = $1 AND segment_id = $2) AS customers,
                EXISTS (SELECT 1 FROM item_assignment WHERE tenant = $1 AND segment_id = $2) AS items;
-- parameters: ["t1","s1"]

-- deleteAssignments (forceDelete)
WITH deleted AS (DELETE FROM customer_assignment WHERE "tenant" = $4 AND "segment_id" = $5
       RETURNING concat_ws('/', replace(replace(segment_id, '%', '%25'), '/', '%2F'), replace(replace(customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(legal_entity_id, ''), '%', '%25'), '/', '%2F')) AS resource_id, jsonb_build_object('segmentId', customer_assignment.segment_id, 'customerId', customer_assignment.customer_id, 'assignmentType', customer_assignment.assignment_type, 'tenant', customer_assignment.tenant, 'reason', 'manual')
    || CASE WHEN customer_assignment.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityId', customer_assignment.legal_entity_id) END AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $2, $3, resource_id, NULL, payload FROM deleted;
-- parameters: ["t1","customer-segment.customer-assignment-deleted","customer-assignment","t1","s1"]
WITH deleted AS (DELETE FROM item_assignment WHERE "tenant" = $4 AND "segment_id" = $5
       RETURNING concat_ws('/', replace(replace(segment_id, '%', '%25'), '/', '%2F'), replace(replace(type, '%', '%25'), '/', '%2F'), replace(replace(item_id, '%', '%25'), '/', '%2F')) AS resource_id, jsonb_build_object('segmentId', segment_id, 'type', type, 'itemId', item_id, 'tenant', tenant) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $2, $3, resource_id, NULL, payload FROM deleted;
-- parameters: ["t1","customer-segment.item-assignment-deleted","item-assignment","t1","s1"]

-- delete with its deleted event
WITH deleted AS (DELETE FROM segment WHERE "tenant" = $4 AND "id" = $5
       RETURNING id AS resource_id, jsonb_build_object('id', id, 'tenant', tenant) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $2, $3, resource_id, NULL, payload FROM deleted;
-- parameters: ["t1","customer-segment.segment-deleted","segment","t1","s1"]

-- upsertIntoSegment: one assignment, the segment checked in the same statement
WITH parent AS (SELECT EXISTS (SELECT 1 FROM segment WHERE "tenant" = $9 AND "id" = $10) AS found),
up AS (INSERT INTO customer_assignment AS t ("tenant", "segment_id", "customer_id", "legal_entity_id", "assignment_type", "mixins", "metadata_mixins", version, created_at, modified_at)
    SELECT $1, $2, $3, $4, $5, $6, $7, 1, now(), now() FROM parent WHERE parent.found
    ON CONFLICT ("tenant", "segment_id", "customer_id", "legal_entity_id") DO UPDATE SET "assignment_type" = EXCLUDED."assignment_type", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($8::int IS NULL OR t.version = $8::int) AND ROW(t."assignment_type", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."assignment_type", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING "tenant", "segment_id", "customer_id", "legal_entity_id", (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $11, CASE WHEN up.created THEN $12 ELSE $13 END, $14, $15, up.version,
      $16::jsonb || COALESCE((SELECT jsonb_build_object('customer', jsonb_strip_nulls(jsonb_build_object('id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'email', c.email)))
     FROM customer c WHERE c.tenant = up.tenant AND c.id = up.customer_id), '{}'::jsonb) || COALESCE((SELECT jsonb_build_object('legalEntity', jsonb_build_object('id', le.id, 'name', le.name))
     FROM legal_entity le WHERE le.tenant = up.tenant AND le.id = up.legal_entity_id AND up.legal_entity_id <> ''), '{}'::jsonb) || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $17::jsonb)
    FROM up)
    SELECT parent.found, up.* FROM parent LEFT JOIN up ON true;
-- parameters: ["t1","s1","c1","","MANUAL",{},{},3,"t1","s1","t1","customer-segment.customer-assignment-created","customer-segment.customer-assignment-updated","customer-assignment","s1/c1",{"segmentId":"s1","customer":{"id":"c1"}},{"mixins":{}}]

-- upsertManyIntoSegment: the segment kept, then all rows in one statement
SELECT 1 FROM segment WHERE tenant = $1 AND id = $2 FOR KEY SHARE;
-- parameters: ["t1","s1"]
WITH input AS (SELECT value ->> 'c0' AS c0, value ->> 'c1' AS c1, value ->> 'c2' AS c2, value ->> 'c3' AS c3, value ->> 'c4' AS c4, value -> 'c5' AS c5, value -> 'c6' AS c6, value ->> 'resourceId' AS resource_id, value -> 'payload' AS payload, value -> 'metadata' AS metadata, (value ->> 'lock')::int AS lock, ord FROM jsonb_array_elements($6::jsonb) WITH ORDINALITY AS input(value, ord)),
    up AS (INSERT INTO customer_assignment AS t ("tenant", "segment_id", "customer_id", "legal_entity_id", "assignment_type", "mixins", "metadata_mixins", version, created_at, modified_at)
    SELECT input.c0, input.c1, input.c2, input.c3, input.c4, input.c5, input.c6, 1, now(), now() FROM input ORDER BY input.lock
    ON CONFLICT ("tenant", "segment_id", "customer_id", "legal_entity_id") DO UPDATE SET "assignment_type" = EXCLUDED."assignment_type", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE t.version = COALESCE(($1::jsonb #>> ARRAY[EXCLUDED."tenant", EXCLUDED."segment_id", EXCLUDED."customer_id", EXCLUDED."legal_entity_id"]::text[])::int, t.version) AND ROW(t."assignment_type", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."assignment_type", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING "tenant", "segment_id", "customer_id", "legal_entity_id", (xmax = 0) AS created, version, created_at, modified_at),
    event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $2, CASE WHEN up.created THEN $3 ELSE $4 END, $5, input.resource_id, up.version,
      input.payload || COALESCE((SELECT jsonb_build_object('customer', jsonb_strip_nulls(jsonb_build_object('id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'email', c.email)))
     FROM customer c WHERE c.tenant = up.tenant AND c.id = up.customer_id), '{}'::jsonb) || COALESCE((SELECT jsonb_build_object('legalEntity', jsonb_build_object('id', le.id, 'name', le.name))
     FROM legal_entity le WHERE le.tenant = up.tenant AND le.id = up.legal_entity_id AND up.legal_entity_id <> ''), '{}'::jsonb) || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || input.metadata)
    FROM input JOIN up ON input.c0 = up."tenant" AND input.c1 = up."segment_id" AND input.c2 = up."customer_id" AND input.c3 = up."legal_entity_id" ORDER BY input.ord)
    SELECT input.ord, up.created FROM input LEFT JOIN up ON input.c0 = up."tenant" AND input.c1 = up."segment_id" AND input.c2 = up."customer_id" AND input.c3 = up."legal_entity_id";
-- parameters: [{"t1":{"s1":{"c1":{"":3}}}},"t1","customer-segment.customer-assignment-created","customer-segment.customer-assignment-updated","customer-assignment",[{"resourceId":"s1/c1","payload":{"segmentId":"s1","customer":{"id":"c1"}},"metadata":{"mixins":{}},"lock":0,"c0":"t1","c1":"s1","c2":"c1","c3":"","c4":"MANUAL","c5":{},"c6":{}},{"resourceId":"s1/c1","payload":{"segmentId":"s1","customer":{"id":"c1"}},"metadata":{"mixins":{}},"lock":1,"c0":"t1","c1":"s1","c2":"c2","c3":"","c4":"MANUAL","c5":{},"c6":{}}]]
