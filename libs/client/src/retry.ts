/**
 * Retries of requests the service turned away for now: 503 (busy, starting, database unavailable)
 * and 429 (over the rate limit). Every method is retried, POST included: the service answers 503
 * only for work whose transaction did not commit, and 429 before a handler runs, so a retried
 * request is never applied twice. Other answers and network failures are returned (thrown) as
 * they are.
 */
export interface RetryOptions {
  /** Tries per request, the first included (default 5). */
  attempts?: number;
  /** The longest single pause, whatever `Retry-After` asks for (default 30 s). */
  maxDelayMs?: number;
  /** The most all pauses of one request may add up to (default 60 s); a longer wait gives up instead. */
  maxTotalDelayMs?: number;
  /** Told before each pause: the status that caused it, the pause, the try about to be made, and the most tries. */
  onRetry?: (status: number, delayMs: number, attempt: number, attempts: number) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** `false` turns retries off; an object tunes them. */
export type RetrySetting = RetryOptions | false | undefined;

const RETRYABLE = new Set([429, 503]);

/** The pause before try `attempt + 1`: `Retry-After` (seconds or an HTTP date) or 0.5 s doubling, capped. */
export function retryDelay(retryAfter: string | null, attempt: number, maxDelayMs: number, now = Date.now()): number {
  const seconds = retryAfter?.trim() ? Number(retryAfter) : NaN;
  const date = retryAfter ? Date.parse(retryAfter) : NaN;
  const delay = Number.isFinite(seconds)
    ? seconds * 1000
    : Number.isFinite(date)
      ? date - now
      : 500 * 2 ** (attempt - 1);
  return Math.min(Math.max(delay, 0), maxDelayMs);
}

/** Waits `ms`, or rejects with the signal's reason as soon as the request is aborted. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A fetch that repeats a request answered 503 or 429, within `attempts` tries and `maxTotalDelayMs`
 * of waiting; the last answer is returned as it came. `retry: false` gives back `fetchFn` itself.
 */
export function retryingFetch(fetchFn: typeof fetch = fetch, retry: RetrySetting = {}): typeof fetch {
  if (retry === false) return fetchFn;
  const attempts = Math.max(1, retry.attempts ?? 5);
  const maxDelayMs = retry.maxDelayMs ?? 30_000;
  const maxTotalDelayMs = retry.maxTotalDelayMs ?? 60_000;
  const sleep = retry.sleep ?? abortableSleep;
  const now = retry.now ?? Date.now;
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      // A Request's body can be read once: every try sends a copy of the untouched original.
      const response = await fetchFn(input instanceof Request ? input.clone() : input, init);
      if (!RETRYABLE.has(response.status) || attempt === attempts) return response;
      const delay = retryDelay(response.headers.get('retry-after'), attempt, maxDelayMs, now());
      if (waited + delay > maxTotalDelayMs) return response;
      waited += delay;
      await response.body?.cancel();
      retry.onRetry?.(response.status, delay, attempt + 1, attempts);
      await sleep(delay, signal ?? undefined);
    }
  };
}
