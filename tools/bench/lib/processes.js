'use strict';
/** Child processes of the bench: the service (with the query counter) and the bare baseline server. */
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { ROOT } = require('./database');
const { freePort } = require(join(ROOT, 'libs/postgres/dist'));

async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Wraps a started child: its id, peak RSS, stop, and (service only) the query counter. */
function handle(child, baseUrl, output, cleanup = () => undefined) {
  let nextId = 0;
  const pending = new Map();
  child.on('message', (message) => {
    const resolve = pending.get(message?.id);
    pending.delete(message?.id);
    resolve?.(message);
  });
  const ask = (message) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, resolve);
      child.send({ ...message, id }, (error) => error && reject(error));
    });
  return {
    pid: child.pid,
    baseUrl,
    output,
    /** Statements sent so far. */
    queryCount: async () => (await ask({ cmd: 'count' })).count,
    /** Starts (on) or stops recording statements (at most `limit`, 100 by default); returns the ones recorded since the last call. */
    capture: async (on, limit) => (await ask({ cmd: 'capture', on, limit })).statements,
    /** CPU profile of the service between profile(true) and profile(false, file) (written to `file`). */
    profile: async (on, file) => {
      const answer = await ask({ cmd: 'profile', on, file });
      if (answer.error) throw new Error(`profile: ${answer.error}`);
    },
    /** Peak resident set size in bytes since start or the last reset (VmHWM). */
    peakRss: () => {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return match ? Number(match[1]) * 1024 : undefined;
    },
    /** Resets the peak to the current RSS (Linux: clear_refs 5); false where not allowed. */
    resetPeakRss: () => {
      try {
        writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        // The grace period's timer is cleared once the child is gone: it would keep the caller's process alive.
        let grace;
        await Promise.race([exited, new Promise((resolve) => (grace = setTimeout(resolve, 10_000)))]);
        clearTimeout(grace);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      cleanup();
    },
  };
}

function collectOutput(child) {
  const output = [];
  const keep = (chunk) => {
    output.push(...String(chunk).split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return output;
}

/** The V8 heap cap `npm start` runs the service with (the Dockerfile sets the same), so the bench measures what is deployed. */
function startHeapCap() {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const cap = /--max-old-space-size=\d+/.exec(scripts.start);
  if (!cap) throw new Error('package.json scripts.start no longer sets --max-old-space-size');
  return cap[0];
}

/**
 * Starts the built service (apps/api/dist/main.js, or `main`, or BENCH_SERVICE_MAIN for A/B experiments with a
 * patched copy of the build) on `databaseUrl` with LOG_LEVEL=warn and NODE_OPTIONS=BENCH_SERVICE_NODE_OPTIONS,
 * by default the heap cap of `npm start`. Its `signingKeyFile` (the built-in issuer's key, unless `env` names
 * another) lets a second service accept the first one's tokens.
 */
async function startService(databaseUrl, { nodeArgs = [], env = {}, main: mainFile } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-bench-api-'));
  const main = mainFile || process.env.BENCH_SERVICE_MAIN || join(ROOT, 'apps/api/dist/main.js');
  const nodeOptions = { NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS ?? startHeapCap() };
  const signingKeyFile = env.AUTH_SIGNING_KEY_FILE ?? join(dataDir, 'auth', 'signing-key.json');
  const service = await startHttpProcess(
    [...nodeArgs, '-r', join(__dirname, 'query-counter.js'), main],
    (port) => ({
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      RATE_LIMIT_MAX: '0',
      AUTH_SIGNING_KEY_FILE: signingKeyFile,
      // No NATS sink unless a scenario asks for one (`env`): a NATS_URL of the shell (.ci/run sets one) stays out.
      NATS_URL: '',
      ...nodeOptions,
      ...env,
    }),
    () => rmSync(dataDir, { recursive: true, force: true }),
    // Its /health answers while it waits for or applies migrations; /health/ready once it serves.
    '/health/ready',
  );
  return { ...service, signingKeyFile };
}

/** Starts tools/bench/baseline-server.js on `databaseUrl`, verifying tokens against `jwksUrl`. */
function startBaseline(databaseUrl, jwksUrl, poolSize) {
  return startHttpProcess([join(__dirname, '..', 'baseline-server.js')], (port) => ({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    JWKS_URL: jwksUrl,
    DB_POOL_SIZE: String(poolSize),
  }));
}

/** Spawns `node <args>` on a free port (`envFor(port)` added to the environment) and waits until `readyPath` answers 2xx. */
async function startHttpProcess(args, envFor, cleanup, readyPath = '/health') {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...envFor(port) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = collectOutput(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}${readyPath}`, child);
  } catch (error) {
    child.kill('SIGKILL');
    cleanup?.();
    throw new Error(`${error.message}\n${output.join('\n')}`);
  }
  return handle(child, baseUrl, output, cleanup);
}

/** A token of the service's built-in issuer (the dev client) with `scope` (e.g. `tenant=t000 customersegment.segment_read`). */
async function issueToken(baseUrl, scope) {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'dev-client',
      client_secret: 'dev-secret',
      scope,
    }).toString(),
  });
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

module.exports = { startService, startBaseline, issueToken };
