import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { describeFailure } from '../database/pg-errors';
import { Transactions } from '../database/transactions';
import { Metrics } from '../metrics/metrics';
import { EVENT_SINKS, EventSink, SinkStatus } from './event-sink';
import { EventNotifications } from './event-notifications';
import { toEnvelope } from './events.mapper';
import { EventsRepository } from './events.repository';
import { RELAY_EVENTS, RELAY_TRANSACTIONS } from './relay-pool';

/** Events one sequencer statement takes, and one `deliver` call gets. */
export const SEQUENCE_BATCH = 1_000;
export const DELIVERY_BATCH = 500;
/** Events one retention statement deletes; small, so it never holds many locks or blocks writers long. */
export const PRUNE_BATCH = 1_000;
const RETENTION_INTERVAL_MS = 60_000;
/** A failing sink is retried for that tenant after 0.5 s, doubling up to 30 s; other tenants and sinks go on. */
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 30_000;
/** How long shutdown waits for the relay's current step (a delivery in flight) to finish. */
const DRAIN_TIMEOUT_MS = 5_000;
/** How long a counted backlog is reported before it is counted again (the readiness probe may be asked often). */
const BACKLOG_MAX_AGE_MS = 5_000;

/** What the readiness probe reports of the events. */
export interface EventsStatus {
  relay: 'on' | 'off';
  /** Events not sequenced yet, or not yet taken by every sink. */
  backlog: number;
  /** Age of the oldest of them; null without backlog. */
  oldestAgeSeconds: number | null;
  /** The connection of each sink that has one (NATS): `sinkStatuses()`. */
  sinks?: Record<string, SinkStatus>;
}

interface Backoff {
  failures: number;
  retryAt: number;
}

