import { retryDelay, retryingFetch } from './retry';

describe('retries', () => {
  it('waits as long as Retry-After says, in seconds or as a date, within bounds', () => {
    expect(retryDelay('2', 1, 30_000)).toBe(2000);
    expect(retryDelay('Thu, 01 Jan 2026 00:00:05 GMT', 1, 30_000, Date.parse('2026-01-01T00:00:00Z'))).toBe(5000);
    expect(retryDelay('3600', 1, 30_000)).toBe(30_000);
    expect(retryDelay('-1', 1, 30_000)).toBe(0);
    expect(retryDelay(null, 1, 30_000)).toBe(500);
    expect(retryDelay('soon', 3, 30_000)).toBe(2000);
  });

  it('repeats a request answered 503 or 429, body and all, and gives up after the last try', async () => {
    const statuses = [503, 429, 200];
    const bodies: string[] = [];
    const pauses: number[] = [];
    const fetchFn = (async (request: Request) => {
      bodies.push(await request.text());
      return new Response('', { status: statuses.shift(), headers: { 'retry-after': '1' } });
    }) as typeof fetch;
    const retrying = retryingFetch(fetchFn, { sleep: async (ms) => void pauses.push(ms) });
    const answer = await retrying(new Request('http://x/bulk', { method: 'PUT', body: '[1]' }));
    expect(answer.status).toBe(200);
    expect(bodies).toEqual(['[1]', '[1]', '[1]']);
    expect(pauses).toEqual([1000, 1000]);

    let calls = 0;
    const busy = (async () => (calls++, new Response('', { status: 503 }))) as typeof fetch;
    const retries: number[] = [];
    const gaveUp = await retryingFetch(busy, {
      attempts: 3,
      sleep: async () => undefined,
      onRetry: (_, __, attempt) => retries.push(attempt),
    })('http://x/');
    expect(gaveUp.status).toBe(503);
    expect(calls).toBe(3);
    expect(retries).toEqual([2, 3]);
  });

  it('does not repeat other answers', async () => {
    let calls = 0;
    const fetchFn = (async () => (calls++, new Response('', { status: 500 }))) as typeof fetch;
    expect((await retryingFetch(fetchFn, { sleep: async () => undefined })('http://x/')).status).toBe(500);
    expect(calls).toBe(1);
  });
});

describe('retry bounds', () => {
  const busy = (statuses: number[], retryAfter?: string) => {
    const methods: string[] = [];
    const fetchFn = (async (request: Request) => {
      methods.push(request.method);
      const status = statuses.shift() ?? 200;
      return new Response('', { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} });
    }) as typeof fetch;
    return { fetchFn, methods };
  };

  it('repeats every method, POST included, and backs off doubling without Retry-After', async () => {
    const { fetchFn, methods } = busy([503, 503, 429]);
    const pauses: number[] = [];
    const answer = await retryingFetch(fetchFn, { sleep: async (ms) => void pauses.push(ms) })(
      new Request('http://x/segments', { method: 'POST', body: '{}' }),
    );
    expect(answer.status).toBe(200);
    expect(methods).toEqual(['POST', 'POST', 'POST', 'POST']);
    expect(pauses).toEqual([500, 1000, 2000]);
  });

  it('gives up with the last answer when the next pause would pass the total wait', async () => {
    const { fetchFn, methods } = busy([503, 503, 503, 503], '20');
    const pauses: number[] = [];
    const answer = await retryingFetch(fetchFn, {
      maxTotalDelayMs: 45_000,
      sleep: async (ms) => void pauses.push(ms),
    })('http://x/');
    expect(answer.status).toBe(503);
    expect(pauses).toEqual([20_000, 20_000]);
    expect(methods).toHaveLength(3);
  });

  it('is off with retry: false', async () => {
    const { fetchFn, methods } = busy([503]);
    expect(retryingFetch(fetchFn, false)).toBe(fetchFn);
    expect((await retryingFetch(fetchFn, false)('http://x/')).status).toBe(503);
    expect(methods).toHaveLength(1);
  });

  it('stops waiting when the request is aborted', async () => {
    const { fetchFn, methods } = busy([503, 503], '30');
    const controller = new AbortController();
    const started = Date.now();
    const call = retryingFetch(fetchFn, { onRetry: () => controller.abort(new Error('cancelled')) })(
      new Request('http://x/', { signal: controller.signal }),
    );
    await expect(call).rejects.toThrow('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(methods).toHaveLength(1);
  });
});
