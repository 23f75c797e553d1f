import { AnyEventEnvelope } from '@cs/contracts';
import { StoredEvent } from './events.repository';

/**
 * The envelope of a stored event. The stored columns were written through the typed recording API
 * (`recordEvent`, the upsert's `event`), so type, resource and data agree with `AnyEventEnvelope`.
 */
export function toEnvelope(row: StoredEvent): AnyEventEnvelope {
  return {
    id: row.position,
    type: row.type,
    tenant: row.tenant,
    occurredAt: row.occurred_at,
    resource: { type: row.resource_type, id: row.resource_id },
    sequence: row.sequence,
    version: row.version,
    data: row.payload,
  } as AnyEventEnvelope;
}
