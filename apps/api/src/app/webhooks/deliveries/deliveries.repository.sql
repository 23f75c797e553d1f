-- Rendered by deliveries.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- queue: the sink, for every active endpoint
WITH queued AS (
    INSERT INTO webhook_delivery (tenant, endpoint_id, event_id, event_type, payload, trace_parent, next_attempt_at)
    SELECT $1::text, e.id, m.id, m.type, m.payload, m.trace_parent, statement_timestamp()
    FROM webhook_endpoint e
    CROSS JOIN unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
      AS m(id, type, payload, trace_parent, n)
    WHERE e.tenant = $1::text AND e.active AND (cardinality(e.event_types) = 0 OR m.type = ANY(e.event_types)
    OR EXISTS (SELECT 1 FROM unnest(e.event_types) f WHERE f LIKE '%.*' AND starts_with(m.type, left(f, -1))))
    ORDER BY e.id, m.n
    RETURNING 1)
  SELECT count(*)::int AS queued, CASE WHEN count(*) > 0 THEN pg_notify('webhook_delivery', $1::text) END AS notified
  FROM queued;
-- parameters: ["t1",["42"],["customer.customer-created"],["{\"id\":\"42\",\"type\":\"customer.customer-created\",\"tenant\":\"t1\",\"occurredAt\":\"2026-01-01T00:00:00.000Z\",\"resource\":{\"type\":\"customer\",\"id\":\"c1\"},\"sequence\":1,\"version\":1,\"data\":{\"id\":\"c1\",\"mixins\":{},\"metadata\":{\"version\":1,\"createdAt\":\"\",\"modifiedAt\":\"\"}}}"],["00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"]]

-- queue: a replay, for one endpoint
WITH queued AS (
    INSERT INTO webhook_delivery (tenant, endpoint_id, event_id, event_type, payload, trace_parent, next_attempt_at)
    SELECT $1::text, e.id, m.id, m.type, m.payload, m.trace_parent, statement_timestamp()
    FROM webhook_endpoint e
    CROSS JOIN unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
      AS m(id, type, payload, trace_parent, n)
    WHERE e.tenant = $1::text AND e.id = $6 AND (cardinality(e.event_types) = 0 OR m.type = ANY(e.event_types)
    OR EXISTS (SELECT 1 FROM unnest(e.event_types) f WHERE f LIKE '%.*' AND starts_with(m.type, left(f, -1))))
    ORDER BY e.id, m.n
    RETURNING 1)
  SELECT count(*)::int AS queued, CASE WHEN count(*) > 0 THEN pg_notify('webhook_delivery', $1::text) END AS notified
  FROM queued;
-- parameters: ["t1",["42"],["customer.customer-created"],["{\"id\":\"42\",\"type\":\"customer.customer-created\",\"tenant\":\"t1\",\"occurredAt\":\"2026-01-01T00:00:00.000Z\",\"resource\":{\"type\":\"customer\",\"id\":\"c1\"},\"sequence\":1,\"version\":1,\"data\":{\"id\":\"c1\",\"mixins\":{},\"metadata\":{\"version\":1,\"createdAt\":\"\",\"modifiedAt\":\"\"}}}"],[null],"0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a"]

-- completeAndClaim: a success skips the health statement
SET LOCAL synchronous_commit TO off;
  SELECT pg_advisory_xact_lock(hashtextextended('webhook-worker', 0));
