import { ErrorResponse, ExclusionRemoveBulk, ExclusionResponse, ExclusionUpsertBulk } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiList } from '../../common/listing';
import { ApiAssignmentUpsert, ApiBulk, ApiFields, ApiPage, ApiSearch } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { EXAMPLE_CUSTOMER_IDS, EXAMPLE_LEGAL_ENTITY_ID, EXAMPLE_SEGMENT_ID } from '../../decorators/examples';
import { EXCLUSION_FIELDS } from './exclusions.fields';

/** The `{segmentId}` of every path of the controller. */
export const SEGMENT_ID = ApiParam({
  name: 'segmentId',
  description: 'Unique identifier of the customer segment.',
  example: EXAMPLE_SEGMENT_ID,
});
const CUSTOMER_ID = ApiParam({
  name: 'customerId',
  description: "Unique identifier of the customer the segment's criteria must not take in.",
  example: EXAMPLE_CUSTOMER_IDS[0],
});
const LEGAL_ENTITY_ID = ApiParam({
  name: 'legalEntityId',
  description: 'Unique identifier of the legal entity the exclusion applies to.',
  example: EXAMPLE_LEGAL_ENTITY_ID,
});

/** The bulk examples: one exclusion of every legal entity and one of a legal entity, besides the single examples'. */
const BULK_EXAMPLE = [
  { customerId: EXAMPLE_CUSTOMER_IDS[1] },
  { customerId: EXAMPLE_CUSTOMER_IDS[1], legalEntityId: EXAMPLE_LEGAL_ENTITY_ID },
];
const UPSERT_EXAMPLE = { mixins: { reason: 'opted out' } };

const WHAT =
  "An exclusion keeps a customer out of the segment's `criteria`: while it exists, the criteria do not make the customer an " +
  '`AUTOMATIC` member (of every legal entity and as a B2C member without `legalEntityId`, of that legal entity only with it). ' +
  '`MANUAL` assignments are not affected. Exclusions may be written for any segment; they take effect while it has criteria.';
const PUT_DESCRIPTION =
  'Performs `UPSERT` operation: creates the exclusion (201) or replaces its `mixins` and `metadata.mixins` (204). ' +
  'With `metadata.version`, a different stored version is a 409 and nothing changes. ' +
  'A segment that does not exist is a 404 and nothing is created. No body means an empty document. Both answers have no body. ' +
  "In the same transaction, an `AUTOMATIC` assignment the exclusion covers is removed (its `customer-assignment-deleted` event has `reason: 'excluded'`). " +
  WHAT;
const DELETE_DESCRIPTION =
  'Removes the exclusion. Removing an exclusion that does not exist (or of a segment that does not exist) also answers 204. ' +
  "In the same transaction, the customer joins the segment again where its criteria match (a `customer-assignment-created` event with `reason: 'included'`).";

const FOUND = ApiOkResponse({ description: 'The exclusion was successfully retrieved.', type: ExclusionResponse });
const UPSERTED = ApiAssignmentUpsert('exclusion', { bodyRequired: false });
const REMOVED = ApiNoContentResponse({ description: 'The exclusion was successfully removed.' });

