import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

/** Channels: `outbox` (a transaction inserted events; the migration's trigger) and `event_sequenced` (payload: tenant). */
const OUTBOX = 'outbox';
const SEQUENCED = 'event_sequenced';
/** Work for the webhook worker: the webhook sink committed deliveries (payload: tenant). */
export const WEBHOOK_DELIVERIES = 'webhook_delivery';
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/** Wakes a waiter at the next notification of its tenant; one that came before `next()` is not lost. */
export interface SequencedWatch {
  /** Resolves at the next notification since the last call (at once if one came meanwhile). */
  next(): Promise<void>;
  close(): void;
}

class Watch implements SequencedWatch {
  private pending = false;
  private resolve?: () => void;

  constructor(private readonly onClose: (watch: Watch) => void) {}

  notify(): void {
    if (this.resolve) {
      this.resolve();
      this.resolve = undefined;
    } else this.pending = true;
  }

  next(): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.resolve = resolve));
  }

  close(): void {
    this.notify();
    this.onClose(this);
  }
}

/**
 * The one dedicated connection that LISTENs for the outbox's notifications (Postgres delivers them at commit),
 * reconnecting with backoff when it is lost. Every reconnect counts as a notification of everything, since some
 * may have been missed meanwhile; the relay and the feed also poll, so a lost notification only costs latency.
 */
@Injectable()
export class EventNotifications implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventNotifications.name);
  private readonly outboxListeners = new Set<() => void>();
  private readonly deliveryListeners = new Set<() => void>();
  /** Tenant -> its feed waiters. */
  private readonly watches = new Map<string, Set<Watch>>();
  private client?: Client;
  private reconnectMs = RECONNECT_FIRST_MS;
  private reconnectTimer?: NodeJS.Timeout;
  private lost = false;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    void this.connect();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.wakeAll();
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  /** Calls `listener` whenever a transaction committed events; returns the unsubscribe function. */
  onOutbox(listener: () => void): () => void {
    this.outboxListeners.add(listener);
    return () => this.outboxListeners.delete(listener);
  }

  /** Calls `listener` whenever a transaction committed webhook deliveries; returns the unsubscribe function. */
  onWebhookDeliveries(listener: () => void): () => void {
    this.deliveryListeners.add(listener);
    return () => this.deliveryListeners.delete(listener);
  }

  /** Watches for events of `tenant` becoming sequenced (readable); close it when done. */
  watchSequenced(tenant: string): SequencedWatch {
    const watch = new Watch((closed) => {
      const watches = this.watches.get(tenant);
      watches?.delete(closed);
      if (watches?.size === 0) this.watches.delete(tenant);
    });
    let watches = this.watches.get(tenant);
    if (!watches) this.watches.set(tenant, (watches = new Set()));
    watches.add(watch);
    if (this.stopped) watch.notify();
    return watch;
  }

  /** Wakes every waiter (at shutdown, so that long polls answer at once). */
  wakeAll(): void {
    for (const watches of this.watches.values()) for (const watch of watches) watch.notify();
  }

  /** Tells this process's own waiters (the sequencer of this process notifies through Postgres too). */
  sequenced(tenant: string): void {
    for (const watch of this.watches.get(tenant) ?? []) watch.notify();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.db.url,
      application_name: 'customer-segments-events',
      connectionTimeoutMillis: this.config.db.acquireTimeoutMs,
    });
    client.on('error', () => this.connectionLost(client));
    client.on('end', () => this.connectionLost(client));
    client.on('notification', (message) => {
      if (message.channel === OUTBOX) this.notifyOutbox();
      else if (message.channel === SEQUENCED && message.payload) this.sequenced(message.payload);
      else if (message.channel === WEBHOOK_DELIVERIES) this.notifyDeliveries();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX}; LISTEN ${SEQUENCED}; LISTEN ${WEBHOOK_DELIVERIES}`);
    } catch {
      this.connectionLost(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.reconnectMs = RECONNECT_FIRST_MS;
    if (this.lost) this.logger.log('Event notifications are back');
    this.lost = false;
    // Whatever happened while no one listened.
    this.notifyOutbox();
    this.notifyDeliveries();
    for (const tenant of this.watches.keys()) this.sequenced(tenant);
  }

  private connectionLost(client: Client): void {
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.client === client) this.client = undefined;
    if (this.stopped || this.reconnectTimer) return;
    if (!this.lost)
      this.logger.warn('Lost the event notification connection; reconnecting (the relay polls meanwhile)');
    this.lost = true;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, this.reconnectMs);
    this.reconnectMs = Math.min(RECONNECT_MAX_MS, this.reconnectMs * 2);
  }

  private notifyOutbox(): void {
    for (const listener of this.outboxListeners) listener();
  }

  private notifyDeliveries(): void {
    for (const listener of this.deliveryListeners) listener();
  }
}
