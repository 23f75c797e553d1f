import { RunningPostgres, startEmbeddedPostgres } from '@cs/postgres';
import { RootLogger } from './app/logging';
import { describeError } from './describe-error';

/**
 * Waits before each restart of an embedded Postgres that died while the service ran (about a minute
 * in all). The first attempts often meet the old server's last processes still attached to its shared
 * memory; when the last attempt fails too, the service gives up and exits, so that a supervisor
 * restarts it whole.
 */
const RESTART_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000];

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` database; it stays the same across restarts. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded Postgres of the default set-up, kept running: when it dies (killed, crashed) it is
 * started again on the same port, so the pool reconnects by itself; requests answer 503 meanwhile.
 * `onGiveUp` gets the cause when it cannot be restarted; `logger` the notices.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  logger: RootLogger,
  onGiveUp: (error: Error) => void,
): Promise<EmbeddedDatabase> {
  let stopped = false;
  let pendingStart: Promise<RunningPostgres> | undefined;

  const start = (port?: number): Promise<RunningPostgres> =>
    startEmbeddedPostgres({
      dataDir,
      port,
      onNotice: (line) => logger.warn(line),
      onUnexpectedExit: (how) => void restart(how),
    });

  const restart = async (how: string): Promise<void> => {
    const diedAt = Date.now();
    logger.error(`The embedded Postgres ended unexpectedly (${how}); restarting it`);
    let lastError: unknown;
    for (const [attempt, delayMs] of RESTART_DELAYS_MS.entries()) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (stopped) return;
      pendingStart = start(server.port);
      try {
        server = await pendingStart;
        logger.info(`The embedded Postgres is running again, ${Date.now() - diedAt} ms after it ended`);
        return;
      } catch (error) {
        lastError = error;
        logger.error(
          `Restart ${attempt + 1} of ${RESTART_DELAYS_MS.length} of the embedded Postgres failed: ${describeError(error)}`,
        );
      } finally {
        pendingStart = undefined;
      }
    }
    onGiveUp(new Error(`The embedded Postgres could not be restarted: ${describeError(lastError)}`));
  };

  let server = await start();
  return {
    url: server.url,
    async stop() {
      stopped = true;
      // A restart in progress finishes first, so that the server it starts is the one stopped.
      await pendingStart?.catch(() => undefined);
      await server.stop();
    },
  };
}
