import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * What the `postmaster.pid` in a data folder says about the server that wrote it, judged from
 * `/proc` (Linux): a Postgres server still serving the folder (with its parent process), a server
 * that is gone (Postgres replaces such a file itself), or a file Postgres would wrongly take for a
 * live server's (its PID is a zombie or now another program's, PIDs being reused e.g. in a fresh
 * container) and that must be removed.
 */
type PidFileState =
  | { kind: 'absent' }
  | { kind: 'running'; pid: number; parentPid: number }
  | { kind: 'gone'; pid: number }
  | { kind: 'stale'; pid: number };

/** Process state from /proc: undefined when there is no such process (or no /proc). */
function processState(pid: number): { state: string; parentPid: number } | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, parentPid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, parentPid: Number(parentPid) };
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie (a zombie has exited; only its parent has not collected it yet). */
function isProcessRunning(pid: number): boolean {
  const state = processState(pid)?.state;
  return state !== undefined && state !== 'Z' && state !== 'X';
}

function samePath(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(a) === real(b);
}

/** Whether `pid` runs the `postgres` binary with `-D databaseDir` (the postmaster keeps its command line). */
function servesFolder(pid: number, databaseDir: string): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const dataDir = argv[argv.indexOf('-D') + 1];
    return (
      basename(argv[0]) === 'postgres' && argv.includes('-D') && dataDir !== undefined && samePath(dataDir, databaseDir)
    );
  } catch {
    return false;
  }
}

function inspectPidFile(databaseDir: string): PidFileState {
  const pidFile = join(databaseDir, 'postmaster.pid');
  // Without /proc (not Linux) the file is left to Postgres, which refuses to start while its PID lives.
  if (!existsSync(pidFile) || !existsSync('/proc/self/stat')) return { kind: 'absent' };
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'stale', pid };
  const state = processState(pid);
  if (!state) return { kind: 'gone', pid };
  if (!isProcessRunning(pid) || !servesFolder(pid, databaseDir)) return { kind: 'stale', pid };
  return { kind: 'running', pid, parentPid: state.parentPid };
}

function removePidFile(databaseDir: string): void {
  rmSync(join(databaseDir, 'postmaster.pid'), { force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signals `pid` and waits until it has ended; false when it is still running after `timeoutMs`. */
async function signalAndWait(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, signal);
  } catch {
    return !isProcessRunning(pid);
  }
  const deadline = Date.now() + timeoutMs;
  while (isProcessRunning(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return 'unknown';
  }
}

/** Fast shutdown first (a checkpoint, then exit), immediate shutdown next, then SIGKILL; the write-ahead log keeps committed data through each. */
const STOP_STEPS: Array<{ signal: NodeJS.Signals; mode: string; waitMs: number }> = [
  { signal: 'SIGINT', mode: 'fast shutdown', waitMs: 15_000 },
  { signal: 'SIGQUIT', mode: 'immediate shutdown', waitMs: 5_000 },
  { signal: 'SIGKILL', mode: 'SIGKILL', waitMs: 5_000 },
];

/**
 * Makes way for a new server on `databaseDir`: stops a server that an earlier run left running
 * (an orphan: its parent died, e.g. killed with SIGKILL or out of memory) and removes a pid file
 * that would block the start. A server whose parent is alive belongs to another running program
 * (e.g. a second service on the same folder) and is left alone: the start fails with its PID.
 */
export async function clearLeftoverServer(databaseDir: string, log: (line: string) => void): Promise<void> {
  const found = inspectPidFile(databaseDir);
  if (found.kind === 'gone')
    log(
      `The previous Postgres server on this data folder (PID ${found.pid}) did not shut down cleanly; Postgres recovers from its write-ahead log`,
    );
  if (found.kind === 'stale') {
    removePidFile(databaseDir);
    log(
      `Removed the postmaster.pid of a previous Postgres server on this data folder: its PID ${found.pid} is no running server of the folder now`,
    );
  }
  if (found.kind !== 'running') return;
  // Orphans are adopted by PID 1 (init, tini, or the container's first process).
  if (found.parentPid !== 1) {
    throw new Error(
      `The data folder ${databaseDir} is in use by the Postgres server (PID ${found.pid}) of the running process ${found.parentPid} (${commandOf(found.parentPid)}); stop that process or use another data folder`,
    );
  }
  const startedAt = Date.now();
  for (const step of STOP_STEPS) {
    if (!(await signalAndWait(found.pid, step.signal, step.waitMs))) continue;
    // A server ended by SIGQUIT or SIGKILL leaves its pid file; while PID 1 has not reaped it, Postgres would take it for alive.
    if (inspectPidFile(databaseDir).kind === 'stale') removePidFile(databaseDir);
    log(
      `Stopped the Postgres server (PID ${found.pid}) that an earlier run left running on this data folder (${step.mode}, ${Date.now() - startedAt} ms)`,
    );
    return;
  }
  throw new Error(
    `The Postgres server (PID ${found.pid}) that an earlier run left running on ${databaseDir} did not stop, not even on SIGKILL`,
  );
}
