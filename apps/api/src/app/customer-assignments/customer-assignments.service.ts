import { BulkItemResult } from '@cs/contracts';
import {
  CustomerAssignmentRemoveBulk,
  CustomerAssignmentResponse,
  CustomerAssignmentUpsertBulk,
  MixinsUpsert,
} from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VersionedUpsertRow } from '../database/upsert';
import { ListRequest, Page } from '../common/listing';
import { RequestContext } from '../common/request-context';
import { assertObjectBody, validateAs } from '../common/validation';
import { bulkLockKey, Transactions } from '../database/transactions';
import { BadRequestError, NotFoundError } from '../errors';
import { Metrics } from '../metrics/metrics';
import { customerIdsOfItems, evaluateCustomers, lockCustomers } from '../segments/memberships';
import { upsertBulkIntoSegment } from '../segments/segment-assignment-writes';
import { CUSTOMER_ASSIGNMENTS } from '../segments/segment-assignments';
import { customerView } from '../segments/segment-visibility';
import { AssignmentKey, assignmentKeyText, toResponse, toRow } from './customer-assignments.mapper';
import { CustomerAssignmentsRepository } from './customer-assignments.repository';

@Injectable()
export class CustomerAssignmentsService {
  constructor(
    private readonly assignments: CustomerAssignmentsRepository,
    private readonly transactions: Transactions,
    private readonly metrics: Metrics,
  ) {}

  /**
   * A page of a segment's assignments. Customer tokens see only their own assignments (B2C, and B2B
   * of the token's legal entities when it names any), and only while the segment is visible to them.
   */
  async list(ctx: RequestContext, segmentId: string, list: ListRequest): Promise<Page<CustomerAssignmentResponse>> {
    const page = await this.assignments.page(ctx.tenant, segmentId, customerView(ctx.principal), list);
    return { ...page, items: page.items.map(toResponse) };
  }

  async get(ctx: RequestContext, key: AssignmentKey): Promise<CustomerAssignmentResponse> {
    const row = await this.assignments.find(ctx.tenant, key);
    if (!row) {
      const legalEntity: Array<[string, string]> =
        key.legalEntityId === undefined ? [] : [['legal entity', key.legalEntityId]];
      throw NotFoundError.of('customer assignment', key.customerId, ...legalEntity, ['segment', key.segmentId]);
    }
    return toResponse(row);
  }

  /**
   * Upsert of a manual assignment; true when it was created. No body (or `null`) is an empty document. An
   * AUTOMATIC assignment is the criteria's: a 400.
   */
  upsert(ctx: RequestContext, key: AssignmentKey, body: MixinsUpsert | null | undefined): Promise<boolean> {
    assertObjectBody(body);
    const row = toRow(ctx.tenant, key, body ?? {});
    return this.transactions.run(async (tx) => {
      const [refused] = await this.refuseAutomatic(tx, ctx.tenant, key.segmentId, [key], 'replaced');
      if (refused) throw refused;
      return this.assignments.upsert(tx, ctx.tenant, key.segmentId, row);
    });
  }

  async remove(ctx: RequestContext, key: AssignmentKey): Promise<void> {
    await this.transactions.run((tx) => this.removeIn(tx, ctx, key));
  }

  upsertBulk(ctx: RequestContext, segmentId: string, items: unknown): Promise<BulkItemResult[]> {
    const { tenant } = ctx;
    return upsertBulkIntoSegment(this.transactions, {
      tenant,
      segmentId,
      items,
      assignments: CUSTOMER_ASSIGNMENTS,
      toRow: async (item) => {
        const dto = await validateAs(CustomerAssignmentUpsertBulk, item);
        return { row: toRow(tenant, { segmentId, customerId: dto.customerId, legalEntityId: dto.legalEntityId }, dto) };
      },
      guard: (tx, rows) => this.refuseAutomatic(tx, tenant, segmentId, rows.map(keyOf), 'replaced'),
    });
  }

  removeBulk(ctx: RequestContext, segmentId: string, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(
      items,
      bulkLockKey.fields('customerId', 'legalEntityId'),
      async (tx, item) => {
        const dto = await validateAs(CustomerAssignmentRemoveBulk, item);
        await this.deleteManual(tx, ctx, { segmentId, customerId: dto.customerId, legalEntityId: dto.legalEntityId });
        return { code: 204 };
      },
      {
        // All the items' customers at once, in the one lock order, before any item deletes; evaluated once after all.
        start: (tx, list) => lockCustomers(tx, ctx.tenant, customerIdsOfItems(list)),
        finish: async (tx, results) => {
          const removed = results
            .filter((result) => result.code < 300)
            .map((result) => (items as unknown[])[result.index]);
          await evaluateCustomers(tx, this.metrics, ctx.tenant, customerIdsOfItems(removed), 'manual', segmentId);
        },
      },
    );
  }

  /**
   * Deletes a manual assignment (absent: nothing to do); an AUTOMATIC one is a 400. A customer the segment's criteria
   * match joins again, as an automatic member.
   */
  private async removeIn(tx: EntityManager, ctx: RequestContext, key: AssignmentKey): Promise<void> {
    await this.deleteManual(tx, ctx, key);
    await evaluateCustomers(tx, this.metrics, ctx.tenant, [key.customerId], 'manual', key.segmentId);
  }

  /** The delete of `removeIn` without the evaluation (a bulk evaluates its customers once, after all items). */
  private async deleteManual(tx: EntityManager, ctx: RequestContext, key: AssignmentKey): Promise<void> {
    // Locked before the delete: an evaluation of the customer waiting on the deleted row would wait on us too.
    await lockCustomers(tx, ctx.tenant, [key.customerId]);
    const [refused] = await this.refuseAutomatic(tx, ctx.tenant, key.segmentId, [key], 'deleted');
    if (refused) throw refused;
    await this.assignments.delete(tx, ctx.tenant, key);
  }

  /**
   * Per key, the 400 of an assignment the segment's criteria maintain, or undefined. No lock: an AUTOMATIC assignment
   * inserted after this read is made MANUAL by the upsert (as if the upsert had come first), and the DELETE removes
   * MANUAL assignments only.
   */
  private async refuseAutomatic(
    tx: EntityManager,
    tenant: string,
    segmentId: string,
    keys: readonly AssignmentKey[],
    action: 'replaced' | 'deleted',
  ): Promise<Array<Error | undefined>> {
    const automatic = await this.assignments.automaticKeys(tx, tenant, segmentId, keys);
    return keys.map((key) =>
      automatic.has(assignmentKeyText(key))
        ? new BadRequestError(
            `The assignment of customer '${key.customerId}' to segment '${segmentId}' is AUTOMATIC: the segment's criteria maintain it, it cannot be ${action}. Keep the customer out with /customer-segment/${tenant}/segments/${segmentId}/exclusions.`,
            key.customerId,
            [
              {
                field: 'assignmentType',
                message: `AUTOMATIC assignments cannot be ${action}; use the exclusions route`,
              },
            ],
          )
        : undefined,
    );
  }
}

/** The key of an assignment row to write. */
const keyOf = (row: VersionedUpsertRow): AssignmentKey => ({
  segmentId: row.key.segment_id,
  customerId: row.key.customer_id,
  legalEntityId: row.key.legal_entity_id || undefined,
});
