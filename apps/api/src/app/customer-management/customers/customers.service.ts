import { BulkItemResult } from '@cs/contracts';
import { CUSTOMER_ID_MAX_LENGTH, CustomerSyncItem } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../common/request-context';
import { assertIdItem, validateAs } from '../../common/validation';
import { bulkLockKey, Transactions } from '../../database/transactions';
import { NotFoundError } from '../../errors/domain-errors';
import { Metrics } from '../../metrics/metrics';
import { evaluateCustomers } from '../../segments/memberships';
import { customerEventData } from './customer.events';
import { toRow } from './customers.mapper';
import { CustomersRepository } from './customers.repository';

/**
 * The customer data the service shows for customer ids (contact assignments here, customer
 * assignments of segments there), fed by the tenant's customer service: no read API of its own.
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly transactions: Transactions,
    private readonly metrics: Metrics,
  ) {}

  /** Each item replaces the data held for its customer id: 201 when new, 204 when replaced. */
  upsertBulk(ctx: RequestContext, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(
      items,
      bulkLockKey.fields('id'),
      async (tx, item) => {
        const customer = await validateAs(CustomerSyncItem, item);
        const values = toRow(customer);
        const eventData = customerEventData(customer.id, values);
        const { created } = await this.customers.upsert(tx, { tenant: ctx.tenant, id: customer.id, values, eventData });
        return { code: created ? 201 : 204, id: customer.id };
      },
      { finish: (tx, results) => this.evaluate(tx, ctx, results) },
    );
  }

  /** Forgets the data of each customer id: 204, or 404 when the service holds none; their automatic memberships end. */
  deleteBulk(ctx: RequestContext, ids: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(
      ids,
      bulkLockKey.itself,
      async (tx, id) => {
        assertIdItem(id, 'customer id', CUSTOMER_ID_MAX_LENGTH);
        if (!(await this.customers.delete(tx, ctx.tenant, id))) throw NotFoundError.of('customer', id);
        return { code: 204, id };
      },
      { finish: (tx, results) => this.evaluate(tx, ctx, results) },
    );
  }

  /** The changed customers' memberships of automatic segments, evaluated once for the whole bulk. */
  private async evaluate(tx: EntityManager, ctx: RequestContext, results: readonly BulkItemResult[]): Promise<void> {
    const changed = results.filter((result) => result.code < 300 && result.id !== undefined).map((r) => r.id as string);
    await evaluateCustomers(tx, this.metrics, ctx.tenant, changed, 'data-changed');
  }
}
