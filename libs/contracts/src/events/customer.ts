import { CustomerBusinessModel, CustomerType } from '../enums';
import { EventMetadata } from './common';

/** Events of the customer data the sync endpoints feed (`customer.*`). */
export const CustomerEventTypes = {
  customerCreated: 'customer.customer-created',
  customerUpdated: 'customer.customer-updated',
  customerDeleted: 'customer.customer-deleted',
} as const;

/** The B2B properties of a customer, as the customer service holds them (its `b2b` object). */
export interface CustomerB2b {
  companyRegistrationId?: string;
  legalEntities?: Array<{ id?: string; name?: string; contactAssignmentId?: string }>;
}

/** The customer data as stored after the change; absent fields are left out. */
export interface CustomerDataEventData {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  preferredSite?: string;
  preferredLanguage?: string;
  preferredCurrency?: string;
  active?: boolean;
  b2b?: CustomerB2b;
  businessModel?: CustomerBusinessModel;
  type?: CustomerType;
  company?: string;
  customerNumber?: string;
  /**
   * When the customer service created the customer (the sync item's `metadata.createdAt`, Emporix's
   * `metadataCreatedAt`), as ISO-8601 UTC; `metadata.createdAt` is when this service first stored its data.
   */
  metadataCreatedAt?: string;
  mixins: Record<string, unknown>;
  metadata: EventMetadata;
}

/** Event type -> the type of its `data`. */
export interface CustomerEventData {
  'customer.customer-created': CustomerDataEventData;
  'customer.customer-updated': CustomerDataEventData;
  'customer.customer-deleted': { id: string };
}
