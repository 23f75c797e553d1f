import { CategoryTreeNode, ErrorResponse, ItemAssignmentResponse, ItemAssignmentUpsertBulk } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiQuery,
} from '@nestjs/swagger';
import { ApiList } from '../common/listing';
import { ApiAssignmentUpsert, ApiBulk, ApiFields, ApiPage, ApiSearch } from '../common/routes';
import { operationDocs } from '../decorators/endpoint.decorators';
import { EXAMPLE_PRODUCT_ID, EXAMPLE_SEGMENT_ID } from '../decorators/examples';
import { ITEM_ASSIGNMENT_FIELDS } from './item-assignments.fields';

const LEGAL_ENTITY_ID = ApiQuery({
  name: 'legalEntityId',
  required: false,
  schema: { type: 'string' },
  description:
    'Customer tokens: count only the B2B assignments for this legal entity (it must be one the token acts for, else 403). Ignored for service tokens with `customersegment.segment_read`.',
});
const SITE_CODE = ApiQuery({
  name: 'siteCode',
  required: false,
  schema: { type: 'string' },
  description: 'Only segments of this site.',
});
const SEGMENT_ID = ApiParam({
  name: 'segmentId',
  description: 'Unique identifier of the customer segment.',
  example: EXAMPLE_SEGMENT_ID,
});
const TYPE = ApiParam({
  name: 'type',
  description: 'Determines whether item is a product or category: `PRODUCT` or `CATEGORY` (anything else is a 400).',
  schema: { type: 'string', example: 'PRODUCT' },
});
const ITEM_PATH = applyDecorators(
  SEGMENT_ID,
  TYPE,
  ApiParam({ name: 'itemId', description: 'Unique identifier of the product/category.', example: EXAMPLE_PRODUCT_ID }),
);
/** The products of the bulk examples, besides the one of the single-assignment examples. */
const BULK_PRODUCT_IDS = ['sku-2', 'sku-3'];

const OWN_SCOPE =
  'Customer tokens (and any token without `customersegment.segment_read`) see only the items of the ACTIVE, currently valid segments the customer is assigned to ' +
  '(B2B assignments only for the legal entities the token acts for).';
const DOCUMENT =
  '`item.code` and `item.name` come from the catalog data the service holds (see the Catalog extension); without it, `item` has only the `id`. ' +
  `${describeQueryFields(ITEM_ASSIGNMENT_FIELDS)} The default order is \`segmentId\`, \`type\`, \`item.id\`.`;
const PAGE = ApiPage(ItemAssignmentResponse, 'item assignments');

