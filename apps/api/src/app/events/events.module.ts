import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { EventNotifications } from './event-notifications';
import { EventRelay } from './event-relay';
import { EVENT_SINKS, EventSink, EventSinkFactory } from './event-sink';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { natsSinkFactory } from './nats/nats-sink';
import { RELAY_POOL_PROVIDERS } from './relay-pool';

/** Every kind of sink; each decides from the configuration whether it is on. The feed reads the outbox itself. */
export const EVENT_SINK_FACTORIES: EventSinkFactory[] = [natsSinkFactory];

/** The outbox relay, its sinks and the event feed; global, so that the readiness probe reports the relay's backlog. */
@Global()
@Module({
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
        (await Promise.all(EVENT_SINK_FACTORIES.map((factory) => factory(config)))).filter(
          (sink): sink is EventSink => sink !== undefined,
        ),
    },
  ],
  exports: [EVENT_SINKS, EventRelay, EventsRepository],
})
export class EventsModule {}
