import { ContactAssignmentCustomer, CustomerSyncItem } from '@cs/dto';
import { withoutNulls } from '../../common/documents';
import { OwnColumns, Row } from '../../database/columns';
import { CustomerEntity } from './customer.entity';

/** The stored columns a sync item writes; `metadata_mixins` keeps its default (the sync sends none). */
export type CustomerValues = Omit<OwnColumns<CustomerEntity>, 'id' | 'metadata_mixins'>;

/** The customer data other documents show (`to_jsonb(c)` of a `customer` row). */
export type CustomerDataRow = Pick<Row<CustomerEntity>, 'first_name' | 'last_name' | 'email' | 'phone'>;

/** Each sync item replaces the data held for its customer id. */
export function toRow(item: CustomerSyncItem): CustomerValues {
  return {
    first_name: item.firstName ?? null,
    last_name: item.lastName ?? null,
    email: item.email ?? null,
    phone: item.phone ?? null,
    mixins: item.mixins ?? {},
  };
}

/** The customer of id `id` as contact assignments show it; only the id when the service holds no data (`row` null). */
export function toResponse(id: string, row: CustomerDataRow | null): ContactAssignmentCustomer {
  return withoutNulls({ id, name: row?.first_name, surname: row?.last_name, email: row?.email, phone: row?.phone });
}
