import { Metrics, PoolCounts } from './metrics';

const sampleValues = async (metrics: Metrics, name: string) =>
  (await metrics.registry.getSingleMetric(name)?.get())?.values.map(({ labels, value }) => ({ labels, value }));

describe('Metrics', () => {
  it('counts a delivery to a sink by its outcome, passing its result or error on', async () => {
    const metrics = new Metrics({ processMetrics: false });
    await expect(metrics.countPublished('nats', 3, Promise.resolve('done'))).resolves.toBe('done');
    const failure = new Error('sink down');
    await expect(metrics.countPublished('nats', 2, Promise.reject(failure))).rejects.toBe(failure);
    expect(await sampleValues(metrics, 'customer_segments_events_published_total')).toEqual([
      { labels: { sink: 'nats', outcome: 'published' }, value: 3 },
      { labels: { sink: 'nats', outcome: 'failed' }, value: 2 },
    ]);
  });

  it('labels requests no route matched as one route, and times them in seconds', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.countRequest(undefined, 'GET', 404, 250);
    metrics.countRequest('/health', 'GET', 200, 2);
    expect(await sampleValues(metrics, 'customer_segments_http_requests_total')).toEqual([
      { labels: { route: 'unmatched', method: 'GET', status: '404' }, value: 1 },
      { labels: { route: '/health', method: 'GET', status: '200' }, value: 1 },
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('customer_segments_http_request_duration_seconds_sum{route="unmatched",method="GET"} 0.25');
  });

  it('reads the pools at scrape time, leaving out one that is not open', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const pool: PoolCounts = { totalCount: 4, idleCount: 1, waitingCount: 2, options: { max: 5 } };
    let open = true;
    metrics.watchPool('requests', () => pool);
    metrics.watchPool('relay', () => (open ? { ...pool, totalCount: 2, idleCount: 2, waitingCount: 0 } : undefined));
    expect(await sampleValues(metrics, 'customer_segments_db_pool_connections_in_use')).toEqual([
      { labels: { pool: 'requests' }, value: 3 },
      { labels: { pool: 'relay' }, value: 0 },
    ]);
    pool.waitingCount = 7;
    open = false;
    expect(await sampleValues(metrics, 'customer_segments_db_pool_waiting')).toEqual([
      { labels: { pool: 'requests' }, value: 7 },
    ]);
  });

  it('reports the backlog of its source, keeping the last value when a count fails', async () => {
    const metrics = new Metrics({ processMetrics: false });
    let count = Promise.resolve({ backlog: 12, oldestAgeSeconds: 30 as number | null });
    metrics.watchBacklog(() => count);
    expect(await sampleValues(metrics, 'customer_segments_events_backlog')).toEqual([{ labels: {}, value: 12 }]);
    expect(await sampleValues(metrics, 'customer_segments_events_backlog_oldest_age_seconds')).toEqual([
      { labels: {}, value: 30 },
    ]);
    count = Promise.reject(new Error('database down'));
    expect(await sampleValues(metrics, 'customer_segments_events_backlog')).toEqual([{ labels: {}, value: 12 }]);
    count = Promise.resolve({ backlog: 0, oldestAgeSeconds: null });
    expect(await sampleValues(metrics, 'customer_segments_events_backlog_oldest_age_seconds')).toEqual([
      { labels: {}, value: 0 },
    ]);
  });

  it('keeps its series on a registry of its own: two apps in one process count apart', async () => {
    const one = new Metrics({ processMetrics: true });
    const other = new Metrics({ processMetrics: true });
    one.countMembershipEvaluation('manual', { joined: 2, left: 1 });
    expect(await sampleValues(other, 'customer_segments_membership_evaluations_total')).toEqual([]);
    expect(await sampleValues(one, 'customer_segments_membership_changes_total')).toEqual([
      { labels: { reason: 'manual', change: 'joined' }, value: 2 },
      { labels: { reason: 'manual', change: 'left' }, value: 1 },
    ]);
    expect(await one.registry.metrics()).toContain('process_cpu_user_seconds_total');
  });
});