export const EXCLUSION_DOCS = operationDocs('Automatic Segments', {
  list: {
    operationId: 'GET-customer-segment-retrieve-exclusions',
    summary: 'Retrieving the exclusions of a customer segment',
    description:
      'Retrieves the exclusions of the segment, by default in the order of `customerId`, then `legalEntityId` (exclusions of every legal entity first). ' +
      `A segment that does not exist has no exclusions (empty list). ${WHAT} ` +
      `${describeQueryFields(EXCLUSION_FIELDS)} \`legalEntityId\` is null for exclusions of every legal entity.`,
    details: [ApiList(), ApiPage(ExclusionResponse, 'exclusions')],
  },
  search: {
    operationId: 'POST-customer-segment-search-exclusions',
    summary: 'Searching with parameters for exclusions',
    description:
      'Returns the exclusions of the segment that match `q` (sent in the body; same fields, paging and sorting as the GET list).',
    details: [ApiSearch(), ApiPage(ExclusionResponse, 'exclusions')],
    requestExample: { q: `legalEntityId:${EXAMPLE_LEGAL_ENTITY_ID}` },
  },
  upsertBulk: {
    operationId: 'PUT-customer-segment-update-exclusions-bulk',
    summary: 'Updating exclusions of a customer segment in bulk',
    description:
      'Performs `UPSERT` operation for up to 200 items (more is a 400 and nothing is applied). Each item is applied on its own, in request order: ' +
      '201 created, 204 updated, 400 invalid item, 404 segment not found, 409 version conflict. ' +
      "An item repeating an earlier item's customerId/legalEntityId updates what that item wrote (204, last one wins). " +
      "The `AUTOMATIC` assignments the exclusions cover are removed in the same transaction (`reason: 'excluded'`). " +
      WHAT,
    details: [ApiBulk(ExclusionUpsertBulk)],
    requestExample: BULK_EXAMPLE,
  },
  removeBulk: {
    operationId: 'DELETE-customer-segment-remove-exclusions-bulk',
    summary: 'Removing exclusions of a customer segment in bulk',
    description:
      'Removes up to 200 exclusions (more is a 400 and nothing is removed). Items are `{"customerId": "...", "legalEntityId": "..."}`; omit `legalEntityId` for an exclusion of every legal entity. ' +
      'Each item answers 204, also when the exclusion did not exist; an invalid item answers 400. ' +
      "The customers join the segment again where its criteria match, in the same transaction (`reason: 'included'`).",
    details: [ApiBulk(ExclusionRemoveBulk)],
    requestExample: BULK_EXAMPLE,
  },
  getAll: {
    operationId: 'GET-customer-segment-retrieve-exclusion-by-customerId',
    revalidated: true,
    summary: 'Retrieving the exclusion of a customer from every legal entity',
    description: `Retrieves the customer's exclusion without legal entity: from every legal entity and as a B2C member. ${WHAT}`,
    details: [
      CUSTOMER_ID,
      ApiFields(),
      FOUND,
      ApiNotFoundResponse({ description: 'The segment has no such exclusion.', type: ErrorResponse }),
    ],
  },
  putAll: {
    operationId: 'PUT-customer-segment-update-exclusion-by-customerId',
    summary: 'Excluding a customer from a customer segment in every legal entity',
    description: PUT_DESCRIPTION,
    details: [CUSTOMER_ID, UPSERTED],
    requestExample: UPSERT_EXAMPLE,
  },
  deleteAll: {
    operationId: 'DELETE-customer-segment-remove-exclusion-by-customerId',
    summary: 'Removing the exclusion of a customer from every legal entity',
    description: DELETE_DESCRIPTION,
    details: [CUSTOMER_ID, REMOVED],
  },
  getOne: {
    operationId: 'GET-customer-segment-retrieve-exclusion',
    revalidated: true,
    summary: 'Retrieving the exclusion of a customer for a legal entity',
    description: `Retrieves the customer's exclusion for the legal entity (B2B memberships with it only). ${WHAT}`,
    details: [
      CUSTOMER_ID,
      LEGAL_ENTITY_ID,
      ApiFields(),
      FOUND,
      ApiNotFoundResponse({ description: 'The segment has no such exclusion.', type: ErrorResponse }),
    ],
  },
  putOne: {
    operationId: 'PUT-customer-segment-update-exclusion',
    summary: 'Excluding a customer from a customer segment for a legal entity',
    description: PUT_DESCRIPTION,
    details: [CUSTOMER_ID, LEGAL_ENTITY_ID, UPSERTED],
    requestExample: UPSERT_EXAMPLE,
  },
  deleteOne: {
    operationId: 'DELETE-customer-segment-remove-exclusion',
    summary: 'Removing the exclusion of a customer for a legal entity',
    description: DELETE_DESCRIPTION,
    details: [CUSTOMER_ID, LEGAL_ENTITY_ID, REMOVED],
  },
});
