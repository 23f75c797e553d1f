import { MAX_BULK_ITEMS } from '@cs/contracts';
import {
  ErrorResponse,
  SEGMENT_ID_RULE,
  SegmentCreation,
  SegmentPatchOperation,
  SegmentResponse,
  SegmentUpdateBulk,
} from '@cs/dto';
import { Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiQuery,
} from '@nestjs/swagger';
import { describeQueryFields } from '@cs/query';
import { ApiList } from '../common/listing';
import { EXAMPLE_SEGMENT_ID } from '../decorators/examples';
import { ApiBulk, ApiCreated, ApiFields, ApiPage, ApiSearch, ApiUpserted } from '../common/routes';
import { OperationDoc, operationDocs } from '../decorators/endpoint.decorators';
import { SEGMENT_FIELDS } from './segments.fields';

const SEGMENT_ID = ApiParam({
  name: 'segmentId',
  description: 'Unique identifier of the customer segment.',
  example: EXAMPLE_SEGMENT_ID,
});
const FORCE_DELETE = ApiQuery({
  name: 'forceDelete',
  required: false,
  schema: { type: 'boolean', default: false },
  description:
    '`true` also deletes the customer and item assignments of the segment; otherwise a segment with assignments is not deleted (400).',
});
const BAD_REQUEST = ApiBadRequestResponse({
  description: 'Bad request due to validation, incorrect parameters, etc.',
  type: ErrorResponse,
});
const NOT_FOUND = ApiNotFoundResponse({ description: 'Resource not found.', type: ErrorResponse });
const READ_RULES =
  'Customer tokens (`customersegment.segment_read_own`) see only ACTIVE segments, within their validity, that the customer is assigned to ' +
  '(B2B assignments only for the legal entities in the token, when it names any).';

/** A bulk operation on segments: `item` is the body's item type (absent: an id string). */
function bulk(operation: Omit<OperationDoc, 'tags'>, item?: Type): Omit<OperationDoc, 'tags'> {
  return {
    ...operation,
    description: `${operation.description}\n\nAt most ${MAX_BULK_ITEMS} items; more is a 400 and nothing is applied. One failing item does not affect the others.`,
    details: [...(operation.details ?? []), ApiBulk(item)],
  };
}

