import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { EventNotifications } from './event-notifications';
import { EventRelay } from './event-relay';
import { EVENT_SINKS, EventSink, EventSinkFactory } from './event-sink';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { natsSinkFactory } from './nats/nats-sink';
import { RELAY_DATA_SOURCE, RELAY_POOL_PROVIDERS, RELAY_TRANSACTIONS } from './relay-pool';

/** The sinks of this folder; each decides from the configuration whether it is on. The feed reads the outbox itself. */
const OWN_SINK_FACTORIES: EventSinkFactory[] = [natsSinkFactory];

/**
 * The outbox relay, its sinks and the event feed; global, so that the readiness probe reports the relay's backlog
 * and features above (webhooks) use the relay's pool and notifications. `sinkFactories`: the sinks of features,
 * which the composition root passes in (this folder imports no feature).
 */
@Global()
@Module({})
export class EventsModule {
  static register(sinkFactories: EventSinkFactory[] = []): DynamicModule {
    const factories = [...OWN_SINK_FACTORIES, ...sinkFactories];
    return {
      module: EventsModule,
      controllers: [EventsController],
      providers: [
        EventsRepository,
        EventNotifications,
        EventRelay,
        EventsService,
        ...RELAY_POOL_PROVIDERS,
        {
          provide: EVENT_SINKS,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig): Promise<EventSink[]> =>
            (await Promise.all(factories.map((factory) => factory(config)))).filter(
              (sink): sink is EventSink => sink !== undefined,
            ),
        },
      ],
      exports: [EVENT_SINKS, EventRelay, EventsRepository, EventNotifications, RELAY_TRANSACTIONS, RELAY_DATA_SOURCE],
    };
  }
}
