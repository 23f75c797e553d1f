import { ApiClient, components } from '@cs/client';
import { E2e, TEST_TENANT } from './support';

/** Shared by the item-assignment, category-tree, match and catalog e2e files: setup through the API, SQL access. */
export const tenant = TEST_TENANT;
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const PAST = { from: '2020-01-01T00:00:00.000Z', to: '2021-01-01T00:00:00.000Z' };
export const FUTURE = { from: '2090-01-01T00:00:00.000Z', to: '2091-01-01T00:00:00.000Z' };
export const CURRENT = { from: '2020-01-01T00:00:00.000Z', to: '2090-01-01T00:00:00.000Z' };

export const ITEM = '/customer-segment/{tenant}/segments/{segmentId}/items/{type}/{itemId}' as const;
export const ITEMS_BULK = '/customer-segment/{tenant}/segments/{segmentId}/items/{type}/bulk' as const;
export const SEGMENT_ITEMS = '/customer-segment/{tenant}/segments/{segmentId}/items' as const;
export const SEGMENT_ITEMS_SEARCH = '/customer-segment/{tenant}/segments/{segmentId}/items/search' as const;
export const ALL_ITEMS = '/customer-segment/{tenant}/segments/items' as const;
export const CATEGORY_TREES = '/customer-segment/{tenant}/segments/items/category-trees' as const;
export const MATCH = '/customer-segment/{tenant}/segments/match' as const;
export const CATEGORIES_BULK = '/customer-segment/{tenant}/catalog/categories/bulk' as const;
export const PRODUCTS_BULK = '/customer-segment/{tenant}/catalog/products/bulk' as const;

type ItemType = 'PRODUCT' | 'CATEGORY';
export type CategoryInput = components['schemas']['CatalogCategoryUpsert'];
export type ProductInput = components['schemas']['CatalogProductUpsert'];

export interface SegmentOptions {
  status?: 'ACTIVE' | 'INACTIVE';
  siteCode?: string;
  validity?: { from?: string; to?: string };
}

function expectStatus(what: string, status: number, expected: number[], body?: unknown): void {
  if (!expected.includes(status)) throw new Error(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
}

function expectAllOk(what: string, results: Array<{ code: number }> | undefined): void {
  const failed = (results ?? []).filter((result) => result.code >= 300);
  if (!results || failed.length) throw new Error(`${what}: ${JSON.stringify(failed)}`);
}

/** Setup helpers that go through the API (`manage` holds `customersegment.segment_manage`). */
export function fixtures(e2e: E2e, manage: ApiClient) {
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => e2e.server.db.query(text, params);
  return {
    sql,
    async segment(id: string, options: SegmentOptions = {}) {
      const { response, error } = await manage.POST('/customer-segment/{tenant}/segments', {
        params: { path: { tenant } },
        body: { id, name: { en: id }, siteCode: options.siteCode ?? 'main', status: options.status ?? 'ACTIVE', ...(options.validity && { validity: options.validity }) },
      });
      expectStatus(`create segment ${id}`, response.status, [201], error);
    },
    /** A B2C assignment, or B2B when `legalEntityId` is given. */
    async customer(segmentId: string, customerId: string, legalEntityId?: string) {
      const { response, error } = legalEntityId
        ? await manage.PUT('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/{legalEntityId}', { params: { path: { tenant, segmentId, customerId, legalEntityId } }, body: {} })
        : await manage.PUT('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}', { params: { path: { tenant, segmentId, customerId } }, body: {} });
      expectStatus(`assign ${customerId} to ${segmentId}`, response.status, [201, 204], error);
    },
    async item(segmentId: string, type: ItemType, itemId: string, body: components['schemas']['ItemAssignmentUpsert'] = {}) {
      const { response, error } = await manage.PUT(ITEM, { params: { path: { tenant, segmentId, type, itemId } }, body });
      expectStatus(`assign ${type} ${itemId} to ${segmentId}`, response.status, [201, 204], error);
    },
    async categories(items: CategoryInput[]) {
      const { data } = await manage.PUT(CATEGORIES_BULK, { params: { path: { tenant } }, body: items });
      expectAllOk('sync categories', data);
    },
    async products(items: ProductInput[]) {
      const { data } = await manage.PUT(PRODUCTS_BULK, { params: { path: { tenant } }, body: items });
      expectAllOk('sync products', data);
    },
    /** Outbox events of item assignments of one item, oldest first. */
    itemEvents: (itemId: string) =>
      sql<{ type: string; payload: Record<string, unknown> }>("SELECT type, payload FROM outbox WHERE tenant = $1 AND type LIKE 'customer-segment.item-assignment-%' AND payload->'item'->>'id' = $2 ORDER BY id", [
        tenant,
        itemId,
      ]),
  };
}
