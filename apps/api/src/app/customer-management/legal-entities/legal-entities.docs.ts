import { LegalEntityResponse } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiNoContentResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiList } from '../../common/listing';
import { ApiCreated, ApiErrors, ApiFields, ApiPage, ApiSearch, ApiUpserted } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { EXAMPLE_LEGAL_ENTITY_ID } from '../../decorators/examples';
import { LEGAL_ENTITY_FIELDS } from './legal-entity.fields';

const OWN_SCOPE_NOTE =
  'With `customermanagement.legalentity_read` all legal entities of the tenant are returned; with only `customermanagement.legalentity_read_own` (a customer token) those the customer is a contact of (has a contact assignment to).';
const REFERENCE_RULES =
  'A SUBSIDIARY needs the `parentId` of an existing legal entity that is not the entity itself or one of its descendants; a COMPANY has no parent. `entitiesAddresses` must name existing locations and `approvalGroup` existing contact assignments (400 otherwise). Customer groups are stored as given (there is no IAM to synchronise with).';

const LEGAL_ENTITY_ID = ApiParam({
  name: 'legalEntityId',
  description: 'Unique identifier of the legal entity.',
  example: EXAMPLE_LEGAL_ENTITY_ID,
});

export const LEGAL_ENTITY_DOCS = operationDocs('Legal Entities', {
  create: {
    operationId: 'POST-customer-mgmt-create-legal-entity',
    summary: 'Creating legal entity',
    description: `Creates a legal entity (a company or its subsidiary); the type is COMPANY when absent. ${REFERENCE_RULES}`,
    details: [ApiCreated('legal entity'), ApiErrors(400, 409)],
    // Without an id, so that it can be tried again.
    requestExample: {
      name: 'Globex Retail Ltd',
      type: 'COMPANY',
      legalInfo: { legalName: 'Globex Retail Limited', countryOfRegistration: 'GB' },
    },
  },
  list: {
    operationId: 'GET-customer-mgmt-list-legal-entities',
    summary: 'Retrieving all legal entities',
    description: `Retrieves legal entities filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). ${OWN_SCOPE_NOTE} ${describeQueryFields(LEGAL_ENTITY_FIELDS)}`,
    details: [ApiList(), ApiPage(LegalEntityResponse, 'legal entities')],
  },
  search: {
    operationId: 'POST-customer-mgmt-search-legal-entities',
    summary: 'Searching with parameters for legal entities',
    description: `Like the list, with q in the JSON body (for long queries). ${OWN_SCOPE_NOTE}`,
    details: [ApiSearch(), ApiPage(LegalEntityResponse, 'legal entities')],
    requestExample: { q: 'type:COMPANY' },
  },
  get: {
    operationId: 'GET-customer-mgmt-retrieve-legal-entity',
    revalidated: true,
    summary: 'Retrieving a legal entity',
    description: 'Locations and approval group members are expanded.',
    details: [LEGAL_ENTITY_ID, ApiOkResponse({ type: LegalEntityResponse }), ApiFields(), ApiErrors(400, 404)],
  },
  upsert: {
    operationId: 'PUT-customer-mgmt-update-legal-entity',
    summary: 'Upserting a legal entity',
    description: `Replaces the legal entity, or creates it with this id (201). With \`metadata.version\` the write succeeds only on that version (409 otherwise); without it there is no check. ${REFERENCE_RULES}`,
    details: [LEGAL_ENTITY_ID, ApiUpserted('legal entity', { unused404: true }), ApiErrors(400, 409)],
    requestExample: {
      name: 'Acme Corporation',
      type: 'COMPANY',
      legalInfo: {
        legalName: 'Acme Corporation GmbH',
        registrationDate: '2019-05-14T00:00:00.000Z',
        taxRegistrationNumber: 'DE123456789',
        countryOfRegistration: 'DE',
      },
      accountLimit: { currency: 'EUR', value: 25000 },
      customerGroups: [{ id: 'b2b-gold', name: { en: 'Gold partners' } }],
    },
  },
  delete: {
    operationId: 'DELETE-customer-mgmt-remove-legal-entity',
    summary: 'Delete a legal entity',
    description:
      'Deletes the legal entity together with everything subordinated to it, at once and in one transaction: its subsidiaries (recursively) and the contact assignments of all of them, which also leave the approval groups of other legal entities. Locations are independent documents and stay.',
    details: [
      LEGAL_ENTITY_ID,
      ApiNoContentResponse({ description: 'The legal entity has been deleted.' }),
      ApiErrors(400, 404),
    ],
  },
  parentHierarchy: {
    operationId: 'GET-customer-mgmt-retrieve-legal-entity-parent-hierarchy',
    revalidated: true,
    summary: 'Retrieving a legal entity with parent hierarchy',
    description:
      "Returns the legal entity followed by its parent, its parent's parent and so on up to the top company. An unknown legal entity is a 404.",
    details: [LEGAL_ENTITY_ID, ApiOkResponse({ type: [LegalEntityResponse] }), ApiErrors(404)],
  },
});
