import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { describeFailure } from '../../database/pg-errors';
import { Transactions } from '../../database/transactions';
import { EventNotifications } from '../../events/event-notifications';
import { Metrics } from '../../metrics/metrics';
import { inTrace } from '../../tracing/tracing';
import { AttemptResult, WebhookSender } from '../sending/sender';
import { signedHeaders } from '../sending/signature';
import { AttemptRecord, DeliveriesRepository, LeasedDelivery } from './deliveries.repository';
import { decideAfterAttempt } from './retry-policy';

/**
 * The worker's own pool, its repository and transactions there: on the requests' pool its rounds waited behind the
 * requests, on the relay's behind the sink's batch (a round took 200 ms at the 90th percentile, and deliveries
 * fell behind at 1,000/s); on its own, one round (and, between rounds, retention) uses one connection.
 */
export const WORKER_DATA_SOURCE = Symbol('WORKER_DATA_SOURCE');
export const WORKER_DELIVERIES = Symbol('WORKER_DELIVERIES');
export const WORKER_TRANSACTIONS = Symbol('WORKER_TRANSACTIONS');
export const WORKER_POOL_SIZE = 1;

/**
 * After a completion wakes the worker it waits this long before its next round, so that one round records the
 * attempts that finished meanwhile and leases their successors together instead of one transaction each.
 */
const GATHER_MS = 3;
const RETENTION_INTERVAL_MS = 60_000;
const PRUNE_BATCH = 1_000;
/** How long shutdown waits for attempts in flight; the others are sent again once their leases end. */
const DRAIN_TIMEOUT_MS = 5_000;

