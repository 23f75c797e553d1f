import { BulkItemResult, ItemType } from '@cs/contracts';
import { ItemAssignmentResponse, ItemAssignmentUpsertBulk, MixinsUpsert } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { ListRequest, Page } from '../common/listing';
import { RequestContext } from '../common/request-context';
import { assertIdItem, validateAs } from '../common/validation';
import { bulkLockKey, Transactions } from '../database/transactions';
import { NotFoundError } from '../errors/domain-errors';
import { upsertBulkIntoSegment } from '../segments/segment-assignment-writes';
import { ITEM_ASSIGNMENTS } from '../segments/segment-assignments';
import { CustomerView } from '../segments/segment-visibility';
import { assertItemId, toResponse, toRow } from './item-assignments.mapper';
import { ItemAssignmentsRepository, ItemKey, ItemListScope } from './item-assignments.repository';

@Injectable()
export class ItemAssignmentsService {
  constructor(
    private readonly items: ItemAssignmentsRepository,
    private readonly transactions: Transactions,
  ) {}

  async list(ctx: RequestContext, scope: ItemListScope, list: ListRequest): Promise<Page<ItemAssignmentResponse>> {
    const page = await this.items.page(ctx.tenant, scope, list);
    return { ...page, items: page.items.map((row) => toResponse(row, ctx.languages)) };
  }

  async get(ctx: RequestContext, key: ItemKey, view: CustomerView | undefined): Promise<ItemAssignmentResponse> {
    const row = await this.items.find(ctx.tenant, key, view);
    if (!row) throw NotFoundError.of(`${key.type.toLowerCase()} assignment`, key.itemId, ['segment', key.segmentId]);
    return toResponse(row, ctx.languages);
  }

  /** Upsert; true when the assignment was created. */
  upsert(ctx: RequestContext, key: ItemKey, body: MixinsUpsert): Promise<boolean> {
    assertItemId(key.itemId);
    const row = toRow(ctx.tenant, key, body);
    return this.transactions.run((tx) => this.items.upsert(tx, ctx.tenant, key.segmentId, row));
  }

  async remove(ctx: RequestContext, key: ItemKey): Promise<void> {
    await this.transactions.run((tx) => this.items.delete(tx, ctx.tenant, key));
  }

  upsertBulk(ctx: RequestContext, segmentId: string, type: ItemType, items: unknown): Promise<BulkItemResult[]> {
    const { tenant } = ctx;
    return upsertBulkIntoSegment(this.transactions, {
      tenant,
      segmentId,
      items,
      assignments: ITEM_ASSIGNMENTS,
      toRow: async (item) => {
        const dto = await validateAs(ItemAssignmentUpsertBulk, item);
        return { row: toRow(tenant, { segmentId, type, itemId: dto.id }, dto), id: dto.id };
      },
    });
  }

  removeBulk(ctx: RequestContext, segmentId: string, type: ItemType, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.itself, async (tx, itemId) => {
      assertIdItem(itemId, 'item id');
      await this.items.delete(tx, ctx.tenant, { segmentId, type, itemId });
      return { code: 204, id: itemId };
    });
  }
}
