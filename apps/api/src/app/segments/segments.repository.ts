import { EventTypes } from '@cs/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../common/listing';
import { deleteRecordingEvents, DeletionWithEvents } from '../database/outbox';
import { Select } from '../database/select';
import { isoTimestampColumns } from '../database/sql';
import {
  outboxInsert,
  toParam,
  UpsertEvent,
  upsertVersioned,
  upsertVersionedMany,
  VersionedUpsertRow,
} from '../database/upsert';
import { ConflictError, NotFoundError } from '../errors/domain-errors';
import {
  AssignmentTable,
  CUSTOMER_ASSIGNMENT_DELETION,
  ITEM_ASSIGNMENT_DELETION,
  SilentAssignmentTable,
  upsertEventsOf,
} from './segment-assignments';
import { SEGMENT_ID_MAX_LENGTH } from './segment.entity';
import { CustomerView } from './segment-visibility';
import { SEGMENT_ALIAS, SEGMENT_FIELDS, SEGMENT_TIE_BREAKER } from './segments.fields';
import { SegmentEventWrite, SegmentRow, SegmentValues } from './segments.mapper';

// Every statement of segments, and the segment conditions the assignment repositories build on.

/** A trusted SQL condition with TypeORM named parameters (`:name`); use `toPositional` from `@cs/query` for raw queries. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** SQL condition: segment `alias` is ACTIVE and now inside its validity window (open ends allowed). `alias` is trusted. */
export function segmentActiveNow(alias: string): string {
  return `(${alias}.status = 'ACTIVE'
    AND (${alias}.validity_from IS NULL OR ${alias}.validity_from <= now())
    AND (${alias}.validity_to IS NULL OR ${alias}.validity_to >= now()))`;
}

/**
 * "Segment `alias` is visible to the calling customer": ACTIVE, now() within its validity (open
 * ends allowed), and the customer is assigned to it. A token carrying legal entity ids counts B2B
 * assignments only for those legal entities (B2C assignments, `legal_entity_id = ''`, always).
 * A principal without a customer sees nothing. `alias` names the `segment` table in the caller's query.
 */
export function visibleToCustomerSql(alias: string, view: CustomerView): SqlCondition {
  if (!ALIAS.test(alias)) throw new Error(`Invalid SQL alias '${alias}'`);
  if (view.customerId === undefined) return { sql: 'FALSE', params: {} };
  const legalEntityIds = view.legalEntityIds?.length ? [...view.legalEntityIds] : undefined;
  const ca = `${alias}_visible_ca`;
  const legalEntity = legalEntityIds
    ? ` AND (${ca}.legal_entity_id = '' OR ${ca}.legal_entity_id = ANY(CAST(:visibleLegalEntityIds AS text[])))`
    : '';
  return {
    sql:
      `(${segmentActiveNow(alias)}` +
      ` AND EXISTS (SELECT 1 FROM customer_assignment ${ca} WHERE ${ca}.tenant = ${alias}.tenant AND ${ca}.segment_id = ${alias}.id` +
      ` AND ${ca}.customer_id = :visibleCustomerId${legalEntity}))`,
    params: { visibleCustomerId: view.customerId, ...(legalEntityIds && { visibleLegalEntityIds: legalEntityIds }) },
  };
}

/**
 * The select list that reads a `SegmentRow` from `segment s`. The server-set metadata timestamps come
 * as ISO text (parsing them into Dates and formatting them again showed in a segment list's profile:
 * tools/bench/results/history.md);
 * validity dates are client input and may lie outside the years 0001-9999 that text form covers.
 */
const SEGMENT_COLUMNS = `s.id, s.name, s.description, s.status, s.site_code, s.validity_from, s.validity_to, s.criteria, s.mixins, s.metadata_mixins, s.version, ${isoTimestampColumns('s')}`;

/** Which segments a read covers. */
export interface SegmentReadScope {
  /** Callers restricted to their own segments: only those visible to this customer. */
  visibleTo?: CustomerView;
  /** Only segments with a customer assignment of this customer and/or in this legal entity. */
  assigned?: { customerId?: string; legalEntityId?: string };
}

/** A segment is deleted with a `segment-deleted` event naming it. */
const SEGMENT_DELETION: Omit<DeletionWithEvents, 'tenant' | 'where'> = {
  table: 'segment',
  type: EventTypes.segmentDeleted,
  resourceType: 'segment',
  resourceId: 'id',
  payload: "jsonb_build_object('id', id, 'tenant', tenant)",
};

