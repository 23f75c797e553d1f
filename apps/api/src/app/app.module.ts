import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { LoggerModule, Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { dataSourceOptions, serviceDataSource } from './database/data-source';
import { ENTITIES } from './entities';
import { EventsModule } from './events/events.module';
import { webhookSinkFactory } from './webhooks/deliveries/webhook-sink';
import { WebhooksModule } from './webhooks/webhooks.module';
import { toErrorBody } from './filters/error-mapping';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { CatalogModule } from './catalog/catalog.module';
import { CustomerAssignmentsModule } from './customer-assignments/customer-assignments.module';
import { CustomerManagementModule } from './customer-management/customer-management.module';
import { ItemAssignmentsModule } from './item-assignments/item-assignments.module';
import { SegmentRulesModule } from './segment-rules/segment-rules.module';
import { SegmentsModule } from './segments/segments.module';

export const REQUEST_ID_HEADER = 'x-request-id';
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** A caller's `X-Request-Id` when it is a sane token, else a new UUID. */
export function requestId(headers: Record<string, string | string[] | undefined>): string {
  const incoming = headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}

/** Feature modules; each one owns the routes of its folder. */
export const FEATURE_MODULES = [
  SegmentsModule,
  SegmentRulesModule,
  CustomerAssignmentsModule,
  ItemAssignmentsModule,
  CatalogModule,
  CustomerManagementModule,
  WebhooksModule,
];

@Module({})
export class AppModule {
  /** `logging`: nestjs-pino's settings; `extraModules`: modules mounted beside the features (tests use it for probe routes). */
  static register(
    config: AppConfig & { db: { url: string } },
    logging: Params,
    extraModules: Type[] = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // First, so the probes stay the first paths of the OpenAPI document.
        HealthModule,
        ConfigModule.register(config),
        MetricsModule,
        LoggerModule.forRoot(logging),
        // No retries here: `main` has waited for the database (DB_CONNECT_TIMEOUT_MS) before, and reports a
        // failure now (a migration, the database gone again) itself, once.
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.db, ENTITIES), toRetry: () => false }),
          dataSourceFactory: async (options) => serviceDataSource(options as DataSourceOptions, config.db),
        }),
        DatabaseModule.register(toErrorBody),
        AuthModule.register(config),
        ...FEATURE_MODULES,
        EventsModule.register([webhookSinkFactory]),
        ...extraModules,
      ],
    };
  }
}
