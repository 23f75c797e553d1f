import { BulkItemResult, EventTypes, Principal } from '@cs/contracts';
import {
  isSegmentId,
  SEGMENT_ID_RULE,
  SegmentCreation,
  SegmentListFilter,
  SegmentResponse,
  SegmentUpdate,
  SegmentUpdateBulk,
} from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Select } from '../database/select';
import { newId } from '../common/documents';
import { fetchPage, ListRequest, Page } from '../common/listing';
import { assertIdItem, validateAs } from '../common/validation';
import { deleteRecordingEvents, recordEvent } from '../database/outbox';
import { CUSTOMER_ASSIGNMENT_DELETION } from '../customer-assignments/customer-assignment.document';
import { ITEM_ASSIGNMENT_DELETION } from '../item-assignments/item-assignment.document';
import { bulkLockKey, Transactions } from '../database/transactions';
import { toParam, upsertVersioned } from '../database/upsert';
import { BadRequestError, ConflictError, NotFoundError } from '../errors/domain-errors';
import {
  applySegmentPatch,
  patchableDocument,
  SEGMENT_COLUMNS,
  SegmentRow,
  segmentValues,
  SegmentValues,
  toSegmentResponse,
} from './segment-document';
import { customerView, readsOwnSegmentsOnly, SqlCondition, visibleToCustomerSql } from './segment-visibility';
import { SEGMENT_ALIAS, SEGMENT_FIELDS, SEGMENT_TIE_BREAKER } from './segments.fields';

