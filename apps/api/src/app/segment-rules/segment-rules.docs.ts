import { CriteriaPreviewRequest, CriteriaPreviewResponse, ErrorResponse, MembershipExplanation } from '@cs/dto';
import { ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiQuery } from '@nestjs/swagger';
import { PAGING } from '../common/listing';
import { ApiErrors } from '../common/routes';
import { operationDocs } from '../decorators/endpoint.decorators';
import { EXAMPLE_CUSTOMER_IDS, EXAMPLE_SEGMENT_ID } from '../decorators/examples';

const PAGE_PARAMETERS = [
  ApiQuery({
    name: 'pageSize',
    required: false,
    description: `Matches per page (default ${PAGING.defaultPageSize}, at most ${PAGING.maxPageSize}).`,
    schema: { type: 'integer', minimum: 1, maximum: PAGING.maxPageSize, default: PAGING.defaultPageSize },
  }),
  ApiQuery({
    name: 'pageNumber',
    required: false,
    description: 'Page to return, starting at 1.',
    schema: { type: 'integer', minimum: 1, default: 1 },
  }),
];

export const SEGMENT_RULES_DOCS = operationDocs('Automatic Segments', {
  preview: {
    operationId: 'POST-customer-segment-preview-criteria',
    summary: 'Previewing which customers a criteria would match',
    description:
      "Evaluates `criteria` (the grammar and fields of a segment's `criteria`; mistakes are a 400 naming the position) over the " +
      'customer data the service holds and answers how many memberships it yields and one page of them, by customer id and ' +
      'legal entity id. Nothing is saved; exclusions of a segment do not apply.',
    details: [
      ApiBody({ type: CriteriaPreviewRequest }),
      ...PAGE_PARAMETERS,
      ApiOkResponse({ description: 'What the criteria match now.', type: CriteriaPreviewResponse }),
      ApiErrors(400),
    ],
    requestExample: { criteria: 'customer.active:true' },
  },
  explain: {
    operationId: 'GET-customer-segment-explain-membership',
    summary: 'Explaining why a customer is in a customer segment or not',
    description:
      "Whether the customer is in the segment and why: the customer's assignments (`MANUAL` ones stay whatever the criteria " +
      "say), its exclusions, and each term of the criteria with the customer's value and whether it holds, evaluated now: once " +
      'for B2C criteria, once per contact assignment of the customer (legal entity and contact type) for B2B ones. ' +
      'Customer tokens (`customersegment.segment_read_own`) read only their own (403 otherwise), and only of segments that are ' +
      'ACTIVE and valid now (404 otherwise). A legal entity with the id `explanation` cannot be read through the B2B ' +
      'assignment path of this customer; list the assignments instead.',
    details: [
      ApiParam({
        name: 'segmentId',
        description: 'Unique identifier of the customer segment.',
        example: EXAMPLE_SEGMENT_ID,
      }),
      ApiParam({
        name: 'customerId',
        description: 'Unique identifier of the customer.',
        example: EXAMPLE_CUSTOMER_IDS[0],
      }),
      ApiOkResponse({ description: 'The explanation.', type: MembershipExplanation }),
      ApiNotFoundResponse({ description: 'The segment does not exist.', type: ErrorResponse }),
    ],
  },
});
