#!/usr/bin/env node
'use strict';
/**
 * The event benchmark (`npm run bench:events`), every figure from the same run on the same machine:
 * 1. Drain: a backlog of --events (100,000) outbox rows over 4 tenants, written while no service runs; the built
 *    service starts with NATS_URL and its relay sequences and publishes them. Events/s from the service's start to
 *    the stream's last message, and between the stream's first and last message (JetStream's own timestamps).
 * 2. Baseline: the same messages (read back from that stream: subjects, ids, bodies) published by a bare Node
 *    publisher with the same client, the way the sink does it (batches of the relay's size, async acks, msgID),
 *    into a stream of its own: what NATS and the client alone need (`nats bench js pub` style).
 * 3. Latency: at a steady --rate (500) writes/s for --seconds (20), each write a new customer assignment; a plain
 *    NATS subscriber takes the time its event arrives. From the answer of the write (the commit was just before:
 *    a lower bound of commit-to-publish) and from the sending of the write (an upper bound), p50 and p99.
 * 4. Write scenarios 6 and 7a of run.js with the relay off (EVENTS_RELAY=false) and on with NATS, each on its own
 *    freshly generated data (--scale, default 1): what the event work costs the writes.
 * NATS: a nats-server of its own (-js, store in a temporary folder) when the binary is there, else NATS_URL's server.
 *
 * Options: --events=100000 --rate=500 --seconds=20 --scale=1 --no-writes --smoke (tiny sizes, no files)
 *          --output=<file.md> (default tools/bench/results/events-latest.md)
 */
const { loadavg } = require('node:os');
const { Agent, request } = require('node:http');
const { join } = require('node:path');
const { connect } = require('nats');
const { ROOT, createBenchDatabase, query, startServer, withCleanup } = require('./lib/database');
const { startService, issueToken } = require('./lib/processes');
const { parseArgs, publishReport, runAsScript } = require('./lib/report');
const { main: runScenarios } = require('./run');

const { natsForTests, readStream } = require(join(ROOT, 'apps/api/dist/testing/nats-server'));
const { DELIVERY_BATCH } = require(join(ROOT, 'apps/api/dist/app/events/event-relay'));

const TENANTS = ['evta', 'evtb', 'evtc', 'evtd'];
const LATENCY_TENANT = 'evlat';

