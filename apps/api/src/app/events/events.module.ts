import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { EVENT_SINKS, EventSink, EventSinkFactory } from './event-sink';

/** Every kind of sink; each decides from the configuration whether it is on. */
export const EVENT_SINK_FACTORIES: EventSinkFactory[] = [];

/** The outbox relay, its sinks and the event feed. */
@Module({
  providers: [
    {
      provide: EVENT_SINKS,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<EventSink[]> =>
        (await Promise.all(EVENT_SINK_FACTORIES.map((factory) => factory(config)))).filter(
          (sink): sink is EventSink => sink !== undefined,
        ),
    },
  ],
  exports: [EVENT_SINKS],
})
export class EventsModule {}
