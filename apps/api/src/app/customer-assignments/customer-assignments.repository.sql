-- Rendered by customer-assignments.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- page: segment_read, sorted by a joined field, with the count
SELECT count(*) AS count FROM customer_assignment a LEFT JOIN customer c ON c.tenant = a.tenant AND c.id = a.customer_id LEFT JOIN legal_entity le ON le.tenant = a.tenant AND le.id = a.legal_entity_id WHERE (a.tenant = $1 AND a.segment_id = $2);
-- parameters: ["t1","s1"]
SELECT a.customer_id AS "customerId", a.legal_entity_id AS "legalEntityId", a.assignment_type AS "assignmentType", a.mixins AS "mixins", a.metadata_mixins AS "metadata_mixins", a.version AS "version", to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(a.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at, c.first_name AS "firstName", c.last_name AS "lastName", c.email AS "email", le.name AS "legalEntityName" FROM customer_assignment a LEFT JOIN customer c ON c.tenant = a.tenant AND c.id = a.customer_id LEFT JOIN legal_entity le ON le.tenant = a.tenant AND le.id = a.legal_entity_id WHERE (a.tenant = $1 AND a.segment_id = $2) ORDER BY c.last_name ASC, a.customer_id ASC, a.legal_entity_id ASC LIMIT 16;
-- parameters: ["t1","s1"]

-- page: a deep page (the enriching joins for the page only)
SELECT a.customer_id AS "customerId", a.legal_entity_id AS "legalEntityId", a.assignment_type AS "assignmentType", a.mixins AS "mixins", a.metadata_mixins AS "metadata_mixins", a.version AS "version", to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(a.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at, c.first_name AS "firstName", c.last_name AS "lastName", c.email AS "email", le.name AS "legalEntityName" FROM customer_assignment a LEFT JOIN customer c ON c.tenant = a.tenant AND c.id = a.customer_id LEFT JOIN legal_entity le ON le.tenant = a.tenant AND le.id = a.legal_entity_id INNER JOIN (SELECT a.tenant AS page_key_0, a.segment_id AS page_key_1, a.customer_id AS page_key_2, a.legal_entity_id AS page_key_3 FROM customer_assignment a WHERE (a.tenant = $1 AND a.segment_id = $2) ORDER BY a.customer_id ASC, a.legal_entity_id ASC LIMIT 1000 OFFSET 2000) page ON page.page_key_0 = a.tenant AND page.page_key_1 = a.segment_id AND page.page_key_2 = a.customer_id AND page.page_key_3 = a.legal_entity_id WHERE (a.tenant = $1 AND a.segment_id = $2) ORDER BY a.customer_id ASC, a.legal_entity_id ASC LIMIT 1000;
-- parameters: ["t1","s1"]

-- page: a B2B customer token
SELECT a.customer_id AS "customerId", a.legal_entity_id AS "legalEntityId", a.assignment_type AS "assignmentType", a.mixins AS "mixins", a.metadata_mixins AS "metadata_mixins", a.version AS "version", to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(a.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at, c.first_name AS "firstName", c.last_name AS "lastName", c.email AS "email", le.name AS "legalEntityName" FROM customer_assignment a LEFT JOIN customer c ON c.tenant = a.tenant AND c.id = a.customer_id LEFT JOIN legal_entity le ON le.tenant = a.tenant AND le.id = a.legal_entity_id WHERE (a.tenant = $1 AND a.segment_id = $2) AND (EXISTS (SELECT 1 FROM segment seg WHERE seg.tenant = a.tenant AND seg.id = a.segment_id AND ((seg.status = 'ACTIVE'
    AND (seg.validity_from IS NULL OR seg.validity_from <= now())
    AND (seg.validity_to IS NULL OR seg.validity_to >= now())) AND EXISTS (SELECT 1 FROM customer_assignment seg_visible_ca WHERE seg_visible_ca.tenant = seg.tenant AND seg_visible_ca.segment_id = seg.id AND seg_visible_ca.customer_id = $3 AND (seg_visible_ca.legal_entity_id = '' OR seg_visible_ca.legal_entity_id = ANY(CAST($4 AS text[]))))))) AND (a.customer_id = $5 AND (a.legal_entity_id = '' OR a.legal_entity_id = ANY(CAST($6 AS text[])))) AND ((a.customer_id = $7)) ORDER BY a.customer_id ASC, a.legal_entity_id ASC LIMIT 16;
-- parameters: ["t1","s1","c1",["le1"],"c1",["le1"],"c1"]

-- find: B2C
SELECT a.customer_id AS "customerId", a.legal_entity_id AS "legalEntityId", a.assignment_type AS "assignmentType", a.mixins AS "mixins", a.metadata_mixins AS "metadata_mixins", a.version AS "version", to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(a.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at, c.first_name AS "firstName", c.last_name AS "lastName", c.email AS "email", le.name AS "legalEntityName" FROM customer_assignment a LEFT JOIN customer c ON c.tenant = a.tenant AND c.id = a.customer_id LEFT JOIN legal_entity le ON le.tenant = a.tenant AND le.id = a.legal_entity_id WHERE (a.tenant = $1 AND a.segment_id = $2 AND a.customer_id = $3 AND a.legal_entity_id = $4);
-- parameters: ["t1","s1","c1",""]

-- find: B2B
SELECT a.customer_id AS "customerId", a.legal_entity_id AS "legalEntityId", a.assignment_type AS "assignmentType", a.mixins AS "mixins", a.metadata_mixins AS "metadata_mixins", a.version AS "version", to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(a.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS modified_at, c.first_name AS "firstName", c.last_name AS "lastName", c.email AS "email", le.name AS "legalEntityName" FROM customer_assignment a LEFT JOIN customer c ON c.tenant = a.tenant AND c.id = a.customer_id LEFT JOIN legal_entity le ON le.tenant = a.tenant AND le.id = a.legal_entity_id WHERE (a.tenant = $1 AND a.segment_id = $2 AND a.customer_id = $3 AND a.legal_entity_id = $4);
-- parameters: ["t1","s1","c1","le1"]

-- upsert: one statement with the segment check and the event
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
-- parameters: ["t1","s1","c1","le1","MANUAL",{"a":1},{},2,"t1","s1","t1","customer-segment.customer-assignment-created","customer-segment.customer-assignment-updated","customer-assignment","s1/c1/le1",{"segmentId":"s1","customer":{"id":"c1"},"legalEntity":{"id":"le1"},"assignmentType":"MANUAL","mixins":{"a":1},"tenant":"t1","reason":"manual"},{"mixins":{}}]

-- delete: B2C
WITH deleted AS (DELETE FROM customer_assignment WHERE "tenant" = $4 AND "segment_id" = $5 AND "customer_id" = $6 AND "legal_entity_id" = $7 AND "assignment_type" = $8
       RETURNING concat_ws('/', replace(replace(segment_id, '%', '%25'), '/', '%2F'), replace(replace(customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(legal_entity_id, ''), '%', '%25'), '/', '%2F')) AS resource_id, jsonb_build_object('segmentId', customer_assignment.segment_id, 'customerId', customer_assignment.customer_id, 'assignmentType', customer_assignment.assignment_type, 'tenant', customer_assignment.tenant, 'reason', 'manual')
    || CASE WHEN customer_assignment.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityId', customer_assignment.legal_entity_id) END AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $2, $3, resource_id, NULL, payload FROM deleted;
-- parameters: ["t1","customer-segment.customer-assignment-deleted","customer-assignment","t1","s1","c1","","MANUAL"]
