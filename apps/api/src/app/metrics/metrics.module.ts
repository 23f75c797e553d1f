import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Metrics } from './metrics';
import { MetricsServer } from './metrics-server';

/** The Prometheus metrics: global, so that each folder that counts something injects `Metrics`. */
@Global()
@Module({
  providers: [
    {
      provide: Metrics,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new Metrics({ processMetrics: config.metrics.enabled }),
    },
    MetricsServer,
  ],
  exports: [Metrics, MetricsServer],
})
export class MetricsModule {}
