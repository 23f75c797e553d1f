-- Rendered by segment-rules.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- preview: a B2C criteria, the count and a page
SELECT count(*)::int AS total FROM (SELECT c.id AS customer_id, '' AS legal_entity_id, c.first_name, c.last_name, c.email,
        NULL::text AS legal_entity_name
      FROM customer c WHERE c.tenant = $1 AND ((c.active = CAST($2 AS boolean)))) m;
-- parameters: ["t1",true]
SELECT c.id AS customer_id, '' AS legal_entity_id, c.first_name, c.last_name, c.email,
        NULL::text AS legal_entity_name
      FROM customer c WHERE c.tenant = $1 AND ((c.active = CAST($2 AS boolean))) ORDER BY customer_id, legal_entity_id LIMIT CAST($3 AS int) OFFSET CAST($4 AS bigint);
-- parameters: ["t1",true,10,10]

-- preview: a B2B criteria
SELECT count(*)::int AS total FROM (SELECT DISTINCT c.id AS customer_id, ca.legal_entity_id AS legal_entity_id, c.first_name, c.last_name, c.email,
        le.name AS legal_entity_name
      FROM contact_assignment ca
       JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id
       JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id WHERE c.tenant = $1 AND ((le.name = $2) AND (ca.type = $3))) m;
-- parameters: ["t1","ACME","BILLING"]
SELECT DISTINCT c.id AS customer_id, ca.legal_entity_id AS legal_entity_id, c.first_name, c.last_name, c.email,
        le.name AS legal_entity_name
      FROM contact_assignment ca
       JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id
       JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id WHERE c.tenant = $1 AND ((le.name = $2) AND (ca.type = $3)) ORDER BY customer_id, legal_entity_id LIMIT CAST($4 AS int) OFFSET CAST($5 AS bigint);
-- parameters: ["t1","ACME","BILLING",10,10]

-- standing: of a customer token (visible segments only)
SELECT s.criteria,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('legalEntityId', a.legal_entity_id, 'assignmentType', a.assignment_type)
                   ORDER BY a.legal_entity_id)
           FROM customer_assignment a WHERE a.tenant = s.tenant AND a.segment_id = s.id AND a.customer_id = $3), '[]') AS memberships,
         COALESCE((SELECT jsonb_agg(x.legal_entity_id ORDER BY x.legal_entity_id)
           FROM segment_exclusion x WHERE x.tenant = s.tenant AND x.segment_id = s.id AND x.customer_id = $3), '[]') AS exclusions,
         EXISTS (SELECT 1 FROM customer c WHERE c.tenant = s.tenant AND c.id = $3) AS customer_known
       FROM segment s WHERE s.tenant = $1 AND s.id = $2 AND (s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now()));
-- parameters: ["t1","s1","c1"]

-- evaluate: each term with its value, per contact assignment
SELECT ca.legal_entity_id, le.name AS legal_entity_name, ca.type AS contact_type,
        jsonb_build_array((((c.mixins #>> CAST($1 AS text[])) = $2)), ((ca.type = $3))) AS matched,
        jsonb_build_array((c.mixins #> CAST($4 AS text[])), to_jsonb(ca.type)) AS values,
        ((((c.mixins #>> CAST($1 AS text[])) = $2)) AND ((ca.type = $3))) IS TRUE AND EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.tenant = c.tenant AND x.segment_id = $5
          AND x.customer_id = c.id AND x.legal_entity_id IN ('', ca.legal_entity_id)) AS excluded
      FROM contact_assignment ca
       JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id
       JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id WHERE c.tenant = $6 AND c.id = $7
      ORDER BY 1, 3;
-- parameters: [["tier"],"gold","BILLING",["tier"],"s1","t1","c1"]
