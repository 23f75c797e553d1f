import { BulkItemResult } from '@cs/contracts';
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
import { EntityManager } from 'typeorm';
import { newId } from '../common/documents';
import { ListRequest, Page } from '../common/listing';
import { RequestContext } from '../common/request-context';
import { assertIdItem, validateAs } from '../common/validation';
import { BulkItemOutcome, bulkLockKey, Transactions } from '../database/transactions';
import { BadRequestError, NotFoundError } from '../errors/domain-errors';
import { Metrics } from '../metrics/metrics';
import { Criteria, parseCriteria } from './criteria';
import { evaluateSegment, lockRulesOfTenant } from './memberships';
import { applySegmentPatch, patchableDocument } from './segment-patch';
import { customerView, readsOwnSegmentsOnly } from './segment-visibility';
import { SegmentRow, toEventWrite, toResponse, toRow } from './segments.mapper';
import { SegmentReadScope, SegmentsRepository } from './segments.repository';
import { ValidityAnnouncer } from './validity-announcer';

/** What a PUT or PATCH writes over the stored segment. */
interface SegmentWrite {
  input: SegmentUpdate;
  /** Whether the transaction holds the tenant's rules lock already. */
  rulesLocked: boolean;
  /** `Content-Language` of localized fields sent as strings; a patch has applied it already. */
  language: string | undefined;
  /** The locked stored row, if any. */
  previous: SegmentRow | undefined;
  expectedVersion: number | undefined;
}

@Injectable()
export class SegmentsService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly transactions: Transactions,
    private readonly metrics: Metrics,
    private readonly validity: ValidityAnnouncer,
  ) {}

  async list(ctx: RequestContext, list: ListRequest, filter: SegmentListFilter): Promise<Page<SegmentResponse>> {
    const page = await this.segments.page(ctx.tenant, readScope(ctx, filter), list);
    const showCriteria = !readsOwnSegmentsOnly(ctx.principal);
    return { ...page, items: page.items.map((row) => toResponse(row, ctx.languages, showCriteria)) };
  }

  async get(ctx: RequestContext, id: string, legalEntityId: string | undefined): Promise<SegmentResponse> {
    const row = await this.segments.find(ctx.tenant, readScope(ctx, { legalEntityId }), id);
    if (!row) throw NotFoundError.of('segment', id);
    return toResponse(row, ctx.languages, !readsOwnSegmentsOnly(ctx.principal));
  }

  create(ctx: RequestContext, input: SegmentCreation): Promise<string> {
    return this.writing((tx) => this.createIn(tx, ctx, input));
  }

  /** PUT: creates (true) or replaces (false) the segment. */
  upsert(ctx: RequestContext, id: string, input: SegmentUpdate): Promise<boolean> {
    if (!isSegmentId(id))
      throw new BadRequestError(`segmentId must be ${SEGMENT_ID_RULE}.`, id, [
        { field: 'segmentId', message: `must be ${SEGMENT_ID_RULE}` },
      ]);
    return this.writing((tx) => this.upsertIn(tx, ctx, id, input));
  }

  patch(ctx: RequestContext, id: string, operations: unknown): Promise<void> {
    return this.writing(async (tx) => {
      // The rules lock comes before the row's lock when the segment is automatic or the patch may set criteria.
      const rulesLocked = await this.lockRulesIf(
        tx,
        ctx,
        patchesCriteria(operations) || (await this.segments.isAutomatic(tx, ctx.tenant, id)),
      );
      const previous = await this.segments.lock(tx, ctx.tenant, id);
      if (!previous) throw NotFoundError.of('segment', id);
      const document = applySegmentPatch(patchableDocument(previous), operations, ctx.contentLanguage);
      // The patched document is whole: criteria it no longer has were removed.
      const input = { ...(await validateAs(SegmentUpdate, document)) };
      input.criteria ??= null;
      await this.write(tx, ctx, id, {
        input,
        rulesLocked,
        language: undefined,
        previous,
        expectedVersion: previous.version,
      });
    });
  }

  remove(ctx: RequestContext, id: string, force: boolean): Promise<void> {
    return this.transactions.run((tx) => this.removeIn(tx, ctx, id, force));
  }

  createBulk(ctx: RequestContext, items: unknown): Promise<BulkItemResult[]> {
    return this.writingBulk(items, bulkLockKey.fields('id'), async (tx, item) => {
      const id = await this.createIn(tx, ctx, await validateAs(SegmentCreation, item));
      return { code: 201, id };
    });
  }

  upsertBulk(ctx: RequestContext, items: unknown): Promise<BulkItemResult[]> {
    return this.writingBulk(items, bulkLockKey.fields('id'), async (tx, item) => {
      const input = await validateAs(SegmentUpdateBulk, item);
      const created = await this.upsertIn(tx, ctx, input.id, input);
      return { code: created ? 201 : 204, id: input.id };
    });
  }

  removeBulk(ctx: RequestContext, ids: unknown, force: boolean): Promise<BulkItemResult[]> {
    return this.transactions.bulk<unknown>(ids, bulkLockKey.itself, async (tx, id) => {
      assertIdItem(id, 'segment id');
      await this.removeIn(tx, ctx, id, force);
      return { code: 204, id };
    });
  }

  /**
   * `Transactions.run` and `Transactions.bulk` for writes of segments: once they have committed, the validity
   * announcer looks again, since a boundary a write set ahead may come before the one its timer waits for.
   */
  private async writing<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const written = await this.transactions.run(work);
    this.validity.wake();
    return written;
  }

  private async writingBulk(
    items: unknown,
    lockKey: Parameters<Transactions['bulk']>[1],
    handle: (tx: EntityManager, item: unknown) => Promise<BulkItemOutcome>,
  ): Promise<BulkItemResult[]> {
    const written = await this.transactions.bulk(items, lockKey, handle);
    this.validity.wake();
    return written;
  }

  /** Inserts the segment; with criteria, its members join in the same transaction. */
  private async createIn(tx: EntityManager, ctx: RequestContext, input: SegmentCreation): Promise<string> {
    const id = input.id ?? newId();
    const { tenant } = ctx;
    const criteria = criteriaOf(input);
    const values = toRow(input, ctx.contentLanguage);
    await this.lockRulesIf(tx, ctx, criteria !== null);
    await this.segments.insert(tx, { tenant, id, values, event: toEventWrite({ tenant, id, values }) });
    if (criteria) await evaluateSegment(tx, this.metrics, tenant, id, criteria);
    return id;
  }

  /** PUT semantics: the stored row is locked and read first (Content-Language merge, previousStatus), then upserted. */
  private async upsertIn(tx: EntityManager, ctx: RequestContext, id: string, input: SegmentUpdate): Promise<boolean> {
    const rulesLocked = await this.lockRulesIf(
      tx,
      ctx,
      criteriaOf(input) !== null || (await this.segments.isAutomatic(tx, ctx.tenant, id)),
    );
    const previous = await this.segments.lock(tx, ctx.tenant, id);
    const expectedVersion = input.metadata?.version;
    return this.write(tx, ctx, id, {
      input,
      rulesLocked,
      language: ctx.contentLanguage,
      previous,
      expectedVersion,
    });
  }

  /**
   * Upserts with the optimistic lock and its event, unless the segment held these values already; when the criteria
   * changed, the segment's membership is evaluated again in the same transaction.
   */
  private async write(tx: EntityManager, ctx: RequestContext, id: string, write: SegmentWrite): Promise<boolean> {
    const { tenant } = ctx;
    const values = toRow(write.input, write.language, write.previous);
    // The row is locked when it exists: a previous status means the write updates it.
    const event = toEventWrite({ tenant, id, values }, write.previous?.status);
    const result = await this.segments.upsert(tx, {
      tenant,
      id,
      values,
      expectedVersion: write.expectedVersion,
      event,
    });
    if ((write.previous?.criteria ?? null) !== values.criteria) {
      // Criteria set between the unlocked look and the row lock: rare, and a deadlock it might cause is retried.
      if (!write.rulesLocked) await lockRulesOfTenant(tx, tenant);
      await evaluateSegment(tx, this.metrics, tenant, id, criteriaOf(values));
    }
    return result.created;
  }

  /** Takes the tenant's rules lock when `needed` (see segments/memberships.ts); whether it did. */
  private async lockRulesIf(tx: EntityManager, ctx: RequestContext, needed: boolean): Promise<boolean> {
    if (needed) await lockRulesOfTenant(tx, ctx.tenant);
    return needed;
  }

  /**
   * Deletes a segment (absent: nothing to do), with forceDelete its assignments too. The row is locked
   * first, so no assignment can be added between the check (or the assignments' deletion) and the
   * delete: inserting one takes a key-share lock on the segment.
   */
  private async removeIn(tx: EntityManager, ctx: RequestContext, id: string, force: boolean): Promise<void> {
    const { tenant } = ctx;
    // Deleting an automatic segment must not race a change of customer data that evaluates it.
    await this.lockRulesIf(tx, ctx, await this.segments.isAutomatic(tx, tenant, id));
    if (!(await this.segments.lock(tx, tenant, id))) return;
    if (force) {
      await this.segments.deleteAssignments(tx, tenant, id);
    } else {
      const usage = await this.segments.usage(tx, tenant, id);
      const assigned = [usage.customers && 'customers', usage.items && 'items'].filter(Boolean);
      if (assigned.length) {
        throw new BadRequestError(
          `Segment '${id}' still has ${assigned.join(' and ')} assigned; delete with forceDelete=true to remove the assignments too.`,
          id,
          [{ field: 'forceDelete', message: 'must be true to delete a segment that has assignments' }],
        );
      }
    }
    await this.segments.delete(tx, tenant, id);
  }
}

