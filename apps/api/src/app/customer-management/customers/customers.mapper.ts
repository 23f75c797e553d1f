import { CustomerB2b } from '@cs/contracts';
import { ContactAssignmentCustomer, CustomerSyncB2b, CustomerSyncItem } from '@cs/dto';
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
    preferred_site: item.preferredSite ?? null,
    preferred_language: item.preferredLanguage ?? null,
    preferred_currency: item.preferredCurrency ?? null,
    active: item.active ?? null,
    b2b: item.b2b ? b2bOf(item.b2b) : null,
    business_model: item.businessModel ?? null,
    type: item.type ?? null,
    company: item.company ?? null,
    customer_number: item.customerNumber ?? null,
    customer_created_at: item.metadata?.createdAt ? new Date(item.metadata.createdAt) : null,
    mixins: item.mixins ?? {},
  };
}

/** The `b2b` object as stored: plain JSON of the validated fields, null ones left out. */
function b2bOf(b2b: CustomerSyncB2b): CustomerB2b {
  return withoutNulls({
    companyRegistrationId: b2b.companyRegistrationId,
    legalEntities: b2b.legalEntities?.map((entity) =>
      withoutNulls({ id: entity.id, name: entity.name, contactAssignmentId: entity.contactAssignmentId }),
    ),
  });
}

/** The customer of id `id` as contact assignments show it; only the id when the service holds no data (`row` null). */
export function toResponse(id: string, row: CustomerDataRow | null): ContactAssignmentCustomer {
  return withoutNulls({ id, name: row?.first_name, surname: row?.last_name, email: row?.email, phone: row?.phone });
}
