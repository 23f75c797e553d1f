import { EventDataByType, EventType, ResourceType } from '@cs/contracts';
import { EntityManager } from 'typeorm';

/** An event as a change records it; the relay adds `position` and `sequence` (see docs/events.md). */
export interface RecordedEvent<T extends EventType = EventType> {
  type: T;
  tenant: string;
  /** The changed document; composite ids as `resourceId(...)` of @cs/contracts builds them. */
  resource: { type: ResourceType; id: string };
  /** The document's version after the change; null for a deletion. */
  version: number | null;
  data: EventDataByType[T];
}

/** Records an event in the writing transaction, so it exists if and only if the change commits. */
export async function recordEvent<T extends EventType>(tx: EntityManager, event: RecordedEvent<T>): Promise<void> {
  await tx.query(
    `INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
    [event.tenant, event.type, event.resource.type, event.resource.id, event.version, JSON.stringify(event.data)],
  );
}

/**
 * `resourceId(...parts)` of @cs/contracts in SQL: the parts (trusted SQL expressions) percent-encoded and joined
 * by `/`; a part that is NULL is left out (`NULLIF(legal_entity_id, '')` for an optional last part).
 */
export function resourceIdSql(...parts: string[]): string {
  return `concat_ws('/', ${parts.map((part) => `replace(replace(${part}, '%', '%25'), '/', '%2F')`).join(', ')})`;
}

/**
 * Rows to delete, each with its event. `payload` and `resourceId` are trusted SQL over the deleted row's columns:
 * the event data and the resource id of one deleted row.
 */
export interface DeletionWithEvents {
  /** Table name (trusted, from our code). */
  table: string;
  /** Column -> value conditions, ANDed; the values are bound. */
  where: Record<string, string>;
  tenant: string;
  type: EventType;
  resourceType: ResourceType;
  resourceId: string;
  payload: string;
}

/**
 * Deletes the matching rows and records one event per deleted row, in one statement (the DELETE's
 * RETURNING feeds the outbox INSERT), so one assignment and a whole segment's 50,000 are alike.
 */
export async function deleteRecordingEvents(tx: EntityManager, deletion: DeletionWithEvents): Promise<void> {
  const params: unknown[] = [deletion.tenant, deletion.type, deletion.resourceType];
  const conditions = Object.entries(deletion.where).map(([column, value]) => `"${column}" = $${params.push(value)}`);
  await tx.query(
    `WITH deleted AS (DELETE FROM ${deletion.table} WHERE ${conditions.join(' AND ')}
       RETURNING ${deletion.resourceId} AS resource_id, ${deletion.payload} AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $2, $3, resource_id, NULL, payload FROM deleted`,
    params,
  );
}
