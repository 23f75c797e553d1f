import { AnyEventEnvelope, EventTypes } from '@cs/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Select } from '../../database/select';
import { isoTimestampSql } from '../../database/sql';
import { WEBHOOK_DELIVERIES } from '../../events/event-notifications';
import { ATTEMPT_DEFAULT_SORT, ATTEMPT_FIELDS, ATTEMPT_TIE_BREAKER } from './attempt.fields';
import { AttemptOutcome } from './retry-policy';

/** A delivery a worker leased: what to send where, signed with which secrets. */
export interface LeasedDelivery {
  tenant: string;
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  /** The number of this attempt (1 = the first). */
  attempt: number;
  url: string;
  secret: string;
  /** The previous secret while its rotation overlap lasts, else null. */
  previous_secret: string | null;
  /** The event's `traceparent`: the attempt continues that trace. */
  trace_parent: string | null;
}

/** What an attempt came to, as the worker records it. */
export interface AttemptRecord {
  tenant: string;
  deliveryId: string;
  endpointId: string;
  attempt: number;
  attemptedAt: Date;
  responseStatus: number | null;
  latencyMs: number;
  error: string | null;
  outcome: AttemptOutcome;
  nextAttemptAt: Date | null;
}

/** An attempt as the attempts route lists it. */
export interface AttemptRow {
  id: string;
  delivery_id: string;
  event_id: string;
  event_type: string;
  number: number;
  attempted_at: string;
  response_status: number | null;
  latency_ms: number;
  error: string | null;
  next_attempt_at: string | null;
}

/**
 * The endpoint filter of the sink's SQL (`acceptsEventType` of event-types.ts in JS), for the endpoint alias `e` and
 * the event type `type` (trusted SQL): no filter, an exact type, or a `family.*` prefix.
 */
const acceptsSql = (type: string) =>
  `(cardinality(e.event_types) = 0 OR ${type} = ANY(e.event_types)
    OR EXISTS (SELECT 1 FROM unnest(e.event_types) f WHERE f LIKE '%.*' AND starts_with(${type}, left(f, -1))))`;

/**
 * Queues one delivery per (endpoint, event) for the tenant's active endpoints (or only `endpointId`) whose filter
 * takes the event, due now, in key order; tells the workers through `NOTIFY` (delivered at commit) when it queued
 * any. One statement; a tenant without endpoints costs one index probe.
 */
const QUEUE_SQL = (onlyEndpoint: boolean) => `WITH queued AS (
    INSERT INTO webhook_delivery (tenant, endpoint_id, event_id, event_type, payload, trace_parent, next_attempt_at)
    SELECT $1::text, e.id, m.id, m.type, m.payload, m.trace_parent, statement_timestamp()
    FROM webhook_endpoint e
    CROSS JOIN unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
      AS m(id, type, payload, trace_parent, n)
    WHERE e.tenant = $1::text AND ${onlyEndpoint ? 'e.id = $6' : 'e.active'} AND ${acceptsSql('m.type')}
    ORDER BY e.id, m.n
    RETURNING 1)
  SELECT count(*)::int AS queued, CASE WHEN count(*) > 0 THEN pg_notify('${WEBHOOK_DELIVERIES}', $1::text) END AS notified
  FROM queued`;

/**
 * Leases up to `$1` due deliveries, at most `$2` in flight per endpoint counting every replica's leases (the
 * caller holds the claim lock, so the counts are current), the tenants taking turns, each one's earliest due
 * first; each lease lasts `$3` ms. Per
 * active endpoint: one probe of the leased index and one of the due index, so a dead endpoint's backlog costs no
 * more than a live one's. Both probes are ordered index scans with a limit, not bitmap scans: an ordered scan marks
 * the entries of ended leases and sent deliveries dead as it passes them, so the churn does not pile up in front.
 */
const CLAIM_SQL = `WITH due AS (
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
    CASE WHEN e.previous_secret_until > statement_timestamp() THEN e.previous_secret END AS previous_secret`;

/** The attempts as arrays of their columns. */
const OUTCOMES = `unnest($1::varchar[], $2::bigint[], $3::int[], $4::timestamptz[], $5::int[], $6::int[], $7::text[],
      $8::timestamptz[], $9::text[])
    AS o(tenant, delivery_id, number, attempted_at, response_status, latency_ms, error, next_attempt_at, outcome)`;

/**
 * Ends the leases of finished attempts: a delivery succeeds, fails for good, or waits for its retry (after `gone`
 * it stays pending, due again if its endpoint is enabled again); each attempt is recorded. A delivery deleted
 * meanwhile (with its endpoint) records nothing, nor does an attempt recorded so late that its lease had ended and
 * another one is under way (the delivery's attempt count moved on): it must not end the newer lease. A success
 * ends its endpoint's failing state (a write only for endpoints that were failing).
 */
const COMPLETE_SQL = `WITH o AS (SELECT * FROM ${OUTCOMES}),
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
  ORDER BY o.tenant, o.delivery_id, o.number`;

