import { ApiClient, components } from '@cs/client';
import type { Row, SegmentEntity } from '@cs/api/testing';
import { ErrorDetail } from '@cs/contracts';
import { E2e, TEST_TENANT } from './support';

/** Shared by the feature e2e files: paths, valid bodies, setup through the API and SQL access to what is stored. */
export const tenant = TEST_TENANT;
/** An ISO-8601 UTC timestamp as the service writes them. */
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const PAST = { from: '2020-01-01T00:00:00.000Z', to: '2021-01-01T00:00:00.000Z' };
export const FUTURE = { from: '2090-01-01T00:00:00.000Z', to: '2091-01-01T00:00:00.000Z' };
export const CURRENT = { from: '2020-01-01T00:00:00.000Z', to: '2090-01-01T00:00:00.000Z' };

export const SEGMENTS = '/customer-segment/{tenant}/segments' as const;
export const SEGMENT = '/customer-segment/{tenant}/segments/{segmentId}' as const;
export const SEGMENTS_SEARCH = '/customer-segment/{tenant}/segments/search' as const;
export const SEGMENTS_BULK = '/customer-segment/{tenant}/segments/bulk' as const;
export const ITEM = '/customer-segment/{tenant}/segments/{segmentId}/items/{type}/{itemId}' as const;
export const ITEMS_BULK = '/customer-segment/{tenant}/segments/{segmentId}/items/{type}/bulk' as const;
export const SEGMENT_ITEMS = '/customer-segment/{tenant}/segments/{segmentId}/items' as const;
export const SEGMENT_ITEMS_SEARCH = '/customer-segment/{tenant}/segments/{segmentId}/items/search' as const;
export const ALL_ITEMS = '/customer-segment/{tenant}/segments/items' as const;
export const CATEGORY_TREES = '/customer-segment/{tenant}/segments/items/category-trees' as const;
export const MATCH = '/customer-segment/{tenant}/segments/match' as const;
export const CATEGORIES_BULK = '/customer-segment/{tenant}/catalog/categories/bulk' as const;
export const PRODUCTS_BULK = '/customer-segment/{tenant}/catalog/products/bulk' as const;

/** A category tree as `id*` (assigned) with nested children, to compare shapes at a glance. */
export const shape = (nodes: Array<components['schemas']['CategoryTreeNode']> | undefined): unknown[] =>
  (nodes ?? []).map((node) =>
    node.subcategories.length
      ? { [`${node.id}${node.isSegmentAssigned ? '*' : ''}`]: shape(node.subcategories) }
      : `${node.id}${node.isSegmentAssigned ? '*' : ''}`,
  );

/** The path parameters of one segment. */
export const segmentPath = (segmentId: string) => ({ path: { tenant, segmentId } });

export const segmentBody = (
  overrides: Partial<components['schemas']['SegmentCreation']> = {},
): components['schemas']['SegmentCreation'] => ({
  name: { en: 'Gold' },
  siteCode: 'main',
  ...overrides,
});

type ItemType = 'PRODUCT' | 'CATEGORY';
export type CategoryInput = components['schemas']['CatalogCategoryUpsert'];
export type ProductInput = components['schemas']['CatalogProductUpsert'];

export interface SegmentOptions {
  status?: 'ACTIVE' | 'INACTIVE';
  siteCode?: string;
  validity?: { from?: string; to?: string };
}

/** A stored segment row, as the service's entity declares the table. */
export type StoredSegment = Row<SegmentEntity>;

/** `metadata` of a document as read: timestamps as ISO strings and the given version. */
export const expectedMetadata = (version: number) => ({
  version,
  createdAt: expect.stringMatching(ISO),
  modifiedAt: expect.stringMatching(ISO),
});

/**
 * The problems an error body (or 207 entry) names in its `details`, as `"<field>: <message>"`, in either
 * contract form: the list of such strings (customer management), or the one object of a customer-segment
 * route (its first problem).
 */
export function problemsOf(body: unknown): string[] {
  const details = (body as { details?: unknown } | undefined)?.details;
  if (Array.isArray(details)) return details as string[];
  if (!details || typeof details !== 'object') return [];
  const { field, message } = details as ErrorDetail;
  return [field ? `${field}: ${message}` : message];
}

/** The fields the problems of `body` name (`problemsOf`; '' for a problem about no field). */
export function problemFields(body: unknown): string[] {
  return problemsOf(body).map((problem) => (problem.includes(': ') ? problem.slice(0, problem.indexOf(': ')) : ''));
}

/** Matches a problem of `problemsOf` about `field` (whose message matches `message`). */
export function problemAbout(field: string, message?: RegExp) {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return expect.stringMatching(new RegExp(`^${escaped}: ${message ? `.*(?:${message.source})` : ''}`));
}

/** Matches the list-of-strings `details` of a customer-management error naming each of `fields`. */
export function detailsNaming(...fields: string[]) {
  return expect.arrayContaining(fields.map((field) => problemAbout(field)));
}

/** A 400 with the Emporix error body naming `field` (and a message matching `message`) among its details. */
export function expectBadRequest(
  result: { response: Response; error?: unknown },
  field: string,
  message?: RegExp,
): void {
  expect(result.response.status).toBe(400);
  expect(result.error).toMatchObject({ code: 400, status: 'Bad Request' });
  expect(problemsOf(result.error)).toContainEqual(problemAbout(field, message));
}