export const ITEM_ASSIGNMENT_DOCS = operationDocs('Items Assignments', {
  trees: {
    operationId: 'GET-customer-segment-retrieve-category-trees',
    revalidated: true,
    summary: 'Retrieving category trees for a customer segments',
    description:
      'Retrieves the category trees of the CATEGORY items of the ACTIVE, currently valid segments the customer is assigned to ' +
      '(for a service token, without a customer, that also holds `customersegment.segment_read`: of all ACTIVE, currently valid segments). ' +
      'Each tree runs from a root category down to the assigned categories; `isSegmentAssigned` is true exactly on the assigned ones. ' +
      'An assigned category also brings all its own descendants (they hold the products the assignment covers; `isSegmentAssigned` false), ' +
      'so a storefront can render the whole assigned branch. Siblings are ordered by `position` (missing last), then `id`. ' +
      'Trees are built from the catalog data the service holds (see the Catalog extension): assigned categories unknown to it are left out, and a category whose parent is unknown is a root. ' +
      'Unpublished or expired categories are included with their `published` and `validity`, for the client to decide. ' +
      'Answered from the read model (cached per segment set and data version, always current), with an `ETag` for revalidation.',
    details: [
      SITE_CODE,
      LEGAL_ENTITY_ID,
      ApiOkResponse({
        description: 'Customer categories assignments were successfully retrieved.',
        type: [CategoryTreeNode],
      }),
      ApiBadRequestResponse({ description: 'A query parameter was given twice.', type: ErrorResponse }),
    ],
  },
  listAll: {
    operationId: 'GET-customer-segment-retrieve-segments-items',
    revalidated: true,
    summary: 'Retrieving all items assignments for all customer segments',
    description: `Retrieves the item assignments of all segments, filtered by \`siteCode\` and \`onlyActive\` (ACTIVE and currently valid segments only). ${OWN_SCOPE} ${DOCUMENT}`,
    details: [
      ApiQuery({
        name: 'onlyActive',
        required: false,
        schema: { type: 'boolean', default: false },
        description: 'Only items of ACTIVE, currently valid segments. Always true for customer tokens.',
      }),
      SITE_CODE,
      LEGAL_ENTITY_ID,
      ApiList(),
      PAGE,
    ],
  },
  list: {
    operationId: 'GET-customer-segment-retrieve-segment-items',
    revalidated: true,
    summary: 'Retrieving all item assignments for a customer segment',
    description: `Retrieves the item assignments of the segment; a segment that does not exist (or that the caller cannot see) has none. ${OWN_SCOPE} ${DOCUMENT}`,
    details: [SEGMENT_ID, LEGAL_ENTITY_ID, ApiList(), PAGE],
  },
  search: {
    operationId: 'POST-customer-segment-search-items',
    summary: 'Searching with parameters for item assignments of a customer segment',
    description: `Returns the item assignments of the segment that match \`q\` (sent in the body; same paging, sorting and visibility as the GET list). ${OWN_SCOPE} ${DOCUMENT}`,
    details: [SEGMENT_ID, LEGAL_ENTITY_ID, ApiSearch(), PAGE],
    requestExample: { q: 'type:PRODUCT' },
  },
  upsertBulk: {
    operationId: 'PUT-customer-segment-update-items-bulk',
    summary: 'Updating item assignments to a customer segment in bulk',
    description:
      "Performs `UPSERT` operation for up to 200 items `{id, mixins?, metadata?}` of the path's `type` (more is a 400 and nothing is applied). Each item is applied on its own, in request order: " +
      '201 created, 204 updated, 400 invalid item, 404 segment not found, 409 version conflict. An unknown `type` is a 400 for the whole request.',
    details: [SEGMENT_ID, TYPE, ApiBulk(ItemAssignmentUpsertBulk)],
    requestExample: BULK_PRODUCT_IDS.map((id) => ({ id })),
  },
  removeBulk: {
    operationId: 'DELETE-customer-segment-remove-items-bulk',
    summary: 'Deleting item assignments to a customer segment in bulk',
    description:
      'Removes up to 200 item assignments of the path\'s `type`; the body is an array of item ids, e.g. `["firstItemId", "secondItemId"]` (more than 200 is a 400 and nothing is removed). ' +
      'Each item answers 204, also when the assignment did not exist; an item that is not a non-empty string answers 400.',
    details: [SEGMENT_ID, TYPE, ApiBulk()],
    requestExample: BULK_PRODUCT_IDS,
  },
  get: {
    operationId: 'GET-customer-segment-retrieve-item',
    revalidated: true,
    summary: 'Retrieving an item assignment',
    description: `Retrieves an item assignment of the segment. ${OWN_SCOPE} (other assignments are a 404). ${DOCUMENT}`,
    details: [
      ITEM_PATH,
      LEGAL_ENTITY_ID,
      ApiFields(),
      ApiOkResponse({
        description: 'Customer segment item assignment was successfully retrieved.',
        type: ItemAssignmentResponse,
      }),
      ApiBadRequestResponse({ description: 'Unknown type or invalid fields.', type: ErrorResponse }),
      ApiNotFoundResponse({ description: 'No such assignment (visible to the caller).', type: ErrorResponse }),
    ],
  },
  put: {
    operationId: 'PUT-customer-segment-update-item',
    summary: 'Updating an item assignment',
    description:
      'Performs `UPSERT` operation: creates the assignment (201) or replaces its `mixins` and `metadata.mixins` (204); neither answer has a body. ' +
      'With `metadata.version`, a different stored version is a 409 and nothing changes. A segment that does not exist is a 404. ' +
      "The item need not be known to the service's catalog data.",
    details: [ITEM_PATH, ApiAssignmentUpsert('item assignment')],
    requestExample: { mixins: { placement: { slot: 'homepage-teaser' } } },
  },
  remove: {
    operationId: 'DELETE-customer-segment-remove-item',
    summary: 'Removing an assignment',
    description:
      'Removes an item assignment. Removing an assignment that does not exist (or of a segment that does not exist) also answers 204.',
    details: [
      ITEM_PATH,
      ApiNoContentResponse({ description: 'Item assignment was successfully removed.' }),
      ApiBadRequestResponse({ description: 'Unknown type.', type: ErrorResponse }),
    ],
  },
});
