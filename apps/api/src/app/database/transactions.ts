import { BulkItemResult, MAX_BULK_ITEMS } from '@cs/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DataSource, EntityManager } from 'typeorm';
import { BadRequestError } from '../errors/domain-errors';
import { isUnavailable, toErrorBody } from '../filters/error-mapping';

/** Postgres codes after which the whole transaction may simply run again. */
const RETRYABLE_CODES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 4;

/** What one bulk item's handler reports when it succeeds. */
export interface BulkItemOutcome {
  code: 200 | 201 | 204;
  id?: string;
}

/**
 * The one way the service writes atomically: `run` wraps work in a transaction and retries it on
 * deadlocks and serialisation failures; `bulk` applies up to 200 items in one transaction, each in
 * its own savepoint, so one failing item neither blocks nor undoes the others.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }

  async bulk<T>(items: unknown, handle: (tx: EntityManager, item: T, index: number) => Promise<BulkItemOutcome>): Promise<BulkItemResult[]> {
    const list = assertBulkSize(items) as T[];
    return this.run(async (tx) => {
      const results: BulkItemResult[] = [];
      for (const [index, item] of list.entries()) {
        await tx.query('SAVEPOINT bulk_item');
        try {
          const outcome = await handle(tx, item, index);
          await tx.query('RELEASE SAVEPOINT bulk_item');
          results.push({ index, code: outcome.code, status: STATUS_CODES[outcome.code] ?? '', ...(outcome.id !== undefined && { id: outcome.id }) });
        } catch (error) {
          if (isRetryable(error) || isUnavailable(error)) throw error;
          await tx.query('ROLLBACK TO SAVEPOINT bulk_item');
          const body = toErrorBody(error);
          if (body.code >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
          results.push({ index, code: body.code, status: body.status, message: body.message, ...(body.resourceId !== undefined && { id: body.resourceId }), ...(body.details && { details: body.details }) });
        }
      }
      return results;
    });
  }
}

/** Bulk requests carry a JSON array of 1 to 200 items; anything else is rejected before any work. */
export function assertBulkSize(items: unknown): unknown[] {
  if (!Array.isArray(items)) throw new BadRequestError('The request body must be a JSON array.');
  if (items.length === 0) throw new BadRequestError('The request body must contain at least one item.');
  if (items.length > MAX_BULK_ITEMS) {
    throw new BadRequestError(`A bulk request may contain at most ${MAX_BULK_ITEMS} items; it had ${items.length}. Nothing was applied.`);
  }
  return items;
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
  return code !== undefined && RETRYABLE_CODES.has(code);
}
