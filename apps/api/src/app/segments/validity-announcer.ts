import { AsyncResource } from 'node:async_hooks';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { describeFailure } from '../database/pg-errors';
import { Transactions } from '../database/transactions';
import { ValidityBoundariesRepository } from './validity-boundaries.repository';

/** Boundaries one transaction takes: few row locks, short transactions. */
export const ANNOUNCE_BATCH = 100;

/**
 * Records `customer-segment.segment-validity-reached` when a boundary of a segment's validity passes, through the
 * outbox like every event. Every process runs it: the boundaries wait in `segment_validity_boundary`, and the
 * transaction that records a boundary's event deletes its row, so each is announced once whatever the number of
 * processes, and one that passed while none ran is announced at the next start.
 *
 * The timer is armed for the nearest boundary ahead (at most `EVENTS_VALIDITY_POLL_INTERVAL_MS` away, so boundaries
 * written by other processes are found within that interval); a segment write of this process looks again at once
 * (`wake`), so the boundaries it sets are announced at their instant.
 */
@Injectable()
export class ValidityAnnouncer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ValidityAnnouncer.name);
  /**
   * The context the rounds run in: the process's, not that of the request whose write woke the announcer (nor of its
   * timers), so the events carry no request's trace and the statements never follow a request's replica routing.
   */
  private readonly detached = new AsyncResource(ValidityAnnouncer.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  /** A wake-up came during a round: the round may have looked before the write committed. */
  private again = false;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly boundaries: ValidityBoundariesRepository,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.wake();
  }

  /** Stops the timer and waits for the round in flight; what it leaves stays queued for the next start. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  /** Looks for due and nearer boundaries now (after a committed segment write), or after the round in flight. */
  wake(): void {
    this.detached.runInAsyncScope(() => this.startRound());
  }

  private startRound(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.round = this.announceDue().then((delayMs) => {
      this.round = undefined;
      if (this.again) {
        this.again = false;
        this.startRound();
      } else if (!this.stopped) {
        this.timer = setTimeout(() => this.startRound(), delayMs);
      }
    });
  }

  /**
   * Announces every due boundary, tenant by tenant and batch by batch, until a look finds none it could take; the
   * wait until the next boundary ahead, capped by the poll interval (which a failure waits too).
   */
  private async announceDue(): Promise<number> {
    const poll = this.config.events.validityPollIntervalMs;
    try {
      for (;;) {
        const schedule = await this.boundaries.schedule();
        let taken = 0;
        for (const { tenant } of schedule.filter((tenant) => tenant.due)) {
          for (let done = ANNOUNCE_BATCH; done === ANNOUNCE_BATCH && !this.stopped; taken += done)
            done = await this.transactions.run((tx) => this.boundaries.announce(tx, tenant, ANNOUNCE_BATCH));
        }
        if (this.failing) this.logger.log('Validity boundaries are announced again');
        this.failing = false;
        // Due boundaries this round could not take are another process's, which is committing them.
        if (taken === 0 || this.stopped) return Math.min(poll, ...schedule.map((tenant) => tenant.nextInMs ?? poll));
      }
    } catch (error) {
      if (!this.failing)
        this.logger.warn(`Announcing validity boundaries failed (${describeFailure(error)}); retrying`);
      this.failing = true;
      return poll;
    }
  }
}
