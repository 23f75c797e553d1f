/**
 * The ids the Swagger examples of several features share (`OperationDoc.requestExample`, the `example` of path
 * parameters), so that one feature's examples refer to what another's create: the segment the assignments go
 * into, the legal entity of contact assignments and B2B assignments, the customers and products.
 */
export const EXAMPLE_SEGMENT_ID = 'vip';
export const EXAMPLE_LEGAL_ENTITY_ID = 'acme';
export const EXAMPLE_CUSTOMER_IDS = ['c-1001', 'c-1002'] as const;
export const EXAMPLE_PRODUCT_ID = 'sku-1';