function options(argv) {
  const args = parseArgs(argv);
  const smoke = Boolean(args.smoke);
  return {
    smoke,
    events: Number(args.events ?? (smoke ? 2_000 : 100_000)),
    rate: Number(args.rate ?? (smoke ? 50 : 500)),
    seconds: Number(args.seconds ?? (smoke ? 2 : 20)),
    scale: Number(args.scale ?? (smoke ? 0.01 : 1)),
    writes: !args['no-writes'],
    output: args.output ?? (smoke ? undefined : join(__dirname, 'results', 'events-latest.md')),
    log: smoke ? () => undefined : (line) => console.log(line),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

/** The service's backlog: `count` events over the tenants, customer assignment updates with mixins (~500 bytes). */
async function writeBacklog(url, count) {
  await query(
    url,
    `INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT t.tenant, 'customer-segment.customer-assignment-updated', 'customer-assignment', 'seg-' || (i % 50) || '/c-' || i,
      2, jsonb_build_object('segmentId', 'seg-' || (i % 50), 'customer', jsonb_build_object('id', 'c-' || i),
        'assignmentType', 'MANUAL', 'mixins', jsonb_build_object('loyalty', jsonb_build_object('tier', 'gold', 'points', i)),
        'metadata', jsonb_build_object('version', 2, 'createdAt', '2026-11-24T09:12:44.107Z',
          'modifiedAt', '2026-11-24T09:12:45.201Z', 'mixins', jsonb_build_object('loyalty', 'https://schemas.example.com/loyalty.v1.json')))
    FROM generate_series(1, $1) i JOIN unnest($2::text[]) WITH ORDINALITY t(tenant, n) ON t.n = 1 + i % cardinality($2::text[])`,
    [count, TENANTS],
  );
}

async function streamInfo(connection, stream) {
  const manager = await connection.jetstreamManager();
  return manager.streams.info(stream).catch(() => undefined);
}

/** Starts the service on the backlog and waits until the stream holds all of it. */
async function drain(databaseUrl, nats, opts) {
  const env = { NATS_URL: nats.url, NATS_STREAM: 'BENCH_DRAIN', NATS_SUBJECT_PREFIX: 'bench-drain' };
  const connection = await connect({ servers: nats.url });
  const startedAt = Date.now();
  const service = await startService(databaseUrl, { env });
  let info;
  while ((info = await streamInfo(connection, env.NATS_STREAM))?.state.messages !== opts.events) {
    if (Date.now() - startedAt > 600_000)
      throw new Error(`drain: ${info?.state.messages ?? 0} of ${opts.events} after 10 min`);
    await sleep(50);
  }
  const doneAt = Date.now();
  const first = Date.parse(info.state.first_ts);
  const last = Date.parse(info.state.last_ts);
  await connection.close();
  return {
    service,
    env,
    seconds: (doneAt - startedAt) / 1000,
    fromStart: opts.events / ((last - startedAt) / 1000),
    publishing: (opts.events - 1) / ((last - first) / 1000),
  };
}

/**
 * The drained messages published again by a bare publisher, batch by batch as the sink does, into another stream:
 * the best of `rounds` runs (a new stream each), so that a slow spell of a shared machine does not
 * make the baseline look slow.
 */
async function baseline(nats, messages, rounds) {
  const connection = await connect({ servers: nats.url });
  const manager = await connection.jetstreamManager();
  const jetStream = connection.jetstream({ timeout: 5_000 });
  const encoded = messages.map((message) => ({
    subject: message.subject.replace(/^bench-drain\./, 'bench-baseline.'),
    msgID: message.msgId,
    data: JSON.stringify(message.body),
  }));
  const expect = { streamName: 'BENCH_BASELINE' };
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    // A new stream each round: a purged one would still drop the ids of its duplicate window.
    await manager.streams.delete('BENCH_BASELINE').catch(() => undefined);
    await manager.streams.add({ name: 'BENCH_BASELINE', subjects: ['bench-baseline.>'] });
    const startedAt = process.hrtime.bigint();
    for (let i = 0; i < encoded.length; i += DELIVERY_BATCH)
      await Promise.all(
        encoded
          .slice(i, i + DELIVERY_BATCH)
          .map((message) => jetStream.publish(message.subject, message.data, { msgID: message.msgID, expect })),
      );
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const stored = (await manager.streams.info('BENCH_BASELINE')).state.messages;
    if (stored !== messages.length) throw new Error(`baseline: ${stored} of ${messages.length} stored`);
    best = Math.max(best, messages.length / seconds);
  }
  await connection.close();
  return { perSecond: best, rounds };
}

/** Steady writes at `rate`/s for `seconds`; each write's event is timed by a plain subscriber. */
async function latency(service, env, nats, opts) {
  const connection = await connect({ servers: nats.url });
  const arrived = new Map();
  const subscription = connection.subscribe(
    `${env.NATS_SUBJECT_PREFIX}.${LATENCY_TENANT}.customer-segment.customer-assignment-created`,
  );
  void (async () => {
    for await (const message of subscription) arrived.set(message.json().data.customer.id, performance.now());
  })();
  await connection.flush();
  const token = await issueToken(service.baseUrl, `tenant=${LATENCY_TENANT} customersegment.segment_manage`);
  const put = writer(service.baseUrl, `/customer-segment/${LATENCY_TENANT}/segments`, token);
  await put('/lat', { name: { en: 'latency' }, status: 'ACTIVE', siteCode: 'main' });

  const writes = [];
  const total = opts.rate * opts.seconds;
  const startedAt = performance.now();
  const inFlight = [];
  for (let n = 0; n < total; n++) {
    // Open loop: each write at its own time, whether the ones before have been answered or not.
    const due = startedAt + (n * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const customer = `c-${n}`;
    const sentAt = performance.now();
    inFlight.push(
      put(`/lat/customers/${customer}`, { mixins: { loyalty: { points: n } } }).then((status) =>
        writes.push({ customer, sentAt, answeredAt: performance.now(), status }),
      ),
    );
  }
  await Promise.all(inFlight);
  const achievedRate = total / ((performance.now() - startedAt) / 1000);
  const deadline = Date.now() + 30_000;
  while (arrived.size < total && Date.now() < deadline) await sleep(50);
  await connection.close();
  const failed = writes.filter((write) => write.status !== 201).length;
  const fromAnswer = writes.map((write) => arrived.get(write.customer) - write.answeredAt).sort((a, b) => a - b);
  const fromSend = writes.map((write) => arrived.get(write.customer) - write.sentAt).sort((a, b) => a - b);
  const writeLatency = writes.map((write) => write.answeredAt - write.sentAt).sort((a, b) => a - b);
  return {
    writes: total,
    failed,
    missing: total - arrived.size,
    achievedRate,
    fromAnswer: { p50: percentile(fromAnswer, 50), p99: percentile(fromAnswer, 99) },
    fromSend: { p50: percentile(fromSend, 50), p99: percentile(fromSend, 99) },
    write: { p50: percentile(writeLatency, 50), p99: percentile(writeLatency, 99) },
  };
}

/**
 * PUTs JSON under `base` over at most 64 kept-alive connections (a write that finds them all busy waits for one, as
 * behind a proxy's pool): resolves with the status, or 0 when the request failed.
 */
function writer(baseUrl, base, token) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const { hostname, port } = new URL(baseUrl);
  return (path, body) =>
    new Promise((resolve) => {
      const data = JSON.stringify(body);
      const put = request(
        {
          agent,
          hostname,
          port,
          method: 'PUT',
          path: `${base}${path}`,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(data),
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode));
        },
      );
      put.on('error', () => resolve(0));
      put.end(data);
    });
}

