import { DomainEvent } from '@cs/contracts';
import { EntityManager } from 'typeorm';

/** Records a domain event in the writing transaction; a relay delivers the outbox later. */
export async function recordEvent(tx: EntityManager, event: DomainEvent): Promise<void> {
  await tx.query('INSERT INTO outbox (tenant, type, payload) VALUES ($1, $2, $3)', [
    event.tenant,
    event.type,
    JSON.stringify(event.payload),
  ]);
}

/** Rows to delete, each with its event: `payload` is the event payload of one deleted row, as trusted SQL over its columns. */
export interface DeletionWithEvents {
  /** Table name (trusted, from our code). */
  table: string;
  /** Column -> value conditions, ANDed; the values are bound. */
  where: Record<string, string>;
  tenant: string;
  type: string;
  payload: string;
}

/**
 * Deletes the matching rows and records one event per deleted row, in one statement (the DELETE's
 * RETURNING feeds the outbox INSERT), so one assignment and a whole segment's 50,000 are alike.
 */
export async function deleteRecordingEvents(tx: EntityManager, deletion: DeletionWithEvents): Promise<void> {
  const params: unknown[] = [deletion.tenant, deletion.type];
  const conditions = Object.entries(deletion.where).map(([column, value]) => `"${column}" = $${params.push(value)}`);
  await tx.query(
    `WITH deleted AS (DELETE FROM ${deletion.table} WHERE ${conditions.join(' AND ')} RETURNING ${deletion.payload} AS payload)
     INSERT INTO outbox (tenant, type, payload) SELECT $1, $2, payload FROM deleted`,
    params,
  );
}