function expectStatus(what: string, status: number, expected: number[], body?: unknown): void {
  if (!expected.includes(status)) throw new Error(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
}

function expectAllOk(what: string, results: Array<{ code: number }> | undefined): void {
  const failed = (results ?? []).filter((result) => result.code >= 300);
  if (!results || failed.length) throw new Error(`${what}: ${JSON.stringify(failed)}`);
}

/** SQL access to the test's own database: what is stored, and setup the API does not offer. */
export function database(e2e: E2e) {
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
    e2e.server.db.query(text, params);
  const segmentRow = async (id: string): Promise<StoredSegment | undefined> =>
    (await sql<StoredSegment>('SELECT * FROM segment WHERE tenant = $1 AND id = $2', [tenant, id]))[0];
  return {
    sql,
    stored: segmentRow,
    /** The stored segment, which must exist. */
    row: async (id: string): Promise<StoredSegment> => {
      const row = await segmentRow(id);
      if (!row) throw new Error(`segment ${id} is not stored`);
      return row;
    },
    count: async (ids: string[]): Promise<number> =>
      Number(
        (
          await sql<{ n: string }>('SELECT count(*) AS n FROM segment WHERE tenant = $1 AND id = ANY($2)', [
            tenant,
            ids,
          ])
        )[0].n,
      ),
    /** Outbox events of one segment, oldest first. */
    events: (id: string) =>
      sql<{ type: string; payload: Record<string, unknown> }>(
        "SELECT type, payload FROM outbox WHERE tenant = $1 AND type LIKE 'customer-segment.segment-%' AND payload->>'id' = $2 ORDER BY id",
        [tenant, id],
      ),
    /** Outbox events of item assignments of one item, oldest first (deleted events name it by `itemId`). */
    itemEvents: (itemId: string) =>
      sql<{ type: string; payload: Record<string, unknown> }>(
        "SELECT type, payload FROM outbox WHERE tenant = $1 AND type LIKE 'customer-segment.item-assignment-%' AND COALESCE(payload->>'itemId', payload->'item'->>'id') = $2 ORDER BY id",
        [tenant, itemId],
      ),
    /** Outbox events of the customer and item assignments of one segment, oldest first. */
    assignmentEvents: (segmentId: string) =>
      sql<{ type: string; payload: Record<string, unknown> }>(
        "SELECT type, payload FROM outbox WHERE tenant = $1 AND type ~ '^customer-segment\\.(customer|item)-assignment-' AND payload->>'segmentId' = $2 ORDER BY id",
        [tenant, segmentId],
      ),
    /** A customer assignment row (B2C when `legalEntityId` is ''). */
    assignCustomer: (segmentId: string, customerId: string, legalEntityId = '') =>
      sql(
        'INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, version) VALUES ($1, $2, $3, $4, 1)',
        [tenant, segmentId, customerId, legalEntityId],
      ),
    assignItem: (segmentId: string, itemId: string) =>
      sql(
        "INSERT INTO item_assignment (tenant, segment_id, type, item_id, version) VALUES ($1, $2, 'PRODUCT', $3, 1)",
        [tenant, segmentId, itemId],
      ),
    assignments: async (segmentId: string) => {
      const [row] = await sql<{ customers: string; items: string }>(
        'SELECT (SELECT count(*) FROM customer_assignment WHERE tenant = $1 AND segment_id = $2) AS customers, (SELECT count(*) FROM item_assignment WHERE tenant = $1 AND segment_id = $2) AS items',
        [tenant, segmentId],
      );
      return { customers: Number(row.customers), items: Number(row.items) };
    },
  };
}

/** `database(e2e)` and setup helpers that go through the API (`manage` holds `customersegment.segment_manage`). */
export function fixtures(e2e: E2e, manage: ApiClient) {
  return {
    ...database(e2e),
    /** A segment, ACTIVE on site `main` unless the options say otherwise. */
    async segment(id: string, options: SegmentOptions = {}) {
      const { response, error } = await manage.POST(SEGMENTS, {
        params: { path: { tenant } },
        body: {
          id,
          name: { en: id },
          siteCode: options.siteCode ?? 'main',
          status: options.status ?? 'ACTIVE',
          ...(options.validity && { validity: options.validity }),
        },
      });
      expectStatus(`create segment ${id}`, response.status, [201], error);
    },
    /** A B2C assignment, or B2B when `legalEntityId` is given. */
    async customer(segmentId: string, customerId: string, legalEntityId?: string) {
      const { response, error } = legalEntityId
        ? await manage.PUT('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/{legalEntityId}', {
            params: { path: { tenant, segmentId, customerId, legalEntityId } },
            body: {},
          })
        : await manage.PUT('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}', {
            params: { path: { tenant, segmentId, customerId } },
            body: {},
          });
      expectStatus(`assign ${customerId} to ${segmentId}`, response.status, [201, 204], error);
    },
    async item(segmentId: string, type: ItemType, itemId: string, body: components['schemas']['MixinsUpsert'] = {}) {
      const { response, error } = await manage.PUT(ITEM, {
        params: { path: { tenant, segmentId, type, itemId } },
        body,
      });
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
  };
}