-- parameters: []
WITH o AS (SELECT * FROM unnest($1::varchar[], $2::bigint[], $3::int[], $4::timestamptz[], $5::int[], $6::int[], $7::text[],
      $8::timestamptz[], $9::text[])
    AS o(tenant, delivery_id, number, attempted_at, response_status, latency_ms, error, next_attempt_at, outcome)),
  delivery AS (
    UPDATE webhook_delivery d SET lease_until = NULL,
      status = CASE o.outcome WHEN 'succeeded' THEN 'succeeded' WHEN 'failed' THEN 'failed' ELSE 'pending' END,
      next_attempt_at = CASE o.outcome WHEN 'retry' THEN o.next_attempt_at WHEN 'gone' THEN o.attempted_at END
    FROM o WHERE d.tenant = o.tenant AND d.id = o.delivery_id AND d.attempts = o.number AND d.status = 'pending'
    RETURNING d.tenant, d.id, d.endpoint_id, d.event_id, d.event_type),
  recovered AS (
    UPDATE webhook_endpoint e SET failing_since = NULL
    FROM (SELECT DISTINCT d.tenant, d.endpoint_id FROM delivery d
      JOIN o ON o.tenant = d.tenant AND o.delivery_id = d.id WHERE o.outcome = 'succeeded') s
    WHERE e.tenant = s.tenant AND e.id = s.endpoint_id AND e.failing_since IS NOT NULL)
  INSERT INTO webhook_attempt (tenant, delivery_id, endpoint_id, event_id, event_type, number, attempted_at,
    response_status, latency_ms, error, next_attempt_at)
  SELECT o.tenant, o.delivery_id, d.endpoint_id, d.event_id, d.event_type, o.number, o.attempted_at,
    o.response_status, o.latency_ms, o.error, o.next_attempt_at
  FROM o JOIN delivery d ON d.tenant = o.tenant AND d.id = o.delivery_id
  ORDER BY o.tenant, o.delivery_id, o.number;
-- parameters: [["t1"],["7"],[1],["2026-01-01T00:00:01.000Z"],[200],[3],[null],[null],["succeeded"]]
WITH due AS (
    SELECT d.tenant, d.id, d.next_attempt_at FROM webhook_endpoint e
    CROSS JOIN LATERAL (
      SELECT count(*) AS n FROM (
        SELECT FROM webhook_delivery l
        WHERE l.tenant = e.tenant AND l.endpoint_id = e.id AND l.lease_until > statement_timestamp()
        ORDER BY l.lease_until LIMIT $2) leased) busy
    CROSS JOIN LATERAL (
      SELECT d.tenant, d.id, d.next_attempt_at FROM webhook_delivery d
      WHERE d.tenant = e.tenant AND d.endpoint_id = e.id AND d.status = 'pending'
        AND d.next_attempt_at <= statement_timestamp()
        AND (d.lease_until IS NULL OR d.lease_until <= statement_timestamp())
      ORDER BY d.next_attempt_at, d.id LIMIT greatest($2 - busy.n, 0)) d
    WHERE e.active
    ORDER BY row_number() OVER (PARTITION BY d.tenant ORDER BY d.next_attempt_at, d.id), d.next_attempt_at, d.id
    LIMIT $1)
  UPDATE webhook_delivery w
  SET lease_until = statement_timestamp() + $3 * interval '1 millisecond', attempts = w.attempts + 1
  FROM due, webhook_endpoint e
  WHERE w.tenant = due.tenant AND w.id = due.id AND e.tenant = w.tenant AND e.id = w.endpoint_id
  RETURNING w.tenant, w.id::text AS id, w.endpoint_id, w.event_id, w.event_type, w.payload, w.attempts AS attempt,
    w.trace_parent, e.url, e.secret,
    CASE WHEN e.previous_secret_until > statement_timestamp() THEN e.previous_secret END AS previous_secret;
-- parameters: [64,4,31000]

-- completeAndClaim: a failure updates the health
SET LOCAL synchronous_commit TO off;
  SELECT pg_advisory_xact_lock(hashtextextended('webhook-worker', 0));
