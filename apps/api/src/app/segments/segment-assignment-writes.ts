import { BulkItemResult } from '@cs/contracts';
import { EntityManager } from 'typeorm';
import { assertBulkSize, bulkSuccess, Transactions } from '../database/transactions';
import { UpsertEvent, UpsertParent, upsertVersionedMany, VersionedUpsertRow } from '../database/upsert';
import { SEGMENT_ID_MAX_LENGTH } from './segment.entity';

/**
 * The segment as the `parent` of an upsert into its assignments. An id longer than the column cannot
 * exist, and binding it into the insert would fail the statement, so it is "not found" right away.
 */
export function segmentParent(tenant: string, segmentId: string, notFound: (segmentId: string) => Error): UpsertParent {
  if (segmentId.length > SEGMENT_ID_MAX_LENGTH) throw notFound(segmentId);
  return { table: 'segment', key: { tenant, id: segmentId }, parentMissing: () => notFound(segmentId) };
}

export interface SegmentBulkUpsert {
  tenant: string;
  segmentId: string;
  /** The request body: 1 to 200 items. */
  items: unknown;
  /** One item as the row to write, or a (400) error; `id` is the item's id in its 207 entry. */
  toRow: (item: unknown) => Promise<{ row: VersionedUpsertRow; id?: string }>;
  table: string;
  event: Omit<UpsertEvent, 'payload' | 'metadata' | 'tenant'>;
  notFound: (segmentId: string) => Error;
}

/**
 * A bulk upsert into one segment's assignments in a few statements: every item is validated first (a
 * 400 keeps its index), the segment is checked (and kept until commit) once, a missing segment is a 404
 * for every valid item, and all valid items are written, with their events, by one statement.
 */
export async function upsertBulkIntoSegment(
  transactions: Transactions,
  spec: SegmentBulkUpsert,
): Promise<BulkItemResult[]> {
  const items = assertBulkSize(spec.items);
  const results: BulkItemResult[] = new Array(items.length);
  const valid: Array<{ index: number; row: VersionedUpsertRow; id?: string }> = [];
  for (const [index, item] of items.entries()) {
    try {
      valid.push({ index, ...(await spec.toRow(item)) });
    } catch (error) {
      results[index] = transactions.bulkFailure(index, error);
    }
  }
  if (valid.length) {
    const written = await transactions.run(async (tx) => {
      if (!(await segmentExists(tx, spec.tenant, spec.segmentId)))
        return valid.map(() => spec.notFound(spec.segmentId));
      return upsertVersionedMany(tx, {
        table: spec.table,
        rows: valid.map(({ row }) => row),
        event: { ...spec.event, tenant: spec.tenant },
      });
    });
    valid.forEach(({ index, id }, i) => {
      const outcome = written[i];
      results[index] =
        outcome instanceof Error
          ? transactions.bulkFailure(index, outcome)
          : bulkSuccess(index, { code: outcome.created ? 201 : 204, id });
    });
  }
  return results;
}

/** KEY SHARE keeps the segment from being deleted until the transaction ends. */
async function segmentExists(tx: EntityManager, tenant: string, segmentId: string): Promise<boolean> {
  const rows: unknown[] = await tx.query('SELECT 1 FROM segment WHERE tenant = $1 AND id = $2 FOR KEY SHARE', [
    tenant,
    segmentId,
  ]);
  return rows.length > 0;
}
