#!/usr/bin/env node
'use strict';
/**
 * The webhook fan-out benchmark (`npm run bench:webhooks`), both figures from the same run on the same machine:
 * 1. Service: --endpoints (10) endpoints of one tenant on local receivers, and a steady --rate (500) events/s for
 *    --seconds (20) written straight into the outbox (so the figure is the relay, the sink and the worker, not the
 *    API's writes: events.js measures those). Per delivery, from the event's commit to its arrival at the
 *    receiver: p50 / p99, and deliveries/s over the run. Every signature is verified.
 * 2. Baseline: the same messages POSTed by a plain loop at the same pace (each event to every endpoint, signed with
 *    `standardwebhooks`, over kept-alive connections) to the same receivers: what HTTP and signing alone need.
 *
 * Options: --rate=500 --seconds=20 --endpoints=10 --smoke (tiny sizes, no file)
 *          --output=<file.md> (default tools/bench/results/webhooks-latest.md)
 */
const { loadavg } = require('node:os');
const { Agent, createServer, request } = require('node:http');
const { join } = require('node:path');
const { Client } = require('pg');
const { Webhook } = require('standardwebhooks');
const { startBenchDatabase, withCleanup } = require('./lib/database');
const { startService } = require('./lib/processes');
const { parseArgs, publishReport, runAsScript } = require('./lib/report');

const TENANT = 'whbench';

function options(argv) {
  const args = parseArgs(argv);
  const smoke = Boolean(args.smoke);
  return {
    smoke,
    rate: Number(args.rate ?? (smoke ? 50 : 500)),
    seconds: Number(args.seconds ?? (smoke ? 2 : 20)),
    endpoints: Number(args.endpoints ?? (smoke ? 3 : 10)),
    output: args.output ?? (smoke ? undefined : join(__dirname, 'results', 'webhooks-latest.md')),
    log: smoke ? () => undefined : (line) => console.log(line),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** One HTTP server for all endpoints (`/e<i>`): notes when each message arrives, keyed by `<path> <n>`. */
async function startReceivers() {
  const arrivals = new Map();
  const bodies = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks).toString();
      bodies.push({ path: req.url, headers: req.headers, body });
      arrivals.set(`${req.url} ${JSON.parse(body).data.n}`, at);
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: (path) => `http://127.0.0.1:${server.address().port}${path}`,
    arrivals,
    bodies,
    reset: () => {
      arrivals.clear();
      bodies.length = 0;
    },
    stop: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** An event's `data` of about 500 bytes, like a customer assignment with mixins. */
const eventData = (n) => ({
  n,
  segmentId: `seg-${n % 50}`,
  customer: { id: `c-${n}` },
  assignmentType: 'MANUAL',
  mixins: { loyalty: { tier: 'gold', points: n } },
  metadata: { version: 2, createdAt: '2026-11-24T09:12:44.107Z', modifiedAt: '2026-11-24T09:12:45.201Z' },
});

/**
 * `rate` events/s for `seconds`, each batch of a 10 ms tick committed in one INSERT: the commit time of each event
 * (after the INSERT answered: an upper bound, so latencies are if anything understated by the commit's round trip).
 */
async function writeEvents(databaseUrl, opts) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const committedAt = new Map();
  const total = opts.rate * opts.seconds;
  const startedAt = performance.now();
  for (let n = 0; n < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) * opts.rate) / 1000) + 1);
    if (due <= n) {
      await sleep(10);
      continue;
    }
    const batch = Array.from({ length: due - n }, (_, i) => n + i);
    await client.query(
      `INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
      SELECT $1, 'customer-segment.customer-assignment-updated', 'customer-assignment', 'seg/c-' || n, 2, data
      FROM unnest($2::int[], $3::jsonb[]) AS b(n, data) ORDER BY n`,
      [TENANT, batch, batch.map((i) => JSON.stringify(eventData(i)))],
    );
    const at = performance.now();
    for (const i of batch) committedAt.set(i, at);
    n = due;
  }
  const seconds = (performance.now() - startedAt) / 1000;
  await client.end();
  return { committedAt, total, achievedRate: total / seconds };
}