@Injectable()
export class SegmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async list(
    principal: Principal,
    list: ListRequest,
    filter: SegmentListFilter,
    languages: string[],
  ): Promise<Page<SegmentResponse>> {
    const page = await fetchPage<SegmentRow>(this.readQuery(principal, filter), list, {
      fieldMap: SEGMENT_FIELDS,
      tieBreaker: SEGMENT_TIE_BREAKER,
    });
    return { ...page, items: page.items.map((row) => toSegmentResponse(row, languages)) };
  }

  async get(
    principal: Principal,
    id: string,
    legalEntityId: string | undefined,
    languages: string[],
  ): Promise<SegmentResponse> {
    const row = await this.readQuery(principal, { legalEntityId }).where('s.id = :id', { id }).getRawOne<SegmentRow>();
    if (!row) throw notFound(id);
    return toSegmentResponse(row, languages);
  }

  create(tenant: string, input: SegmentCreation, language: string | undefined): Promise<string> {
    return this.transactions.run((tx) => this.createIn(tx, tenant, input, language));
  }

  /** PUT: creates (true) or replaces (false) the segment. */
  upsert(tenant: string, id: string, input: SegmentUpdate, language: string | undefined): Promise<boolean> {
    if (!isSegmentId(id))
      throw new BadRequestError(`segmentId must be ${SEGMENT_ID_RULE}.`, id, [
        { field: 'segmentId', message: `must be ${SEGMENT_ID_RULE}` },
      ]);
    return this.transactions.run((tx) => this.upsertIn(tx, tenant, id, input, language));
  }

  patch(tenant: string, id: string, operations: unknown, language: string | undefined): Promise<void> {
    return this.transactions.run(async (tx) => {
      const previous = await lockSegment(tx, tenant, id);
      if (!previous) throw notFound(id);
      const input = await validateAs(
        SegmentUpdate,
        applySegmentPatch(patchableDocument(previous), operations, language),
      );
      await this.write(tx, tenant, id, input, undefined, previous, previous.version);
    });
  }

  remove(tenant: string, id: string, force: boolean): Promise<void> {
    return this.transactions.run((tx) => this.removeIn(tx, tenant, id, force));
  }

  createBulk(tenant: string, items: unknown, language: string | undefined): Promise<BulkItemResult[]> {
    return this.transactions.bulk<unknown>(items, bulkLockKey.fields('id'), async (tx, item) => {
      const id = await this.createIn(tx, tenant, await validateAs(SegmentCreation, item), language);
      return { code: 201, id };
    });
  }

  upsertBulk(tenant: string, items: unknown, language: string | undefined): Promise<BulkItemResult[]> {
    return this.transactions.bulk<unknown>(items, bulkLockKey.fields('id'), async (tx, item) => {
      const input = await validateAs(SegmentUpdateBulk, item);
      const created = await this.upsertIn(tx, tenant, input.id, input, language);
      return { code: created ? 201 : 204, id: input.id };
    });
  }

  removeBulk(tenant: string, ids: unknown, force: boolean): Promise<BulkItemResult[]> {
    return this.transactions.bulk<unknown>(ids, bulkLockKey.itself, async (tx, id) => {
      assertIdItem(id, 'segment id');
      await this.removeIn(tx, tenant, id, force);
      return { code: 204, id };
    });
  }

  /**
   * Segments the caller may read, in one statement: callers restricted to their own segments get the
   * visibility condition; `customerId` (segment_read only) and `legalEntityId` narrow to segments
   * with a matching customer assignment.
   */
  private readQuery(principal: Principal, filter: SegmentListFilter): Select {
    const select = new Select(this.dataSource)
      .select(SEGMENT_COLUMNS)
      .from('segment', SEGMENT_ALIAS)
      .where('s.tenant = :tenant', { tenant: principal.tenant });
    const own = readsOwnSegmentsOnly(principal);
    // A customer token may name only a legal entity it acts for (403 otherwise, as on the item routes):
    // narrowing to any other would tell from 200 or 404 whether the customer is assigned there.
    if (own) customerView(principal, filter.legalEntityId);
    const conditions: SqlCondition[] = own ? [visibleToCustomerSql(SEGMENT_ALIAS, principal)] : [];
    const customerId = own ? principal.customerId : filter.customerId;
    if ((!own && customerId !== undefined) || filter.legalEntityId !== undefined)
      conditions.push(assignedSql(customerId, filter.legalEntityId));
    for (const condition of conditions) select.where(condition.sql, condition.params);
    return select;
  }

  private async createIn(
    tx: EntityManager,
    tenant: string,
    input: SegmentCreation,
    language: string | undefined,
  ): Promise<string> {
    const id = input.id ?? newId();
    const values = segmentValues(input, language);
    const columns = Object.keys(values);
    const params = [tenant, id, ...Object.values(values).map(toParam)];
    const rows: Array<Pick<SegmentRow, 'version' | 'created_at' | 'modified_at'>> = await tx.query(
      `INSERT INTO segment (tenant, id, ${columns.join(', ')}, version, created_at, modified_at)
       VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}, 1, now(), now())
       ON CONFLICT (tenant, id) DO NOTHING
       RETURNING version, created_at, modified_at`,
      params,
    );
    if (!rows.length) throw new ConflictError(`A segment with id '${id}' already exists.`, id);
    await recordEvent(tx, {
      type: EventTypes.segmentCreated,
      tenant,
      payload: toSegmentResponse({ id, ...values, ...rows[0] }, []),
    });
    return id;
  }

  /** PUT semantics: the stored row is locked and read first (Content-Language merge, previousStatus), then upserted. */
  private async upsertIn(
    tx: EntityManager,
    tenant: string,
    id: string,
    input: SegmentUpdate,
    language: string | undefined,
  ): Promise<boolean> {
    return this.write(tx, tenant, id, input, language, await lockSegment(tx, tenant, id), input.metadata?.version);
  }

  /**
   * Upserts with the optimistic lock and records the event, unless the segment held these values already;
   * `previous` is the locked stored row, if any.
   */
  private async write(
    tx: EntityManager,
    tenant: string,
    id: string,
    input: SegmentUpdate,
    language: string | undefined,
    previous: SegmentRow | undefined,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    const values: SegmentValues = segmentValues(input, language, previous);
    const result = await upsertVersioned(tx, {
      table: 'segment',
      key: { tenant, id },
      values: { ...values },
      expectedVersion,
      resourceId: id,
    });
    if (!result.changed) return false;
    const document = toSegmentResponse(
      { id, ...values, version: result.version, created_at: result.createdAt, modified_at: result.modifiedAt },
      [],
    );
    await recordEvent(
      tx,
      result.created
        ? { type: EventTypes.segmentCreated, tenant, payload: document }
        : {
            type: EventTypes.segmentUpdated,
            tenant,
            payload: { ...document, ...(previous && { previousStatus: previous.status }) },
          },
    );
    return result.created;
  }

  /**
   * Deletes a segment (absent: nothing to do), with forceDelete its assignments too. The row is locked
   * first, so no assignment can be added between the check (or the assignments' deletion) and the
   * delete: inserting one takes a key-share lock on the segment.
   */
  private async removeIn(tx: EntityManager, tenant: string, id: string, force: boolean): Promise<void> {
    if (!(await lockSegment(tx, tenant, id))) return;
    if (force) {
      // The assignments go first, each with its deleted event (the foreign keys would cascade to them without one).
      for (const deletion of [CUSTOMER_ASSIGNMENT_DELETION, ITEM_ASSIGNMENT_DELETION])
        await deleteRecordingEvents(tx, { ...deletion, tenant, where: { tenant, segment_id: id } });
    } else {
      const [usage]: Array<{ customers: boolean; items: boolean }> = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM customer_assignment WHERE tenant = $1 AND segment_id = $2) AS customers,
                EXISTS (SELECT 1 FROM item_assignment WHERE tenant = $1 AND segment_id = $2) AS items`,
        [tenant, id],
      );
      const assigned = [usage.customers && 'customers', usage.items && 'items'].filter(Boolean);
      if (assigned.length) {
        throw new BadRequestError(
          `Segment '${id}' still has ${assigned.join(' and ')} assigned; delete with forceDelete=true to remove the assignments too.`,
          id,
          [{ field: 'forceDelete', message: 'must be true to delete a segment that has assignments' }],
        );
      }
    }
    await tx.query('DELETE FROM segment WHERE tenant = $1 AND id = $2', [tenant, id]);
    await recordEvent(tx, { type: EventTypes.segmentDeleted, tenant, payload: { id } });
  }
}

/** The stored row, locked for the rest of the transaction; undefined when absent. */
async function lockSegment(tx: EntityManager, tenant: string, id: string): Promise<SegmentRow | undefined> {
  const rows: SegmentRow[] = await tx.query(
    `SELECT ${SEGMENT_COLUMNS} FROM segment s WHERE s.tenant = $1 AND s.id = $2 FOR UPDATE`,
    [tenant, id],
  );
  return rows[0];
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

const notFound = (id: string) => new NotFoundError(`Segment with id '${id}' not found.`, id);
