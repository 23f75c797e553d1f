import {
  CustomerAssignmentB2CResponse,
  CustomerAssignmentRemoveBulk,
  CustomerAssignmentResponse,
  CustomerAssignmentUpsertBulk,
  ErrorResponse,
} from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiList } from '../common/listing';
import { ApiAssignmentUpsert, ApiBulk, ApiFields, ApiPage, ApiSearch } from '../common/routes';
import { operationDocs } from '../decorators/endpoint.decorators';
import { EXAMPLE_CUSTOMER_IDS, EXAMPLE_LEGAL_ENTITY_ID, EXAMPLE_SEGMENT_ID } from '../decorators/examples';
import { CUSTOMER_ASSIGNMENT_FIELDS } from './customer-assignments.fields';

/** The `{segmentId}` of every path of the controller. */
export const SEGMENT_ID = ApiParam({
  name: 'segmentId',
  description: 'Unique identifier of the customer segment.',
  example: EXAMPLE_SEGMENT_ID,
});
const CUSTOMER_ID = ApiParam({
  name: 'customerId',
  description: 'Unique identifier of the customer which is added to a customer segment.',
  example: EXAMPLE_CUSTOMER_IDS[0],
});
const LEGAL_ENTITY_ID = ApiParam({
  name: 'legalEntityId',
  description: 'Unique identifier of the legal entity which customer is assigned to.',
  example: EXAMPLE_LEGAL_ENTITY_ID,
});

/** The bulk examples: one B2C and one B2B assignment, besides those of the single-assignment examples. */
const BULK_EXAMPLE = [
  { customerId: EXAMPLE_CUSTOMER_IDS[1] },
  { customerId: EXAMPLE_CUSTOMER_IDS[1], legalEntityId: EXAMPLE_LEGAL_ENTITY_ID },
];
const UPSERT_EXAMPLE = { mixins: { loyalty: { points: 120 } } };

const PUT_DESCRIPTION =
  'Performs `UPSERT` operation: creates the assignment (201) or replaces its `mixins` and `metadata.mixins` (204). ' +
  'With `metadata.version`, a different stored version is a 409 and nothing changes. Assignments written here are of type `MANUAL`. ' +
  'A segment that does not exist is a 404 and nothing is created. No body means an empty document. Both answers have no body. ' +
  "An `AUTOMATIC` assignment (the segment's `criteria` maintain it) cannot be replaced: a 400 naming the exclusions route.";
const DELETE_DESCRIPTION =
  'Removes the customer assignment. Removing an assignment that does not exist (or of a segment that does not exist) also answers 204. ' +
  "An `AUTOMATIC` assignment cannot be deleted (a 400 naming the exclusions route, which keeps a customer out); a manual one whose customer the segment's criteria match is followed by the customer's automatic join.";
const DOCUMENT_DESCRIPTION =
  '`customer.firstName`, `lastName`, `email` and `legalEntity.name` come from the customer and legal entity data the service holds; ' +
  'without such data, only the `id` is returned.';

const FOUND = (type: typeof CustomerAssignmentResponse) =>
  ApiOkResponse({ description: 'Customer assignment for a customer segment was successfully retrieved.', type });
const UPSERTED = ApiAssignmentUpsert('customer assignment', { bodyRequired: false });
const REMOVED = ApiNoContentResponse({ description: 'Customer assignment was successfully removed.' });

