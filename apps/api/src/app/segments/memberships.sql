-- Rendered by memberships.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- the rules lock of a criteria change
SELECT pg_advisory_xact_lock($1, hashtext($2));
-- parameters: [7301,"t1"]

-- a B2C segment evaluated as a whole
WITH desired AS (SELECT CAST($1 AS text) AS segment_id, c.id AS customer_id, '' AS legal_entity_id,
        c.first_name, c.last_name, c.email, CAST(NULL AS text) AS legal_entity_name
      FROM customer c WHERE c.tenant = $2 AND (((c.mixins #>> CAST($3 AS text[])) = $4) AND (c.active = CAST($5 AS boolean)))),
    kept AS (SELECT d.* FROM desired d
      WHERE NOT EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.tenant = $2 AND x.segment_id = d.segment_id
        AND x.customer_id = d.customer_id AND x.legal_entity_id IN ('', d.legal_entity_id))),
    current AS (SELECT a.segment_id, a.customer_id, a.legal_entity_id FROM customer_assignment a
      WHERE a.tenant = $2 AND a.segment_id = ANY(CAST($6 AS text[])) AND a.assignment_type = 'AUTOMATIC'),
    joiners AS (SELECT segment_id, customer_id, legal_entity_id FROM kept
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM current),
    leavers AS (SELECT segment_id, customer_id, legal_entity_id FROM current
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM kept),
    joined AS (INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, assignment_type, version, created_at, modified_at)
      SELECT $2, segment_id, customer_id, legal_entity_id, 'AUTOMATIC', 1, now(), now() FROM joiners
      ORDER BY segment_id, customer_id, legal_entity_id
      ON CONFLICT DO NOTHING
      RETURNING tenant, segment_id, customer_id, legal_entity_id, version, created_at, modified_at),
    left_ AS (DELETE FROM customer_assignment a USING leavers l
      WHERE a.tenant = $2 AND a.segment_id = l.segment_id AND a.customer_id = l.customer_id
        AND a.legal_entity_id = l.legal_entity_id AND a.assignment_type = 'AUTOMATIC'
      RETURNING a.segment_id, a.customer_id, a.legal_entity_id),
    events AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
      SELECT $2, 'customer-segment.customer-assignment-created', 'customer-assignment',
        concat_ws('/', replace(replace(j.segment_id, '%', '%25'), '/', '%2F'), replace(replace(j.customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(j.legal_entity_id, ''), '%', '%25'), '/', '%2F')), j.version, jsonb_build_object('segmentId', j.segment_id,
      'customer', jsonb_strip_nulls(jsonb_build_object('id', j.customer_id, 'firstName', k.first_name, 'lastName', k.last_name, 'email', k.email)))
    || CASE WHEN j.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntity', jsonb_strip_nulls(jsonb_build_object('id', j.legal_entity_id, 'name', k.legal_entity_name))) END
    || jsonb_build_object('assignmentType', 'AUTOMATIC', 'mixins', '{}'::jsonb, 'tenant', j.tenant, 'reason', CAST($7 AS text),
         'metadata', jsonb_build_object('version', j.version, 'mixins', '{}'::jsonb, 'createdAt', to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(j.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      FROM joined j
      JOIN kept k ON k.segment_id = j.segment_id AND k.customer_id = j.customer_id AND k.legal_entity_id = j.legal_entity_id
      UNION ALL
      SELECT $2, 'customer-segment.customer-assignment-deleted', 'customer-assignment',
        concat_ws('/', replace(replace(l.segment_id, '%', '%25'), '/', '%2F'), replace(replace(l.customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(l.legal_entity_id, ''), '%', '%25'), '/', '%2F')), NULL,
        jsonb_build_object('segmentId', l.segment_id, 'customerId', l.customer_id, 'assignmentType', 'AUTOMATIC', 'tenant', $2, 'reason', CAST($7 AS text))
    || CASE WHEN l.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityId', l.legal_entity_id) END
      FROM left_ l)
    SELECT (SELECT count(*) FROM joined)::int AS joined, (SELECT count(*) FROM left_)::int AS left;
-- parameters: ["s1","t1",["tier"],"gold",true,["s1"],"criteria-changed"]

-- a B2B segment evaluated as a whole
WITH desired AS (SELECT CAST($1 AS text) AS segment_id, c.id AS customer_id, ca.legal_entity_id AS legal_entity_id,
        c.first_name, c.last_name, c.email, le.name AS legal_entity_name
      FROM contact_assignment ca
       JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id
       JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id WHERE c.tenant = $2 AND ((EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(le.customer_groups) = 'array' THEN le.customer_groups END) AS r0__e0(e) WHERE (r0__e0.e ->> CAST($3 AS text)) = $4)) AND (ca.type = $5))),
    kept AS (SELECT d.* FROM desired d
      WHERE NOT EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.tenant = $2 AND x.segment_id = d.segment_id
        AND x.customer_id = d.customer_id AND x.legal_entity_id IN ('', d.legal_entity_id))),
    current AS (SELECT a.segment_id, a.customer_id, a.legal_entity_id FROM customer_assignment a
      WHERE a.tenant = $2 AND a.segment_id = ANY(CAST($6 AS text[])) AND a.assignment_type = 'AUTOMATIC'),
    joiners AS (SELECT segment_id, customer_id, legal_entity_id FROM kept
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM current),
    leavers AS (SELECT segment_id, customer_id, legal_entity_id FROM current
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM kept),
    joined AS (INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, assignment_type, version, created_at, modified_at)
      SELECT $2, segment_id, customer_id, legal_entity_id, 'AUTOMATIC', 1, now(), now() FROM joiners
      ORDER BY segment_id, customer_id, legal_entity_id
      ON CONFLICT DO NOTHING
      RETURNING tenant, segment_id, customer_id, legal_entity_id, version, created_at, modified_at),
    left_ AS (DELETE FROM customer_assignment a USING leavers l
      WHERE a.tenant = $2 AND a.segment_id = l.segment_id AND a.customer_id = l.customer_id
        AND a.legal_entity_id = l.legal_entity_id AND a.assignment_type = 'AUTOMATIC'
      RETURNING a.segment_id, a.customer_id, a.legal_entity_id),
    events AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
      SELECT $2, 'customer-segment.customer-assignment-created', 'customer-assignment',
        concat_ws('/', replace(replace(j.segment_id, '%', '%25'), '/', '%2F'), replace(replace(j.customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(j.legal_entity_id, ''), '%', '%25'), '/', '%2F')), j.version, jsonb_build_object('segmentId', j.segment_id,
      'customer', jsonb_strip_nulls(jsonb_build_object('id', j.customer_id, 'firstName', k.first_name, 'lastName', k.last_name, 'email', k.email)))
    || CASE WHEN j.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntity', jsonb_strip_nulls(jsonb_build_object('id', j.legal_entity_id, 'name', k.legal_entity_name))) END
    || jsonb_build_object('assignmentType', 'AUTOMATIC', 'mixins', '{}'::jsonb, 'tenant', j.tenant, 'reason', CAST($7 AS text),
         'metadata', jsonb_build_object('version', j.version, 'mixins', '{}'::jsonb, 'createdAt', to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(j.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      FROM joined j
      JOIN kept k ON k.segment_id = j.segment_id AND k.customer_id = j.customer_id AND k.legal_entity_id = j.legal_entity_id
      UNION ALL
      SELECT $2, 'customer-segment.customer-assignment-deleted', 'customer-assignment',
        concat_ws('/', replace(replace(l.segment_id, '%', '%25'), '/', '%2F'), replace(replace(l.customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(l.legal_entity_id, ''), '%', '%25'), '/', '%2F')), NULL,
        jsonb_build_object('segmentId', l.segment_id, 'customerId', l.customer_id, 'assignmentType', 'AUTOMATIC', 'tenant', $2, 'reason', CAST($7 AS text))
    || CASE WHEN l.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityId', l.legal_entity_id) END
      FROM left_ l)
    SELECT (SELECT count(*) FROM joined)::int AS joined, (SELECT count(*) FROM left_)::int AS left;
-- parameters: ["s1","t1","id","vip","BILLING",["s1"],"criteria-changed"]

-- criteria removed: the automatic members leave
WITH desired AS (SELECT NULL::text AS segment_id, NULL::text AS customer_id, NULL::text AS legal_entity_id, NULL::text AS first_name,
        NULL::text AS last_name, NULL::text AS email, NULL::text AS legal_entity_name WHERE FALSE),
    kept AS (SELECT d.* FROM desired d
      WHERE NOT EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.tenant = $1 AND x.segment_id = d.segment_id
        AND x.customer_id = d.customer_id AND x.legal_entity_id IN ('', d.legal_entity_id))),
    current AS (SELECT a.segment_id, a.customer_id, a.legal_entity_id FROM customer_assignment a
      WHERE a.tenant = $1 AND a.segment_id = ANY(CAST($2 AS text[])) AND a.assignment_type = 'AUTOMATIC'),
    joiners AS (SELECT segment_id, customer_id, legal_entity_id FROM kept
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM current),
    leavers AS (SELECT segment_id, customer_id, legal_entity_id FROM current
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM kept),
    joined AS (INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, assignment_type, version, created_at, modified_at)
      SELECT $1, segment_id, customer_id, legal_entity_id, 'AUTOMATIC', 1, now(), now() FROM joiners
      ORDER BY segment_id, customer_id, legal_entity_id
      ON CONFLICT DO NOTHING
      RETURNING tenant, segment_id, customer_id, legal_entity_id, version, created_at, modified_at),
    left_ AS (DELETE FROM customer_assignment a USING leavers l
      WHERE a.tenant = $1 AND a.segment_id = l.segment_id AND a.customer_id = l.customer_id
        AND a.legal_entity_id = l.legal_entity_id AND a.assignment_type = 'AUTOMATIC'
      RETURNING a.segment_id, a.customer_id, a.legal_entity_id),
    events AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
      SELECT $1, 'customer-segment.customer-assignment-created', 'customer-assignment',
        concat_ws('/', replace(replace(j.segment_id, '%', '%25'), '/', '%2F'), replace(replace(j.customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(j.legal_entity_id, ''), '%', '%25'), '/', '%2F')), j.version, jsonb_build_object('segmentId', j.segment_id,
      'customer', jsonb_strip_nulls(jsonb_build_object('id', j.customer_id, 'firstName', k.first_name, 'lastName', k.last_name, 'email', k.email)))
    || CASE WHEN j.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntity', jsonb_strip_nulls(jsonb_build_object('id', j.legal_entity_id, 'name', k.legal_entity_name))) END
    || jsonb_build_object('assignmentType', 'AUTOMATIC', 'mixins', '{}'::jsonb, 'tenant', j.tenant, 'reason', CAST($3 AS text),
         'metadata', jsonb_build_object('version', j.version, 'mixins', '{}'::jsonb, 'createdAt', to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(j.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      FROM joined j
      JOIN kept k ON k.segment_id = j.segment_id AND k.customer_id = j.customer_id AND k.legal_entity_id = j.legal_entity_id
      UNION ALL
      SELECT $1, 'customer-segment.customer-assignment-deleted', 'customer-assignment',
        concat_ws('/', replace(replace(l.segment_id, '%', '%25'), '/', '%2F'), replace(replace(l.customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(l.legal_entity_id, ''), '%', '%25'), '/', '%2F')), NULL,
        jsonb_build_object('segmentId', l.segment_id, 'customerId', l.customer_id, 'assignmentType', 'AUTOMATIC', 'tenant', $1, 'reason', CAST($3 AS text))
    || CASE WHEN l.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityId', l.legal_entity_id) END
      FROM left_ l)
    SELECT (SELECT count(*) FROM joined)::int AS joined, (SELECT count(*) FROM left_)::int AS left;
-- parameters: ["t1",["s1"],"criteria-changed"]

-- changed customers in the automatic segments of the tenant
SELECT pg_advisory_xact_lock_shared($1, hashtext($3)) AS rules,
       (SELECT count(pg_advisory_xact_lock($2, k))::int FROM
         (SELECT DISTINCT hashtext($3 || '/' || id) AS k FROM unnest($4::text[]) id ORDER BY k) keys) AS customers;
-- parameters: [7301,7302,"t1",["c1","c2"]]
SELECT id, criteria FROM segment WHERE tenant = $1 AND criteria IS NOT NULL ORDER BY id;
-- parameters: ["t1"]
WITH desired AS (SELECT CAST($1 AS text) AS segment_id, c.id AS customer_id, '' AS legal_entity_id,
        c.first_name, c.last_name, c.email, CAST(NULL AS text) AS legal_entity_name
      FROM customer c WHERE c.tenant = $2 AND c.id = ANY(CAST($3 AS text[])) AND ((c.email ~* $4)) UNION SELECT CAST($5 AS text) AS segment_id, c.id AS customer_id, ca.legal_entity_id AS legal_entity_id,
        c.first_name, c.last_name, c.email, le.name AS legal_entity_name
      FROM contact_assignment ca
       JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id
       JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id WHERE c.tenant = $2 AND c.id = ANY(CAST($3 AS text[])) AND ((le.name = $6))),
    kept AS (SELECT d.* FROM desired d
      WHERE NOT EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.tenant = $2 AND x.segment_id = d.segment_id
        AND x.customer_id = d.customer_id AND x.legal_entity_id IN ('', d.legal_entity_id))),
    current AS (SELECT a.segment_id, a.customer_id, a.legal_entity_id FROM customer_assignment a
      WHERE a.tenant = $2 AND a.segment_id = ANY(CAST($7 AS text[])) AND a.customer_id = ANY(CAST($3 AS text[])) AND a.assignment_type = 'AUTOMATIC'),
    joiners AS (SELECT segment_id, customer_id, legal_entity_id FROM kept
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM current),
    leavers AS (SELECT segment_id, customer_id, legal_entity_id FROM current
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM kept),
    joined AS (INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, assignment_type, version, created_at, modified_at)
      SELECT $2, segment_id, customer_id, legal_entity_id, 'AUTOMATIC', 1, now(), now() FROM joiners
      ORDER BY segment_id, customer_id, legal_entity_id
      ON CONFLICT DO NOTHING
      RETURNING tenant, segment_id, customer_id, legal_entity_id, version, created_at, modified_at),
    left_ AS (DELETE FROM customer_assignment a USING leavers l
      WHERE a.tenant = $2 AND a.segment_id = l.segment_id AND a.customer_id = l.customer_id
        AND a.legal_entity_id = l.legal_entity_id AND a.assignment_type = 'AUTOMATIC'
      RETURNING a.segment_id, a.customer_id, a.legal_entity_id),
    events AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
      SELECT $2, 'customer-segment.customer-assignment-created', 'customer-assignment',
        concat_ws('/', replace(replace(j.segment_id, '%', '%25'), '/', '%2F'), replace(replace(j.customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(j.legal_entity_id, ''), '%', '%25'), '/', '%2F')), j.version, jsonb_build_object('segmentId', j.segment_id,
      'customer', jsonb_strip_nulls(jsonb_build_object('id', j.customer_id, 'firstName', k.first_name, 'lastName', k.last_name, 'email', k.email)))
    || CASE WHEN j.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntity', jsonb_strip_nulls(jsonb_build_object('id', j.legal_entity_id, 'name', k.legal_entity_name))) END
    || jsonb_build_object('assignmentType', 'AUTOMATIC', 'mixins', '{}'::jsonb, 'tenant', j.tenant, 'reason', CAST($8 AS text),
         'metadata', jsonb_build_object('version', j.version, 'mixins', '{}'::jsonb, 'createdAt', to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'modifiedAt', to_char(j.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
      FROM joined j
      JOIN kept k ON k.segment_id = j.segment_id AND k.customer_id = j.customer_id AND k.legal_entity_id = j.legal_entity_id
      UNION ALL
      SELECT $2, 'customer-segment.customer-assignment-deleted', 'customer-assignment',
        concat_ws('/', replace(replace(l.segment_id, '%', '%25'), '/', '%2F'), replace(replace(l.customer_id, '%', '%25'), '/', '%2F'), replace(replace(NULLIF(l.legal_entity_id, ''), '%', '%25'), '/', '%2F')), NULL,
        jsonb_build_object('segmentId', l.segment_id, 'customerId', l.customer_id, 'assignmentType', 'AUTOMATIC', 'tenant', $2, 'reason', CAST($8 AS text))
    || CASE WHEN l.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityId', l.legal_entity_id) END
      FROM left_ l)
    SELECT (SELECT count(*) FROM joined)::int AS joined, (SELECT count(*) FROM left_)::int AS left;
-- parameters: ["s1","t1",["c1","c2"],"@acme\\.com$","s2","ACME",["s1","s2"],"data-changed"]

-- the customers of legal entities
SELECT customer_id FROM contact_assignment WHERE tenant = $1 AND legal_entity_id = ANY($2::text[])
     UNION
     SELECT customer_id FROM customer_assignment
     WHERE tenant = $1 AND legal_entity_id = ANY($2::text[]) AND assignment_type = 'AUTOMATIC';
-- parameters: ["t1",["le1"]]

-- the customers of contact assignments
SELECT customer_id FROM contact_assignment WHERE tenant = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE;
-- parameters: ["t1",["ca1"]]
