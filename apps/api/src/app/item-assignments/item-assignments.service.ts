import { BulkItemResult, ItemType } from '@cs/contracts';
import { ItemAssignmentResponse, ItemAssignmentUpsertBulk, MixinsUpsert } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampColumns } from '../database/sql';
import { Select } from '../database/select';
import { fetchPage, ListRequest, Page } from '../common/listing';
import { assertIdItem, validateAs } from '../common/validation';
import { deleteRecordingEvents } from '../database/outbox';
import { bulkLockKey, Transactions } from '../database/transactions';
import { NotFoundError } from '../errors/domain-errors';
import { assertItemId, ItemAssignmentRow, itemAssignmentRow, toDocument } from './item-assignment.document';
import { upsertBulkIntoSegment } from '../segments/segment-assignment-writes';
import { ITEM_ASSIGNMENT_DELETION, ITEM_ASSIGNMENTS } from '../segments/segment-assignments';
import { segmentActiveNow, upsertIntoSegment, visibleToCustomerSql } from '../segments/segments.repository';
import { ITEM_ASSIGNMENT_LIST, ITEM_CODE_SQL, ITEM_NAME_SQL } from './item-assignments.fields';
import { CustomerView } from '../segments/segment-visibility';

/** Which assignments a list covers. */
export interface ItemListScope {
  /** One segment's items; absent: across all segments. */
  segmentId?: string;
  siteCode?: string;
  /** Only segments that are ACTIVE and currently valid. */
  onlyActive?: boolean;
  /** Set for customer tokens: only the customer's visible segments. */
  view?: CustomerView;
}

interface ItemKey {
  segmentId: string;
  type: ItemType;
  itemId: string;
}

@Injectable()
export class ItemAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async list(
    tenant: string,
    scope: ItemListScope,
    list: ListRequest,
    languages: string[],
  ): Promise<Page<ItemAssignmentResponse>> {
    const select = this.select(tenant, scope);
    if (scope.segmentId !== undefined) select.where('ia.segment_id = :segmentId', { segmentId: scope.segmentId });
    if (scope.siteCode !== undefined) select.where('s.site_code = :siteCode', { siteCode: scope.siteCode });
    if (scope.onlyActive) select.where(segmentActiveNow('s'));
    const page = await fetchPage<ItemAssignmentRow>(select, list, ITEM_ASSIGNMENT_LIST);
    return { ...page, items: page.items.map((row) => toDocument(row, languages)) };
  }

  async get(
    tenant: string,
    key: ItemKey,
    view: CustomerView | undefined,
    languages: string[],
  ): Promise<ItemAssignmentResponse> {
    const row = await this.select(tenant, { view })
      .where('ia.segment_id = :segmentId AND ia.type = :type AND ia.item_id = :itemId', { ...key })
      .getRawOne<ItemAssignmentRow>();
    if (!row)
      throw new NotFoundError(
        `Item assignment ${key.type} ${key.itemId} of segment ${key.segmentId} not found.`,
        key.itemId,
      );
    return toDocument(row, languages);
  }

  /** Upsert; true when the assignment was created. */
  upsert(tenant: string, key: ItemKey, body: MixinsUpsert): Promise<boolean> {
    assertItemId(key.itemId);
    return this.transactions.run((tx) => this.write(tx, tenant, key, body));
  }

  async remove(tenant: string, key: ItemKey): Promise<void> {
    await this.transactions.run((tx) => this.delete(tx, tenant, key));
  }

  upsertBulk(tenant: string, segmentId: string, type: ItemType, items: unknown): Promise<BulkItemResult[]> {
    return upsertBulkIntoSegment(this.transactions, {
      tenant,
      segmentId,
      items,
      assignments: ITEM_ASSIGNMENTS,
      toRow: async (item) => {
        const dto = await validateAs(ItemAssignmentUpsertBulk, item);
        return { row: itemAssignmentRow(tenant, { segmentId, type, itemId: dto.id }, dto), id: dto.id };
      },
    });
  }

  removeBulk(tenant: string, segmentId: string, type: ItemType, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.itself, async (tx, itemId) => {
      assertIdItem(itemId, 'item id');
      await this.delete(tx, tenant, { segmentId, type, itemId });
      return { code: 204, id: itemId };
    });
  }

  /**
   * Assignments joined to their segment (for site, status and visibility) and, by type, to the
   * catalog product or category that gives the item its code and name.
   */
  private select(tenant: string, scope: Pick<ItemListScope, 'view'>): Select {
    const select = new Select(this.dataSource)
      .from('item_assignment', 'ia')
      .innerJoin('segment', 's', 's.tenant = ia.tenant AND s.id = ia.segment_id')
      .leftJoin(
        'catalog_product',
        'product',
        "ia.type = 'PRODUCT' AND product.tenant = ia.tenant AND product.id = ia.item_id",
      )
      .leftJoin(
        'catalog_category',
        'category',
        "ia.type = 'CATEGORY' AND category.tenant = ia.tenant AND category.id = ia.item_id",
      )
      .select('ia.segment_id', 'segmentId')
      .select('ia.type', 'type')
      .select('ia.item_id', 'itemId')
      .select(ITEM_CODE_SQL, 'code')
      .select(ITEM_NAME_SQL, 'name')
      .select('ia.mixins', 'mixins')
      .select('ia.metadata_mixins', 'metadata_mixins')
      .select('ia.version', 'version')
      .select(isoTimestampColumns('ia'))
      .where('ia.tenant = :tenant', { tenant });
    if (scope.view) {
      const visible = visibleToCustomerSql('s', scope.view);
      select.where(visible.sql, visible.params);
    }
    return select;
  }

  private async write(tx: EntityManager, tenant: string, key: ItemKey, body: MixinsUpsert): Promise<boolean> {
    const row = itemAssignmentRow(tenant, key, body);
    return upsertIntoSegment(tx, { tenant, segmentId: key.segmentId, assignments: ITEM_ASSIGNMENTS, row });
  }

  /** Deleting an absent assignment is no error; only a real deletion is an event. */
  private async delete(tx: EntityManager, tenant: string, key: ItemKey): Promise<void> {
    await deleteRecordingEvents(tx, {
      ...ITEM_ASSIGNMENT_DELETION,
      tenant,
      where: { tenant, segment_id: key.segmentId, type: key.type, item_id: key.itemId },
    });
  }
}