export const SEGMENT_DOCS = operationDocs('Segments', {
  create: {
    operationId: 'POST-customer-segment-create-segment',
    summary: 'Creating a customer segment',
    description: `Creates a new customer segment. \`id\` is optional (generated: 24 lowercase hex characters); custom ids are ${SEGMENT_ID_RULE}. An existing id is a 409. \`status\` defaults to INACTIVE; \`validity.from\` must not be after \`validity.to\`.`,
    details: [
      ApiCreated('customer segment'),
      BAD_REQUEST,
      ApiConflictResponse({ description: 'A segment with this id exists.', type: ErrorResponse }),
    ],
    // Without an id, so that it can be tried again.
    requestExample: {
      name: { en: 'New customers', de: 'Neukunden' },
      description: { en: 'Customers of the last 30 days' },
      status: 'ACTIVE',
      siteCode: 'main',
      mixins: { campaign: { channel: 'newsletter' } },
      metadata: { mixins: { campaign: 'https://example.com/schemas/campaign.v1.json' } },
    },
  },
  list: {
    operationId: 'GET-customer-segment-retrieve-segments',
    summary: 'Retrieving all customer segments',
    description: `Retrieves all customer segments, ordered by id unless \`sort\` says otherwise. ${READ_RULES} ${describeQueryFields(SEGMENT_FIELDS)}`,
    details: [ApiList(), ApiPage(SegmentResponse, 'customer segments')],
  },
  search: {
    operationId: 'POST-customer-segment-search-segments',
    summary: 'Searching with parameters for customer segments',
    description: `Returns all customer segments that match the q-language query in the body (same fields, paging and rules as the list). ${READ_RULES}`,
    details: [ApiSearch(), ApiPage(SegmentResponse, 'customer segments')],
    requestExample: { q: 'status:ACTIVE siteCode:main' },
  },
  createBulk: bulk(
    {
      operationId: 'POST-customer-segment-create-segments-bulk',
      summary: 'Creating customer segments in bulk',
      description: 'Creates multiple customer segments (each like the single create: 201 with the id, 400, 409).',
      requestExample: [
        { name: { en: 'Newsletter subscribers' }, siteCode: 'main' },
        { name: { en: 'Wholesale buyers' }, status: 'ACTIVE', siteCode: 'main' },
      ],
    },
    SegmentCreation,
  ),
  upsertBulk: bulk(
    {
      operationId: 'PUT-customer-segment-update-segments-bulk',
      summary: 'Upserting customer segments in bulk',
      description:
        'Upserts multiple customer segments, each with its `id` (each like the single upsert: 201 created, 204 updated, 400, 409).',
      requestExample: [
        { id: 'gold', name: { en: 'Gold members' }, status: 'ACTIVE', siteCode: 'main' },
        { id: 'silver', name: { en: 'Silver members' }, status: 'INACTIVE', siteCode: 'main' },
      ],
    },
    SegmentUpdateBulk,
  ),
  removeBulk: bulk({
    operationId: 'DELETE-customer-segment-remove-segments-bulk',
    summary: 'Deleting customer segments in bulk',
    description:
      'Removes the customer segments whose ids are given as a JSON array of strings, e.g. `["firstId", "secondId"]` (each like the single delete: 204, also for absent ids; 400 when it has assignments and forceDelete is not true).',
    details: [FORCE_DELETE],
    requestExample: ['gold', 'silver'],
  }),
  get: {
    operationId: 'GET-customer-segment-retrieve-segment',
    revalidated: true,
    summary: 'Retrieving a customer segment',
    description: `Retrieves the segment with the given id. ${READ_RULES} A segment the caller may not see is a 404.`,
    details: [
      SEGMENT_ID,
      ApiFields(),
      ApiOkResponse({ description: 'Customer segment successfully retrieved.', type: SegmentResponse }),
      BAD_REQUEST,
      NOT_FOUND,
    ],
  },
  upsert: {
    operationId: 'PUT-customer-segment-update-segment',
    summary: 'Upserting a customer segment',
    description:
      'Performs the `UPSERT` operation: replaces the segment with the given id, or creates it (custom id rules as on create). ' +
      'Optional fields left out are cleared. With `metadata.version`, a different stored version is a 409 and nothing changes.',
    details: [
      SEGMENT_ID,
      ApiUpserted('customer segment'),
      BAD_REQUEST,
      ApiConflictResponse({ description: 'The stored version differs from metadata.version.', type: ErrorResponse }),
    ],
    requestExample: {
      name: { en: 'VIP customers', de: 'VIP-Kunden' },
      description: { en: 'Customers with more than ten orders a year' },
      validity: { from: '2024-01-01T00:00:00Z' },
      status: 'ACTIVE',
      siteCode: 'main',
    },
  },
  patch: {
    operationId: 'PATCH-customer-segment-update-segment',
    summary: 'Patching a customer segment',
    description:
      'Partial update with [RFC 6902](https://datatracker.ietf.org/doc/html/rfc6902) operations `add`, `remove` and `replace` (others are a 400) on the segment as PUT takes it ' +
      '(`name`, `description`, `validity`, `status`, `siteCode`, `mixins`, `metadata.mixins`); the result is validated like a PUT body. ' +
      'With `Content-Language`, a plain string on `/name` or `/description` (and `remove`) addresses that language only. ' +
      'Concurrent patches of one segment are applied one after the other, each on the result of the previous one. Body: `application/json` or `application/json-patch+json`.',
    details: [
      SEGMENT_ID,
      ApiConsumes('application/json', 'application/json-patch+json'),
      ApiBody({ type: [SegmentPatchOperation] }),
      ApiNoContentResponse({ description: 'Customer segment was successfully updated.' }),
      BAD_REQUEST,
      NOT_FOUND,
    ],
    requestExample: [
      { op: 'replace', path: '/description', value: { en: 'Customers with more than twelve orders a year' } },
      { op: 'add', path: '/mixins/tier', value: { level: 1 } },
    ],
  },
  remove: {
    operationId: 'DELETE-customer-segment-remove-segment',
    summary: 'Deleting a customer segment',
    description:
      'Removes the segment with the given id (204 also when it does not exist). A segment with customer or item assignments is only deleted with `forceDelete=true`, ' +
      'which removes the assignments in the same transaction; otherwise 400.',
    details: [
      SEGMENT_ID,
      FORCE_DELETE,
      ApiNoContentResponse({ description: 'Customer segment was successfully deleted.' }),
      BAD_REQUEST,
    ],
  },
});