/** Scenarios 6 and 7a with the relay off and on (NATS), each on freshly generated data: req/s and p99 per run. */
async function writeScenarios(nats, opts) {
  const common = ['--only=6,7a', '--no-baseline', `--scale=${opts.scale}`, ...(opts.smoke ? ['--smoke'] : [])];
  const runs = {};
  for (const [mode, extra] of [
    ['off', []],
    ['nats', [`--nats-url=${nats.url}`]],
  ]) {
    opts.log(`Write scenarios with the relay ${mode === 'off' ? 'off' : 'on, publishing to NATS'} ...`);
    const output = opts.smoke ? [] : [`--output=${join(__dirname, 'results', `events-writes-${mode}.md`)}`];
    runs[mode] = (await runScenarios([...common, `--events=${mode}`, ...extra, ...output])).results;
  }
  return runs;
}

function render({ opts, drained, base, lat, writes, load }) {
  const f = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
  const lines = [
    `# Event benchmark`,
    '',
    `Load average at the end: ${load.map((n) => n.toFixed(2)).join(', ')} (1, 5, 15 min); NATS ${opts.natsKind}.`,
    '',
    '| figure | value | aim |',
    '|---|---:|---|',
    `| drain of ${opts.events.toLocaleString('en')} events: sequenced and published, from the service's start | ${f(drained.fromStart)} events/s (${f(drained.seconds, 1)} s) | 5,000/s+ |`,
    `| drain: between the stream's first and last message | ${f(drained.publishing)} events/s | |`,
    `| baseline: the same messages from a bare publisher, batches of ${DELIVERY_BATCH}, async acks (best of ${base.rounds}) | ${f(base.perSecond)} events/s | |`,
    `| drain / baseline | ${f(drained.publishing / base.perSecond, 2)}x | |`,
    `| commit-to-publish at ${opts.rate} writes/s for ${opts.seconds} s (achieved ${f(lat.achievedRate)}/s), from the write's answer: p50 / p99 | ${f(lat.fromAnswer.p50, 1)} / ${f(lat.fromAnswer.p99, 1)} ms | p99 < 100 ms |`,
    `| the same, from sending the write: p50 / p99 | ${f(lat.fromSend.p50, 1)} / ${f(lat.fromSend.p99, 1)} ms | |`,
    `| the writes themselves: p50 / p99 | ${f(lat.write.p50, 1)} / ${f(lat.write.p99, 1)} ms (${lat.failed} failed, ${lat.missing} events missing) | |`,
  ];
  if (writes) {
    lines.push(
      '',
      '| scenario | conns | relay off req/s | relay + NATS req/s | ratio | off p99 ms | on p99 ms |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const off of writes.off) {
      const on = writes.nats.find((result) => result.id === off.id);
      for (const connections of Object.keys(off.service.runs)) {
        const [a, b] = [off.service.runs[connections], on.service.runs[connections]];
        lines.push(
          `| ${off.id} ${off.name} | ${connections} | ${f(a.rps)} | ${f(b.rps)} | ${f(b.rps / a.rps, 2)}x | ${f(a.p99, 1)} | ${f(b.p99, 1)} |`,
        );
      }
    }
  }
  return lines.join('\n');
}

async function main(argv = process.argv.slice(2)) {
  const opts = options(argv);
  return withCleanup(async (defer) => {
    const server = await startServer(opts.log);
    defer(server.stop);
    // run.js's scenarios use the same server.
    process.env.DATABASE_URL = server.url;
    const nats = await natsForTests();
    defer(nats.dispose);
    opts.natsKind = nats.url === process.env.NATS_URL ? 'of NATS_URL' : 'an own nats-server';
    const database = await createBenchDatabase(server.url);
    defer(database.drop);

    opts.log(`Backlog: ${opts.events} events over ${TENANTS.length} tenants ...`);
    await writeBacklog(database.url, opts.events);
    await query(database.url, 'VACUUM ANALYZE outbox');
    opts.log('Drain: the service starts and publishes the backlog ...');
    const drained = await drain(database.url, nats, opts);
    defer(drained.service.stop);
    opts.log(
      `  ${drained.fromStart.toFixed(0)} events/s from the start, ${drained.publishing.toFixed(0)} events/s publishing`,
    );

    const messages = await readStream(nats.url, drained.env.NATS_STREAM);
    opts.log('Baseline: the same messages from a bare publisher ...');
    const base = await baseline(nats, messages, opts.smoke ? 1 : 3);
    opts.log(`  ${base.perSecond.toFixed(0)} events/s`);

    opts.log(`Latency: ${opts.rate} writes/s for ${opts.seconds} s ...`);
    const lat = await latency(drained.service, drained.env, nats, opts);
    opts.log(`  p50 ${lat.fromAnswer.p50.toFixed(1)} ms, p99 ${lat.fromAnswer.p99.toFixed(1)} ms from the answer`);
    await drained.service.stop();

    const writes = opts.writes ? await writeScenarios(nats, opts) : undefined;
    const markdown = render({ opts, drained, base, lat, writes, load: loadavg() });
    publishReport(markdown, opts);
    return { drained: { ...drained, service: undefined }, base, lat, writes, markdown };
  });
}

module.exports = { main };

runAsScript(module, main);