-- parameters: []
WITH o AS (SELECT * FROM unnest($1::varchar[], $2::bigint[], $3::int[], $4::timestamptz[], $5::int[], $6::int[], $7::text[],
      $8::timestamptz[], $9::text[])
    AS o(tenant, delivery_id, number, attempted_at, response_status, latency_ms, error, next_attempt_at, outcome)),
  delivery AS (
    UPDATE webhook_delivery d SET lease_until = NULL,
      status = CASE o.outcome WHEN 'succeeded' THEN 'succeeded' WHEN 'failed' THEN 'failed' ELSE 'pending' END,
      next_attempt_at = CASE o.outcome WHEN 'retry' THEN o.next_attempt_at WHEN 'gone' THEN o.attempted_at END
    FROM o WHERE d.tenant = o.tenant AND d.id = o.delivery_id AND d.attempts = o.number AND d.status = 'pending'
    RETURNING d.tenant, d.id, d.endpoint_id, d.event_id, d.event_type),
  recovered AS (
    UPDATE webhook_endpoint e SET failing_since = NULL
    FROM (SELECT DISTINCT d.tenant, d.endpoint_id FROM delivery d
      JOIN o ON o.tenant = d.tenant AND o.delivery_id = d.id WHERE o.outcome = 'succeeded') s
    WHERE e.tenant = s.tenant AND e.id = s.endpoint_id AND e.failing_since IS NOT NULL)
  INSERT INTO webhook_attempt (tenant, delivery_id, endpoint_id, event_id, event_type, number, attempted_at,
    response_status, latency_ms, error, next_attempt_at)
  SELECT o.tenant, o.delivery_id, d.endpoint_id, d.event_id, d.event_type, o.number, o.attempted_at,
    o.response_status, o.latency_ms, o.error, o.next_attempt_at
  FROM o JOIN delivery d ON d.tenant = o.tenant AND d.id = o.delivery_id
  ORDER BY o.tenant, o.delivery_id, o.number;
