import { Agent as HttpAgent, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { endpointUrlProblem, RefusedAddressError, safeLookup } from './url-safety';

/** What one attempt came to. `status` null: no response (refused address, connection error, timeout). */
export interface AttemptResult {
  status: number | null;
  latencyMs: number;
  /** Why it failed, in one line without the response body; null for a 2xx answer. */
  error: string | null;
  /** The `Retry-After` of a 429 or 503 answer, in milliseconds (at most a day). */
  retryAfterMs?: number;
}

export interface SenderOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/** Response bytes read (and dropped) to keep the connection for the next attempt; beyond it the socket is closed. */
const MAX_DRAINED_BYTES = 64 * 1024;
const MAX_RETRY_AFTER_MS = 86_400_000;
/** Idle keep-alive connections per endpoint host: a busy endpoint gets its attempts without a TCP handshake each. */
const MAX_FREE_SOCKETS = 16;
/** Sockets of all endpoint hosts together: bounds the file descriptors the sender may hold. */
const MAX_TOTAL_SOCKETS = 2_048;
const IDLE_SOCKET_MS = 30_000;

/**
 * POSTs signed messages. Connections go only to addresses `safeLookup` allowed, are kept alive between attempts,
 * and redirects are not followed (a 3xx is a failed attempt). Each attempt, connection and answer together, ends
 * after `timeoutMs`.
 */
export class WebhookSender {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(private readonly options: SenderOptions) {
    const agentOptions = {
      keepAlive: true,
      maxFreeSockets: MAX_FREE_SOCKETS,
      maxTotalSockets: MAX_TOTAL_SOCKETS,
      // Idle kept-alive sockets are closed after this (an attempt ends by its own timer before).
      timeout: options.timeoutMs + IDLE_SOCKET_MS,
      lookup: safeLookup(options.allowPrivate),
    };
    this.http = new HttpAgent(agentOptions);
    this.https = new HttpsAgent(agentOptions);
  }

  send(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    // The lookup sees host names only: an address written in the URL is checked here (as at every write), so a
    // URL stored before a rule tightened, or before WEBHOOKS_ALLOW_PRIVATE was turned off, is not sent.
    const refused = endpointUrlProblem(url, this.options.allowPrivate);
    if (refused) return Promise.resolve({ status: null, latencyMs: 0, error: `not sent: the URL ${refused}` });
    return new Promise((resolve) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const request = (secure ? httpsRequest : httpRequest)(target, {
        method: 'POST',
        agent: secure ? this.https : this.http,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'customer-segments-webhooks',
        },
      });
      const timer = setTimeout(
        () => request.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      request.on('response', (response) => {
        drain(response, () => {
          clearTimeout(timer);
          resolve(resultOf(response, elapsed()));
        });
      });
      request.on('error', (error) => {
        clearTimeout(timer);
        resolve({ status: null, latencyMs: elapsed(), error: describeError(error) });
      });
      request.end(body);
    });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/** Reads the answer to its end (so the connection can serve the next attempt), closing it when it is too long. */
function drain(response: IncomingMessage, onDone: () => void): void {
  let bytes = 0;
  let finished = false;
  const done = () => {
    if (!finished) onDone();
    finished = true;
  };
  response.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_DRAINED_BYTES) response.destroy();
  });
  response.on('end', done);
  response.on('close', done);
  response.on('error', () => undefined);
}

function resultOf(response: IncomingMessage, latencyMs: number): AttemptResult {
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) return { status, latencyMs, error: null };
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers['retry-after']) : undefined;
  return {
    status,
    latencyMs,
    error: status >= 300 && status < 400 ? `answered ${status} (redirects are not followed)` : `answered ${status}`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from now (at most a day); undefined when unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : undefined;
}

/** A connection failure in one line: the refusal, a timeout, or the socket error's code. */
function describeError(error: Error & { code?: string }): string {
  if (error instanceof RefusedAddressError) return error.message;
  if (error.code) return `connection failed (${error.code})`;
  return error.message.slice(0, 200);
}
