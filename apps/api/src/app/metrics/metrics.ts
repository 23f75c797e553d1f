import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const PREFIX = 'customer_segments_';

/** The label of requests no route matched (their raw URLs would make a series per URL). */
export const UNMATCHED_ROUTE = 'unmatched';

/** What a pool gauge reads at scrape time: pg's `Pool` counters. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

/** What the backlog gauges read: the relay's (cached) count, as the readiness probe reports it. */
export interface BacklogCount {
  backlog: number;
  oldestAgeSeconds: number | null;
}

/** Outcomes of the relay handing a batch of events to a sink. */
export type PublishOutcome = 'published' | 'failed';

/**
 * The service's Prometheus registry and instruments. A registry of its own, not prom-client's global one, so that
 * several apps in one process (the tests) each count their own. Every label takes a bounded set of values: route
 * templates, methods, status codes, pool, sink and statement names, error codes and fixed outcomes; never tenants,
 * ids or URLs.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly pools = new Map<string, () => PoolCounts | undefined>();
  private backlogSource?: () => Promise<BacklogCount>;

  readonly httpRequests = this.counter(
    'http_requests_total',
    'HTTP requests answered, by route template, method and status code.',
    ['route', 'method', 'status'],
  );

  readonly httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from receiving a request to the end of its answer, by route template and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly statementDuration = new Histogram({
    name: `${PREFIX}db_statement_duration_seconds`,
    help: 'Duration of successful SQL statements (whole milliseconds, as TypeORM measures them), by statement name.',
    labelNames: ['statement'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly transactionRetries = this.counter(
    'db_transaction_retries_total',
    'Transactions run again after a deadlock or serialisation failure, by Postgres error code.',
    ['code'],
  );

  readonly eventsPublished = this.counter(
    'events_published_total',
    'Events the relay handed to a sink, by sink and outcome (failed ones are handed again later).',
    ['sink', 'outcome'],
  );

  readonly webhookAttempts = this.counter(
    'webhook_attempts_total',
    'Webhook delivery attempts, by outcome (succeeded, retry, failed, gone).',
    ['outcome'],
  );

  readonly membershipEvaluations = this.counter(
    'membership_evaluations_total',
    'Evaluations of automatic segments after a change, by reason (those of a retried transaction included).',
    ['reason'],
  );

  readonly membershipChanges = this.counter(
    'membership_changes_total',
    'Automatic memberships the evaluations added (joined) and removed (left), by reason.',
    ['reason', 'change'],
  );

  readonly readModelReads = this.counter(
    'read_model_reads_total',
    'Storefront reads (match, trees, items) by what answered them: the read model, a cached answer, or the database.',
    ['read', 'source'],
  );

  /** A counter of this registry, named with the prefix. */
  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter({ name: `${PREFIX}${name}`, help, labelNames, registers: [this.registry] });
  }

  constructor(options: { processMetrics: boolean }) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    const pools = this.pools;
    const poolGauge = (name: string, help: string, read: (pool: PoolCounts) => number) =>
      new Gauge({
        name: `${PREFIX}db_pool_${name}`,
        help,
        labelNames: ['pool'] as const,
        registers: [this.registry],
        collect() {
          this.reset();
          for (const [pool, counts] of pools) {
            const current = counts();
            if (current) this.set({ pool }, read(current));
          }
        },
      });
    poolGauge('connections', 'Open connections of the pool.', (pool) => pool.totalCount);
    poolGauge('connections_idle', 'Open connections of the pool not in use.', (pool) => pool.idleCount);
    poolGauge('connections_in_use', 'Connections of the pool in use.', (pool) => pool.totalCount - pool.idleCount);
    poolGauge('connections_max', 'Most connections the pool opens.', (pool) => pool.options.max);
    poolGauge('waiting', 'Requests waiting for a connection of the pool.', (pool) => pool.waitingCount);

    const backlog = () => this.backlogSource?.().catch(() => undefined);
    new Gauge({
      name: `${PREFIX}events_backlog`,
      help: 'Events not yet sequenced or not yet taken by every sink (counted at most every 5 s).',
      registers: [this.registry],
      async collect() {
        const count = await backlog();
        if (count) this.set(count.backlog);
      },
    });
    new Gauge({
      name: `${PREFIX}events_backlog_oldest_age_seconds`,
      help: 'Age of the oldest event of the backlog; 0 without backlog.',
      registers: [this.registry],
      async collect() {
        const count = await backlog();
        if (count) this.set(count.oldestAgeSeconds ?? 0);
      },
    });
  }

  /** Reports the pool under `name` at every scrape; `counts` undefined: not open (now). */
  watchPool(name: string, counts: () => PoolCounts | undefined): void {
    this.pools.set(name, counts);
  }

  /** Where the backlog gauges read their count (a failed count leaves them at their last value). */
  watchBacklog(count: () => Promise<BacklogCount>): void {
    this.backlogSource = count;
  }

  countRequest(route: string | undefined, method: string, status: number, elapsedMs: number): void {
    const template = route ?? UNMATCHED_ROUTE;
    this.httpRequests.inc({ route: template, method, status: String(status) });
    this.httpDuration.observe({ route: template, method }, elapsedMs / 1000);
  }

  /** `delivery`, counting its `events` as published to `sink` when it resolves, as failed when it rejects. */
  async countPublished<T>(sink: string, events: number, delivery: Promise<T>): Promise<T> {
    try {
      const result = await delivery;
      this.eventsPublished.inc({ sink, outcome: 'published' }, events);
      return result;
    } catch (error) {
      this.eventsPublished.inc({ sink, outcome: 'failed' }, events);
      throw error;
    }
  }

  countMembershipEvaluation(reason: string, change: { joined: number; left: number }): void {
    this.membershipEvaluations.inc({ reason });
    this.membershipChanges.inc({ reason, change: 'joined' }, change.joined);
    this.membershipChanges.inc({ reason, change: 'left' }, change.left);
  }
}
