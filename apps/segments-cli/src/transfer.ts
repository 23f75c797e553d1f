import { allPages, ApiError, bulkInChunks, TenantClient } from '@cs/client';
import { ErrorBody, MAX_BULK_ITEMS } from '@cs/contracts';
import { existsSync } from 'node:fs';
import { Kind } from './kinds';
import { Entry, Format, Input, RowWriter } from './rows';
import { UsageError } from './settings';

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  failed: number;
  /** Bulk requests made (or, in a dry run, that would be made). */
  requests: number;
  /** The first few failures, `line N: why`. */
  examples: string[];
  failedFile?: string;
}

export type Progress = (summary: ImportSummary) => void;

const EXAMPLES = 10;

/** Throws a UsageError when the segment does not exist, so nothing is sent to it. */
export async function checkSegment(client: TenantClient, segmentId: string): Promise<void> {
  const { error, response } = await client.GET('/customer-segment/{tenant}/segments/{segmentId}', {
    params: { path: { segmentId } },
  });
  if (response.status === 404)
    throw new UsageError(
      `Segment '${segmentId}' not found: create it first (POST /customer-segment/{tenant}/segments).`,
    );
  if (!response.ok) throw new ApiError(response.status, error as ErrorBody | undefined);
}

/**
 * Checks the segment, then streams the input's entries into it in bulk requests of 200. Entries
 * that cannot be read, rows the row check rejects and items the service rejects go to `failedFile`
 * as they were in the input, with an `error` column (`line N: why`), ready to fix and import again.
 * Without a `failedFile` (a dry run) nothing is sent and nothing written. Importing a file twice is
 * safe: every bulk PUT is an upsert.
 */
export async function importRows<Item>(options: {
  client: TenantClient;
  kind: Kind<Item>;
  segmentId: string;
  input: Input;
  format: Format;
  failedFile?: string;
  progress?: Progress;
}): Promise<ImportSummary> {
  const { client, kind, segmentId, input, failedFile } = options;
  await checkSegment(client, segmentId);
  const summary: ImportSummary = { rows: 0, created: 0, updated: 0, failed: 0, requests: 0, examples: [] };
  const failedColumns = input.columns.includes('error') ? input.columns : [...input.columns, 'error'];
  let failures: RowWriter | undefined;
  const fail = async (entry: Entry, why: string) => {
    summary.failed++;
    const error = `line ${entry.line}: ${why}${entry.row ? '' : `: ${entry.raw}`}`;
    if (summary.examples.length < EXAMPLES) summary.examples.push(error);
    if (!failedFile) return;
    failures ??= new RowWriter(failedFile, options.format, failedColumns);
    await failures.write({ ...entry.row, error });
  };

  const batches = new Map<string, Array<{ entry: Entry; item: Item }>>();
  const flush = async (batch: string) => {
    const sent = batches.get(batch) ?? [];
    batches.delete(batch);
    summary.requests += Math.ceil(sent.length / MAX_BULK_ITEMS);
    if (!failedFile) return;
    const results = await bulkInChunks(
      sent.map((entry) => entry.item),
      (items) => kind.sendBulk(client, segmentId, items),
    );
    for (const result of results) {
      if (result.code === 201) summary.created++;
      else if (result.code === 200 || result.code === 204) summary.updated++;
      else await fail(sent[result.index].entry, `${result.code} ${result.message ?? result.status}`);
    }
  };

  try {
    for await (const entry of input.entries) {
      summary.rows++;
      const item = entry.error ?? kind.toItem(entry.row ?? {});
      if (typeof item === 'string') await fail(entry, item);
      else {
        const batch = kind.batchOf(item);
        const entries = batches.get(batch) ?? [];
        batches.set(batch, entries);
        entries.push({ entry, item });
        if (entries.length === MAX_BULK_ITEMS) await flush(batch);
      }
      options.progress?.(summary);
    }
    for (const batch of [...batches.keys()]) await flush(batch);
    // A failed file left by an earlier run is replaced, even by an empty one, so it never lists stale rows.
    if (failedFile && !failures && existsSync(failedFile))
      failures = new RowWriter(failedFile, options.format, failedColumns);
    await failures?.commit();
  } finally {
    await failures?.discard();
  }
  if (failures) summary.failedFile = failedFile;
  options.progress?.(summary);
  return summary;
}

/** Writes every assignment of the segment, following all pages, and returns how many. */
export async function exportRows(options: {
  client: TenantClient;
  kind: Kind<unknown>;
  segmentId: string;
  file: string;
  format: Format;
}): Promise<number> {
  await checkSegment(options.client, options.segmentId);
  const writer = new RowWriter(options.file, options.format, options.kind.columns);
  let count = 0;
  try {
    for await (const document of allPages(
      (page, size) => options.kind.fetchPage(options.client, options.segmentId, page, size),
      500,
    )) {
      await writer.write(options.kind.toRow(document));
      count++;
    }
    await writer.commit();
  } finally {
    await writer.discard();
  }
  return count;
}