-- parameters: [["t1","t1"],["9","10"],[1,1],["2026-01-01T00:00:01.000Z","2026-01-01T00:00:01.000Z"],[200,503],[3,3],[null,"answered 503"],[null,"2026-01-01T00:00:06.000Z"],["succeeded","retry"]]
WITH o AS (
    SELECT * FROM unnest($1::varchar[], $2::uuid[], $3::timestamptz[], $4::text[])
      AS o(tenant, endpoint_id, attempted_at, outcome)),
  health AS (
    SELECT tenant, endpoint_id, bool_or(outcome = 'gone') AS gone, min(attempted_at) AS first_failure
    FROM o GROUP BY tenant, endpoint_id),
  decided AS (
    SELECT e.tenant, e.id, e.active, COALESCE(e.failing_since, h.first_failure) AS failing_since,
      CASE WHEN NOT e.active THEN NULL WHEN h.gone THEN 'gone'
        WHEN COALESCE(e.failing_since, h.first_failure) <= statement_timestamp() - $5 * interval '1 millisecond'
          THEN 'failing' END AS disable
    FROM health h JOIN webhook_endpoint e ON e.tenant = h.tenant AND e.id = h.endpoint_id
    ORDER BY e.tenant, e.id FOR NO KEY UPDATE OF e),
  changed AS (
    UPDATE webhook_endpoint e SET failing_since = d.failing_since,
      active = e.active AND d.disable IS NULL, disabled_reason = COALESCE(d.disable, e.disabled_reason),
      version = e.version + CASE WHEN d.disable IS NULL THEN 0 ELSE 1 END,
      modified_at = CASE WHEN d.disable IS NULL THEN e.modified_at ELSE statement_timestamp() END
    FROM decided d
    WHERE e.tenant = d.tenant AND e.id = d.id
      AND (e.failing_since IS DISTINCT FROM d.failing_since OR d.disable IS NOT NULL)
    RETURNING e.tenant, e.id, e.version, e.failing_since, d.disable)
  INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
  SELECT tenant, 'webhook.endpoint-disabled', 'webhook-endpoint', id::text, version,
    jsonb_build_object('id', id, 'reason', disable,
      'failingSince', to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  FROM changed WHERE disable IS NOT NULL ORDER BY tenant, id;
-- parameters: [["t1"],["0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a"],["2026-01-01T00:00:01.000Z"],["retry"],432000000]
WITH due AS (
    SELECT d.tenant, d.id, d.next_attempt_at FROM webhook_endpoint e
    CROSS JOIN LATERAL (
      SELECT count(*) AS n FROM (
        SELECT FROM webhook_delivery l
        WHERE l.tenant = e.tenant AND l.endpoint_id = e.id AND l.lease_until > statement_timestamp()
        ORDER BY l.lease_until LIMIT $2) leased) busy
    CROSS JOIN LATERAL (
      SELECT d.tenant, d.id, d.next_attempt_at FROM webhook_delivery d
      WHERE d.tenant = e.tenant AND d.endpoint_id = e.id AND d.status = 'pending'
        AND d.next_attempt_at <= statement_timestamp()
        AND (d.lease_until IS NULL OR d.lease_until <= statement_timestamp())
      ORDER BY d.next_attempt_at, d.id LIMIT greatest($2 - busy.n, 0)) d
    WHERE e.active
    ORDER BY row_number() OVER (PARTITION BY d.tenant ORDER BY d.next_attempt_at, d.id), d.next_attempt_at, d.id
    LIMIT $1)
  UPDATE webhook_delivery w
  SET lease_until = statement_timestamp() + $3 * interval '1 millisecond', attempts = w.attempts + 1
  FROM due, webhook_endpoint e
  WHERE w.tenant = due.tenant AND w.id = due.id AND e.tenant = w.tenant AND e.id = w.endpoint_id
  RETURNING w.tenant, w.id::text AS id, w.endpoint_id, w.event_id, w.event_type, w.payload, w.attempts AS attempt,
    w.trace_parent, e.url, e.secret,
    CASE WHEN e.previous_secret_until > statement_timestamp() THEN e.previous_secret END AS previous_secret;
-- parameters: [64,4,31000]

-- prune
WITH old AS (
        DELETE FROM webhook_delivery d USING (
          SELECT id FROM webhook_delivery WHERE tenant = $1 AND status <> 'pending'
            AND created_at < now() - $2 * interval '1 day' ORDER BY created_at LIMIT $3) o
        WHERE d.tenant = $1 AND d.id = o.id AND d.status <> 'pending' RETURNING d.id),
      attempts AS (DELETE FROM webhook_attempt a USING old WHERE a.tenant = $1 AND a.delivery_id = old.id)
      SELECT count(*)::int AS count FROM old;
-- parameters: ["t1",30,1000]

-- attempts
SELECT a.id::text AS id, a.delivery_id::text AS delivery_id, a.event_id, a.event_type, a.number,
        to_char(a.attempted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS attempted_at, a.response_status, a.latency_ms, a.error,
        to_char(a.next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS next_attempt_at FROM webhook_attempt a WHERE (a.tenant = $1 AND a.endpoint_id = $2) ORDER BY a.id DESC LIMIT 16;
-- parameters: ["t1","0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a"]

-- retry
WITH target AS (
        SELECT d.tenant, d.id,
          COALESCE(d.lease_until > statement_timestamp(), false) AND d.status = 'pending' AS in_flight
        FROM webhook_attempt a JOIN webhook_delivery d ON d.tenant = a.tenant AND d.id = a.delivery_id
        WHERE a.tenant = $1::text AND a.endpoint_id = $2 AND a.id = $3 FOR UPDATE OF d),
      updated AS (
        UPDATE webhook_delivery d SET status = 'pending', next_attempt_at = statement_timestamp(), lease_until = NULL
        FROM target t WHERE d.tenant = t.tenant AND d.id = t.id AND NOT t.in_flight
        RETURNING pg_notify('webhook_delivery', $1::text))
      SELECT t.in_flight FROM target t LEFT JOIN updated ON true;
-- parameters: ["t1","0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a","12"]
