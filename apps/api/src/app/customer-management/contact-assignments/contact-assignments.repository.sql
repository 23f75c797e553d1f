-- Rendered by contact-assignments.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- insert: an upsert expecting no stored version
WITH up AS (INSERT INTO contact_assignment AS t ("tenant", "id", "legal_entity_id", "customer_id", "type", "primary", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "legal_entity_id" = EXCLUDED."legal_entity_id", "customer_id" = EXCLUDED."customer_id", "type" = EXCLUDED."type", "primary" = EXCLUDED."primary", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($9::int IS NULL OR t.version = $9::int) AND ROW(t."legal_entity_id", t."customer_id", t."type", t."primary", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."legal_entity_id", EXCLUDED."customer_id", EXCLUDED."type", EXCLUDED."primary", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $10, CASE WHEN up.created THEN $11 ELSE $12 END, $13, $14, up.version,
      $15::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $16::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","ca1","abc","john","BILLING",true,{},{},0,"t1","client-management.user-assigned-to-legalentity","client-management.contact-assignment-updated","contact-assignment","ca1",{"assignmentId":"ca1","userId":"john","email":"john@example.com","legalEntityId":"abc","type":"BILLING","primary":true,"mixins":{}},{"mixins":{}}]

-- upsert
WITH up AS (INSERT INTO contact_assignment AS t ("tenant", "id", "legal_entity_id", "customer_id", "type", "primary", "mixins", "metadata_mixins", version, created_at, modified_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, now(), now())
    ON CONFLICT ("tenant", "id") DO UPDATE SET "legal_entity_id" = EXCLUDED."legal_entity_id", "customer_id" = EXCLUDED."customer_id", "type" = EXCLUDED."type", "primary" = EXCLUDED."primary", "mixins" = EXCLUDED."mixins", "metadata_mixins" = EXCLUDED."metadata_mixins", version = t.version + 1, modified_at = now()
    WHERE ($9::int IS NULL OR t.version = $9::int) AND ROW(t."legal_entity_id", t."customer_id", t."type", t."primary", t."mixins", t."metadata_mixins") IS DISTINCT FROM ROW(EXCLUDED."legal_entity_id", EXCLUDED."customer_id", EXCLUDED."type", EXCLUDED."primary", EXCLUDED."mixins", EXCLUDED."metadata_mixins")
    RETURNING (xmax = 0) AS created, version, created_at, modified_at),
event AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $10, CASE WHEN up.created THEN $11 ELSE $12 END, $13, $14, up.version,
      $15::jsonb || jsonb_build_object('metadata', jsonb_build_object('version', up.version, 'createdAt', to_char(up.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(up.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) || $16::jsonb)
    FROM up)
    SELECT true AS found, up.* FROM up;
-- parameters: ["t1","ca1","abc","john","BILLING",true,{},{},1,"t1","client-management.user-assigned-to-legalentity","client-management.contact-assignment-updated","contact-assignment","ca1",{"assignmentId":"ca1","userId":"john","email":"john@example.com","legalEntityId":"abc","type":"BILLING","primary":true,"mixins":{}},{"mixins":{}}]

-- delete
WITH deleted AS (DELETE FROM contact_assignment WHERE tenant = $1 AND id = $2
       RETURNING id, jsonb_build_object('assignmentId', id, 'userId', customer_id, 'legalEntityId', legal_entity_id) AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $3, $4, id, NULL, payload FROM deleted RETURNING id;
-- parameters: ["t1","ca1","client-management.contact-assignment-deleted","contact-assignment"]

-- lockLegalEntity: with the customer's e-mail
SELECT (SELECT c.email FROM customer c WHERE c.tenant = le.tenant AND c.id = $3) AS email
       FROM legal_entity le WHERE le.tenant = $1 AND le.id = $2 FOR SHARE OF le;
-- parameters: ["t1","abc","john"]

-- lockExisting
SELECT id FROM contact_assignment WHERE tenant = $1 AND id = ANY($2::text[]) ORDER BY id COLLATE "C" FOR SHARE;
-- parameters: ["t1",["ca1"]]

-- page with named filters, q on the legal entity and customer, and the count
SELECT count(*) AS count FROM contact_assignment ca INNER JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id LEFT JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id WHERE (ca.tenant = $1) AND (ca.legal_entity_id = $2) AND (ca."primary" = $3) AND ((le.name = $4) AND (c.email ~* $5));
-- parameters: ["t1","abc",true,"ABC","example"]
SELECT ca.*, to_jsonb(c) AS "customer_doc", to_jsonb(le) AS "legal_entity_doc" FROM contact_assignment ca INNER JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id LEFT JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id WHERE (ca.tenant = $1) AND (ca.legal_entity_id = $2) AND (ca."primary" = $3) AND ((le.name = $4) AND (c.email ~* $5)) ORDER BY c.last_name ASC, ca.id ASC LIMIT 16;
-- parameters: ["t1","abc",true,"ABC","example"]

-- find
SELECT ca.*, to_jsonb(c) AS "customer_doc", to_jsonb(le) AS "legal_entity_doc" FROM contact_assignment ca INNER JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id LEFT JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id WHERE (ca.tenant = $1) AND (ca.id = $2);
-- parameters: ["t1","ca1"]

-- findManyWithCustomer
SELECT ca.*, to_jsonb(c) AS customer_doc FROM contact_assignment ca
  LEFT JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id WHERE ca.tenant = $1 AND ca.id = ANY($2::text[]);
-- parameters: ["t1",["ca1","ca2"]]
