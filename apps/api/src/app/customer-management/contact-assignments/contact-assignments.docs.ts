import { ContactAssignmentResponse } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiNoContentResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiList } from '../../common/listing';
import { ApiCreated, ApiErrors, ApiFields, ApiPage, ApiUpserted } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { EXAMPLE_CUSTOMER_IDS, EXAMPLE_LEGAL_ENTITY_ID } from '../../decorators/examples';
import { CONTACT_ASSIGNMENT_FIELDS } from './contact-assignment.fields';

const RULES =
  'The legal entity must exist (400 otherwise); the customer need not be known to the service (its data comes from the customer sync, `PUT .../customers/bulk`). `primary` is false when absent.';

const CONTACT_ASSIGNMENT_ID = ApiParam({
  name: 'contactAssignmentId',
  description: 'Unique identifier of the contact assignment.',
  example: 'acme-billing',
});

export const CONTACT_ASSIGNMENT_DOCS = operationDocs('Contact Assignments', {
  create: {
    operationId: 'POST-customer-mgmt-create-contact-assignment',
    summary: 'Creating contact assignment',
    description: `Assigns a customer (an employee) to a legal entity; the type is CONTACT when absent. ${RULES}`,
    details: [ApiCreated('contact assignment'), ApiErrors(400, 409)],
    // Without an id, so that it can be tried again.
    requestExample: {
      legalEntity: { id: EXAMPLE_LEGAL_ENTITY_ID },
      customer: { id: EXAMPLE_CUSTOMER_IDS[1] },
      type: 'LOGISTICS',
    },
  },
  list: {
    operationId: 'GET-customer-mgmt-list-contact-assignments',
    summary: 'Retrieving all contact assignments',
    description: `Retrieves contact assignments filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). Each one embeds its legal entity (locations and approval group expanded) and the customer data the service holds. ${describeQueryFields(CONTACT_ASSIGNMENT_FIELDS)}`,
    details: [ApiList(), ApiPage(ContactAssignmentResponse, 'contact assignments')],
  },
  get: {
    operationId: 'GET-customer-mgmt-retrieve-contact-assignment',
    revalidated: true,
    summary: 'Retrieving a contact assignment',
    details: [
      CONTACT_ASSIGNMENT_ID,
      ApiOkResponse({ type: ContactAssignmentResponse }),
      ApiFields(),
      ApiErrors(400, 404),
    ],
  },
  upsert: {
    operationId: 'PUT-customer-mgmt-update-contact-assignment',
    summary: 'Upserting a contact assignment',
    description: `Replaces the contact assignment, or creates it with this id (201). With \`metadata.version\` the write succeeds only on that version (409 otherwise); without it there is no check. ${RULES}`,
    details: [CONTACT_ASSIGNMENT_ID, ApiUpserted('contact assignment', { unused404: true }), ApiErrors(400, 409)],
    requestExample: {
      legalEntity: { id: EXAMPLE_LEGAL_ENTITY_ID },
      customer: { id: EXAMPLE_CUSTOMER_IDS[0] },
      type: 'BILLING',
      primary: true,
    },
  },
  delete: {
    operationId: 'DELETE-customer-mgmt-remove-contact-assignment',
    summary: 'Delete a contact assignment',
    description:
      'Deletes the contact assignment and removes it from the approval group of every legal entity listing it (those legal entities get a new version).',
    details: [
      CONTACT_ASSIGNMENT_ID,
      ApiNoContentResponse({ description: 'The contact assignment has been deleted.' }),
      ApiErrors(400, 404),
    ],
  },
});