/** The upsert event of a segment write: created or updated, by whether the write inserted the row. */
function segmentEvent(tenant: string, id: string, event: SegmentEventWrite): UpsertEvent {
  return {
    tenant,
    createdType: EventTypes.segmentCreated,
    updatedType: EventTypes.segmentUpdated,
    resourceType: 'segment',
    resourceId: id,
    ...event,
  };
}

/** The segment as the parent of an assignment: what the writes into its assignments check and lock. */
const segmentKey = (tenant: string, segmentId: string) => ({ tenant, id: segmentId });

/**
 * Upserts one assignment row into a segment, in one statement: the segment check (404 when absent; the
 * foreign key then keeps the segment until commit), the upsert with its optimistic lock, and its event.
 * An id longer than the column cannot exist, and binding it would fail the statement: "not found" right away.
 */
export async function upsertIntoSegment(
  tx: EntityManager,
  into: {
    tenant: string;
    segmentId: string;
    assignments: AssignmentTable | SilentAssignmentTable;
    row: VersionedUpsertRow;
  },
): Promise<boolean> {
  const { tenant, segmentId, assignments } = into;
  const notFound = () => NotFoundError.of('segment', segmentId);
  if (segmentId.length > SEGMENT_ID_MAX_LENGTH) throw notFound();
  const { event, ...row } = into.row;
  const types = upsertEventsOf(assignments);
  const { created } = await upsertVersioned(tx, {
    table: assignments.table,
    ...row,
    parent: { table: 'segment', key: segmentKey(tenant, segmentId), parentMissing: notFound },
    event: event && types && { tenant, ...types, ...event },
  });
  return created;
}

/**
 * Upserts many assignment rows into one segment: the segment is checked and kept until commit (KEY SHARE) by
 * one statement, then all rows are written with their events by one more. Undefined when the segment is absent.
 */
export async function upsertManyIntoSegment(
  tx: EntityManager,
  into: {
    tenant: string;
    segmentId: string;
    assignments: AssignmentTable | SilentAssignmentTable;
    rows: VersionedUpsertRow[];
  },
): Promise<Awaited<ReturnType<typeof upsertVersionedMany>> | undefined> {
  const found: unknown[] = await tx.query('SELECT 1 FROM segment WHERE tenant = $1 AND id = $2 FOR KEY SHARE', [
    into.tenant,
    into.segmentId,
  ]);
  if (!found.length) return undefined;
  const event = upsertEventsOf(into.assignments);
  return upsertVersionedMany(tx, {
    table: into.assignments.table,
    rows: into.rows,
    event: event && { ...event, tenant: into.tenant },
  });
}

