import { Injectable } from '@nestjs/common';
import { isPoolExhausted } from '../database/pg-errors';
import { EventRelay, EventsStatus } from '../events/event-relay';
import { HealthRepository } from './health.repository';

const EVENTS_STATUS_WAIT_MS = 500;

/** The database as the readiness probe reports it. */
export type DatabaseState = 'up' | 'busy' | 'down';

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthRepository,
    private readonly relay: EventRelay,
  ) {}

  /**
   * The relay and its backlog; undefined when it cannot be counted within `EVENTS_STATUS_WAIT_MS` (the probe must
   * answer fast whatever the backlog; the count goes on and is reported by a later probe).
   */
  async events(): Promise<EventsStatus | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>(
      (resolve) => (timer = setTimeout(() => resolve(undefined), EVENTS_STATUS_WAIT_MS)),
    );
    try {
      const counted = await Promise.race([this.relay.status().catch(() => undefined), late]);
      // The sinks' connections are live, not counted: NATS down shows at the next probe.
      const sinks = this.relay.sinkStatuses();
      return counted && { ...counted, ...(sinks && { sinks }) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** `busy` when every pooled connection stays in use past the acquire timeout, `down` on any other failure. */
  async database(): Promise<DatabaseState> {
    try {
      await this.health.ping();
      return 'up';
    } catch (error) {
      return isPoolExhausted(error) ? 'busy' : 'down';
    }
  }
}
