import { BulkItemResult, MAX_BULK_ITEMS } from '@cs/contracts';

export interface BulkCallResult {
  data?: BulkItemResult[];
  error?: unknown;
  response: Response;
}

/**
 * Sends any number of items in requests of at most 200 and merges the 207 answers into one list
 * whose `index` points into the caller's original array. A request that fails as a whole (e.g.
 * 503) yields a failed result for each of its items, so no item goes unreported.
 */
export async function bulkInChunks<T>(
  items: readonly T[],
  send: (chunk: T[]) => Promise<BulkCallResult>,
  chunkSize = MAX_BULK_ITEMS,
): Promise<BulkItemResult[]> {
  if (chunkSize < 1 || chunkSize > MAX_BULK_ITEMS)
    throw new RangeError(`chunkSize must be between 1 and ${MAX_BULK_ITEMS}`);
  const results: BulkItemResult[] = [];
  for (let offset = 0; offset < items.length; offset += chunkSize) {
    const chunk = items.slice(offset, offset + chunkSize);
    const { data, error, response } = await send(chunk);
    if (response.ok && Array.isArray(data)) {
      results.push(...data.map((result) => ({ ...result, index: result.index + offset })));
    } else {
      const body = (error ?? {}) as { message?: string; status?: string };
      chunk.forEach((_, i) =>
        results.push({
          index: offset + i,
          code: response.status,
          status: body.status ?? response.statusText,
          message: body.message ?? `Request failed with ${response.status}`,
        }),
      );
    }
  }
  return results.sort((a, b) => a.index - b.index);
}
