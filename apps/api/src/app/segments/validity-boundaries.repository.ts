import { EventTypes, SegmentStatus, SegmentValidityReachedEventData } from '@cs/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { validityOf } from '../common/documents';
import { segmentActiveNow } from './segments.repository';
import { ValidityBoundary } from './validity-boundary.entity';

// The statements of the validity announcer (validity-announcer.ts) over `segment_validity_boundary`.

/** Per tenant with boundaries to announce: whether some are due, and in how many ms the next later one is. */
export interface TenantSchedule {
  tenant: string;
  due: boolean;
  /** Null when the tenant has no boundary ahead. */
  nextInMs: number | null;
}

/**
 * The tenants of the queue, one index probe each (a loose index scan: the queue's tenants in order, the row after
 * the previous tenant), and for each whether a boundary is due and when the next one ahead comes, as the database's
 * clock tells (the boundaries are compared with its `now()`, as the reads compare validity).
 */
const SCHEDULE_SQL = `WITH RECURSIVE tenants AS (
    (SELECT b.tenant FROM segment_validity_boundary b ORDER BY b.tenant LIMIT 1)
    UNION ALL
    SELECT (SELECT b.tenant FROM segment_validity_boundary b WHERE b.tenant > t.tenant ORDER BY b.tenant LIMIT 1)
    FROM tenants t WHERE t.tenant IS NOT NULL)
  SELECT t.tenant,
    EXISTS (SELECT 1 FROM segment_validity_boundary b WHERE b.tenant = t.tenant AND b.at <= now()) AS due,
    ceil(extract(epoch FROM
      (SELECT min(b.at) FROM segment_validity_boundary b WHERE b.tenant = t.tenant AND b.at > now()) - now()) * 1000
    )::float8 AS next_in_ms
  FROM tenants t WHERE t.tenant IS NOT NULL`;

/**
 * Locks up to $2 of the tenant's due boundaries, earliest first (a window of one instant: `from` before `to`), with
 * their segments as they are now. Rows another process holds (it is announcing them) are skipped, so each boundary
 * is taken by one transaction.
 */
const CLAIM_SQL = `SELECT b.boundary, b.at, s.id, s.site_code, s.status, s.validity_from, s.validity_to, s.version,
    ${segmentActiveNow('s')} AS active
  FROM segment_validity_boundary b JOIN segment s ON s.tenant = b.tenant AND s.id = b.segment_id
  WHERE b.tenant = $1 AND b.at <= now()
  ORDER BY b.at, b.boundary LIMIT $2
  FOR UPDATE OF b SKIP LOCKED`;

/** Deletes the taken boundaries ($2) and records the events ($4, in their order) in one statement. */
const TAKE_SQL = `WITH taken AS (
    DELETE FROM segment_validity_boundary b USING jsonb_to_recordset($2::jsonb) AS t(id text, boundary text)
    WHERE b.tenant = $1 AND b.segment_id = t.id AND b.boundary = t.boundary)
  INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
  SELECT $1, $3, 'segment', e.event->'payload'->>'id', (e.event->>'version')::integer, e.event->'payload'
  FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(event, n) ORDER BY e.n`;

interface ClaimedRow {
  boundary: ValidityBoundary;
  at: Date;
  id: string;
  site_code: string;
  status: SegmentStatus;
  validity_from: Date | null;
  validity_to: Date | null;
  version: number;
  active: boolean;
}

@Injectable()
export class ValidityBoundariesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async schedule(): Promise<TenantSchedule[]> {
    const rows: Array<{ tenant: string; due: boolean; next_in_ms: number | null }> =
      await this.dataSource.query(SCHEDULE_SQL);
    return rows.map((row) => ({ tenant: row.tenant, due: row.due, nextInMs: row.next_in_ms }));
  }

  /**
   * Takes up to `limit` due boundaries of the tenant and records a `segment-validity-reached` event for each one of
   * an ACTIVE segment (an INACTIVE segment's boundary changes nothing a reader sees: it is taken without one), in the
   * transaction `tx`. How many it took.
   */
  async announce(tx: EntityManager, tenant: string, limit: number): Promise<number> {
    const claimed: ClaimedRow[] = await tx.query(CLAIM_SQL, [tenant, limit]);
    if (!claimed.length) return 0;
    const events = claimed
      .filter((row) => row.status === 'ACTIVE')
      .map((row) => ({ version: row.version, payload: validityReached(tenant, row) }));
    const taken = claimed.map(({ id, boundary }) => ({ id, boundary }));
    await tx.query(TAKE_SQL, [
      tenant,
      JSON.stringify(taken),
      EventTypes.segmentValidityReached,
      JSON.stringify(events),
    ]);
    return claimed.length;
  }
}

function validityReached(tenant: string, row: ClaimedRow): SegmentValidityReachedEventData {
  return {
    id: row.id,
    siteCode: row.site_code,
    status: row.status,
    validity: validityOf(row.validity_from, row.validity_to) ?? {},
    boundary: row.boundary,
    at: row.at.toISOString(),
    active: row.active,
    tenant,
  };
}
