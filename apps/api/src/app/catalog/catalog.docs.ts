import {
  CatalogCategoryResponse,
  CatalogCategoryUpsert,
  CatalogProductResponse,
  CatalogProductUpsert,
  ErrorResponse,
} from '@cs/dto';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiBulk } from '../common/routes';
import { operationDocs } from '../decorators/endpoint.decorators';
import { EXAMPLE_PRODUCT_ID } from '../decorators/examples';

const EXTENSION =
  "**Extension** (not part of the Emporix API): the service keeps a copy of the commerce catalog's categories and products, " +
  'synchronised through these endpoints, to enrich item assignments with codes and names and to compute category trees and match.';
/** A category tree of two: the product of the examples sits in the subcategory. */
const CATEGORY_IDS = ['shoes', 'running-shoes'];
const BULK =
  'At most 200 items (more is a 400 and nothing is applied); each item is applied on its own, in request order, and answers in the 207 body ' +
  '(`index` zero-based).';
const WRITE =
  'PUT replaces the whole stored document (absent fields are reset); with `metadata.version`, a different stored version is a 409 for that item. ' +
  'Localized fields are maps, or with `Content-Language: <lang>` plain strings in that language (other stored languages are kept).';

export const CATALOG_DOCS = operationDocs('Catalog', {
  upsertCategories: {
    operationId: 'PUT-customer-segment-upsert-catalog-categories-bulk',
    summary: 'Synchronising catalog categories in bulk',
    description:
      `${EXTENSION} Upserts categories: 201 created, 204 updated, 400 invalid item, 409 version conflict. ${BULK} ${WRITE} ` +
      'A parent may arrive later, in the same or a later request (until then the category is a root of category trees, and match does not walk past it); ' +
      'a parent that is the category itself or one of its descendants is a 400 for that item.',
    details: [ApiBulk(CatalogCategoryUpsert)],
    requestExample: [
      { id: CATEGORY_IDS[0], code: 'SHOES', name: { en: 'Shoes', de: 'Schuhe' }, position: 1 },
      {
        id: CATEGORY_IDS[1],
        code: 'RUNNING',
        parentId: CATEGORY_IDS[0],
        name: { en: 'Running shoes', de: 'Laufschuhe' },
        localizedSlug: { en: 'running-shoes' },
        validity: { from: '2024-01-01' },
        published: true,
      },
    ],
  },
  removeCategories: {
    operationId: 'DELETE-customer-segment-remove-catalog-categories-bulk',
    summary: 'Removing catalog categories in bulk',
    description:
      `${EXTENSION} Removes categories by id (body: array of ids). ${BULK} Each item answers 204, also for an unknown id. ` +
      "Item assignments of the categories, product links to them and subcategories' parent ids stay: they lead nowhere (subcategories are roots of category trees, " +
      'products in them no longer match through them) until a category with that id arrives again.',
    details: [ApiBulk()],
    requestExample: CATEGORY_IDS,
  },
  upsertProducts: {
    operationId: 'PUT-customer-segment-upsert-catalog-products-bulk',
    summary: 'Synchronising catalog products in bulk',
    description:
      `${EXTENSION} Upserts products with the categories they sit in (\`categoryIds\` replaces the stored list; the categories may arrive later, and count for match once they do): ` +
      `201 created, 204 updated, 400 invalid item, 409 version conflict. ${BULK} ${WRITE}`,
    details: [ApiBulk(CatalogProductUpsert)],
    requestExample: [
      { id: EXAMPLE_PRODUCT_ID, code: 'RUN-42', name: { en: 'Trail runner' }, categoryIds: [CATEGORY_IDS[1]] },
    ],
  },
  removeProducts: {
    operationId: 'DELETE-customer-segment-remove-catalog-products-bulk',
    summary: 'Removing catalog products in bulk',
    description: `${EXTENSION} Removes products by id (body: array of ids). ${BULK} Each item answers 204, also for an unknown id. Item assignments of the products stay.`,
    details: [ApiBulk()],
    requestExample: [EXAMPLE_PRODUCT_ID],
  },
  getCategory: {
    operationId: 'GET-customer-segment-retrieve-catalog-category',
    revalidated: true,
    summary: 'Retrieving a catalog category',
    description: `${EXTENSION} Reads one synchronised category back.`,
    details: [
      ApiParam({ name: 'categoryId', example: CATEGORY_IDS[1] }),
      ApiOkResponse({ type: CatalogCategoryResponse }),
      ApiNotFoundResponse({ description: 'The service holds no such category.', type: ErrorResponse }),
    ],
  },
  getProduct: {
    operationId: 'GET-customer-segment-retrieve-catalog-product',
    revalidated: true,
    summary: 'Retrieving a catalog product',
    description: `${EXTENSION} Reads one synchronised product back, with its category ids.`,
    details: [
      ApiParam({ name: 'productId', example: EXAMPLE_PRODUCT_ID }),
      ApiOkResponse({ type: CatalogProductResponse }),
      ApiNotFoundResponse({ description: 'The service holds no such product.', type: ErrorResponse }),
    ],
  },
});
