import { BulkItemResult, MAX_BULK_ITEMS } from '@cs/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { BadRequestError } from '../errors/domain-errors';
import { BulkItemReport, ErrorReport, ITEM_PROBLEMS } from '../errors/error-report';
import { Metrics } from '../metrics/metrics';
import { activeTraceParent } from '../tracing/tracing';
import { LockKey, lockOrder } from './lock-order';
import { isTransient, pgErrorCode, pgErrorKind } from './pg-errors';
import { COMMIT_WITH_POSITION, recordCommit, ReplicatedDataSource } from './read-replicas';

/**
 * Overlapping bulk writes in different orders deadlock under contention, and their retries would
 * deadlock again. So retries run one at a time: a retried transaction first takes a transaction-
 * scoped advisory lock (first attempts do not), so at most one retry takes part in any deadlock and
 * the storm drains. Backoff with full jitter (10 ms doubling, at most 640 ms) in between; if all
 * attempts fail, the error filter answers 503 (retry later), never 500.
 */
const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 640;
/** Advisory lock key that serialises retried transactions (an arbitrary constant of this service). */
const RETRY_LOCK_KEY = 7_300_417_001;

/**
 * How a failed bulk item's error reads in its 207 entry: the error filter's mapping, which sits above
 * database/ and is provided by the composition root (`DatabaseModule.register`).
 */
export const BULK_ERROR_BODY = Symbol('BULK_ERROR_BODY');
export type ErrorBodyOf = (error: unknown) => ErrorReport;

/** What one bulk item's handler reports when it succeeds. */
export interface BulkItemOutcome {
  code: 200 | 201 | 204;
  id?: string;
}

/** Work of `Transactions.bulk` that covers all items at once, in the bulk's transaction. */
export interface BulkHooks {
  /** Before the first item (e.g. the locks the items need, taken once and in order), with the unvalidated items. */
  start?: (tx: EntityManager, items: readonly unknown[]) => Promise<void>;
  /** After the last item, with the results. */
  finish?: (tx: EntityManager, results: readonly BulkItemResult[]) => Promise<void>;
}

