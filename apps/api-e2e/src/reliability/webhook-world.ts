import { TEST_TENANT } from '@cs/api/testing';
import { createTestDatabase } from '@cs/postgres';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { WebhookReceiver } from '../webhook-receiver';
import { Service, startService } from './processes';

/** One test's scratch database with an SQL client on it, a webhook receiver, and built services on the database. */
export interface WebhookWorld {
  sql: Client;
  receiver: WebhookReceiver;
  /** Starts a built service on the database (private webhook URLs allowed, 200 ms relay poll, then the set-up's env). */
  start(): Promise<Service>;
  /** An endpoint of the test tenant taking every event, posting to the receiver's `path` (once a service started). */
  createEndpoint(path: string): Promise<{ id: string; secret: string; path: string }>;
}

/**
 * The world of the suites that watch webhook deliveries of child processes: `setUp` builds one per test, `defer`
 * registers more to stop, and `tearDown` (after each test) kills the services, then stops and drops the rest.
 */
export function webhookWorlds() {
  const services: Service[] = [];
  const stops: Array<() => Promise<unknown>> = [];
  const defer = (stop: () => Promise<unknown>) => void stops.unshift(stop);
  return {
    defer,
    async setUp(env: Record<string, string>): Promise<WebhookWorld> {
      const database = await createTestDatabase();
      defer(() => database.drop());
      const sql = new Client({ connectionString: database.url });
      await sql.connect();
      defer(() => sql.end());
      const receiver = await new WebhookReceiver().start();
      defer(() => receiver.stop());
      const start = async () => {
        const service = await startService({
          DATABASE_URL: database.url,
          WEBHOOKS_ALLOW_PRIVATE: 'true',
          EVENTS_POLL_INTERVAL_MS: '200',
          ...env,
        });
        services.push(service);
        return service;
      };
      const createEndpoint = async (path: string) => {
        const id = randomUUID();
        const secret = `whsec_${randomBytes(32).toString('base64')}`;
        await sql.query(
          `INSERT INTO webhook_endpoint (tenant, id, url, event_types, secret, version) VALUES ($1, $2, $3, $4, $5, 1)`,
          [TEST_TENANT, id, receiver.url(path), [], secret],
        );
        return { id, secret, path };
      };
      return { sql, receiver, start, createEndpoint };
    },
    async tearDown(): Promise<void> {
      const running = services.splice(0);
      for (const service of running) service.process.child.kill('SIGKILL');
      await Promise.all(running.map((service) => service.process.exited));
      for (const stop of stops.splice(0)) await stop();
    },
  };
}
