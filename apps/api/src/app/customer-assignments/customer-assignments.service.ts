import { BulkItemResult } from '@cs/contracts';
import {
  CustomerAssignmentRemoveBulk,
  CustomerAssignmentResponse,
  CustomerAssignmentUpsertBulk,
  MixinsUpsert,
} from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { ListRequest, Page } from '../common/listing';
import { RequestContext } from '../common/request-context';
import { assertObjectBody, validateAs } from '../common/validation';
import { bulkLockKey, Transactions } from '../database/transactions';
import { NotFoundError } from '../errors';
import { upsertBulkIntoSegment } from '../segments/segment-assignment-writes';
import { CUSTOMER_ASSIGNMENTS } from '../segments/segment-assignments';
import { customerView } from '../segments/segment-visibility';
import { AssignmentKey, toResponse, toRow } from './customer-assignments.mapper';
import { CustomerAssignmentsRepository } from './customer-assignments.repository';

@Injectable()
export class CustomerAssignmentsService {
  constructor(
    private readonly assignments: CustomerAssignmentsRepository,
    private readonly transactions: Transactions,
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

  /** Upsert; true when the assignment was created. No body (or `null`) is an empty document. */
  upsert(ctx: RequestContext, key: AssignmentKey, body: MixinsUpsert | null | undefined): Promise<boolean> {
    assertObjectBody(body);
    const row = toRow(ctx.tenant, key, body ?? {});
    return this.transactions.run((tx) => this.assignments.upsert(tx, ctx.tenant, key.segmentId, row));
  }

  async remove(ctx: RequestContext, key: AssignmentKey): Promise<void> {
    await this.transactions.run((tx) => this.assignments.delete(tx, ctx.tenant, key));
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
    });
  }

  removeBulk(ctx: RequestContext, segmentId: string, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.fields('customerId', 'legalEntityId'), async (tx, item) => {
      const dto = await validateAs(CustomerAssignmentRemoveBulk, item);
      const key = { segmentId, customerId: dto.customerId, legalEntityId: dto.legalEntityId };
      await this.assignments.delete(tx, ctx.tenant, key);
      return { code: 204 };
    });
  }
}
