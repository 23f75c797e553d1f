-- Rendered by legal-entities.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- insert: an upsert expecting no stored version
WITH up AS (INSERT INTO legal_entity AS t ("tenant", "id", "name", "type", "parent_id", "account_limit", "legal_info", "customer_groups", "entities_addresses", "approval_group", "restrictions", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "name" = EXCLUDED."name", "type" = EXCLUDED."type", "parent_id" = EXCLUDED."parent_id", "account_limit" = EXCLUDED."account_limit", "legal_info" = EXCLUDED."legal_info", "customer_groups" = EXCLUDED."customer_groups", "entities_addresses" = EXCLUDED."entities_addresses", "approval_group" = EXCLUDED."approval_group", "restrictions" = EXCLUDED."restrictions", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($14::int IS NULL OR t.version = $14::int) AND ROW(t."name", t."type", t."parent_id", t."account_limit", t."legal_info", t."customer_groups", t."entities_addresses", t."approval_group", t."restrictions", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."name", EXCLUDED."type", EXCLUDED."parent_id", EXCLUDED."account_limit", EXCLUDED."legal_info", EXCLUDED."customer_groups", EXCLUDED."entities_addresses", EXCLUDED."approval_group", EXCLUDED."restrictions", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $15, CASE WHEN up.created THEN $16 ELSE $17 END, $18, $19, up.version,
      $20::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $21::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","abc","ABC Company","SUBSIDIARY","holding",{"currency":"EUR","value":1000},{"legalName":"ABC GmbH"},[{"id":"cg1"}],["hq"],["ca1"],["US"],{},{},0,"t1","client-management.legalentity-created","client-management.legalentity-updated","legal-entity","abc",{"legalEntityId":"abc","name":"ABC Company","type":"SUBSIDIARY","parentId":"holding","legalInfo":{"legalName":"ABC GmbH"},"accountLimit":{"currency":"EUR","value":1000},"customerGroups":[{"id":"cg1"}],"addresses":["hq"],"approvalGroup":["ca1"],"restrictions":["US"],"mixins":{}},{"mixins":{}}]

-- upsert
WITH up AS (INSERT INTO legal_entity AS t ("tenant", "id", "name", "type", "parent_id", "account_limit", "legal_info", "customer_groups", "entities_addresses", "approval_group", "restrictions", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "name" = EXCLUDED."name", "type" = EXCLUDED."type", "parent_id" = EXCLUDED."parent_id", "account_limit" = EXCLUDED."account_limit", "legal_info" = EXCLUDED."legal_info", "customer_groups" = EXCLUDED."customer_groups", "entities_addresses" = EXCLUDED."entities_addresses", "approval_group" = EXCLUDED."approval_group", "restrictions" = EXCLUDED."restrictions", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($14::int IS NULL OR t.version = $14::int) AND ROW(t."name", t."type", t."parent_id", t."account_limit", t."legal_info", t."customer_groups", t."entities_addresses", t."approval_group", t."restrictions", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."name", EXCLUDED."type", EXCLUDED."parent_id", EXCLUDED."account_limit", EXCLUDED."legal_info", EXCLUDED."customer_groups", EXCLUDED."entities_addresses", EXCLUDED."approval_group", EXCLUDED."restrictions", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $15, CASE WHEN up.created THEN $16 ELSE $17 END, $18, $19, up.version,
      $20::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $21::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","abc","ABC Company","SUBSIDIARY","holding",{"currency":"EUR","value":1000},{"legalName":"ABC GmbH"},[{"id":"cg1"}],["hq"],["ca1"],["US"],{},{},null,"t1","client-management.legalentity-created","client-management.legalentity-updated","legal-entity","abc",{"legalEntityId":"abc","name":"ABC Company","type":"SUBSIDIARY","parentId":"holding","legalInfo":{"legalName":"ABC GmbH"},"accountLimit":{"currency":"EUR","value":1000},"customerGroups":[{"id":"cg1"}],"addresses":["hq"],"approvalGroup":["ca1"],"restrictions":["US"],"mixins":{}},{"mixins":{}}]

-- lockExisting
SELECT id FROM legal_entity WHERE tenant = $1 AND id = ANY($2::text[]) ORDER BY id COLLATE "C" FOR SHARE;
-- parameters: ["t1",["abc"]]

-- page of all legal entities
SELECT le.* FROM legal_entity le WHERE (le.tenant = $1) ORDER BY le.id ASC LIMIT 16;
-- parameters: ["t1"]

-- page of a contact customer with named filters, q and the count
SELECT count(*) AS count FROM legal_entity le WHERE (le.tenant = $1) AND (EXISTS (SELECT 1 FROM contact_assignment own WHERE own.tenant = le.tenant AND own.legal_entity_id = le.id AND own.customer_id = $2)) AND (strpos(lower(le.name), lower($3)) > 0) AND (le.legal_info ->> 'taxRegistrationNumber' = $4) AND ((EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(le.customer_groups) = 'array' THEN le.customer_groups END) AS q_e0(e) WHERE (q_e0.e ->> CAST($5 AS text)) = $6)));
-- parameters: ["t1","john","ABC","1234","id","cg1"]
SELECT le.* FROM legal_entity le WHERE (le.tenant = $1) AND (EXISTS (SELECT 1 FROM contact_assignment own WHERE own.tenant = le.tenant AND own.legal_entity_id = le.id AND own.customer_id = $2)) AND (strpos(lower(le.name), lower($3)) > 0) AND (le.legal_info ->> 'taxRegistrationNumber' = $4) AND ((EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(le.customer_groups) = 'array' THEN le.customer_groups END) AS q_e0(e) WHERE (q_e0.e ->> CAST($5 AS text)) = $6))) ORDER BY le.created_at DESC, le.id ASC LIMIT 16;
-- parameters: ["t1","john","ABC","1234","id","cg1"]

-- find
SELECT * FROM legal_entity WHERE tenant = $1 AND id = $2;
-- parameters: ["t1","abc"]

-- hierarchy
WITH RECURSIVE chain AS (
    SELECT le.*, 0 AS depth FROM legal_entity le WHERE le.tenant = $1 AND le.id = $2
    UNION ALL
    SELECT p.*, chain.depth + 1 FROM legal_entity p JOIN chain ON p.tenant = chain.tenant AND p.id = chain.parent_id
    WHERE chain.depth < 1000
  ) SELECT * FROM chain ORDER BY depth;
-- parameters: ["t1","abc"]

-- lockHierarchy and ancestorIds
SELECT pg_advisory_xact_lock(hashtext($1));
-- parameters: ["legal-entity-hierarchy:t1"]
WITH RECURSIVE chain AS (
    SELECT le.*, 0 AS depth FROM legal_entity le WHERE le.tenant = $1 AND le.id = $2
    UNION ALL
    SELECT p.*, chain.depth + 1 FROM legal_entity p JOIN chain ON p.tenant = chain.tenant AND p.id = chain.parent_id
    WHERE chain.depth < 1000
  ) SELECT * FROM chain ORDER BY depth;
-- parameters: ["t1","holding"]

-- lockSubtree and deleteSubtree
WITH RECURSIVE tree AS (
    SELECT id FROM legal_entity WHERE tenant = $1 AND id = $2
    UNION
    SELECT child.id FROM legal_entity child JOIN tree ON child.tenant = $1 AND child.parent_id = tree.id
  )
       SELECT le.id FROM legal_entity le JOIN tree ON le.tenant = $1 AND le.id = tree.id FOR UPDATE OF le;
-- parameters: ["t1","abc"]
WITH RECURSIVE tree AS (
    SELECT id FROM legal_entity WHERE tenant = $1 AND id = $2
    UNION
    SELECT child.id FROM legal_entity child JOIN tree ON child.tenant = $1 AND child.parent_id = tree.id
  ),
  assignments AS (SELECT ca.id, ca.legal_entity_id, ca.customer_id
    FROM contact_assignment ca JOIN tree ON ca.tenant = $1 AND ca.legal_entity_id = tree.id),
  removed AS (DELETE FROM legal_entity le USING tree WHERE le.tenant = $1 AND le.id = tree.id
    RETURNING le.id, le.parent_id),
  events AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $1, $3, $4, removed.id, NULL::int, jsonb_build_object('legalEntityId', removed.id) || CASE WHEN removed.parent_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityParentId', removed.parent_id) END FROM removed
    UNION ALL
    SELECT $1, $5, $6, a.id, NULL, jsonb_build_object('assignmentId', a.id, 'userId', a.customer_id, 'legalEntityId', a.legal_entity_id) FROM assignments a)
  SELECT ARRAY(SELECT id FROM removed) AS entities, ARRAY(SELECT id FROM assignments) AS assignments;
-- parameters: ["t1","abc","client-management.legalentity-deleted","legal-entity","client-management.contact-assignment-deleted","contact-assignment"]

-- removeReferences
WITH changed AS (
       UPDATE legal_entity SET entities_addresses = entities_addresses - $2::text[], version = version + 1, modified_at = now()
       WHERE tenant = $1 AND entities_addresses ?| $2::text[] RETURNING *)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $3, $4, changed.id, changed.version, jsonb_build_object('legalEntityId', changed.id, 'name', changed.name, 'type', changed.type, 'customerGroups', changed.customer_groups, 'addresses', changed.entities_addresses, 'approvalGroup', changed.approval_group, 'mixins', changed.mixins) || CASE WHEN changed.parent_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('parentId', changed.parent_id) END || CASE WHEN changed.legal_info IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('legalInfo', changed.legal_info) END || CASE WHEN changed.account_limit IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('accountLimit', changed.account_limit) END || CASE WHEN changed.restrictions IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('restrictions', changed.restrictions) END || jsonb_build_object('metadata', jsonb_build_object('version', changed.version, 'createdAt', to_char(changed.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(changed.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || jsonb_build_object('mixins', changed.metadata_mixins)) FROM changed;
-- parameters: ["t1",["hq"],"client-management.legalentity-updated","legal-entity"]
WITH changed AS (
       UPDATE legal_entity SET approval_group = approval_group - $2::text[], version = version + 1, modified_at = now()
       WHERE tenant = $1 AND approval_group ?| $2::text[] RETURNING *)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $3, $4, changed.id, changed.version, jsonb_build_object('legalEntityId', changed.id, 'name', changed.name, 'type', changed.type, 'customerGroups', changed.customer_groups, 'addresses', changed.entities_addresses, 'approvalGroup', changed.approval_group, 'mixins', changed.mixins) || CASE WHEN changed.parent_id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('parentId', changed.parent_id) END || CASE WHEN changed.legal_info IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('legalInfo', changed.legal_info) END || CASE WHEN changed.account_limit IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('accountLimit', changed.account_limit) END || CASE WHEN changed.restrictions IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('restrictions', changed.restrictions) END || jsonb_build_object('metadata', jsonb_build_object('version', changed.version, 'createdAt', to_char(changed.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(changed.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || jsonb_build_object('mixins', changed.metadata_mixins)) FROM changed;
-- parameters: ["t1",["ca1","ca2"],"client-management.legalentity-updated","legal-entity"]

-- references of two rows: their locations and contact assignments, each id once
SELECT * FROM location WHERE tenant = $1 AND id = ANY($2::text[]);
-- parameters: ["t1",["hq","wh"]]
SELECT ca.*, to_jsonb(c) AS customer_doc FROM contact_assignment ca
  LEFT JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id WHERE ca.tenant = $1 AND ca.id = ANY($2::text[]);
-- parameters: ["t1",["ca1","ca2"]]
