import { freePort } from '@cs/postgres';
import { connect } from 'nats';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { connect as tcpConnect } from 'node:net';

/**
 * NATS for tests. Tests that stop and start the broker run a nats-server of their own (`-js -sd <tmpdir>` on a
 * free port), from `NATS_SERVER_BIN`, `/usr/sbin/nats-server` or the PATH; tests that only need one use that too
 * when the binary is there (so they share no stream with anyone), else the server of `NATS_URL` when it answers.
 * Without either, `describeWithNats` reports the tests as skipped, with the reason in their title.
 */
export const NATS_SERVER_BINARY = findNatsServer();

function findNatsServer(): string | undefined {
  const candidates = [
    process.env.NATS_SERVER_BIN,
    '/usr/sbin/nats-server',
    ...(process.env.PATH ?? '').split(delimiter).map((folder) => join(folder, 'nats-server')),
  ];
  return candidates.find((file): file is string => {
    if (!file) return false;
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

let reachable: { url: string | undefined } | undefined;

/** `NATS_URL` when a NATS server answers there (checked once, when first asked, synchronously for `describe`). */
export function reachableNatsUrl(): string | undefined {
  reachable ??= { url: probeNatsUrl(process.env.NATS_URL) };
  return reachable.url;
}

function probeNatsUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const { hostname, port } = new URL(url.split(',')[0].includes('://') ? url.split(',')[0] : `nats://${url}`);
  // A NATS server greets every connection with an INFO line; Jest's describe cannot wait, so a child checks.
  const probe = `const s = require('node:net').connect(${Number(port || 4222)}, ${JSON.stringify(hostname)});
    s.setTimeout(2000, () => process.exit(1)); s.on('error', () => process.exit(1));
    s.on('data', (d) => process.exit(String(d).startsWith('INFO') ? 0 : 1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 5_000 }).status === 0 ? url : undefined;
}

/** What this machine has of NATS. */
interface NatsAvailable {
  binary?: string;
  url?: string;
}

/** Why a test of `kind` cannot run, if so: `own` needs the binary (it stops and starts its server), `any` a server. */
export function natsSkipReason(
  kind: 'own' | 'any',
  available: NatsAvailable = { binary: NATS_SERVER_BINARY, url: NATS_SERVER_BINARY ? undefined : reachableNatsUrl() },
): string | undefined {
  if (available.binary) return undefined;
  if (kind === 'any' && available.url) return undefined;
  return kind === 'own'
    ? 'skipped: no nats-server binary (NATS_SERVER_BIN, /usr/sbin/nats-server, PATH)'
    : 'skipped: no nats-server binary and no NATS server answering at NATS_URL';
}

/** Jest's `describe` (passed in: this folder is compiled without the test runner's types). */
interface Describe {
  (title: string, body: () => void): void;
  skip(title: string, body: () => void): void;
}

/** `describe` when NATS of `kind` is available, else `describe.skip` with the reason in the title. */
export function describeWithNats(
  describe: Describe,
  kind: 'own' | 'any',
  title: string,
  body: () => void,
  available?: NatsAvailable,
): void {
  const reason = natsSkipReason(kind, available);
  if (reason) describe.skip(`${title} (${reason})`, body);
  else describe(title, body);
}

export interface NatsForTests {
  url: string;
  /** A name unique to this test run, for streams and subject prefixes on a shared server. */
  unique: string;
  /** Stops the server (SIGTERM, or SIGKILL with `kill`) and waits until it has exited. Only for an own server. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port with the same store. Only for an own server. */
  start(): Promise<void>;
  /** Stops it for good and removes its store. */
  dispose(): Promise<void>;
}

/** An own nats-server when the binary exists, else the reachable `NATS_URL` (stop/start then throw). */
export async function natsForTests(): Promise<NatsForTests> {
  const unique = `T${process.pid}_${Date.now().toString(36)}`;
  if (NATS_SERVER_BINARY) return startNatsServer(unique);
  const url = reachableNatsUrl();
  if (!url) throw new Error(natsSkipReason('any'));
  const shared = (): Promise<void> => Promise.reject(new Error('the shared NATS server is not stopped by tests'));
  return { url, unique, stop: shared, start: shared, dispose: async () => undefined };
}

async function startNatsServer(unique: string): Promise<NatsForTests> {
  const binary = NATS_SERVER_BINARY;
  if (!binary) throw new Error(natsSkipReason('own'));
  const store = mkdtempSync(join(tmpdir(), 'cs-nats-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const started = spawn(binary, ['-js', '-sd', store, '-a', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = started;
    let output = '';
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (!(await answers(port))) {
      if (started.exitCode !== null || Date.now() > deadline)
        throw new Error(`nats-server did not start on port ${port}:\n${output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill(signal);
    await exited;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    unique,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(store, { recursive: true, force: true });
    },
  };
}

/** Whether a NATS server greets a connection on `port` (its INFO line). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('data', (data) => done(String(data).startsWith('INFO')));
  });
}

/** A message as the stream holds it. */
export interface StoredMessage {
  subject: string;
  /** Its `Nats-Msg-Id` header. */
  msgId: string | undefined;
  /** The body, parsed. */
  body: unknown;
}

/** Every message of `stream`, in stream order (read with an ordered consumer); [] when the stream does not exist. */
export async function readStream(url: string, stream: string): Promise<StoredMessage[]> {
  const connection = await connect({ servers: url });
  try {
    const manager = await connection.jetstreamManager();
    const total = await manager.streams.info(stream).then(
      (info) => info.state.messages,
      () => 0,
    );
    const messages: StoredMessage[] = [];
    if (!total) return messages;
    const consumer = await connection.jetstream().consumers.get(stream);
    while (messages.length < total) {
      const before = messages.length;
      const batch = await consumer.fetch({ max_messages: Math.min(1_000, total - messages.length), expires: 5_000 });
      for await (const message of batch)
        messages.push({ subject: message.subject, msgId: message.headers?.get('Nats-Msg-Id'), body: message.json() });
      if (messages.length === before) throw new Error(`read ${before} of the ${total} messages of stream ${stream}`);
    }
    return messages;
  } finally {
    await connection.close();
  }
}
