-- Rendered by validity-boundaries.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- schedule
WITH RECURSIVE tenants AS (
    (SELECT b.tenant FROM segment_validity_boundary b ORDER BY b.tenant LIMIT 1)
    UNION ALL
    SELECT (SELECT b.tenant FROM segment_validity_boundary b WHERE b.tenant > t.tenant ORDER BY b.tenant LIMIT 1)
    FROM tenants t WHERE t.tenant IS NOT NULL)
  SELECT t.tenant,
    EXISTS (SELECT 1 FROM segment_validity_boundary b WHERE b.tenant = t.tenant AND b.at <= now()) AS due,
    ceil(extract(epoch FROM
      (SELECT min(b.at) FROM segment_validity_boundary b WHERE b.tenant = t.tenant AND b.at > now()) - now()) * 1000
    )::float8 AS next_in_ms
  FROM tenants t WHERE t.tenant IS NOT NULL;
-- parameters: []

-- announce: the claim, then the deletion with the events of the ACTIVE segments
SELECT b.boundary, b.at, s.id, s.site_code, s.status, s.validity_from, s.validity_to, s.version,
    (s.status = 'ACTIVE'
    AND (s.validity_from IS NULL OR s.validity_from <= now())
    AND (s.validity_to IS NULL OR s.validity_to >= now())) AS active
  FROM segment_validity_boundary b JOIN segment s ON s.tenant = b.tenant AND s.id = b.segment_id
  WHERE b.tenant = $1 AND b.at <= now()
  ORDER BY b.at, b.boundary LIMIT $2
  FOR UPDATE OF b SKIP LOCKED;
-- parameters: ["t1",100]
WITH taken AS (
    DELETE FROM segment_validity_boundary b USING jsonb_to_recordset($2::jsonb) AS t(id text, boundary text)
    WHERE b.tenant = $1 AND b.segment_id = t.id AND b.boundary = t.boundary)
  INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
  SELECT $1, $3, 'segment', e.event->'payload'->>'id', (e.event->>'version')::integer, e.event->'payload'
  FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(event, n) ORDER BY e.n;
-- parameters: ["t1",[{"id":"on","boundary":"from"},{"id":"off","boundary":"from"}],"customer-segment.segment-validity-reached",[{"version":2,"payload":{"id":"on","siteCode":"main","status":"ACTIVE","validity":{"from":"2026-01-01T00:00:00.000Z"},"boundary":"from","at":"2026-01-01T00:00:00.000Z","active":true,"tenant":"t1"}}]]
