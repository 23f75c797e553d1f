import { ErrorResponse, Match, MatchedItem } from '@cs/dto';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { operationDocs } from '../decorators/endpoint.decorators';
import { EXAMPLE_PRODUCT_ID, EXAMPLE_SEGMENT_ID } from '../decorators/examples';

export const MATCH_DOCS = operationDocs('Segments', {
  match: {
    operationId: 'POST-customer-segment-check-match',
    summary: 'Checking which items belong to segment',
    description:
      'Checks if the provided items match specified criteria - if ids of the products are assigned directly to one of the provided segments or indirectly through the category assignment. ' +
      'Only items assigned to the active segments will be returned. ' +
      'Returns the given product ids (in request order, each once) that are assigned to one of `segmentIds` which is ACTIVE, currently valid and of the site `site` ' +
      "(`siteCode` is accepted as an alias, as in the Emporix example): directly as a PRODUCT item, or as a CATEGORY item on one of the product's categories or any ancestor of them " +
      '(per the catalog data the service holds, see the Catalog extension; categories it does not hold do not count). At most 200 items and 1,000 segment ids (more is a 400). Unknown ids simply do not match. ' +
      'Answered from the in-memory read model, always current: a commit is seen by every match that starts after it, and a validity window opens or closes at its instant.',
    details: [
      ApiQuery({
        name: 'explain',
        required: false,
        schema: { type: 'boolean', default: false },
        description:
          'Extension: `true` adds `matchedBy` to each matched product: every given segment that grants it (by id), ' +
          "`PRODUCT` when the segment assigns the product itself, else `CATEGORY` with the shortest chain from the product's " +
          'category up to the assigned one. One more statement than without it: for finding out, not for every page view.',
      }),
      ApiBody({ type: Match }),
      ApiOkResponse({ description: 'Id of the products which match criteria.', type: [MatchedItem] }),
      ApiBadRequestResponse({
        description: 'Invalid body: missing site, too many items, malformed items.',
        type: ErrorResponse,
      }),
    ],
    requestExample: {
      siteCode: 'main',
      segmentIds: [EXAMPLE_SEGMENT_ID],
      items: [{ id: EXAMPLE_PRODUCT_ID }, { id: 'sku-9' }],
    },
  },
});