/**
 * Each endpoint's health after failed attempts (`$1..$4`: tenant, endpoint, time, outcome): a failure starts
 * `failing_since`; `410 Gone`, or failing for `$5` ms, disables an active endpoint and records
 * `webhook.endpoint-disabled` (the relay delivers it to the feed and every sink). Rows whose state stays are not
 * written. The endpoints are read under `FOR NO KEY UPDATE`, so a client's write that commits meanwhile (a
 * re-enable) is read, not overwritten; that lock does not wait for the sink's key-share locks (the deliveries'
 * foreign key), which `FOR UPDATE` would, for the sink's whole batch.
 */
const HEALTH_SQL = `WITH o AS (
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
  SELECT tenant, '${EventTypes.endpointDisabled}', 'webhook-endpoint', id::text, version,
    jsonb_build_object('id', id, 'reason', disable,
      'failingSince', ${isoTimestampSql('failing_since')})
  FROM changed WHERE disable IS NOT NULL ORDER BY tenant, id`;

/**
 * Serializes the workers' claims and completions across replicas (so per-endpoint caps count every lease). The
 * transaction commits without waiting for its WAL flush: losing its last moments in a crash of Postgres only loses
 * leases and attempt records, and the deliveries are sent again (at least once, as always) instead of waiting a
 * flush per round.
 */
const CLAIM_LOCK_SQL = `SET LOCAL synchronous_commit TO off;
  SELECT pg_advisory_xact_lock(hashtextextended('webhook-worker', 0))`;