/** Whether a patch body has an operation on `/criteria` (or on the whole document); checked properly later. */
function patchesCriteria(operations: unknown): boolean {
  return (
    Array.isArray(operations) &&
    operations.some((operation: { path?: unknown } | null) => {
      const path = operation?.path;
      return typeof path !== 'string' || path === '' || path.startsWith('/criteria');
    })
  );
}

/** The criteria of a validated body, checked (400 naming the position); null for a manual segment. */
function criteriaOf(input: { criteria?: string | null }): Criteria | null {
  return input.criteria === undefined || input.criteria === null ? null : parseCriteria(input.criteria);
}

/**
 * The segments the caller may read: callers restricted to their own segments see only the visible ones;
 * `customerId` (segment_read only) and `legalEntityId` narrow to segments with a matching customer assignment.
 */
function readScope(ctx: RequestContext, filter: SegmentListFilter): SegmentReadScope {
  const { principal } = ctx;
  const own = readsOwnSegmentsOnly(principal);
  // A customer token may name only a legal entity it acts for (403 otherwise, as on the item routes):
  // narrowing to any other would tell from 200 or 404 whether the customer is assigned there.
  if (own) customerView(principal, filter.legalEntityId);
  const customerId = own ? principal.customerId : filter.customerId;
  const narrowed = (!own && customerId !== undefined) || filter.legalEntityId !== undefined;
  return {
    ...(own && { visibleTo: principal }),
    ...(narrowed && { assigned: { customerId, legalEntityId: filter.legalEntityId } }),
  };
}
