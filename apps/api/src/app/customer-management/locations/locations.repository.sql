-- Rendered by locations.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- insert: an upsert expecting no stored version
WITH up AS (INSERT INTO location AS t ("tenant", "id", "name", "type", "contact_details", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "name" = EXCLUDED."name", "type" = EXCLUDED."type", "contact_details" = EXCLUDED."contact_details", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($8::int IS NULL OR t.version = $8::int) AND ROW(t."name", t."type", t."contact_details", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."name", EXCLUDED."type", EXCLUDED."contact_details", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $9, CASE WHEN up.created THEN $10 ELSE $11 END, $12, $13, up.version,
      $14::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $15::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","hq","Main HQ","HEADQUARTER",{"city":"Berlin","emails":["hq@example.com"]},{"erp":{"number":1}},{"erp":"https://example.com/erp.json"},0,"t1","client-management.location-created","client-management.location-updated","location","hq",{"id":"hq","name":"Main HQ","type":"HEADQUARTER","contactDetails":{"city":"Berlin","emails":["hq@example.com"]},"mixins":{"erp":{"number":1}}},{"mixins":{"erp":"https://example.com/erp.json"}}]

-- upsert
WITH up AS (INSERT INTO location AS t ("tenant", "id", "name", "type", "contact_details", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "name" = EXCLUDED."name", "type" = EXCLUDED."type", "contact_details" = EXCLUDED."contact_details", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($8::int IS NULL OR t.version = $8::int) AND ROW(t."name", t."type", t."contact_details", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."name", EXCLUDED."type", EXCLUDED."contact_details", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $9, CASE WHEN up.created THEN $10 ELSE $11 END, $12, $13, up.version,
      $14::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $15::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","hq","Main HQ","HEADQUARTER",{"city":"Berlin","emails":["hq@example.com"]},{"erp":{"number":1}},{"erp":"https://example.com/erp.json"},2,"t1","client-management.location-created","client-management.location-updated","location","hq",{"id":"hq","name":"Main HQ","type":"HEADQUARTER","contactDetails":{"city":"Berlin","emails":["hq@example.com"]},"mixins":{"erp":{"number":1}}},{"mixins":{"erp":"https://example.com/erp.json"}}]

-- delete
WITH deleted AS (DELETE FROM location WHERE tenant = $1 AND id = $2
       RETURNING id, jsonb_build_object('id', id) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $3, $4, id, NULL, payload FROM deleted RETURNING id;
-- parameters: ["t1","hq","client-management.location-deleted","location"]

-- lockExisting
SELECT id FROM location WHERE tenant = $1 AND id = ANY($2::text[]) ORDER BY id COLLATE "C" FOR SHARE;
-- parameters: ["t1",["wh","hq"]]

-- page with named filters, q, sort and the count
SELECT count(*) AS count FROM location l WHERE (l.tenant = $1) AND (strpos(lower(l.name), lower($2)) > 0) AND (EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(l.contact_details -> 'emails') = 'array' THEN l.contact_details -> 'emails' END) AS element(value) WHERE strpos(lower(element.value), lower($3)) > 0)) AND (((l.contact_details ->> 'city') = $4));
-- parameters: ["t1","HQ","@example.com","Berlin"]
SELECT l.* FROM location l WHERE (l.tenant = $1) AND (strpos(lower(l.name), lower($2)) > 0) AND (EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(l.contact_details -> 'emails') = 'array' THEN l.contact_details -> 'emails' END) AS element(value) WHERE strpos(lower(element.value), lower($3)) > 0)) AND (((l.contact_details ->> 'city') = $4)) ORDER BY l.name DESC, l.id ASC LIMIT 10 OFFSET 10;
-- parameters: ["t1","HQ","@example.com","Berlin"]

-- find
SELECT * FROM location WHERE tenant = $1 AND id = $2;
-- parameters: ["t1","hq"]

-- findMany
SELECT * FROM location WHERE tenant = $1 AND id = ANY($2::text[]);
-- parameters: ["t1",["hq","wh"]]
