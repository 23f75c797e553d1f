import { AnyEventEnvelope } from '@cs/contracts';
import { EntityManager } from 'typeorm';
import { EventSink, EventSinkFactory } from '../../events/event-sink';
import { DeliveriesRepository } from './deliveries.repository';

/**
 * The relay's webhook sink: queues a delivery per (active endpoint, event) in the relay's transaction, so taking
 * the events and advancing the cursor commit together, and the worker (webhook-worker.ts) sends them. A slow or
 * dead endpoint never holds the relay back: the sink only writes rows.
 */
export class WebhookSink implements EventSink {
  readonly name = 'webhooks';

  async deliver(
    tenant: string,
    events: AnyEventEnvelope[],
    tx: EntityManager,
    traceParents: ReadonlyArray<string | null>,
  ): Promise<void> {
    await DeliveriesRepository.queue(tx, tenant, events, traceParents);
  }
}

/** Always on: a tenant without endpoints costs one statement per batch. */
export const webhookSinkFactory: EventSinkFactory = () => new WebhookSink();
