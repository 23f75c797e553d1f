import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, REQUEST_ID_HEADER, requestId } from './app.module';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { ErrorFilter } from './filters/error.filter';
import { buildOpenApiDocument } from './openapi';

export type ResolvedConfig = AppConfig & { db: AppConfig['db'] & { url: string } };

/**
 * Builds the fully configured application (not yet listening). Used by `main.ts`, the e2e tests
 * and the OpenAPI export, so all three see the same service.
 */
export async function createApp(config: ResolvedConfig, options: { preview?: boolean; extraModules?: Type[] } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => requestId(request.headers),
    requestIdHeader: false,
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: true,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 500 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, options.extraModules), adapter, {
    bufferLogs: true,
    preview: options.preview,
    abortOnError: false,
  });
  if (!options.preview) app.useLogger(app.get(Logger));

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  await app.register(fastifyHelmet, {
    // Swagger UI needs inline scripts and styles of its own origin.
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
  await app.register(fastifyCors, { origin: config.http.corsOrigins.length ? config.http.corsOrigins : false, exposedHeaders: ['X-Total-Count', 'X-Request-Id'] });

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();

  if (config.http.swaggerEnabled) {
    SwaggerModule.setup('api-docs', app, () => buildOpenApiDocument(app), {
      jsonDocumentUrl: 'api-docs-json',
      swaggerOptions: { persistAuthorization: true, displayOperationId: true },
      customSiteTitle: 'Customer Segments API',
    });
  }
  return app;
}