/** Every statement of the webhook deliveries: the sink's queue, the worker's leases and outcomes, the routes. */
export class DeliveriesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Queues `events` for the tenant's endpoints (only `endpointId`'s, active or not, for a replay), each with its
   * `traceParents` entry; how many.
   */
  static async queue(
    tx: EntityManager,
    tenant: string,
    events: AnyEventEnvelope[],
    traceParents: ReadonlyArray<string | null>,
    endpointId?: string,
  ): Promise<number> {
    const params: unknown[] = [
      tenant,
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event)),
      events.map((_, index) => traceParents[index] ?? null),
    ];
    if (endpointId) params.push(endpointId);
    const [{ queued }]: Array<{ queued: number }> = await tx.query(QUEUE_SQL(endpointId !== undefined), params);
    return queued;
  }

  /**
   * In one transaction under the claim lock: records the finished attempts, updates their endpoints' health,
   * then leases up to `limit` due deliveries (none when `limit` is 0).
   */
  async completeAndClaim(
    tx: EntityManager,
    finished: AttemptRecord[],
    claim: { limit: number; perEndpoint: number; leaseMs: number; disableAfterMs: number },
  ): Promise<LeasedDelivery[]> {
    await tx.query(CLAIM_LOCK_SQL);
    if (finished.length) {
      // Attempt ids then follow the deliveries' key order.
      const sorted = [...finished].sort(
        (a, b) => compare(a.tenant, b.tenant) || compareIds(a.deliveryId, b.deliveryId) || a.attempt - b.attempt,
      );
      const column = <K extends keyof AttemptRecord>(key: K) => sorted.map((record) => record[key]);
      await tx.query(COMPLETE_SQL, [
        column('tenant'),
        column('deliveryId'),
        column('attempt'),
        column('attemptedAt'),
        column('responseStatus'),
        column('latencyMs'),
        column('error'),
        column('nextAttemptAt'),
        column('outcome'),
      ]);
      // A success has cleared its endpoint's failing state above; the failures decide the rest.
      const health = sorted.filter((record) => record.outcome !== 'succeeded');
      if (health.length)
        await tx.query(HEALTH_SQL, [
          health.map((record) => record.tenant),
          health.map((record) => record.endpointId),
          health.map((record) => record.attemptedAt),
          health.map((record) => record.outcome),
          claim.disableAfterMs,
        ]);
    }
    if (claim.limit <= 0) return [];
    // An UPDATE answers [rows, count].
    const [leased]: [LeasedDelivery[], number] = await tx.query(CLAIM_SQL, [
      claim.limit,
      claim.perEndpoint,
      claim.leaseMs,
    ]);
    return leased;
  }

  /** Deletes up to `limit` of the tenant's finished deliveries (and their attempts) older than `days`; how many. */
  async prune(tenant: string, days: number, limit: number): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await this.db.query(
      `WITH old AS (
        DELETE FROM webhook_delivery d USING (
          SELECT id FROM webhook_delivery WHERE tenant = $1 AND status <> 'pending'
            AND created_at < now() - $2 * interval '1 day' ORDER BY created_at LIMIT $3) o
        WHERE d.tenant = $1 AND d.id = o.id AND d.status <> 'pending' RETURNING d.id),
      attempts AS (DELETE FROM webhook_attempt a USING old WHERE a.tenant = $1 AND a.delivery_id = old.id)
      SELECT count(*)::int AS count FROM old`,
      [tenant, days, limit],
    );
    return count;
  }

  /** The tenants with endpoints (whose deliveries retention looks at). */
  async tenantsWithEndpoints(): Promise<string[]> {
    const rows: Array<{ tenant: string }> = await this.db.query(`SELECT DISTINCT tenant FROM webhook_endpoint`);
    return rows.map((row) => row.tenant);
  }

  /** A page of the endpoint's attempts matching q (newest first unless sorted otherwise). */
  attempts(tenant: string, endpointId: string, list: ListRequest): Promise<Page<AttemptRow>> {
    const select = new Select(this.db)
      .select(
        `a.id::text AS id, a.delivery_id::text AS delivery_id, a.event_id, a.event_type, a.number,
        ${isoTimestampSql('a.attempted_at')} AS attempted_at, a.response_status, a.latency_ms, a.error,
        ${isoTimestampSql('a.next_attempt_at')} AS next_attempt_at`,
      )
      .from('webhook_attempt', 'a')
      .where('a.tenant = :tenant AND a.endpoint_id = :endpointId', { tenant, endpointId });
    return fetchPage<AttemptRow>(
      select,
      { ...list, sort: list.sort ?? ATTEMPT_DEFAULT_SORT },
      { fieldMap: ATTEMPT_FIELDS, tieBreaker: ATTEMPT_TIE_BREAKER },
    );
  }

  /**
   * Makes the delivery of the endpoint's attempt `attemptId` due now again (a failed one pending again); `missing`
   * without such an attempt, `inFlight` while an attempt of it is leased.
   */
  async retry(tenant: string, endpointId: string, attemptId: string): Promise<'due' | 'missing' | 'inFlight'> {
    const rows: Array<{ in_flight: boolean }> = await this.db.query(
      `WITH target AS (
        SELECT d.tenant, d.id,
          COALESCE(d.lease_until > statement_timestamp(), false) AND d.status = 'pending' AS in_flight
        FROM webhook_attempt a JOIN webhook_delivery d ON d.tenant = a.tenant AND d.id = a.delivery_id
        WHERE a.tenant = $1::text AND a.endpoint_id = $2 AND a.id = $3 FOR UPDATE OF d),
      updated AS (
        UPDATE webhook_delivery d SET status = 'pending', next_attempt_at = statement_timestamp(), lease_until = NULL
        FROM target t WHERE d.tenant = t.tenant AND d.id = t.id AND NOT t.in_flight
        RETURNING pg_notify('${WEBHOOK_DELIVERIES}', $1::text))
      SELECT t.in_flight FROM target t LEFT JOIN updated ON true`,
      [tenant, endpointId, attemptId],
    );
    if (!rows.length) return 'missing';
    return rows[0].in_flight ? 'inFlight' : 'due';
  }

  /** The endpoint's URL and signing secrets; undefined when the tenant has no such endpoint. */
  async endpointForSending(
    tenant: string,
    endpointId: string,
  ): Promise<{ url: string; secret: string; previous_secret: string | null } | undefined> {
    const [row] = await this.db.query(
      `SELECT url, secret, CASE WHEN previous_secret_until > now() THEN previous_secret END AS previous_secret
      FROM webhook_endpoint WHERE tenant = $1 AND id = $2`,
      [tenant, endpointId],
    );
    return row;
  }

  /** Whether the tenant has the endpoint. */
  async endpointExists(tenant: string, endpointId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM webhook_endpoint WHERE tenant = $1 AND id = $2`, [
      tenant,
      endpointId,
    ]);
    return rows.length > 0;
  }

  /** Records a test message that was sent at once: a finished delivery with its one attempt; the attempt's id. */
  async recordSent(
    tx: EntityManager,
    delivery: { tenant: string; endpointId: string; eventId: string; eventType: string; payload: string },
    attempt: Pick<AttemptRecord, 'attemptedAt' | 'responseStatus' | 'latencyMs' | 'error' | 'outcome'>,
  ): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await tx.query(
      `WITH delivery AS (
        INSERT INTO webhook_delivery (tenant, endpoint_id, event_id, event_type, payload, status, attempts)
        VALUES ($1, $2, $3, $4, $5, $6, 1) RETURNING tenant, id)
      INSERT INTO webhook_attempt (tenant, delivery_id, endpoint_id, event_id, event_type, number, attempted_at,
        response_status, latency_ms, error)
      SELECT tenant, id, $2, $3, $4, 1, $7, $8, $9, $10 FROM delivery RETURNING id::text AS id`,
      [
        delivery.tenant,
        delivery.endpointId,
        delivery.eventId,
        delivery.eventType,
        delivery.payload,
        attempt.outcome === 'succeeded' ? 'succeeded' : 'failed',
        attempt.attemptedAt,
        attempt.responseStatus,
        attempt.latencyMs,
        attempt.error,
      ],
    );
    return id;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Decimal ids (bigint as text) in numeric order. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || compare(a, b);
}
