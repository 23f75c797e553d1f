import { BulkItemResult } from '@cs/contracts';
import { ExclusionRemoveBulk, ExclusionResponse, ExclusionUpsertBulk, MixinsUpsert } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { ListRequest, Page } from '../../common/listing';
import { RequestContext } from '../../common/request-context';
import { assertObjectBody, validateAs } from '../../common/validation';
import { bulkLockKey, Transactions } from '../../database/transactions';
import { NotFoundError } from '../../errors';
import { Metrics } from '../../metrics/metrics';
import { customerIdsOfItems, evaluateCustomers, lockCustomers } from '../../segments/memberships';
import { upsertBulkIntoSegment } from '../../segments/segment-assignment-writes';
import { ExclusionKey, toResponse, toRow } from './exclusions.mapper';
import { EXCLUSIONS, ExclusionsRepository } from './exclusions.repository';

/**
 * A segment's exclusions: customers its criteria must not take in. Each write re-evaluates the customers in the
 * segment in its transaction (an AUTOMATIC member leaves with reason `excluded`, or joins again with `included`);
 * the customers' locks are taken before the write locks the segment (the order of segments/memberships.ts).
 */
@Injectable()
export class ExclusionsService {
  constructor(
    private readonly exclusions: ExclusionsRepository,
    private readonly transactions: Transactions,
    private readonly metrics: Metrics,
  ) {}

  async list(ctx: RequestContext, segmentId: string, list: ListRequest): Promise<Page<ExclusionResponse>> {
    const page = await this.exclusions.page(ctx.tenant, segmentId, list);
    return { ...page, items: page.items.map(toResponse) };
  }

  async get(ctx: RequestContext, key: ExclusionKey): Promise<ExclusionResponse> {
    const row = await this.exclusions.find(ctx.tenant, key);
    if (!row) {
      const legalEntity: Array<[string, string]> =
        key.legalEntityId === undefined ? [] : [['legal entity', key.legalEntityId]];
      throw NotFoundError.of('exclusion', key.customerId, ...legalEntity, ['segment', key.segmentId]);
    }
    return toResponse(row);
  }

  /** Upsert of an exclusion; true when it was created. No body (or `null`) is an empty document. */
  upsert(ctx: RequestContext, key: ExclusionKey, body: MixinsUpsert | null | undefined): Promise<boolean> {
    assertObjectBody(body);
    const { tenant } = ctx;
    const row = toRow(tenant, key, body ?? {});
    return this.transactions.run(async (tx) => {
      await lockCustomers(tx, tenant, [key.customerId]);
      const created = await this.exclusions.upsert(tx, tenant, key.segmentId, row);
      await evaluateCustomers(tx, this.metrics, tenant, [key.customerId], 'excluded', key.segmentId);
      return created;
    });
  }

  /** Deletes an exclusion (absent: nothing to do); a customer the segment's criteria match joins again. */
  async remove(ctx: RequestContext, key: ExclusionKey): Promise<void> {
    const { tenant } = ctx;
    await this.transactions.run(async (tx) => {
      await lockCustomers(tx, tenant, [key.customerId]);
      await this.exclusions.delete(tx, tenant, key);
      await evaluateCustomers(tx, this.metrics, tenant, [key.customerId], 'included', key.segmentId);
    });
  }

  upsertBulk(ctx: RequestContext, segmentId: string, items: unknown): Promise<BulkItemResult[]> {
    const { tenant } = ctx;
    const customersOf = (rows: ReadonlyArray<{ key: Record<string, string> }>) =>
      rows.map((row) => row.key.customer_id);
    return upsertBulkIntoSegment(this.transactions, {
      tenant,
      segmentId,
      items,
      assignments: EXCLUSIONS,
      toRow: async (item) => {
        const dto = await validateAs(ExclusionUpsertBulk, item);
        return { row: toRow(tenant, { segmentId, customerId: dto.customerId, legalEntityId: dto.legalEntityId }, dto) };
      },
      guard: async (tx, rows) => {
        await lockCustomers(tx, tenant, customersOf(rows));
        return [];
      },
      finish: async (tx, written) => {
        await evaluateCustomers(tx, this.metrics, tenant, customersOf(written), 'excluded', segmentId);
      },
    });
  }

  removeBulk(ctx: RequestContext, segmentId: string, items: unknown): Promise<BulkItemResult[]> {
    const { tenant } = ctx;
    return this.transactions.bulk(
      items,
      bulkLockKey.fields('customerId', 'legalEntityId'),
      async (tx, item) => {
        const dto = await validateAs(ExclusionRemoveBulk, item);
        await this.exclusions.delete(tx, tenant, {
          segmentId,
          customerId: dto.customerId,
          legalEntityId: dto.legalEntityId,
        });
        return { code: 204 };
      },
      {
        start: (tx, list) => lockCustomers(tx, tenant, customerIdsOfItems(list)),
        finish: async (tx, results) => {
          const removed = results
            .filter((result) => result.code < 300)
            .map((result) => (items as unknown[])[result.index]);
          await evaluateCustomers(tx, this.metrics, tenant, customerIdsOfItems(removed), 'included', segmentId);
        },
      },
    );
  }
}
