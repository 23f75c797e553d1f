import { AppConfig } from '../config/config';
import { Metrics } from './metrics';
import { MetricsServer } from './metrics-server';

const configOf = (metrics: AppConfig['metrics']) => ({ host: '127.0.0.1', metrics }) as AppConfig;

describe('MetricsServer', () => {
  it('serves GET /metrics on METRICS_PORT, and 404 for anything else', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.countRequest('/health', 'GET', 200, 1);
    const server = new MetricsServer(metrics, configOf({ enabled: true, port: 0 }));
    await server.onApplicationBootstrap();
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const scrape = await fetch(`${base}/metrics?x=1`);
      expect(scrape.status).toBe(200);
      expect(await scrape.text()).toContain(
        'customer_segments_http_requests_total{route="/health",method="GET",status="200"} 1',
      );
      expect((await fetch(`${base}/metrics`, { method: 'HEAD' })).status).toBe(200);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${base}/health`)).status).toBe(404);
    } finally {
      await server.onApplicationShutdown();
    }
  });

  it('answers 500 to a scrape whose collection fails, and serves on', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const server = new MetricsServer(metrics, configOf({ enabled: true, port: 0 }));
    await server.onApplicationBootstrap();
    try {
      const collect = jest.spyOn(metrics.registry, 'metrics').mockRejectedValueOnce(new Error('collector failed'));
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(500);
      collect.mockRestore();
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(200);
    } finally {
      await server.onApplicationShutdown();
    }
  });

  it('listens nowhere when the metrics are off or on the service port', async () => {
    for (const setting of [{ enabled: false, port: 0 }, { enabled: true }]) {
      const server = new MetricsServer(new Metrics({ processMetrics: false }), configOf(setting));
      await server.onApplicationBootstrap();
      const port = server.port;
      await server.onApplicationShutdown();
      expect(port).toBeUndefined();
    }
  });

  it('names METRICS_PORT when its port is taken', async () => {
    const first = new MetricsServer(new Metrics({ processMetrics: false }), configOf({ enabled: true, port: 0 }));
    await first.onApplicationBootstrap();
    const second = new MetricsServer(
      new Metrics({ processMetrics: false }),
      configOf({ enabled: true, port: first.port }),
    );
    try {
      await expect(second.onApplicationBootstrap()).rejects.toThrow(
        `port ${first.port} is in use; set METRICS_PORT to a free one`,
      );
    } finally {
      await second.onApplicationShutdown();
      await first.onApplicationShutdown();
    }
  });
});