/**
 * The one way the service writes atomically: `run` wraps work in a transaction and retries it on
 * deadlocks and serialisation failures; `bulk` applies up to 200 items in one transaction, each in
 * its own savepoint, so one failing item neither blocks nor undoes the others.
 *
 * Statements outside these transactions (the reads) run under the connections' default timeout,
 * DB_READ_STATEMENT_TIMEOUT_MS; a write transaction sets DB_STATEMENT_TIMEOUT_MS for itself.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);
  /** One round trip: BEGIN and the transaction's statement timeout (a validated integer from the configuration). */
  private readonly begin: string;
  /** Whether reads may go to replicas, so that a commit notes its WAL position for the answer's consistency token. */
  private readonly replicated: boolean;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(BULK_ERROR_BODY) private readonly errorBodyOf: ErrorBodyOf,
    private readonly metrics: Metrics,
  ) {
    this.begin = `BEGIN; SET LOCAL statement_timeout = ${config.db.statementTimeoutMs}`;
    this.replicated = dataSource instanceof ReplicatedDataSource;
  }

  async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction(async (tx) => {
          if (attempt > 1) await tx.query('SELECT pg_advisory_xact_lock($1)', [RETRY_LOCK_KEY]);
          return work(tx);
        });
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || pgErrorKind(error) !== 'retryable') throw error;
        const code = pgErrorCode(error) ?? 'unknown';
        this.logger.warn(`Transaction attempt ${attempt} failed with ${code}; retrying`);
        this.metrics.transactionRetries.inc({ code });
        await new Promise((resolve) =>
          setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)),
        );
      }
    }
  }

  /**
   * `DataSource.transaction`, but starting with `begin`; in a traced request also setting `app.trace_parent`, the
   * default of the outbox's `trace_parent`, so every event the transaction records carries the request's trace
   * (whichever statement records it) without a round trip of its own. The value is a checked `traceparent`.
   */
  private async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const traceParent = activeTraceParent();
    try {
      await runner.query(traceParent ? `${this.begin}; SET LOCAL app.trace_parent = '${traceParent}'` : this.begin);
      const result = await work(runner.manager);
      await this.commit(runner);
      return result;
    } catch (error) {
      // The error that counts is the work's; a failed ROLLBACK (the connection is gone) adds nothing.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async commit(runner: QueryRunner): Promise<void> {
    if (!this.replicated) return void (await runner.query('COMMIT'));
    // Both statements in one round trip; TypeORM's `query` keeps only single results, so pg's client runs them.
    const client = (await runner.connect()) as PoolClient;
    try {
      const [, position] = (await client.query(COMMIT_WITH_POSITION)) as unknown as [QueryResult, QueryResult];
      recordCommit(position.rows[0].lsn);
    } catch (error) {
      this.dataSource.logger.logQueryError(error as Error, COMMIT_WITH_POSITION);
      throw new QueryFailedError(COMMIT_WITH_POSITION, undefined, error as Error);
    }
  }

  /**
   * Applies the items in the lock order of their `lockKey` (the key of the row each one writes, read
   * from the unvalidated item), so that overlapping bulks do not deadlock; the results are in request order.
   * `hooks.start` runs in the same transaction before the first item, with the (unvalidated) items, and
   * `hooks.finish` after the last one, with the results: work that covers all items at once.
   */
  async bulk<T>(
    items: unknown,
    lockKey: (item: unknown) => LockKey | undefined,
    handle: (tx: EntityManager, item: T, index: number) => Promise<BulkItemOutcome>,
    hooks: BulkHooks = {},
  ): Promise<BulkItemResult[]> {
    const list = assertBulkSize(items);
    const order = lockOrder(list, lockKey);
    return this.run(async (tx) => {
      await hooks.start?.(tx, list);
      const results: BulkItemResult[] = new Array(list.length);
      for (const index of order) {
        await tx.query('SAVEPOINT bulk_item');
        try {
          const outcome = await handle(tx, list[index] as T, index);
          await tx.query('RELEASE SAVEPOINT bulk_item');
          results[index] = bulkSuccess(index, outcome);
        } catch (error) {
          if (isTransient(pgErrorKind(error))) throw error;
          await tx.query('ROLLBACK TO SAVEPOINT bulk_item');
          const result = this.bulkFailure(index, error);
          if (result.code >= 500)
            this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
          results[index] = result;
        }
      }
      await hooks.finish?.(tx, results);
      return results;
    });
  }
  /**
   * The 207 entry of a bulk item that failed with `error` (its error body, the resource id as `id`); the
   * HTTP layer writes its problems as `details` in the form of the route's contract file.
   */
  bulkFailure(index: number, error: unknown): BulkItemReport {
    const body = this.errorBodyOf(error);
    return {
      index,
      code: body.code,
      status: body.status,
      message: body.message,
      ...(body.resourceId !== undefined && { id: body.resourceId }),
      ...(body.details && { [ITEM_PROBLEMS]: body.details }),
    };
  }
}

/** `lockKey`s of `Transactions.bulk` for the usual item shapes, read from the unvalidated item (undefined when it has no key). */
export const bulkLockKey = {
  /** An item that is an id (`["a", "b"]`). */
  itself: (item: unknown): LockKey | undefined => (typeof item === 'string' ? [item] : undefined),
  /**
   * An object item keyed by the named properties, in the order of the key columns: the first one
   * must be a text, a later one that is absent (an optional key part) counts as ''.
   */
  fields:
    (first: string, ...rest: string[]) =>
    (item: unknown): LockKey | undefined => {
      if (item === null || typeof item !== 'object') return undefined;
      const record = item as Record<string, unknown>;
      if (typeof record[first] !== 'string') return undefined;
      return [record[first], ...rest.map((name) => (typeof record[name] === 'string' ? (record[name] as string) : ''))];
    },
};

/** The 207 entry of a bulk item that succeeded. */
export function bulkSuccess(index: number, outcome: BulkItemOutcome): BulkItemResult {
  return {
    index,
    code: outcome.code,
    status: STATUS_CODES[outcome.code] ?? '',
    ...(outcome.id !== undefined && { id: outcome.id }),
  };
}

/** Bulk requests carry a JSON array of 1 to 200 items; anything else is rejected before any work. */
export function assertBulkSize(items: unknown): unknown[] {
  if (!Array.isArray(items)) throw new BadRequestError('The request body must be a JSON array.');
  if (items.length === 0) throw new BadRequestError('The request body must contain at least one item.');
  if (items.length > MAX_BULK_ITEMS) {
    throw new BadRequestError(
      `A bulk request may contain at most ${MAX_BULK_ITEMS} items; it had ${items.length}. Nothing was applied.`,
    );
  }
  return items;
}
