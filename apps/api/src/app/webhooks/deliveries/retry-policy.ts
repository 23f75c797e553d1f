import { AttemptResult } from '../sending/sender';

/**
 * What follows an attempt: `succeeded` (2xx); `gone` (410: the endpoint is disabled at once); `retry` at
 * `nextAttemptAt`; `failed` when the schedule has run out.
 */
export type AttemptOutcome = 'succeeded' | 'retry' | 'failed' | 'gone';

export interface AttemptDecision {
  outcome: AttemptOutcome;
  nextAttemptAt: Date | null;
}

/** Each wait of the schedule is stretched or shrunk by up to this share, so retries of a burst do not come in step. */
const JITTER = 0.1;

/**
 * The decision after attempt number `attempt` (1 = the first): the schedule's `attempt`-th wait with jitter, or the
 * endpoint's `Retry-After` when that is longer. `1 + scheduleMs.length` attempts in all.
 */
export function decideAfterAttempt(
  attempt: number,
  result: AttemptResult,
  scheduleMs: readonly number[],
  now: Date,
  random: () => number = Math.random,
): AttemptDecision {
  if (result.status !== null && result.status >= 200 && result.status < 300)
    return { outcome: 'succeeded', nextAttemptAt: null };
  if (result.status === 410) return { outcome: 'gone', nextAttemptAt: null };
  if (attempt > scheduleMs.length) return { outcome: 'failed', nextAttemptAt: null };
  const scheduled = Math.round(scheduleMs[attempt - 1] * (1 - JITTER + 2 * JITTER * random()));
  const wait = Math.max(scheduled, result.retryAfterMs ?? 0);
  return { outcome: 'retry', nextAttemptAt: new Date(now.getTime() + wait) };
}
