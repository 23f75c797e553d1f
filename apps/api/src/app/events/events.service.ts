import { AnyEventEnvelope } from '@cs/contracts';
import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ServiceUnavailableError } from '../errors/domain-errors';
import { EventNotifications } from './event-notifications';
import { toEnvelope } from './events.mapper';
import { EventsRepository } from './events.repository';
import { parseFeedQuery, RawFeedQuery } from './feed-query';

/** The event feed: a tenant's sequenced events after a cursor, optionally waiting for the first one. */
@Injectable()
export class EventsService implements BeforeApplicationShutdown {
  private waiters = 0;
  private stopping = false;

  constructor(
    private readonly events: EventsRepository,
    private readonly notifications: EventNotifications,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Waiting long polls answer at once (with what they have) instead of holding up the shutdown. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
    this.notifications.wakeAll();
  }

  async feed(ctx: RequestContext, raw: RawFeedQuery): Promise<AnyEventEnvelope[]> {
    const { feedMaxWaitSeconds, feedMaxWaiters, pollIntervalMs } = this.config.events;
    const query = parseFeedQuery(raw, feedMaxWaitSeconds);
    const range = { tenant: ctx.tenant, ...query };
    if (query.waitSeconds === 0) return (await this.events.events(range)).map(toEnvelope);
    if (this.waiters >= feedMaxWaiters)
      throw new ServiceUnavailableError(`Too many waiting event feed requests (${feedMaxWaiters}); try again shortly.`);
    this.waiters++;
    // Watching before the first read, so an event sequenced between the read and the wait is not missed.
    const watch = this.notifications.watchSequenced(ctx.tenant);
    const deadline = Date.now() + query.waitSeconds * 1000;
    try {
      for (;;) {
        const rows = await this.events.events(range);
        const left = deadline - Date.now();
        if (rows.length || left <= 0 || this.stopping) return rows.map(toEnvelope);
        // Re-read after the poll interval too: a notification lost with the listening connection costs only latency.
        await waitFor(watch.next(), Math.min(left, pollIntervalMs));
      }
    } finally {
      watch.close();
      this.waiters--;
    }
  }
}

/** `promise`, or `ms` milliseconds, whichever comes first. */
async function waitFor(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
