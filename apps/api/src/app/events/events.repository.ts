import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '../database/sql';

/** A sequenced event as stored; `position` and the timestamp as text. */
export interface StoredEvent {
  position: string;
  type: string;
  tenant: string;
  occurred_at: string;
  resource_type: string;
  resource_id: string;
  sequence: number;
  version: number | null;
  payload: unknown;
  /** The `traceparent` of the write that recorded it; null without tracing. Not part of the envelope. */
  trace_parent: string | null;
}

/** Which of a tenant's sequenced events a feed page or a sink batch reads. */
export interface EventRange {
  tenant: string;
  /** Events after this position (a decimal string). */
  after: string;
  limit: number;
  /** Only these types, and types starting with one of `typePrefixes`; neither: every type. */
  types?: string[];
  typePrefixes?: string[];
  /** Only events that occurred at or after `occurredFrom` and before `occurredBefore` (a webhook replay). */
  occurredFrom?: Date;
  occurredBefore?: Date;
}

/** How many events are not sequenced yet or not taken by every sink, and since when the oldest of them waits. */
export interface Backlog {
  events: number;
  oldestAt: Date | null;
}

/**
 * `tenants`: the distinct tenants of the outbox rows matching `condition` (trusted SQL over the alias it is given,
 * served by an index leading with tenant), as a skip scan: one index probe per tenant instead of a scan of every
 * row. The last row is NULL.
 */
function tenantsWhere(condition: (alias: string) => string): string {
  return `WITH RECURSIVE tenants AS (
      (SELECT o.tenant FROM outbox o WHERE ${condition('o')} ORDER BY o.tenant LIMIT 1)
      UNION ALL
      SELECT (SELECT o.tenant FROM outbox o WHERE ${condition('o')} AND o.tenant > t.tenant ORDER BY o.tenant LIMIT 1)
      FROM tenants t WHERE t.tenant IS NOT NULL)`;
}

const UNSEQUENCED_TENANTS = tenantsWhere((alias) => `${alias}.position IS NULL`);
const SEQUENCED_TENANTS = tenantsWhere((alias) => `${alias}.position IS NOT NULL`);

/**
 * The lowest cursor of the sinks `sinks` (SQL of a text[]) for the tenant `tenant` (SQL): 0 where a sink has none
 * yet, NULL when no sink is registered (then no sink holds events back).
 */
const lowestCursorSql = (tenant: string, sinks: string) =>
  `(SELECT min(COALESCE(c.position, 0)) FROM unnest(${sinks}::text[]) AS s(sink)
    LEFT JOIN event_sink_cursor c ON c.tenant = ${tenant} AND c.sink = s.sink)`;

/**
 * Gives the next batch of a tenant's committed, unsequenced events (in write order) their position and
 * per-resource sequence, and tells the feeds' waiters when there were any: one statement, in its own transaction.
 * It first takes the tenant's sequencer lock until its end, so one tenant's batches are sequenced one after
 * another by all replicas and each batch's positions follow the previous one's. The statement's snapshot is older
 * than the lock: a row another sequencer gave a position meanwhile is re-checked when `FOR UPDATE` locks it (after
 * the lock, since the join needs the lock's row first), no longer matches `position IS NULL`, and is skipped; the
 * counters' upsert adds to their latest values.
 * Positions are drawn from `event_position` and handed out sorted, so they rise with the write order
 * whatever order `nextval` is evaluated in.
 */
const SEQUENCE_SQL = `WITH sequencer AS MATERIALIZED (
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
  FROM updated`;

/** A `StoredEvent` of the outbox row `o`. */
const EVENT_COLUMNS = `o.position::text AS position, o.type, o.tenant, ${isoTimestampSql('o.created_at')} AS occurred_at,
  o.resource_type, o.resource_id, o.sequence, o.version, o.payload, o.trace_parent`;

