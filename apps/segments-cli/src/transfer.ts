import { allPages, bulkInChunks, TenantClient } from '@cs/client';
import { MAX_BULK_ITEMS } from '@cs/contracts';
import { Kind } from './kinds';
import { Format, readRows, Row, RowWriter } from './rows';

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  failed: number;
  failedFile?: string;
}

export type Progress = (summary: ImportSummary) => void;

/**
 * Streams rows from `file` into the segment in bulk requests of 200. Rows the service (or the row
 * check) rejects go to `failedFile` with an `error` column, ready to fix and import again;
 * importing the same file twice is safe because every bulk PUT is an upsert.
 */
export async function importRows<Item>(options: {
  client: TenantClient;
  kind: Kind<Item>;
  segmentId: string;
  file: string;
  format: Format;
  failedFile: string;
  progress?: Progress;
}): Promise<ImportSummary> {
  const { client, kind, segmentId } = options;
  const summary: ImportSummary = { rows: 0, created: 0, updated: 0, failed: 0 };
  let failures: RowWriter | undefined;
  const fail = async (row: Row, error: string) => {
    summary.failed++;
    failures ??= new RowWriter(options.failedFile, options.format, [...kind.columns, 'error']);
    const { __error: _, __line: line, error: _previous, ...rest } = row;
    await failures.write(line !== undefined ? { __line: line, error } : { ...rest, error });
  };

  let batch: Array<{ row: Row; item: Item }> = [];
  const flush = async () => {
    if (!batch.length) return;
    const sent = batch;
    batch = [];
    const results = await bulkInChunks(
      sent.map((entry) => entry.item),
      (items) => kind.sendBulk(client, segmentId, items),
    );
    for (const result of results) {
      if (result.code === 201) summary.created++;
      else if (result.code === 200 || result.code === 204) summary.updated++;
      else await fail(sent[result.index].row, `${result.code} ${result.message ?? result.status}`);
    }
    options.progress?.(summary);
  };

  for await (const row of readRows(options.file, options.format)) {
    summary.rows++;
    const item = typeof row.__error === 'string' ? row.__error : kind.toItem(row);
    if (typeof item === 'string') await fail(row, item);
    else batch.push({ row, item });
    if (batch.length === MAX_BULK_ITEMS) await flush();
  }
  await flush();
  if (failures) {
    await failures.close();
    summary.failedFile = options.failedFile;
  }
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
  } finally {
    await writer.close();
  }
  return count;
}
