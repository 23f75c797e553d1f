-- Rendered by events.repository.spec.ts: every statement of the repository for fixed inputs.
-- Update with `jest -u` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.

-- tenantsToSequence
WITH RECURSIVE tenants AS (
      (SELECT o.tenant FROM outbox o WHERE o.position IS NULL ORDER BY o.tenant LIMIT 1)
      UNION ALL
      SELECT (SELECT o.tenant FROM outbox o WHERE o.position IS NULL AND o.tenant > t.tenant ORDER BY o.tenant LIMIT 1)
      FROM tenants t WHERE t.tenant IS NOT NULL) SELECT tenant FROM tenants WHERE tenant IS NOT NULL;
-- parameters: []

-- sequence: the sequencer lock, a batch and the notification of the feeds
WITH sequencer AS MATERIALIZED (
    SELECT pg_advisory_xact_lock(hashtextextended('event-sequencer:' || $1, 0))),
  batch AS MATERIALIZED (
    SELECT o.id, o.resource_type, o.resource_id FROM outbox o, sequencer
    WHERE o.tenant = $1 AND o.position IS NULL ORDER BY o.id LIMIT $2 FOR UPDATE OF o),
  ranked AS (
    SELECT id, resource_type, resource_id, row_number() OVER (ORDER BY id) AS rank,
      row_number() OVER (PARTITION BY resource_type, resource_id ORDER BY id) AS nth,
      count(*) OVER (PARTITION BY resource_type, resource_id) AS of_resource
    FROM batch),
  drawn AS (SELECT nextval('event_position') AS position FROM batch),
  positions AS (SELECT position, row_number() OVER (ORDER BY position) AS rank FROM drawn),
  counters AS (
    INSERT INTO event_sequence AS e (tenant, resource_type, resource_id, last_sequence)
    SELECT $1, resource_type, resource_id, count(*) FROM batch GROUP BY resource_type, resource_id
    ORDER BY resource_type, resource_id
    ON CONFLICT (tenant, resource_type, resource_id) DO UPDATE SET last_sequence = e.last_sequence + EXCLUDED.last_sequence
    RETURNING resource_type, resource_id, last_sequence),
  updated AS (
    UPDATE outbox o SET position = p.position, sequence = c.last_sequence - r.of_resource + r.nth
    FROM ranked r JOIN positions p USING (rank) JOIN counters c USING (resource_type, resource_id)
    WHERE o.tenant = $1 AND o.id = r.id RETURNING 1)
  SELECT count(*)::int AS sequenced, CASE WHEN count(*) > 0 THEN pg_notify('event_sequenced', $1) END AS notified
  FROM updated;
-- parameters: ["t1",1000]

-- tenantsToDeliver
WITH RECURSIVE tenants AS (
      (SELECT o.tenant FROM outbox o WHERE o.position IS NOT NULL ORDER BY o.tenant LIMIT 1)
      UNION ALL
      SELECT (SELECT o.tenant FROM outbox o WHERE o.position IS NOT NULL AND o.tenant > t.tenant ORDER BY o.tenant LIMIT 1)
      FROM tenants t WHERE t.tenant IS NOT NULL)
      SELECT t.tenant FROM tenants t WHERE t.tenant IS NOT NULL
        AND (SELECT max(o.position) FROM outbox o WHERE o.tenant = t.tenant AND o.position IS NOT NULL)
          > COALESCE((SELECT c.position FROM event_sink_cursor c WHERE c.tenant = t.tenant AND c.sink = $1), 0);
-- parameters: ["nats"]

-- ensureCursor
INSERT INTO event_sink_cursor (tenant, sink, position) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING;
-- parameters: ["t1","nats"]

-- claimBatch
WITH cursor AS MATERIALIZED (
        SELECT position FROM event_sink_cursor WHERE tenant = $1 AND sink = $2 FOR UPDATE SKIP LOCKED)
      SELECT e.* FROM cursor c LEFT JOIN LATERAL (
        SELECT o.position::text AS position, o.type, o.tenant, to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  o.resource_type, o.resource_id, o.sequence, o.version, o.payload, o.trace_parent FROM outbox o WHERE o.tenant = $1 AND o.position > c.position
        ORDER BY o.position LIMIT $3) e ON true
      ORDER BY e.position::bigint;