@Injectable()
export class SegmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the segments of `scope`, in one statement (two with the count). */
  page(tenant: string, scope: SegmentReadScope, list: ListRequest): Promise<Page<SegmentRow>> {
    return fetchPage<SegmentRow>(this.read(tenant, scope), list, {
      fieldMap: SEGMENT_FIELDS,
      tieBreaker: SEGMENT_TIE_BREAKER,
    });
  }

  find(tenant: string, scope: SegmentReadScope, id: string): Promise<SegmentRow | undefined> {
    return this.read(tenant, scope).where('s.id = :id', { id }).getRawOne<SegmentRow>();
  }

  /** The stored row, locked for the rest of the transaction; undefined when absent. */
  async lock(tx: EntityManager, tenant: string, id: string): Promise<SegmentRow | undefined> {
    const rows: SegmentRow[] = await tx.query(
      `SELECT ${SEGMENT_COLUMNS} FROM segment s WHERE s.tenant = $1 AND s.id = $2 FOR UPDATE`,
      [tenant, id],
    );
    return rows[0];
  }

  /**
   * Inserts a new segment with its created event, in one statement; a `ConflictError` when the id is taken.
   * Returns the stored metadata columns.
   */
  async insert(
    tx: EntityManager,
    segment: { tenant: string; id: string; values: SegmentValues; event: SegmentEventWrite },
  ): Promise<Pick<SegmentRow, 'version' | 'created_at' | 'modified_at'>> {
    const { tenant, id, values } = segment;
    const params: unknown[] = [];
    const bind = (value: unknown): string => `$${params.push(toParam(value))}`;
    const row = [tenant, id, ...Object.values(values)].map(bind);
    const event = outboxInsert(segmentEvent(tenant, id, segment.event), bind);
    const rows: Array<Pick<SegmentRow, 'version' | 'created_at' | 'modified_at'>> = await tx.query(
      `WITH up AS (INSERT INTO segment (tenant, id, ${Object.keys(values).join(', ')}, version, created_at, modified_at)
         VALUES (${row.join(', ')}, 1, now(), now())
         ON CONFLICT (tenant, id) DO NOTHING
         RETURNING true AS created, version, created_at, modified_at),
       event AS (${event})
       SELECT version, created_at, modified_at FROM up`,
      params,
    );
    if (!rows.length) throw new ConflictError(`A segment with id '${id}' already exists.`, id);
    return rows[0];
  }

  /**
   * Creates or replaces the segment with the optimistic lock (409 when `expectedVersion` is not the stored one), and
   * records its created or updated event in the same statement unless the segment held these values already.
   */
  upsert(
    tx: EntityManager,
    segment: {
      tenant: string;
      id: string;
      values: SegmentValues;
      expectedVersion: number | undefined;
      event: SegmentEventWrite;
    },
  ): ReturnType<typeof upsertVersioned> {
    const { tenant, id } = segment;
    return upsertVersioned(tx, {
      table: 'segment',
      key: { tenant, id },
      values: { ...segment.values },
      expectedVersion: segment.expectedVersion,
      resourceId: id,
      event: segmentEvent(tenant, id, segment.event),
    });
  }

  /** Whether the segment exists with criteria, read without a lock: whether a write must take the rules lock first. */
  async isAutomatic(tx: EntityManager, tenant: string, id: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      'SELECT 1 FROM segment WHERE tenant = $1 AND id = $2 AND criteria IS NOT NULL',
      [tenant, id],
    );
    return rows.length > 0;
  }

  /** Whether the segment has customer and item assignments. */
  async usage(tx: EntityManager, tenant: string, id: string): Promise<{ customers: boolean; items: boolean }> {
    const [usage]: Array<{ customers: boolean; items: boolean }> = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM customer_assignment WHERE tenant = $1 AND segment_id = $2) AS customers,
                EXISTS (SELECT 1 FROM item_assignment WHERE tenant = $1 AND segment_id = $2) AS items`,
      [tenant, id],
    );
    return usage;
  }

  /** Deletes every assignment of the segment, each with its deleted event (the foreign keys would cascade to them without one). */
  async deleteAssignments(tx: EntityManager, tenant: string, id: string): Promise<void> {
    for (const deletion of [CUSTOMER_ASSIGNMENT_DELETION, ITEM_ASSIGNMENT_DELETION])
      await deleteRecordingEvents(tx, { ...deletion, tenant, where: { tenant, segment_id: id } });
  }

  /** Deletes the segment with its deleted event, in one statement. */
  async delete(tx: EntityManager, tenant: string, id: string): Promise<void> {
    await deleteRecordingEvents(tx, { ...SEGMENT_DELETION, tenant, where: { tenant, id } });
  }

  /**
   * Segments of the tenant in one statement: `scope.visibleTo` adds the visibility condition, `scope.assigned`
   * narrows to segments with a matching customer assignment.
   */
  private read(tenant: string, scope: SegmentReadScope): Select {
    const select = new Select(this.dataSource)
      .select(SEGMENT_COLUMNS)
      .from('segment', SEGMENT_ALIAS)
      .where('s.tenant = :tenant', { tenant });
    const conditions: SqlCondition[] = scope.visibleTo ? [visibleToCustomerSql(SEGMENT_ALIAS, scope.visibleTo)] : [];
    if (scope.assigned) conditions.push(assignedSql(scope.assigned.customerId, scope.assigned.legalEntityId));
    for (const condition of conditions) select.where(condition.sql, condition.params);
    return select;
  }
}

/** Segments with a customer assignment of `customerId` and/or in `legalEntityId`. */
function assignedSql(customerId: string | undefined, legalEntityId: string | undefined): SqlCondition {
  const customer = customerId !== undefined ? ' AND fca.customer_id = :filterCustomerId' : '';
  const legalEntity = legalEntityId !== undefined ? ' AND fca.legal_entity_id = :filterLegalEntityId' : '';
  return {
    sql: `EXISTS (SELECT 1 FROM customer_assignment fca WHERE fca.tenant = s.tenant AND fca.segment_id = s.id${customer}${legalEntity})`,
    params: {
      ...(customer && { filterCustomerId: customerId }),
      ...(legalEntity && { filterLegalEntityId: legalEntityId }),
    },
  };
}
