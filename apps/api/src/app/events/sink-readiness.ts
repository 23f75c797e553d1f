import { Inject, Injectable } from '@nestjs/common';
import { EVENT_SINKS, EventSink, SinkStatus } from './event-sink';
import { EventsRepository } from './events.repository';

/** What the readiness probe shows of one sink: its connection, and the events it has yet to take. */
export interface SinkReadinessDetail extends SinkStatus {
  /** Events not delivered to the sink yet (unsequenced ones included); absent while the database does not answer. */
  backlog?: number;
  /** `occurredAt` of the oldest of them. */
  oldestAt?: string;
}

/**
 * The readiness detail of the sinks that report a status (NATS): a broker that is away never makes the service
 * unready, since writes go on and the backlog waits in the outbox, but the probe shows it and how much waits.
 */
@Injectable()
export class SinkReadiness {
  constructor(
    @Inject(EVENT_SINKS) private readonly sinks: EventSink[],
    private readonly events: EventsRepository,
  ) {}

  /** Sink name -> detail; empty when no sink reports a status. */
  async detail(): Promise<Record<string, SinkReadinessDetail>> {
    const details: Record<string, SinkReadinessDetail> = {};
    for (const sink of this.sinks) {
      if (!sink.status) continue;
      const backlog = await this.events.backlog([sink.name]).catch(() => undefined);
      details[sink.name] = {
        ...sink.status(),
        ...(backlog && { backlog: backlog.events }),
        ...(backlog?.oldestAt && { oldestAt: backlog.oldestAt.toISOString() }),
      };
    }
    return details;
  }
}