/** Every statement of the relay, its sinks' cursors, retention and the feed. */
@Injectable()
export class EventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Tenants with committed events not sequenced yet. */
  async tenantsToSequence(): Promise<string[]> {
    const rows: Array<{ tenant: string }> = await this.dataSource.query(
      `${UNSEQUENCED_TENANTS} SELECT tenant FROM tenants WHERE tenant IS NOT NULL`,
    );
    return rows.map((row) => row.tenant);
  }

  /** Sequences up to `limit` of the tenant's events, in a transaction of its own; how many it did. */
  async sequence(tenant: string, limit: number): Promise<number> {
    const [{ sequenced }]: Array<{ sequenced: number }> = await this.dataSource.query(SEQUENCE_SQL, [tenant, limit]);
    return sequenced;
  }

  /** Tenants with sequenced events beyond the sink's cursor (all of them for a sink without one). */
  async tenantsToDeliver(sink: string): Promise<string[]> {
    const rows: Array<{ tenant: string }> = await this.dataSource.query(
      `${SEQUENCED_TENANTS}
      SELECT t.tenant FROM tenants t WHERE t.tenant IS NOT NULL
        AND (SELECT max(o.position) FROM outbox o WHERE o.tenant = t.tenant AND o.position IS NOT NULL)
          > COALESCE((SELECT c.position FROM event_sink_cursor c WHERE c.tenant = t.tenant AND c.sink = $1), 0)`,
      [sink],
    );
    return rows.map((row) => row.tenant);
  }

  /** Creates the sink's cursor for the tenant at 0 unless it exists. */
  async ensureCursor(tx: EntityManager, tenant: string, sink: string): Promise<void> {
    await tx.query('INSERT INTO event_sink_cursor (tenant, sink, position) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING', [
      tenant,
      sink,
    ]);
  }

  /**
   * Locks the sink's cursor for the tenant until commit and reads the next `limit` events after it, in one
   * statement; undefined when the cursor does not exist or another relay holds it.
   */
  async claimBatch(tx: EntityManager, tenant: string, sink: string, limit: number): Promise<StoredEvent[] | undefined> {
    // No cursor row: no claim; a claimed cursor without events after it: one row of NULLs.
    const rows: StoredEvent[] = await tx.query(
      `WITH cursor AS MATERIALIZED (
        SELECT position FROM event_sink_cursor WHERE tenant = $1 AND sink = $2 FOR UPDATE SKIP LOCKED)
      SELECT e.* FROM cursor c LEFT JOIN LATERAL (
        SELECT ${EVENT_COLUMNS} FROM outbox o WHERE o.tenant = $1 AND o.position > c.position
        ORDER BY o.position LIMIT $3) e ON true
      ORDER BY e.position::bigint`,
      [tenant, sink, limit],
    );
    if (!rows.length) return undefined;
    return rows[0].position === null ? [] : rows;
  }

  async advanceCursor(tx: EntityManager, tenant: string, sink: string, position: string): Promise<void> {
    await tx.query('UPDATE event_sink_cursor SET position = $3 WHERE tenant = $1 AND sink = $2', [
      tenant,
      sink,
      position,
    ]);
  }

  /** The tenant's sequenced events after `range.after`, in position order (a feed page, or a sink's batch). */
  async events(range: EventRange, tx: EntityManager | DataSource = this.dataSource): Promise<StoredEvent[]> {
    const params: unknown[] = [range.tenant, range.after, range.limit];
    const filters: string[] = [];
    if (range.types?.length) filters.push(`o.type = ANY($${params.push(range.types)}::text[])`);
    if (range.typePrefixes?.length) {
      const patterns = range.typePrefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`);
      filters.push(`o.type LIKE ANY($${params.push(patterns)}::text[])`);
    }
    const conditions = filters.length ? [`(${filters.join(' OR ')})`] : [];
    if (range.occurredFrom) conditions.push(`o.created_at >= $${params.push(range.occurredFrom)}`);
    if (range.occurredBefore) conditions.push(`o.created_at < $${params.push(range.occurredBefore)}`);
    return tx.query(
      // Ordered by the column, not by the output's text of it.
      `SELECT ${EVENT_COLUMNS}
      FROM outbox o WHERE o.tenant = $1 AND o.position > $2::bigint${conditions.map((c) => ` AND ${c}`).join('')}
      ORDER BY o.position LIMIT $3`,
      params,
    );
  }

  /**
   * Deletes up to `limit` of the tenant's oldest events that are older than `days` and that every sink in
   * `sinks` has taken; how many it deleted. Looks at the first `limit` events in position order only, so a
   * young event stops the pruning behind it until it is old too (positions follow time closely).
   */
  async prune(tenant: string, sinks: string[], days: number, limit: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM outbox o USING (
        SELECT id FROM outbox WHERE tenant = $1 AND position IS NOT NULL ORDER BY position LIMIT $4) oldest
      WHERE o.tenant = $1 AND o.id = oldest.id AND o.created_at < now() - make_interval(days => $3)
        AND o.position <= COALESCE(${lowestCursorSql('$1', '$2')}, o.position)`,
      [tenant, sinks, days, limit],
    );
    return count;
  }

  /** Tenants with sequenced events (the candidates of retention). */
  async tenantsWithEvents(): Promise<string[]> {
    const rows: Array<{ tenant: string }> = await this.dataSource.query(
      `${SEQUENCED_TENANTS} SELECT tenant FROM tenants WHERE tenant IS NOT NULL`,
    );
    return rows.map((row) => row.tenant);
  }

  /**
   * The events waiting: unsequenced ones, and per tenant those after the lowest cursor of `sinks`; index scans
   * over the waiting events only.
   */
  async backlog(sinks: string[]): Promise<Backlog> {
    const [row]: Array<{ events: string; oldest_at: Date | null }> = await this.dataSource.query(
      `WITH unsequenced AS (SELECT count(*) AS events, min(created_at) AS oldest_at FROM outbox WHERE position IS NULL),
      undelivered AS (
        ${SEQUENCED_TENANTS},
        bounds AS (SELECT tenant, ${lowestCursorSql('tenants.tenant', '$1')} AS after FROM tenants
          WHERE tenant IS NOT NULL AND cardinality($1::text[]) > 0)
        SELECT count(*) AS events, min(o.created_at) AS oldest_at
        FROM bounds b JOIN outbox o ON o.tenant = b.tenant AND o.position > b.after)
      SELECT u.events + d.events AS events, LEAST(u.oldest_at, d.oldest_at) AS oldest_at FROM unsequenced u, undelivered d`,
      [sinks],
    );
    return { events: Number(row.events), oldestAt: row.oldest_at };
  }
}
