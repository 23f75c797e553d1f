import { BulkItemResult } from '@cs/contracts';
import { EntityManager } from 'typeorm';
import { assertBulkSize, bulkSuccess, Transactions } from '../database/transactions';
import { VersionedUpsertRow } from '../database/upsert';
import { NotFoundError } from '../errors/domain-errors';
import { AssignmentTable, SilentAssignmentTable } from './segment-assignments';
import { upsertManyIntoSegment } from './segments.repository';

export interface SegmentBulkUpsert {
  tenant: string;
  segmentId: string;
  /** The request body: 1 to 200 items. */
  items: unknown;
  /** One item as the row to write, or a (400) error; `id` is the item's id in its 207 entry. */
  toRow: (item: unknown) => Promise<{ row: VersionedUpsertRow; id?: string }>;
  assignments: AssignmentTable | SilentAssignmentTable;
  /**
   * Runs first in the writing transaction: per row, an error that refuses it (a 400 item) or undefined. Refused rows
   * are not written.
   */
  guard?: (tx: EntityManager, rows: readonly VersionedUpsertRow[]) => Promise<Array<Error | undefined>>;
  /** Runs last in the writing transaction, with the rows written (created, updated or unchanged). */
  finish?: (tx: EntityManager, written: readonly VersionedUpsertRow[]) => Promise<void>;
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
    const { tenant, segmentId, assignments } = spec;
    const rows = valid.map(({ row }) => row);
    const written = await transactions.run(async (tx) => {
      const refused = (await spec.guard?.(tx, rows)) ?? [];
      const allowed = rows.filter((_, i) => !refused[i]);
      const outcomes = allowed.length
        ? await upsertManyIntoSegment(tx, { tenant, segmentId, assignments, rows: allowed })
        : [];
      let next = 0;
      const written = rows.map((_, i) => refused[i] ?? outcomes?.[next++] ?? NotFoundError.of('segment', segmentId));
      await spec.finish?.(
        tx,
        rows.filter((_, i) => !(written[i] instanceof Error)),
      );
      return written;
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
