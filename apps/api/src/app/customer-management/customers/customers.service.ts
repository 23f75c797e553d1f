import { BulkItemResult } from '@cs/contracts';
import { CUSTOMER_ID_MAX_LENGTH, CustomerSyncItem } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { assertIdItem, validateAs } from '../../common/validation';
import { bulkLockKey, Transactions } from '../../database/transactions';
import { upsertVersioned } from '../../database/upsert';
import { deleteDocument } from '../documents';

/**
 * The customer data the service shows for customer ids (contact assignments here, customer
 * assignments of segments there), fed by the tenant's customer service: no read API of its own.
 */
@Injectable()
export class CustomersService {
  constructor(private readonly transactions: Transactions) {}

  /** Each item replaces the data held for its customer id: 201 when new, 204 when replaced. */
  upsertBulk(tenant: string, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.fields('id'), async (tx, item) => {
      const customer = await validateAs(CustomerSyncItem, item);
      const { created } = await upsertVersioned(tx, {
        table: 'customer',
        key: { tenant, id: customer.id },
        values: {
          first_name: customer.firstName ?? null,
          last_name: customer.lastName ?? null,
          email: customer.email ?? null,
          phone: customer.phone ?? null,
          mixins: customer.mixins ?? {},
        },
        resourceId: customer.id,
      });
      return { code: created ? 201 : 204, id: customer.id };
    });
  }

  /** Forgets the data of each customer id: 204, or 404 when the service holds none. */
  deleteBulk(tenant: string, ids: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(ids, bulkLockKey.itself, async (tx, id) => {
      assertIdItem(id, 'customer id', CUSTOMER_ID_MAX_LENGTH);
      await deleteDocument(tx, 'customer', tenant, id);
      return { code: 204, id };
    });
  }
}
