import { Logger, LoggerService } from '@nestjs/common';
import { AnyEventEnvelope } from '@cs/contracts';
import {
  connect,
  DebugEvents,
  Events,
  headers as natsHeaders,
  nanos,
  NatsConnection,
  NatsError,
  PubAck,
  StorageType,
} from 'nats';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/config';
import { EventSink } from '../event-sink';

/** How long a publish waits for JetStream's acknowledgement before the batch fails (and is delivered again). */
const PUBLISH_TIMEOUT_MS = 5_000;
/** How long one connection attempt may take (the TCP connect and the NATS handshake). */
const CONNECT_TIMEOUT_MS = 5_000;
/** Reconnecting (before the first connection and after a lost one): 0.25 s, doubling up to 5 s. */
export const RECONNECT_FIRST_MS = 250;
export const RECONNECT_MAX_MS = 5_000;
/** The stream's window for `Nats-Msg-Id` duplicates, when the sink creates it (the JetStream default). */
const DUPLICATE_WINDOW_MS = 120_000;
/** JetStream's API error code of a stream that does not exist. */
const STREAM_NOT_FOUND = 10059;
/** Its code of "stream name already in use": another process created the stream a moment ago. */
const STREAM_NAME_IN_USE = 10058;

/** What the readiness probe shows of the sink: the broker may be away without the service being unready. */
export interface NatsSinkStatus {
  /** `failing`: connected, but the last batch was not acknowledged (no stream, a full stream, a timeout). */
  state: 'connecting' | 'up' | 'down' | 'failing';
  /** Why it is not `up`: the last connection or publish error (never `NATS_URL`, which may hold credentials). */
  reason?: string;
}

/** The JetStream subject of an event: `<prefix>.<tenant>.<type>` (tenants and types hold no wildcards). */
export function subjectOf(prefix: string, tenant: string, type: string): string {
  return `${prefix}.${tenant}.${type}`;
}

/**
 * The wait after `failed` failed connection attempts in a row: none after none (a lost connection is redialled at
 * once), then 0.25 s doubling up to 5 s, each with up to 20% jitter so that replicas do not redial in step.
 */
