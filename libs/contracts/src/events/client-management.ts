import { ContactType, LegalEntityType, LocationType } from '../enums';
import { EventMetadata, LocalizedMap } from './common';

/**
 * Events of legal entities, locations and contact assignments (`client-management.*`): Emporix's names and
 * payloads for legal entities and for a contact assigned, the others named in the same style (docs/events.md).
 */
export const ClientManagementEventTypes = {
  legalEntityCreated: 'client-management.legalentity-created',
  legalEntityUpdated: 'client-management.legalentity-updated',
  legalEntityDeleted: 'client-management.legalentity-deleted',
  locationCreated: 'client-management.location-created',
  locationUpdated: 'client-management.location-updated',
  locationDeleted: 'client-management.location-deleted',
  userAssignedToLegalEntity: 'client-management.user-assigned-to-legalentity',
  contactAssignmentUpdated: 'client-management.contact-assignment-updated',
  contactAssignmentDeleted: 'client-management.contact-assignment-deleted',
} as const;

/** The legal entity as stored after the change (Emporix's fields); absent optional fields are left out. */
export interface LegalEntityEventData {
  legalEntityId: string;
  name: string;
  type: LegalEntityType;
  /** Present for a SUBSIDIARY. */
  parentId?: string;
  legalInfo?: {
    legalName?: string;
    registrationDate?: string;
    taxRegistrationNumber?: string;
    registrationAgency?: string;
    countryOfRegistration?: string;
    registrationId?: string;
  };
  accountLimit?: { currency?: string; value?: number };
  customerGroups: Array<{ id: string; name?: LocalizedMap; role?: string }>;
  /** The ids of the locations that are its addresses (`entitiesAddresses` of the document). */
  addresses: string[];
  /** The ids of the contact assignments of its approval group. */
  approvalGroup: string[];
  restrictions?: string[];
  mixins: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface LegalEntityDeletedEventData {
  legalEntityId: string;
  /** The parent of a deleted SUBSIDIARY. */
  legalEntityParentId?: string;
}

/** The location as stored after the change. */
export interface LocationEventData {
  id: string;
  name?: string;
  type: LocationType;
  contactDetails: {
    emails?: string[];
    phones?: string[];
    addressLine1?: string;
    addressLine2?: string;
    city?: string;
    state?: string;
    postcode?: string;
    countryCode?: string;
    tags?: string[];
  };
  mixins: Record<string, unknown>;
  metadata: EventMetadata;
}

/**
 * The contact assignment as stored after the change: Emporix's `user-assigned-to-legalentity` fields (the user is
 * the customer) plus `mixins` and `metadata`, for its creation and its updates alike.
 */
export interface ContactAssignmentEventData {
  assignmentId: string;
  userId: string;
  /** The customer's e-mail, when the customer data sync holds one. */
  email?: string;
  legalEntityId: string;
  type: ContactType;
  primary: boolean;
  mixins: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface ContactAssignmentDeletedEventData {
  assignmentId: string;
  userId: string;
  legalEntityId: string;
}

/** Event type -> the type of its `data`. */
export interface ClientManagementEventData {
  'client-management.legalentity-created': LegalEntityEventData;
  'client-management.legalentity-updated': LegalEntityEventData;
  'client-management.legalentity-deleted': LegalEntityDeletedEventData;
  'client-management.location-created': LocationEventData;
  'client-management.location-updated': LocationEventData;
  'client-management.location-deleted': { id: string };
  'client-management.user-assigned-to-legalentity': ContactAssignmentEventData;
  'client-management.contact-assignment-updated': ContactAssignmentEventData;
  'client-management.contact-assignment-deleted': ContactAssignmentDeletedEventData;
}
