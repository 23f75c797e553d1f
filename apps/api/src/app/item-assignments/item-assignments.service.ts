import { BulkItemResult, ItemType } from '@cs/contracts';
import { ItemAssignmentResponse, ItemAssignmentUpsertBulk, MixinsUpsert } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { ListRequest, PreparedPage, preparePage } from '../common/listing';
import { RequestContext } from '../common/request-context';
import { assertIdItem, validateAs } from '../common/validation';
import { bulkLockKey, Transactions } from '../database/transactions';
import { NotFoundError } from '../errors/domain-errors';
import { upsertBulkIntoSegment } from '../segments/segment-assignment-writes';
import { ITEM_ASSIGNMENTS } from '../segments/segment-assignments';
import { CustomerView } from '../segments/segment-visibility';
import { assertItemId, toResponse, toRow } from './item-assignments.mapper';
import { ItemAssignmentsRepository, ItemKey, ItemListScope } from './item-assignments.repository';
import { ReadModel } from './read-model.service';

@Injectable()
export class ItemAssignmentsService {
  constructor(
    private readonly items: ItemAssignmentsRepository,
    private readonly transactions: Transactions,
    private readonly readModel: ReadModel,
  ) {}

  /**
   * A page of the list, serialized. With the read model, the page is cached per segment selection (the scope,
   * evaluated at the read's now), generations, list request and languages.
   */
  async list(ctx: RequestContext, scope: ItemListScope, list: ListRequest): Promise<PreparedPage> {
    const { q, sort, paging, withTotal, fields } = list;
    const key = [q, sort ?? null, paging.offset, paging.limit, withTotal, fields ?? null, ctx.languages];
    return this.readModel.selectedAnswer('items', ctx.tenant, scope.view, scope, key, async (segmentIds) => {
      const page = await this.items.page(ctx.tenant, segmentIds ? { segmentIds } : scope, list);
      return preparePage({ ...page, items: page.items.map((row) => toResponse(row, ctx.languages)) }, list.fields);
    });
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
