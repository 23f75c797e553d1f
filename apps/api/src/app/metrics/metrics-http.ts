import type { FastifyInstance } from 'fastify';
import { AppConfig } from '../config/config';
import { Metrics } from './metrics';
import { METRICS_PATH } from './metrics-server';

/**
 * Counts every answer of the service's port by route template (never the raw URL), and serves `GET /metrics` there
 * unless `METRICS_PORT` moves it to a port of its own. The route is the raw Fastify instance's, like the redirect of
 * `/`: no Nest route, so the guard's default-deny stays without exceptions, and no Emporix route, so it is absent
 * from the OpenAPI document (and its route-access snapshot). It needs no token: README "Production" says how to
 * keep it private.
 */
export function registerMetrics(fastify: FastifyInstance, metrics: Metrics, config: AppConfig['metrics']): void {
  if (!config.enabled) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.countRequest(request.routeOptions.url, request.method, reply.statusCode, reply.elapsedTime);
    done();
  });
  if (config.port !== undefined) return;
  fastify.get(METRICS_PATH, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