export function reconnectDelayMs(failed: number, random: () => number = Math.random): number {
  if (failed <= 0) return 0;
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** (failed - 1));
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * Publishes events to a JetStream stream, created if absent. Each event is one message on `subjectOf(...)` with
 * `Nats-Msg-Id` = event id (and `traceparent`, the trace of the write, when it was traced), so JetStream drops the
 * copies a redelivery (after a crash between publishing and the cursor's commit) sends within the stream's duplicate
 * window. A batch is published at once (one connection keeps
 * the order) and resolves when every acknowledgement arrived; any failure rejects it, and the relay delivers the
 * batch again from its cursor. The connection is kept in the background: while the server is unreachable, at start
 * or later, deliveries fail fast, the backlog waits in the outbox, and the client reconnects with backoff.
 */
export class NatsSink implements EventSink {
  readonly name = 'nats';
  private connection?: NatsConnection;
  /** Resolves once the stream is known to exist on the current connection; reset on failure and reconnect. */
  private stream?: Promise<void>;
  private current: NatsSinkStatus = { state: 'connecting' };
  /** Connection attempts since the last success: the backoff's exponent. */
  private reconnectAttempt = 0;
  private retryTimer?: NodeJS.Timeout;
  private closing = false;
  /** Messages JetStream reported as duplicates (redeliveries it dropped), since start. */
  duplicates = 0;

  constructor(
    private readonly options: AppConfig['nats'],
    private readonly logger: Pick<LoggerService, 'log' | 'warn'> = new Logger(NatsSink.name),
  ) {}

  /** Starts connecting in the background; never waits for (or fails because of) the server. */
  start(): this {
    void this.connectLoop();
    return this;
  }

  status(): NatsSinkStatus {
    return { ...this.current };
  }

  async deliver(
    tenant: string,
    events: AnyEventEnvelope[],
    _tx?: EntityManager,
    traceParents: ReadonlyArray<string | null> = [],
  ): Promise<void> {
    const connection = this.connection;
    if (!connection || connection.isClosed() || this.current.state === 'down' || this.current.state === 'connecting')
      throw new Error(`NATS is not connected${this.current.reason ? ` (${this.current.reason})` : ''}`);
    try {
      await this.publish(connection, tenant, events, traceParents);
      if (this.current.state === 'failing') this.logger.log('JetStream acknowledges events again');
      this.current = { state: 'up' };
    } catch (error) {
      // Connection losses are reported by the status watcher; the rest is JetStream refusing (the latest reason).
      if (this.current.state === 'up' || this.current.state === 'failing')
        this.current = { state: 'failing', reason: (error as Error).message };
      throw error;
    }
  }

  private async publish(
    connection: NatsConnection,
    tenant: string,
    events: AnyEventEnvelope[],
    traceParents: ReadonlyArray<string | null>,
  ): Promise<void> {
    await this.ensureStream(connection);
    const jetStream = connection.jetstream({ timeout: PUBLISH_TIMEOUT_MS });
    const expect = { streamName: this.options.stream };
    const acks = events.map((event, index) =>
      jetStream.publish(subjectOf(this.options.subjectPrefix, tenant, event.type), JSON.stringify(event), {
        msgID: event.id,
        expect,
        headers: traceHeaders(traceParents[index]),
      }),
    );
    // Every publish settles before the batch does, so no rejection is left unobserved.
    const settled = await Promise.allSettled(acks);
    const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) {
      // The stream may have been deleted meanwhile: look again before the next batch.
      this.stream = undefined;
      throw new Error(`JetStream did not acknowledge: ${this.describe(failure.reason)}`);
    }
    this.duplicates += settled.filter((result) => (result as PromiseFulfilledResult<PubAck>).value.duplicate).length;
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retryTimer);
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    // Connected, acknowledgements still awaited arrive before the connection closes; reconnecting, close() also ends
    // the client's dial loop (drain() would leave it running).
    if (this.current.state === 'down') await connection.close();
    else await connection.drain().catch(() => connection.close());
  }

  /** Connects; on failure retries with backoff until connected or closed. Once connected the client reconnects. */
  private async connectLoop(): Promise<void> {
    if (this.closing) return;
    try {
      const connection = await connect({
        servers: this.options.servers,
        name: 'customer-segments-events',
        timeout: CONNECT_TIMEOUT_MS,
        maxReconnectAttempts: -1,
        // Asked again while it waits, so the exponent counts dial attempts (see `watch`), not calls.
        reconnectDelayHandler: () => reconnectDelayMs(this.reconnectAttempt),
      });
      if (this.closing) return void (await connection.close());
      this.connection = connection;
      this.connected();
      void this.watch(connection);
    } catch (error) {
      this.lost(error);
      this.retryTimer = setTimeout(() => void this.connectLoop(), reconnectDelayMs(++this.reconnectAttempt));
    }
  }

  /** Follows the connection's status until it closes; a closed connection (e.g. refused credentials) is replaced. */
  private async watch(connection: NatsConnection): Promise<void> {
    void connection.closed().then((error) => {
      if (this.closing || this.connection !== connection) return;
      this.connection = undefined;
      this.lost(error ?? new Error('connection closed'));
      void this.connectLoop();
    });
    for await (const status of connection.status()) {
      if (status.type === Events.Disconnect) this.lost(new Error('connection lost'));
      else if (status.type === DebugEvents.Reconnecting) this.reconnectAttempt += 1;
      else if (status.type === Events.Reconnect) this.connected();
    }
  }

  private connected(): void {
    if (this.current.state === 'down' && !this.closing) this.logger.log('Connected to NATS again; delivering events');
    this.current = { state: 'up' };
    this.reconnectAttempt = 0;
    this.stream = undefined;
  }

  private lost(error: unknown): void {
    if (this.closing) return;
    const reason = this.describe(error);
    if (this.current.state !== 'down')
      this.logger.warn(`NATS is unreachable (${reason}); events wait in the outbox, reconnecting with backoff`);
    this.current = { state: 'down', reason };
  }

  /** Creates the stream if it does not exist (once per connection, again after a failed publish). */
  private ensureStream(connection: NatsConnection): Promise<void> {
    this.stream ??= this.createStreamIfAbsent(connection).catch((error: unknown) => {
      this.stream = undefined;
      throw new Error(`JetStream stream ${this.options.stream} is not available: ${this.describe(error)}`);
    });
    return this.stream;
  }

  private async createStreamIfAbsent(connection: NatsConnection): Promise<void> {
    const { stream, subjectPrefix } = this.options;
    const manager = await connection.jetstreamManager({ timeout: PUBLISH_TIMEOUT_MS });
    try {
      await manager.streams.info(stream);
      return;
    } catch (error) {
      if (apiErrorCode(error) !== STREAM_NOT_FOUND) throw error;
    }
    try {
      await manager.streams.add({
        name: stream,
        subjects: [`${subjectPrefix}.>`],
        storage: StorageType.File,
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      });
      this.logger.log(`Created the JetStream stream ${stream} for subjects ${subjectPrefix}.>`);
    } catch (error) {
      if (apiErrorCode(error) !== STREAM_NAME_IN_USE) throw error;
    }
  }

  /** A short reason for logs and the readiness detail: JetStream's description or the client's error code. */
  private describe(error: unknown): string {
    if (error instanceof NatsError && error.api_error?.description) return error.api_error.description;
    return error instanceof Error ? error.message : String(error);
  }
}

/** The message's `traceparent` header, when the event's write was traced (the client adds `Nats-Msg-Id` to it). */
function traceHeaders(traceParent: string | null | undefined) {
  if (!traceParent) return undefined;
  const headers = natsHeaders();
  headers.set('traceparent', traceParent);
  return headers;
}

function apiErrorCode(error: unknown): number | undefined {
  return error instanceof NatsError ? error.api_error?.err_code : undefined;
}

/** The sink when `NATS_URL` is set and this process runs the relay (a replica with `EVENTS_RELAY=false` has none). */
export function natsSinkFactory(config: AppConfig): NatsSink | undefined {
  return config.nats.servers.length && config.events.relay ? new NatsSink(config.nats).start() : undefined;
}
