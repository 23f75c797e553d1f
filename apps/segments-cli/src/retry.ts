/**
 * Retries of requests the service turns away for now (503 while it is busy or starting, 429 over
 * the rate limit). Every request the CLI makes may be repeated: reads, the token request, and bulk
 * PUTs, which are upserts. Kept to this module so it can give way to retries in libs/client.
 */
export interface RetryOptions {
  /** Tries per request, the first included (default 5). */
  attempts?: number;
  /** The longest pause, whatever `Retry-After` asks for (default 30 s). */
  maxDelayMs?: number;
  onRetry?: (status: number, delayMs: number, attempt: number, attempts: number) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

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

/** A fetch that repeats a request answered 503 or 429, a bounded number of times. */
export function retryingFetch(fetchFn: typeof fetch = fetch, options: RetryOptions = {}): typeof fetch {
  const attempts = options.attempts ?? 5;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (input, init) => {
    for (let attempt = 1; ; attempt++) {
      // A Request's body can be read once: every try sends a copy of the untouched original.
      const response = await fetchFn(input instanceof Request ? input.clone() : input, init);
      if (!RETRYABLE.has(response.status) || attempt === attempts) return response;
      const delay = retryDelay(response.headers.get('retry-after'), attempt, maxDelayMs, options.now?.());
      await response.body?.cancel();
      options.onRetry?.(response.status, delay, attempt + 1, attempts);
      await sleep(delay);
    }
  };
}