/** Waits until `count` messages arrived (or 60 s passed); latency per message from `startOf(n)`. */
async function measure(receivers, paths, events, startOf) {
  const count = events.total * paths.length;
  for (const deadline = Date.now() + 60_000; receivers.arrivals.size < count && Date.now() < deadline;) await sleep(50);
  const latencies = [];
  let first = Infinity;
  let last = 0;
  for (const path of paths)
    for (let n = 0; n < events.total; n++) {
      const at = receivers.arrivals.get(`${path} ${n}`);
      if (at === undefined) continue;
      latencies.push(at - startOf(n));
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
  latencies.sort((a, b) => a - b);
  return {
    delivered: latencies.length,
    missing: count - latencies.length,
    perSecond: latencies.length / ((last - first) / 1000 || 1),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function serviceRun(databaseUrl, receivers, opts) {
  const service = await startService(databaseUrl, { env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  try {
    const paths = Array.from({ length: opts.endpoints }, (_, i) => `/e${i}`);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const secrets = [];
    for (const path of paths) {
      const secret = `whsec_${require('node:crypto').randomBytes(32).toString('base64')}`;
      secrets.push(secret);
      await client.query(
        `INSERT INTO webhook_endpoint (tenant, id, url, secret, version) VALUES ($1, gen_random_uuid(), $2, $3, 1)`,
        [TENANT, receivers.url(path), secret],
      );
    }
    await client.end();
    const events = await writeEvents(databaseUrl, opts);
    const result = await measure(receivers, paths, events, (n) => events.committedAt.get(n));
    // Every message verifies with its endpoint's secret.
    for (const { path, headers, body } of receivers.bodies)
      new Webhook(secrets[Number(path.slice(2))]).verify(body, headers);
    return { ...result, achievedRate: events.achievedRate };
  } finally {
    await service.stop();
  }
}

/** The same messages at the same pace from a plain loop: sign, POST over kept-alive connections. */
async function baselineRun(receivers, opts) {
  const paths = Array.from({ length: opts.endpoints }, (_, i) => `/e${i}`);
  const hooks = paths.map(() => new Webhook(`whsec_${require('node:crypto').randomBytes(32).toString('base64')}`));
  // An agent per endpoint, as if each were a host of its own.
  const agents = paths.map(() => new Agent({ keepAlive: true, maxSockets: 16 }));
  const { port } = new URL(receivers.url('/'));
  const total = opts.rate * opts.seconds;
  const sentAt = new Map();
  const post = (path, i, n) =>
    new Promise((resolve) => {
      const id = String(n + 1);
      const body = JSON.stringify({ id, type: 'customer-segment.customer-assignment-updated', data: eventData(n) });
      const at = new Date();
      const req = request(
        {
          agent: agents[i],
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': hooks[i].sign(id, at, body),
          },
        },
        (res) => res.resume().on('end', resolve),
      );
      req.on('error', resolve);
      req.end(body);
    });
  const startedAt = performance.now();
  const inFlight = [];
  for (let n = 0; n < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) * opts.rate) / 1000) + 1);
    if (due <= n) {
      await sleep(10);
      continue;
    }
    for (; n < due; n++) {
      sentAt.set(n, performance.now());
      paths.forEach((path, i) => inFlight.push(post(path, i, n)));
    }
  }
  await Promise.all(inFlight);
  agents.forEach((agent) => agent.destroy());
  return measure(receivers, paths, { total }, (n) => sentAt.get(n));
}

function render({ opts, service, base, load }) {
  const f = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
  return [
    '# Webhook fan-out benchmark',
    '',
    `${opts.rate} events/s for ${opts.seconds} s to ${opts.endpoints} endpoints on localhost (service: achieved ${f(service.achievedRate)} events/s into the outbox).`,
    `Load average at the end: ${load.map((n) => n.toFixed(2)).join(', ')} (1, 5, 15 min).`,
    '',
    '| run | delivered/s | commit (or send) to arrival p50 / p99 ms | missing | aim |',
    '|---|---:|---:|---:|---|',
    `| service: relay, sink, worker | ${f(service.perSecond)} | ${f(service.p50, 1)} / ${f(service.p99, 1)} | ${service.missing} | p99 < 250 ms |`,
    `| baseline: plain signed-POST loop | ${f(base.perSecond)} | ${f(base.p50, 1)} / ${f(base.p99, 1)} | ${base.missing} | |`,
  ].join('\n');
}

async function main(argv = process.argv.slice(2)) {
  const opts = options(argv);
  return withCleanup(async (defer) => {
    const { database } = await startBenchDatabase(opts.log, defer);
    const receivers = await startReceivers();
    defer(receivers.stop);

    opts.log(`Service: ${opts.rate} events/s for ${opts.seconds} s to ${opts.endpoints} endpoints ...`);
    const service = await serviceRun(database.url, receivers, opts);
    opts.log(
      `  ${service.perSecond.toFixed(0)} deliveries/s, p50 ${service.p50.toFixed(1)} ms, p99 ${service.p99.toFixed(1)} ms`,
    );
    receivers.reset();
    opts.log('Baseline: a plain signed-POST loop ...');
    const base = await baselineRun(receivers, opts);
    opts.log(
      `  ${base.perSecond.toFixed(0)} deliveries/s, p50 ${base.p50.toFixed(1)} ms, p99 ${base.p99.toFixed(1)} ms`,
    );

    const markdown = render({ opts, service, base, load: loadavg() });
    publishReport(markdown, opts);
    return { service, base, markdown };
  });
}

module.exports = { main };

runAsScript(module, main);
