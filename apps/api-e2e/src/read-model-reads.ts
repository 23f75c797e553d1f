// Raw HTTP for the read model tests: the storefront reads compared byte for byte, and the counter of their sources.
import { sendRequest } from './support';

/** What a read answers that a client can tell apart: status, body text and the headers that describe the body. */
export interface RawAnswer {
  status: number;
  body: string;
  total: string | null;
  etag: string | null;
}

/** `sendRequest`'s answer as a `RawAnswer`. */
export async function send(...request: Parameters<typeof sendRequest>): Promise<RawAnswer> {
  const response = await sendRequest(...request);
  return {
    status: response.status,
    body: await response.text(),
    total: response.headers.get('x-total-count'),
    etag: response.headers.get('etag'),
  };
}

/** `customer_segments_read_model_reads_total` of a service, as `read/source` -> count. */
export async function readSources(baseUrl: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const [, read, source, count] of text.matchAll(
    /^customer_segments_read_model_reads_total\{read="(\w+)",source="(\w+)"\} (\d+)$/gm,
  ))
    counts.set(`${read}/${source}`, Number(count));
  return counts;
}
