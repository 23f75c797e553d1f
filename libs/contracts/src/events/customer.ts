import { EventMetadata } from './common';

/** Events of the customer data the sync endpoints feed (`customer.*`). */
export const CustomerEventTypes = {
  customerCreated: 'customer.customer-created',
  customerUpdated: 'customer.customer-updated',
  customerDeleted: 'customer.customer-deleted',
} as const;

/** The customer data as stored after the change; absent fields are left out. */
export interface CustomerDataEventData {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  mixins: Record<string, unknown>;
  metadata: EventMetadata;
}

/** Event type -> the type of its `data`. */
export interface CustomerEventData {
  'customer.customer-created': CustomerDataEventData;
  'customer.customer-updated': CustomerDataEventData;
  'customer.customer-deleted': { id: string };
}
