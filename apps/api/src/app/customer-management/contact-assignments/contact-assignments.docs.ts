import { ContactAssignmentResponse } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiList } from '../../common/listing';
import { ApiCreated, ApiErrors, ApiFields, ApiPage, ApiUpserted } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { CONTACT_ASSIGNMENT_FIELDS } from './contact-assignment.fields';

const RULES =
  'The legal entity must exist (400 otherwise); the customer need not be known to the service (its data comes from the customer sync, `PUT .../customers/bulk`). `primary` is false when absent.';

export const CONTACT_ASSIGNMENT_DOCS = operationDocs('Contact Assignments', {
  create: {
    operationId: 'POST-customer-mgmt-create-contact-assignment',
    summary: 'Creating contact assignment',
    description: `Assigns a customer (an employee) to a legal entity; the type is CONTACT when absent. ${RULES}`,
    details: [ApiCreated('contact assignment'), ApiErrors(400, 409)],
  },
  list: {
    operationId: 'GET-customer-mgmt-list-contact-assignments',
    summary: 'Retrieving all contact assignments',
    description: `Retrieves contact assignments filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). Each one embeds its legal entity (locations and approval group expanded) and the customer data the service holds. ${describeQueryFields(CONTACT_ASSIGNMENT_FIELDS)}`,
    details: [ApiList(), ApiPage(ContactAssignmentResponse, 'contact assignments')],
  },
  get: {
    operationId: 'GET-customer-mgmt-retrieve-contact-assignment',
    summary: 'Retrieving a contact assignment',
    details: [ApiOkResponse({ type: ContactAssignmentResponse }), ApiFields(), ApiErrors(400, 404)],
  },
  upsert: {
    operationId: 'PUT-customer-mgmt-update-contact-assignment',
    summary: 'Upserting a contact assignment',
    description: `Replaces the contact assignment, or creates it with this id (201). With \`metadata.version\` the write succeeds only on that version (409 otherwise); without it there is no check. ${RULES}`,
    details: [ApiUpserted('contact assignment', { unused404: true }), ApiErrors(400, 409)],
  },
  delete: {
    operationId: 'DELETE-customer-mgmt-remove-contact-assignment',
    summary: 'Delete a contact assignment',
    description:
      'Deletes the contact assignment and removes it from the approval group of every legal entity listing it (those legal entities get a new version).',
    details: [ApiNoContentResponse({ description: 'The contact assignment has been deleted.' }), ApiErrors(400, 404)],
  },
});
