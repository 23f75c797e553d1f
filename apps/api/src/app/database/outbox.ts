import { DomainEvent } from '@cs/contracts';
import { EntityManager } from 'typeorm';

/** Records a domain event in the writing transaction; a relay delivers the outbox later. */
export async function recordEvent(tx: EntityManager, event: DomainEvent): Promise<void> {
  await tx.query('INSERT INTO outbox (tenant, type, payload) VALUES ($1, $2, $3)', [event.tenant, event.type, JSON.stringify(event.payload)]);
}