-- parameters: ["t1","nats",500]

-- advanceCursor
UPDATE event_sink_cursor SET position = $3 WHERE tenant = $1 AND sink = $2;
-- parameters: ["t1","nats","42"]

-- events: a sink batch
SELECT o.position::text AS position, o.type, o.tenant, to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  o.resource_type, o.resource_id, o.sequence, o.version, o.payload, o.trace_parent
      FROM outbox o WHERE o.tenant = $1 AND o.position > $2::bigint
      ORDER BY o.position LIMIT $3;
-- parameters: ["t1","41",500]

-- events: a feed page filtered by types and a family
SELECT o.position::text AS position, o.type, o.tenant, to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  o.resource_type, o.resource_id, o.sequence, o.version, o.payload, o.trace_parent
      FROM outbox o WHERE o.tenant = $1 AND o.position > $2::bigint AND (o.type = ANY($4::text[]) OR o.type LIKE ANY($5::text[]))
      ORDER BY o.position LIMIT $3;
-- parameters: ["t1","0",100,["customer-segment.segment-created"],["client-management.%"]]

-- events: a webhook replay of a time range
SELECT o.position::text AS position, o.type, o.tenant, to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  o.resource_type, o.resource_id, o.sequence, o.version, o.payload, o.trace_parent
      FROM outbox o WHERE o.tenant = $1 AND o.position > $2::bigint AND (o.type LIKE ANY($4::text[])) AND o.created_at >= $5 AND o.created_at < $6
      ORDER BY o.position LIMIT $3;
-- parameters: ["t1","0",1000,["customer-segment.%"],"2026-01-01T00:00:00.000Z","2026-01-02T00:00:00.000Z"]

-- prune
DELETE FROM outbox o USING (
        SELECT id FROM outbox WHERE tenant = $1 AND position IS NOT NULL ORDER BY position LIMIT $4) oldest
      WHERE o.tenant = $1 AND o.id = oldest.id AND o.created_at < now() - make_interval(days => $3)
        AND o.position <= COALESCE((SELECT min(COALESCE(c.position, 0)) FROM unnest($2::text[]) AS s(sink)
    LEFT JOIN event_sink_cursor c ON c.tenant = $1 AND c.sink = s.sink), o.position);
-- parameters: ["t1",["nats"],30,1000]

-- tenantsWithEvents
WITH RECURSIVE tenants AS (
      (SELECT o.tenant FROM outbox o WHERE o.position IS NOT NULL ORDER BY o.tenant LIMIT 1)
      UNION ALL
      SELECT (SELECT o.tenant FROM outbox o WHERE o.position IS NOT NULL AND o.tenant > t.tenant ORDER BY o.tenant LIMIT 1)
      FROM tenants t WHERE t.tenant IS NOT NULL) SELECT tenant FROM tenants WHERE tenant IS NOT NULL;
-- parameters: []

-- backlog
WITH unsequenced AS (SELECT count(*) AS events, min(created_at) AS oldest_at FROM outbox WHERE position IS NULL),
      undelivered AS (
        WITH RECURSIVE tenants AS (
      (SELECT o.tenant FROM outbox o WHERE o.position IS NOT NULL ORDER BY o.tenant LIMIT 1)
      UNION ALL
      SELECT (SELECT o.tenant FROM outbox o WHERE o.position IS NOT NULL AND o.tenant > t.tenant ORDER BY o.tenant LIMIT 1)
      FROM tenants t WHERE t.tenant IS NOT NULL),
        bounds AS (SELECT tenant, (SELECT min(COALESCE(c.position, 0)) FROM unnest($1::text[]) AS s(sink)
    LEFT JOIN event_sink_cursor c ON c.tenant = tenants.tenant AND c.sink = s.sink) AS after FROM tenants
          WHERE tenant IS NOT NULL AND cardinality($1::text[]) > 0)
        SELECT count(*) AS events, min(o.created_at) AS oldest_at
        FROM bounds b JOIN outbox o ON o.tenant = b.tenant AND o.position > b.after)
      SELECT u.events + d.events AS events, LEAST(u.oldest_at, d.oldest_at) AS oldest_at FROM unsequenced u, undelivered d;
-- parameters: [["nats"]]