/**
 * Sends the queued deliveries. Each round, in one transaction under a lock all replicas share, records the
 * attempts that finished and leases the due deliveries there is room for: at most `WEBHOOKS_CONCURRENCY` attempts
 * in flight in this process, and at most `WEBHOOKS_ENDPOINT_CONCURRENCY` to one endpoint over all replicas, so a
 * slow or dead endpoint holds only its own few slots. A lease outlives two attempt timeouts: a crashed process's
 * deliveries are leased again by another (or after the restart) and sent again with the same `webhook-id`.
 * Runs where the relay runs; woken by the sink's notifications, by completions, at the earliest retry it knows,
 * and by a poll.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookWorker.name);
  private readonly inFlight = new Set<Promise<void>>();
  /** Attempts that finished and are not recorded yet (bounded by the attempts leased). */
  private finished: AttemptRecord[] = [];
  private running?: Promise<void>;
  private stopping = false;
  private woken: 'no' | 'work' | 'completion' = 'no';
  private wake?: () => void;
  private unsubscribe?: () => void;
  private retryTimer?: NodeJS.Timeout;
  private retryAt = Infinity;
  private lastPruneAt = 0;
  private failing = false;

  constructor(
    @Inject(WORKER_DELIVERIES) private readonly deliveries: DeliveriesRepository,
    @Inject(WORKER_TRANSACTIONS) private readonly transactions: Transactions,
    private readonly notifications: EventNotifications,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.events.relay) return;
    this.unsubscribe = this.notifications.onWebhookDeliveries(() => this.wakeUp('work'));
    this.running = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    clearTimeout(this.retryTimer);
    this.wakeUp('work');
    await this.running;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_TIMEOUT_MS)));
    await Promise.race([Promise.all(this.inFlight), timeout]);
    clearTimeout(timer);
    if (this.finished.length) await this.round().catch(() => undefined);
  }

  /** After the HTTP server has closed: a test message of a request still being answered keeps its connection. */
  onApplicationShutdown(): void {
    this.sender.close();
  }

  /** Records what finished and leases what there is room for; how many it leased and how many it could have. */
  async round(): Promise<{ leased: number; room: number }> {
    const finished = this.finished;
    this.finished = [];
    const room = this.stopping ? 0 : this.config.webhooks.concurrency - this.inFlight.size;
    const { attemptTimeoutMs, endpointConcurrency, disableAfterMs } = this.config.webhooks;
    let leased: LeasedDelivery[];
    try {
      leased = await this.transactions.run((tx) =>
        this.deliveries.completeAndClaim(tx, finished, {
          limit: room,
          perEndpoint: endpointConcurrency,
          leaseMs: 2 * attemptTimeoutMs + 1_000,
          disableAfterMs,
        }),
      );
    } catch (error) {
      this.finished.unshift(...finished);
      throw error;
    }
    for (const delivery of leased) this.start(delivery);
    return { leased: leased.length, room };
  }

  private start(delivery: LeasedDelivery): void {
    const attempt: Promise<void> = this.attempt(delivery).finally(() => {
      this.inFlight.delete(attempt);
      this.wakeUp('completion');
    });
    this.inFlight.add(attempt);
  }

  private async attempt(delivery: LeasedDelivery): Promise<void> {
    const attemptedAt = new Date();
    const secrets = { secret: delivery.secret, previousSecret: delivery.previous_secret };
    let result: AttemptResult;
    try {
      const headers = signedHeaders(delivery.event_id, delivery.payload, secrets, attemptedAt);
      // Within the event's trace: with tracing on, the attempt is a span of it and sends its `traceparent`.
      result = await inTrace(delivery.trace_parent, () =>
        this.sender.send(delivery.url, { ...headers }, delivery.payload),
      );
    } catch (error) {
      // A stored URL or secret the sender cannot use (written before a rule tightened): a failed attempt.
      result = { status: null, latencyMs: 0, error: `not sent (${describeFailure(error)})` };
    }
    const { retryScheduleMs } = this.config.webhooks;
    const decision = decideAfterAttempt(delivery.attempt, result, retryScheduleMs, new Date());
    this.metrics.webhookAttempts.inc({ outcome: decision.outcome });
    this.finished.push({
      tenant: delivery.tenant,
      deliveryId: delivery.id,
      endpointId: delivery.endpoint_id,
      attempt: delivery.attempt,
      attemptedAt,
      responseStatus: result.status,
      latencyMs: result.latencyMs,
      error: result.error,
      outcome: decision.outcome,
      nextAttemptAt: decision.nextAttemptAt,
    });
    if (decision.nextAttemptAt) this.wakeAt(decision.nextAttemptAt.getTime());
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let full = false;
      try {
        const { leased, room } = await this.round();
        full = leased === room;
        if (Date.now() - this.lastPruneAt >= RETENTION_INTERVAL_MS) {
          // Set first: a prune that fails waits for the next interval instead of stalling every round.
          this.lastPruneAt = Date.now();
          await this.prune();
        }
        if (this.failing) this.logger.log('Webhook deliveries go on');
        this.failing = false;
      } catch (error) {
        if (!this.failing) this.logger.warn(`Webhook worker round failed (${describeFailure(error)}); retrying`);
        this.failing = true;
      }
      // With every slot taken, only a completion makes room; otherwise new work, a retry or the poll.
      const woken = await this.sleep(full ? Infinity : this.config.events.pollIntervalMs);
      if (woken === 'completion' && !this.stopping) await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    }
  }

  /** Deletes finished deliveries (and their attempts) older than the event retention. */
  private async prune(): Promise<void> {
    for (const tenant of await this.deliveries.tenantsWithEndpoints()) {
      let done = PRUNE_BATCH;
      while (done === PRUNE_BATCH && !this.stopping)
        done = await this.deliveries.prune(tenant, this.config.events.retentionDays, PRUNE_BATCH);
    }
  }

  private wakeAt(at: number): void {
    if (at >= this.retryAt || this.stopping) return;
    clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(
      () => {
        this.retryAt = Infinity;
        this.wakeUp('work');
      },
      Math.max(0, at - Date.now()),
    );
  }

  private wakeUp(reason: 'work' | 'completion'): void {
    if (this.woken !== 'work') this.woken = reason;
    this.wake?.();
  }

  /** Waits for `ms` (forever: Infinity) or a wake-up; one that came during the round counts. What woke it. */
  private async sleep(ms: number): Promise<'no' | 'work' | 'completion'> {
    if (this.woken === 'no' && !this.stopping) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        if (ms !== Infinity) timer = setTimeout(resolve, ms);
      });
      clearTimeout(timer);
      this.wake = undefined;
    }
    const woken = this.woken;
    this.woken = 'no';
    return woken;
  }
}
