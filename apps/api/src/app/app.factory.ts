import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { parse as parseQueryString } from 'node:querystring';
import { AppModule, REQUEST_ID_HEADER, requestId } from './app.module';
import { TokenVerifier } from './auth/token-verifier';
import { BodyBudget } from './common/body-budget';
import { connectRateLimitStore } from './common/rate-limit-store';
import { registerRevalidation } from './common/revalidation';
import { clientErrorHandler, closeAfterAnswer } from './common/connections';
import {
  assertJsonShape,
  FORM_MEDIA_TYPE,
  JSON_MEDIA_TYPE,
  JSON_PATCH_MEDIA_TYPE,
  refusedMediaType,
} from './common/json-body';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { CONSISTENCY_TOKEN_HEADER, registerConsistencyToken, ReplicatedDataSource } from './database/read-replicas';
import { AuthRouteConfig } from './decorators/auth.decorators';
import { BulkItemReport } from './errors/error-report';
import { errorBody } from './filters/error-body';
import { errorFormOf, renderBulkItem } from './filters/error-format';
import { ErrorFilter } from './filters/error.filter';
import { authenticate, GuardedRequest } from './auth/auth.guard';
import { AppLogger, createRootLogger, loggerParams, RootLogger } from './logging';
import { Metrics } from './metrics/metrics';
import { registerMetrics } from './metrics/metrics-http';
import { METRICS_PATH } from './metrics/metrics-server';
import { buildOpenApiDocument } from './openapi';
import { recordRoute } from './tracing/tracing';

export type ResolvedConfig = AppConfig & { db: AppConfig['db'] & { url: string } };

/**
 * Builds the fully configured application (not yet listening). Used by `main.ts`, the e2e tests
 * and the OpenAPI export, so all three see the same service.
 */
export async function createApp(
  config: ResolvedConfig,
  options: { preview?: boolean; extraModules?: Type[]; logger?: RootLogger } = {},
): Promise<NestFastifyApplication> {
  const logging = loggerParams(options.logger ?? createRootLogger(config));
  const adapter = new FastifyAdapter({
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => requestId(request.headers),
    requestIdHeader: false,
    bodyLimit: config.http.bodyLimitBytes,
    http: {
      maxHeaderSize: config.http.maxHeaderBytes,
      headersTimeout: config.http.headersTimeoutMs,
      connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS,
    },
    requestTimeout: config.http.requestTimeoutMs,
    connectionTimeout: config.http.idleTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    clientErrorHandler: clientErrorHandler(config.http),
    trustProxy: config.http.trustProxy,
    // Requests that arrive while the server closes get the Emporix 503 body from the hook below.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 500 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, logging, options.extraModules),
    adapter,
    {
      logger: new AppLogger(logging),
      // The body parsers are registered below (the JSON one checks the body's shape before parsing it).
      bodyParser: false,
      preview: options.preview,
      abortOnError: false,
    },
  );

  const fastify = app.getHttpAdapter().getInstance();
  // Only JSON (and the form bodies of the token endpoint) are understood; anything else is a 415
  // (`refuseMediaTypes` says which route takes which of these).
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string' }, (_request, body, done) =>
    done(null, parseQueryString(body as string)),
  );
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser(JSON_MEDIA_TYPE);
  fastify.addContentTypeParser(
    [JSON_MEDIA_TYPE, JSON_PATCH_MEDIA_TYPE],
    { parseAs: 'string' },
    (request, body, done) => {
      try {
        assertJsonShape(body as string, {
          maxDepth: config.http.maxJsonDepth,
          maxContainers: config.http.maxJsonContainers,
        });
      } catch (error) {
        return done(error as Error, undefined);
      }
      parseJson(request, body as string, done);
    },
  );
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    recordRoute(request.routeOptions.url);
    if (closing) {
      // In-flight requests finish; new ones (on kept-alive connections) are refused.
      return reply
        .status(503)
        .header('Connection', 'close')
        .header('Retry-After', '1')
        .send(errorBody(503, 'The service is shutting down. Please retry.'));
    }
  });
  fastify.addHook('onSend', async (request, reply) => {
    // Answers to authenticated requests, and tokens, must not be kept by caches (RFC 6749 5.1).
    if (request.headers.authorization || request.url.startsWith('/oauth/token'))
      void reply.header('Cache-Control', 'no-store');
    // Requests that were in flight when the shutdown began end their kept-alive connection, so the
    // server can close as soon as they are answered.
    if (closing) void reply.header('Connection', 'close');
  });
  registerRevalidation(fastify);
  registerConsistencyToken(fastify, app.get(DataSource) instanceof ReplicatedDataSource);
  // The entries of failed bulk items get their problems as `details` in the form of the route's contract file.
  fastify.addHook('preSerialization', async (request, reply, payload: unknown) => {
    if (reply.statusCode !== 207 || !Array.isArray(payload)) return payload;
    const form = errorFormOf(request.url);
    return payload.map((entry: BulkItemReport) => renderBulkItem(entry, form));
  });
  // Security headers. The middleware is built once (the Fastify plugin rebuilds it on every request).
  const securityHeaders = helmet({
    // Swagger UI needs inline scripts and styles of its own origin.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  await app.register(fastifyCors, {
    origin: config.http.corsOrigins.length ? config.http.corsOrigins : false,
    exposedHeaders: ['X-Total-Count', 'X-Request-Id', CONSISTENCY_TOKEN_HEADER],
  });
  if (config.http.rateLimit.max > 0 && !options.preview) await registerRateLimit(app, config);
  // After the rate limit, which then sees the route (and lets it through).
  if (!options.preview) registerMetrics(fastify, app.get(Metrics), config.metrics);
  authenticateBeforeBody(app);
  refuseMediaTypes(app);
  reserveBodyBudget(app, config.http);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());

  if (config.http.swaggerEnabled) {
    SwaggerModule.setup('api-docs', app, () => buildOpenApiDocument(app, config.http.swaggerTenant), {
      jsonDocumentUrl: 'api-docs-json',
      swaggerOptions: { persistAuthorization: true, displayOperationId: true },
      customSiteTitle: 'Customer Segments API',
    });
    // The service's root leads to its documentation (not an API route: absent from the OpenAPI document).
    app
      .getHttpAdapter()
      .getInstance()
      .get('/', (_request, reply) => reply.redirect('/api-docs'));
  }
  return app;
}