export const CUSTOMER_ASSIGNMENT_DOCS = operationDocs('Customers Assignments', {
  list: {
    operationId: 'GET-customer-segment-retrieve-customers',
    summary: 'Retrieving all customer assignments for a customer segment',
    description:
      'Retrieves all customer assignments (B2C and B2B) of the segment, by default in the order of `customer.id`, then `legalEntity.id` (B2C first). ' +
      'A segment that does not exist has no assignments (empty list). ' +
      "With `customersegment.segment_read_own` only (customer tokens), the list holds only the caller's own assignments, and is empty unless the segment is ACTIVE and currently valid. " +
      `${describeQueryFields(CUSTOMER_ASSIGNMENT_FIELDS)} \`legalEntity.id\` is null for B2C assignments. ${DOCUMENT_DESCRIPTION}`,
    details: [ApiList(), ApiPage(CustomerAssignmentResponse, 'customer assignments')],
  },
  search: {
    operationId: 'POST-customer-segment-search-customers',
    summary: 'Searching with parameters for customer assignments',
    description:
      'Returns the customer assignments of the segment that match `q` (sent in the body; same fields, paging and sorting as the GET list).',
    details: [ApiSearch(), ApiPage(CustomerAssignmentResponse, 'customer assignments')],
    requestExample: { q: `legalEntity.id:${EXAMPLE_LEGAL_ENTITY_ID}` },
  },
  upsertBulk: {
    operationId: 'PUT-customer-segment-update-customers-bulk',
    summary: 'Updating customer assignments for a customer segment in bulk',
    description:
      'Performs `UPSERT` operation for up to 200 items (more is a 400 and nothing is applied). Each item is applied on its own, in request order: ' +
      '201 created, 204 updated, 400 invalid item, 404 segment not found, 409 version conflict. ' +
      "An item repeating an earlier item's customerId/legalEntityId updates what that item wrote (204, last one wins).",
    details: [ApiBulk(CustomerAssignmentUpsertBulk)],
    requestExample: BULK_EXAMPLE,
  },
  removeBulk: {
    operationId: 'DELETE-customer-segment-remove-customers-bulk',
    summary: 'Removing customers from customer segment in bulk',
    description:
      'Removes up to 200 customer assignments (more is a 400 and nothing is removed). Items are `{"customerId": "...", "legalEntityId": "..."}`; omit `legalEntityId` for B2C. ' +
      'Each item answers 204, also when the assignment did not exist; an invalid item answers 400.',
    details: [ApiBulk(CustomerAssignmentRemoveBulk)],
    requestExample: BULK_EXAMPLE,
  },
  getB2c: {
    operationId: 'GET-customer-segment-retrieve-customer-by-customerId',
    revalidated: true,
    summary: '[B2C] Retrieving a customer assignment for a customer segment',
    description: `Retrieves the customer's assignment without legal entity (B2C). ${DOCUMENT_DESCRIPTION}`,
    details: [
      CUSTOMER_ID,
      ApiFields(),
      FOUND(CustomerAssignmentB2CResponse),
      ApiNotFoundResponse({ description: 'The segment has no such B2C assignment.', type: ErrorResponse }),
    ],
  },
  putB2c: {
    operationId: 'PUT-customer-segment-update-customer-by-customerId',
    summary: '[B2C] Updating a customer assignment for a customer segment',
    description: PUT_DESCRIPTION,
    details: [CUSTOMER_ID, UPSERTED],
    requestExample: UPSERT_EXAMPLE,
  },
  deleteB2c: {
    operationId: 'DELETE-customer-segment-remove-customer-by-customerId',
    summary: '[B2C] Removing a customer from customer segment',
    description: DELETE_DESCRIPTION,
    details: [CUSTOMER_ID, REMOVED],
  },
  getB2b: {
    operationId: 'GET-customer-segment-retrieve-customer',
    revalidated: true,
    summary: '[B2B] Retrieving a customer assignment for a customer segment',
    description: `Retrieves the customer's assignment for the legal entity (B2B). ${DOCUMENT_DESCRIPTION}`,
    details: [
      CUSTOMER_ID,
      LEGAL_ENTITY_ID,
      ApiFields(),
      FOUND(CustomerAssignmentResponse),
      ApiNotFoundResponse({ description: 'The segment has no such B2B assignment.', type: ErrorResponse }),
    ],
  },
  putB2b: {
    operationId: 'PUT-customer-segment-update-customer',
    summary: '[B2B] Updating a customer assignment for a customer segment',
    description: PUT_DESCRIPTION,
    details: [CUSTOMER_ID, LEGAL_ENTITY_ID, UPSERTED],
    requestExample: UPSERT_EXAMPLE,
  },
  deleteB2b: {
    operationId: 'DELETE-customer-segment-remove-customer',
    summary: '[B2B] Removing a customer from customer segment',
    description: DELETE_DESCRIPTION,
    details: [CUSTOMER_ID, LEGAL_ENTITY_ID, REMOVED],
  },
});
