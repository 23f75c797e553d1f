import { components } from '@cs/client';
import { E2e, TEST_TENANT } from './support';

/** Shared by the segments e2e files: paths, a valid body, and SQL access to what is stored. */
export const tenant = TEST_TENANT;
export const SEGMENTS = '/customer-segment/{tenant}/segments' as const;
export const SEGMENT = '/customer-segment/{tenant}/segments/{segmentId}' as const;
export const SEARCH = '/customer-segment/{tenant}/segments/search' as const;
export const BULK = '/customer-segment/{tenant}/segments/bulk' as const;
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const path = (segmentId: string) => ({ path: { tenant, segmentId } });

export const segmentBody = (overrides: Partial<components['schemas']['SegmentCreation']> = {}): components['schemas']['SegmentCreation'] => ({
  name: { en: 'Gold' },
  siteCode: 'main',
  ...overrides,
});

export interface StoredSegment {
  id: string;
  name: Record<string, string>;
  description: Record<string, string> | null;
  status: string;
  site_code: string;
  validity_from: Date | null;
  validity_to: Date | null;
  mixins: Record<string, unknown>;
  metadata_mixins: Record<string, string>;
  version: number;
  created_at: Date;
  modified_at: Date;
}

export function segmentsDb(e2e: E2e) {
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => e2e.server.db.query(text, params);
  return {
    sql,
    stored: async (id: string): Promise<StoredSegment | undefined> => (await sql<StoredSegment>('SELECT * FROM segment WHERE tenant = $1 AND id = $2', [tenant, id]))[0],
    /** The stored row, which must exist. */
    row: async (id: string): Promise<StoredSegment> => {
      const [row] = await sql<StoredSegment>('SELECT * FROM segment WHERE tenant = $1 AND id = $2', [tenant, id]);
      if (!row) throw new Error(`segment ${id} is not stored`);
      return row;
    },
    count: async (ids: string[]): Promise<number> => Number((await sql<{ n: string }>('SELECT count(*) AS n FROM segment WHERE tenant = $1 AND id = ANY($2)', [tenant, ids]))[0].n),
    events: (id: string) =>
      sql<{ type: string; payload: Record<string, unknown> }>("SELECT type, payload FROM outbox WHERE tenant = $1 AND type LIKE 'customer-segment.segment-%' AND payload->>'id' = $2 ORDER BY id", [tenant, id]),
    /** A customer assignment row (B2C when `legalEntityId` is ''). */
    assignCustomer: (segmentId: string, customerId: string, legalEntityId = '') =>
      sql('INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, version) VALUES ($1, $2, $3, $4, 1)', [tenant, segmentId, customerId, legalEntityId]),
    assignItem: (segmentId: string, itemId: string) => sql("INSERT INTO item_assignment (tenant, segment_id, type, item_id, version) VALUES ($1, $2, 'PRODUCT', $3, 1)", [tenant, segmentId, itemId]),
    assignments: async (segmentId: string) => {
      const [row] = await sql<{ customers: string; items: string }>(
        'SELECT (SELECT count(*) FROM customer_assignment WHERE tenant = $1 AND segment_id = $2) AS customers, (SELECT count(*) FROM item_assignment WHERE tenant = $1 AND segment_id = $2) AS items',
        [tenant, segmentId],
      );
      return { customers: Number(row.customers), items: Number(row.items) };
    },
  };
}
