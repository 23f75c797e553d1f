import { CustomerDataEventData, EventTypes } from '@cs/contracts';
import { withoutNulls } from '../../common/documents';
import { DocumentEvents } from '../document.repository';
import { CustomerValues } from './customers.mapper';

export const CUSTOMER_EVENTS: DocumentEvents = {
  resourceType: 'customer',
  createdType: EventTypes.customerCreated,
  updatedType: EventTypes.customerUpdated,
  deletedType: EventTypes.customerDeleted,
  deletedData: `jsonb_build_object('id', id)`,
};

/** The event data (without `metadata`) of the customer `id` storing `values`. */
export function customerEventData(id: string, values: CustomerValues): Omit<CustomerDataEventData, 'metadata'> {
  return withoutNulls({
    id,
    firstName: values.first_name,
    lastName: values.last_name,
    email: values.email,
    phone: values.phone,
    preferredSite: values.preferred_site,
    preferredLanguage: values.preferred_language,
    preferredCurrency: values.preferred_currency,
    active: values.active,
    b2b: values.b2b,
    businessModel: values.business_model,
    type: values.type,
    company: values.company,
    customerNumber: values.customer_number,
    metadataCreatedAt: values.customer_created_at?.toISOString(),
    mixins: values.mixins,
  });
}