/**
 * The outbox relay: sequences committed events (position in commit order, sequence per resource), delivers them
 * to every sink, per tenant, from the sink's cursor, and prunes what every sink has taken once it is older than
 * the retention. Woken by the outbox's notifications, and polling as a fallback. Several replicas may run it on
 * one database: the sequencer serializes per tenant, and a sink's cursor row is claimed with SKIP LOCKED.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventRelay.name);
  /** `sink + NUL + tenant` -> when to try again. */
  private readonly backoffs = new Map<string, Backoff>();
  /** Sink name -> the connection state `status()` reported at the last round (sinks that report one). */
  private readonly sinkStates = new Map<string, string>();
  private running?: Promise<void>;
  private stopping = false;
  private woken = false;
  private wake?: () => void;
  private unsubscribe?: () => void;
  private lastPruneAt = 0;
  private lastFullDeliveryAt = 0;
  private counted?: { at: number; status: Promise<EventsStatus> };

  constructor(
    @Inject(RELAY_EVENTS) private readonly events: EventsRepository,
    @Inject(RELAY_TRANSACTIONS) private readonly transactions: Transactions,
    private readonly notifications: EventNotifications,
    @Inject(EVENT_SINKS) private readonly sinks: EventSink[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    metrics.watchBacklog(() => this.status());
  }

  get enabled(): boolean {
    return this.config.events.relay;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.unsubscribe = this.notifications.onOutbox(() => this.wakeUp());
    this.running = this.loop();
  }

  /** Lets the current step finish (at most `DRAIN_TIMEOUT_MS`); what is left stays in the outbox for the next start. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wakeUp();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_TIMEOUT_MS)));
    await Promise.race([this.running, timeout]);
    clearTimeout(timer);
    await Promise.all(this.sinks.map((sink) => sink.close?.().catch(() => undefined)));
  }

  /** The backlog, counted at most every `BACKLOG_MAX_AGE_MS` (a failed count is not kept). */
  status(): Promise<EventsStatus> {
    if (this.counted && Date.now() - this.counted.at < BACKLOG_MAX_AGE_MS) return this.counted.status;
    const status = this.events
      .backlog(this.sinks.map((sink) => sink.name))
      .then(({ events, oldestAt }): EventsStatus => ({
        relay: this.enabled ? 'on' : 'off',
        backlog: events,
        oldestAgeSeconds: oldestAt ? Math.max(0, Math.round((Date.now() - oldestAt.getTime()) / 1000)) : null,
      }));
    this.counted = { at: Date.now(), status };
    status.catch(() => (this.counted = undefined));
    return status;
  }

  /** The live connection state of the sinks that report one (NATS), by name; undefined when none does. */
  sinkStatuses(): Record<string, SinkStatus> | undefined {
    const reported = this.sinks.flatMap((sink) => (sink.status ? [[sink.name, sink.status()] as const] : []));
    return reported.length ? Object.fromEntries(reported) : undefined;
  }

  /**
   * One round: sequence, deliver, and prune when due. `deliver`: `all` looks for every tenant a sink is behind on
   * (the poll, which also finds what another replica sequenced, or what waited for a backoff); `sequenced` only
   * delivers the tenants this round sequenced (a wake-up by a commit, which saves a scan of all tenants). Exposed
   * for tests that drive the relay step by step.
   */
  async cycle(deliver: 'all' | 'sequenced' = 'all'): Promise<void> {
    const sequenced = await this.sequenceAll();
    if (deliver === 'all') this.lastFullDeliveryAt = Date.now();
    await this.deliverAll(deliver === 'all' ? undefined : sequenced);
    if (Date.now() - this.lastPruneAt >= RETENTION_INTERVAL_MS) {
      await this.prune();
      this.lastPruneAt = Date.now();
    }
  }

  /** Sequences every tenant's committed events; the tenants it sequenced some of. */
  async sequenceAll(): Promise<string[]> {
    const sequenced: string[] = [];
    for (const tenant of await this.events.tenantsToSequence()) {
      let total = 0;
      for (let done = SEQUENCE_BATCH; done === SEQUENCE_BATCH && !this.stopping; total += done) {
        done = await this.events.sequence(tenant, SEQUENCE_BATCH);
      }
      if (total === 0) continue;
      sequenced.push(tenant);
      this.notifications.sequenced(tenant);
    }
    return sequenced;
  }

  /** Deletes, per tenant, the events older than the retention that every sink has taken; how many. */
  async prune(): Promise<number> {
    const sinks = this.sinks.map((sink) => sink.name);
    let total = 0;
    for (const tenant of await this.events.tenantsWithEvents()) {
      for (let done = PRUNE_BATCH; done === PRUNE_BATCH && !this.stopping; total += done)
        done = await this.events.prune(tenant, sinks, this.config.events.retentionDays, PRUNE_BATCH);
    }
    return total;
  }

  /** Delivers `tenants` (all that a sink is behind on when undefined) to every sink, skipping those in backoff. */
  private async deliverAll(tenants?: string[]): Promise<void> {
    for (const sink of this.sinks) {
      this.forgetBackoffsOnReconnect(sink);
      for (const tenant of tenants ?? (await this.events.tenantsToDeliver(sink.name))) {
        if (this.stopping) return;
        const key = `${sink.name}\u0000${tenant}`;
        const backoff = this.backoffs.get(key);
        if (backoff && backoff.retryAt > Date.now()) continue;
        try {
          await this.deliver(sink, tenant);
          if (backoff) this.logger.log(`Sink ${sink.name} takes the events of tenant ${tenant} again`);
          this.backoffs.delete(key);
        } catch (error) {
          const failures = (backoff?.failures ?? 0) + 1;
          const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (failures - 1));
          this.backoffs.set(key, { failures, retryAt: Date.now() + delay });
          if (failures === 1)
            this.logger.warn(
              `Sink ${sink.name} failed for tenant ${tenant} (${describeFailure(error)}); retrying with backoff`,
            );
        }
      }
    }
  }

  /**
   * A sink whose connection is back (`status()` turned `up`) is tried again for every tenant at once: its failures
   * were the connection's, and waiting out backoffs of up to 30 s would only delay the backlog.
   */
  private forgetBackoffsOnReconnect(sink: EventSink): void {
    const state = sink.status?.().state;
    if (state === undefined) return;
    const before = this.sinkStates.get(sink.name);
    this.sinkStates.set(sink.name, state);
    if (state !== 'up' || before === undefined || before === 'up') return;
    const prefix = `${sink.name}\u0000`;
    for (const key of this.backoffs.keys()) if (key.startsWith(prefix)) this.backoffs.delete(key);
  }

  /** Delivers the tenant's events beyond the sink's cursor, batch by batch, each batch in one transaction. */
  private async deliver(sink: EventSink, tenant: string): Promise<void> {
    for (let taken = DELIVERY_BATCH; taken === DELIVERY_BATCH && !this.stopping;) {
      taken = await this.transactions.run(async (tx) => {
        let rows = await this.events.claimBatch(tx, tenant, sink.name, DELIVERY_BATCH);
        if (rows === undefined) {
          // The sink's first events of this tenant, or another relay is delivering them.
          await this.events.ensureCursor(tx, tenant, sink.name);
          rows = await this.events.claimBatch(tx, tenant, sink.name, DELIVERY_BATCH);
        }
        if (!rows?.length) return 0;
        const traceParents = rows.map((row) => row.trace_parent);
        const delivery = sink.deliver(tenant, rows.map(toEnvelope), tx, traceParents);
        await this.metrics.countPublished(sink.name, rows.length, delivery);
        await this.events.advanceCursor(tx, tenant, sink.name, rows[rows.length - 1].position);
        return rows.length;
      });
    }
  }

  private async loop(): Promise<void> {
    let deliver: 'all' | 'sequenced' = 'all';
    while (!this.stopping) {
      try {
        await this.cycle(deliver);
      } catch (error) {
        // The database is away or busy: the next poll tries again.
        this.logger.warn(`Event relay round failed (${describeFailure(error)}); retrying`);
      }
      const woken = await this.sleep(this.config.events.pollIntervalMs);
      // Under a steady stream of commits the poll interval never passes asleep: still look at everything as often.
      const fullDue = Date.now() - this.lastFullDeliveryAt >= this.config.events.pollIntervalMs;
      deliver = woken && !fullDue ? 'sequenced' : 'all';
    }
  }

  private wakeUp(): void {
    this.woken = true;
    this.wake?.();
  }

  /**
   * Waits for the poll interval or a wake-up, whichever comes first; one that came during the round counts. True
   * when woken, false when the interval passed.
   */
  private async sleep(ms: number): Promise<boolean> {
    if (this.woken || this.stopping) {
      this.woken = false;
      return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const woken = await new Promise<boolean>((resolve) => {
      this.wake = () => resolve(true);
      timer = setTimeout(() => resolve(false), ms);
    });
    clearTimeout(timer);
    this.wake = undefined;
    this.woken = false;
    return woken;
  }
}