/**
 * Per-client rate limiting: the key is the verified token's customer or client (so one noisy
 * integration cannot starve the others), else the caller's IP address. Health probes and the metrics
 * are exempt.
 * Over the limit: 429 with the Emporix error body and `Retry-After`. With `REDIS_URL` the counts are
 * kept in Redis and shared by every replica; otherwise each process counts its own.
 */
async function registerRateLimit(app: NestFastifyApplication, config: ResolvedConfig): Promise<void> {
  const limit = config.http.rateLimit;
  const verifier = app.get(TokenVerifier);
  const redis = config.redis.url ? await connectRateLimitStore(config.redis.url) : undefined;
  const fastify = app.getHttpAdapter().getInstance();
  if (redis) fastify.addHook('onClose', async () => redis.disconnect());
  await app.register(fastifyRateLimit, {
    max: limit.max,
    timeWindow: limit.windowMs,
    ...(redis && { redis, nameSpace: `${config.redis.keyPrefix}rate-limit:`, skipOnError: true }),
    allowList: (request) =>
      /^\/health(\/|$)/.test(request.routeOptions.url ?? '') || request.routeOptions.url === METRICS_PATH,
    keyGenerator: async (request) => {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
      if (token) {
        const principal = await verifier.verify(token).catch(() => undefined);
        if (principal)
          return `${principal.tenant}:${principal.customerId !== undefined ? `customer:${principal.customerId}` : `client:${principal.clientId}`}`;
      }
      return `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(
          `Too many requests: at most ${context.max} per ${Math.round(limit.windowMs / 1000) || 1} s. Retry in ${context.after}.`,
        ),
        { statusCode: 429 },
      ),
  });
}

/** How often Node looks for requests over `headersTimeout`/`requestTimeout` (its default, 30 s, would let them overrun by that much). */
const CONNECTIONS_CHECKING_INTERVAL_MS = 1000;

/**
 * An answer given before the body was read closes the connection, so Node does not read the upload
 * to reuse the connection.
 */
function closeEarly(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('Connection', 'close');
  closeAfterAnswer(request.raw.socket);
}

function hasBody(request: FastifyRequest): boolean {
  return Number(request.headers['content-length']) > 0 || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Routes that need a token verify it before the body is read (preParsing hooks run after CORS, the
 * security headers and the rate limit, and before the body), so an unauthenticated upload is
 * answered 401 unread. The guard then takes the verified principal and checks tenant and scopes.
 */
function authenticateBeforeBody(app: NestFastifyApplication): void {
  const verifier = app.get(TokenVerifier);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preParsing', async (request, reply) => {
      if (!(request.routeOptions.config as AuthRouteConfig | undefined)?.needsToken) return;
      try {
        (request as GuardedRequest).principal = await authenticate(verifier, request.headers.authorization);
      } catch (error) {
        if (hasBody(request)) closeEarly(request, reply);
        throw error;
      }
    });
}

/** A body of a media type its route does not take is answered 415 unread (after the token check, before the body budget). */
function refuseMediaTypes(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preParsing', async (request, reply) => {
      if (!hasBody(request) || request.is404) return;
      const refusal = refusedMediaType(request.method, request.routeOptions.url, request.headers['content-type']);
      if (!refusal) return;
      closeEarly(request, reply);
      throw refusal;
    });
}

/**
 * Every body's size (Content-Length, or the body limit for a chunked one) is reserved in the body
 * budget before it is read; one that does not fit waits unread for `bodyBudgetWaitMs`, then gets 503.
 */
function reserveBodyBudget(app: NestFastifyApplication, http: ResolvedConfig['http']): void {
  const budget = new BodyBudget(http.bodyBudgetBytes);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preParsing', async (request, reply) => {
      if (!hasBody(request)) return;
      const declared = Number(request.headers['content-length']);
      // Over the body limit: Fastify answers 413 without reading it.
      if (declared > http.bodyLimitBytes) return;
      const abandoned = new AbortController();
      const abandon = () => abandoned.abort();
      reply.raw.once('close', abandon);
      const release = await budget.reserve(
        declared > 0 ? declared : http.bodyLimitBytes,
        http.bodyBudgetWaitMs,
        abandoned.signal,
      );
      reply.raw.off('close', abandon);
      if (release) {
        reply.raw.once('close', release);
        return;
      }
      if (abandoned.signal.aborted) {
        // The client went away while waiting: there is no one to answer.
        reply.hijack();
        return reply;
      }
      closeEarly(request, reply);
      return reply
        .status(503)
        .header('Retry-After', '1')
        .send(errorBody(503, "The service is busy reading other requests' bodies. Please retry."));
    });
}
