import { ContactAssignmentEventData, EventTypes } from '@cs/contracts';
import { DocumentEvents } from '../document.repository';
import { ContactAssignmentValues } from './contact-assignments.mapper';

/**
 * A contact assignment's creation is Emporix's `user-assigned-to-legalentity` (the user is the customer); its
 * updates and deletion are named in the same style.
 */
export const CONTACT_ASSIGNMENT_EVENTS: DocumentEvents = {
  resourceType: 'contact-assignment',
  createdType: EventTypes.userAssignedToLegalEntity,
  updatedType: EventTypes.contactAssignmentUpdated,
  deletedType: EventTypes.contactAssignmentDeleted,
  deletedData: contactAssignmentDeletedDataSql(''),
};

/** The event data (without `metadata`) of the contact assignment `id` storing `values`; `email` of its customer. */
export function contactAssignmentEventData(
  id: string,
  values: ContactAssignmentValues,
  email: string | undefined,
): Omit<ContactAssignmentEventData, 'metadata'> {
  return {
    assignmentId: id,
    userId: values.customer_id,
    ...(email !== undefined && { email }),
    legalEntityId: values.legal_entity_id,
    type: values.type,
    primary: values.primary,
    mixins: values.mixins,
  };
}

/** `ContactAssignmentDeletedEventData` of the deleted row `alias` (`''`: the columns unqualified), in SQL. */
export function contactAssignmentDeletedDataSql(alias: string): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const [id, userId, legalEntityId] = ['id', 'customer_id', 'legal_entity_id'].map(column);
  return `jsonb_build_object('assignmentId', ${id}, 'userId', ${userId}, 'legalEntityId', ${legalEntityId})`;
}
