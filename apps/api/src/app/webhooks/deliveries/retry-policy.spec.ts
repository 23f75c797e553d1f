import { decideAfterAttempt } from './retry-policy';

const SCHEDULE = [5_000, 300_000, 1_800_000];
const NOW = new Date('2026-01-01T00:00:00.000Z');
const after = (ms: number) => new Date(NOW.getTime() + ms);
const failed = (status: number | null, retryAfterMs?: number) => ({ status, latencyMs: 3, error: 'x', retryAfterMs });

describe('decideAfterAttempt', () => {
  it('is done after any 2xx', () => {
    for (const status of [200, 202, 204, 299])
      expect(decideAfterAttempt(1, { status, latencyMs: 1, error: null }, SCHEDULE, NOW)).toEqual({
        outcome: 'succeeded',
        nextAttemptAt: null,
      });
  });

  it('gives the endpoint up at once on 410 Gone', () => {
    expect(decideAfterAttempt(1, failed(410), SCHEDULE, NOW)).toEqual({ outcome: 'gone', nextAttemptAt: null });
  });

  it('retries on the schedule, with up to 10% jitter either way, and gives up after the last wait', () => {
    expect(decideAfterAttempt(1, failed(500), SCHEDULE, NOW, () => 0.5)).toEqual({
      outcome: 'retry',
      nextAttemptAt: after(5_000),
    });
    expect(decideAfterAttempt(2, failed(null), SCHEDULE, NOW, () => 0).nextAttemptAt).toEqual(after(270_000));
    expect(decideAfterAttempt(3, failed(302), SCHEDULE, NOW, () => 1).nextAttemptAt).toEqual(after(1_980_000));
    expect(decideAfterAttempt(4, failed(500), SCHEDULE, NOW)).toEqual({ outcome: 'failed', nextAttemptAt: null });
  });

  it('waits for Retry-After when it is longer than the scheduled wait', () => {
    expect(decideAfterAttempt(1, failed(429, 60_000), SCHEDULE, NOW, () => 0.5).nextAttemptAt).toEqual(after(60_000));
    expect(decideAfterAttempt(1, failed(503, 1_000), SCHEDULE, NOW, () => 0.5).nextAttemptAt).toEqual(after(5_000));
  });
});
