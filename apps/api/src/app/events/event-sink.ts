import { AnyEventEnvelope } from '@cs/contracts';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';

/**
 * Where the relay delivers events. Every registered sink gets every sequenced event of every tenant, in position
 * order, at least once; the relay keeps each sink's cursor per tenant (`event_sink_cursor`).
 */
export interface EventSink {
  /** Names the sink's cursors: stable across restarts and replicas, at most 40 characters. */
  readonly name: string;
  /**
   * Resolves once the sink durably holds `events` (one tenant's, in position order); rejecting leaves the cursor
   * where it was, so the same events are delivered again after a backoff. `tx` is the transaction that advances
   * the sink's cursor when `deliver` resolves: a sink that keeps what it takes in the database writes it there,
   * so taking the events and moving the cursor commit together. `traceParents[i]` is the W3C `traceparent` of the
   * write that recorded `events[i]` (null when tracing was off), for the sink's headers: never in the envelope.
   */
  deliver(
    tenant: string,
    events: AnyEventEnvelope[],
    tx: EntityManager,
    traceParents: ReadonlyArray<string | null>,
  ): Promise<void>;
  /** Called once at shutdown, after the relay's last delivery. */
  close?(): Promise<void>;
  /** How the sink's connection is, for the readiness detail (sinks without a connection of their own have none). */
  status?(): SinkStatus;
}

/** A sink's connection as the readiness probe shows it; it never makes the service unready. */
export interface SinkStatus {
  state: string;
  /** Why it is not `up`, without addresses or credentials. */
  reason?: string;
}

/** Builds a sink from the configuration, or none when it is not configured (e.g. NATS without `NATS_URL`). */
export type EventSinkFactory = (config: AppConfig) => EventSink | undefined | Promise<EventSink | undefined>;

/** The Nest token of the registered sinks (`EventSink[]`), built from `EVENT_SINK_FACTORIES` of events.module.ts. */
export const EVENT_SINKS = Symbol('EVENT_SINKS');
