#!/usr/bin/env node
'use strict';
/**
 * What traces cost (`npm run bench:tracing`): the built service twice on one database, tracing off (no
 * `OTEL_EXPORTER_OTLP_ENDPOINT`) and on (exporting every span over OTLP/HTTP to a local receiver that discards
 * them), one read and one write scenario each, measured with autocannon in alternation (off, on, off, on, ...:
 * a slow spell of the shared machine hits both), the better round of each kept. Printed side by side with the
 * off run as the baseline: req/s and p99, and their ratio to off.
 *
 * With --untraced=<main.js of another build> (a build of the code before tracing existed) that build runs as a
 * third side, in the same alternation: what tracing costs while it is off.
 *
 * Options: --duration=10 --warmup=2 --connections=16 --rounds=2 --smoke (tiny sizes, no file)
 *          --untraced=<main.js> --output=<file.md> (default tools/bench/results/tracing-latest.md)
 */
const { loadavg } = require('node:os');
const { createServer } = require('node:http');
const { join } = require('node:path');
const { startBenchDatabase, waitForIdleDatabase, withCleanup } = require('./lib/database');
const { measure } = require('./lib/load');
const { issueToken, startService } = require('./lib/processes');
const { parseArgs, publishReport, runAsScript } = require('./lib/report');

const TENANT = 'trbench';
const SEGMENT = 'traced-segment';
/** Customers the write scenario walks through, in turn. */
const CUSTOMERS = 1_000;

function options(argv) {
  const args = parseArgs(argv);
  const smoke = Boolean(args.smoke);
  return {
    smoke,
    duration: Number(args.duration ?? 10),
    warmup: Number(args.warmup ?? (smoke ? 0 : 2)),
    connections: Number(args.connections ?? (smoke ? 4 : 16)),
    rounds: Number(args.rounds ?? (smoke ? 1 : 2)),
    untraced: args.untraced,
    // Smoke runs count requests instead of seconds.
    amount: smoke ? 100 : undefined,
    output: args.output ?? (smoke ? undefined : join(__dirname, 'results', 'tracing-latest.md')),
    log: smoke ? () => undefined : (line) => console.log(line),
  };
}

/** An OTLP/HTTP endpoint that reads and drops every export: what the exporter pays, without a collector's. */
async function startDiscardingReceiver() {
  const received = { exports: 0, bytes: 0 };
  const server = createServer((req, res) => {
    req.on('data', (chunk) => (received.bytes += chunk.length));
    req.on('end', () => {
      received.exports += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    received,
    stop: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** The two scenarios against one service, with a token of its own issuer. */
function scenarios(token) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let next = 0;
  return [
    {
      id: 'read',
      name: 'GET one segment by id',
      steps: [
        {
          request: () => ({
            method: 'GET',
            path: `/customer-segment/${TENANT}/segments/${SEGMENT}`,
            headers: { authorization: headers.authorization },
          }),
        },
      ],
      expect: [200],
    },
    {
      id: 'write',
      name: 'PUT a customer assignment (and its event)',
      steps: [
        {
          request: () => ({
            method: 'PUT',
            path: `/customer-segment/${TENANT}/segments/${SEGMENT}/customers/c-${next++ % CUSTOMERS}`,
            headers,
            body: JSON.stringify({ mixins: { loyalty: { tier: 'gold', points: next } } }),
          }),
        },
      ],
      expect: [201, 204],
    },
  ];
}

async function startMode(databaseUrl, mode, receiver, main) {
  const env = mode === 'on' ? { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint } : {};
  const service = await startService(databaseUrl, { env, main });
  const scope = `tenant=${TENANT} customersegment.segment_manage customersegment.segment_read`;
  const token = await issueToken(service.baseUrl, scope);
  return { mode, service, token, scenarios: scenarios(token) };
}

async function createSegment(baseUrl, token) {
  const response = await fetch(`${baseUrl}/customer-segment/${TENANT}/segments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: SEGMENT, name: { en: 'Traced' }, siteCode: 'main' }),
  });
  if (response.status !== 201) throw new Error(`creating the segment: ${response.status} ${await response.text()}`);
}

/** Ratio of `value` to the off run's, as `1.00x`. */
const ratio = (value, off) => (off ? `${(value / off).toFixed(2)}x` : '–');
const fixed = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));

function render({ opts, results, received, load }) {
  const lines = [
    '# Tracing benchmark',
    '',
    `Tracing off (no OTLP endpoint) and on (every request traced, HTTP and pg spans exported to a local receiver that`,
    `discards them: ${received.exports} exports, ${(received.bytes / 1e6).toFixed(1)} MB), ` +
      `${opts.connections} connections, ${opts.amount ? `${opts.amount} requests` : `${opts.duration} s`} per round, ` +
      `best of ${opts.rounds} alternating rounds.` +
      (opts.untraced ? ` "untraced": a build without the tracing code (${opts.untraced}), on the same database.` : ''),
    `Load average at the end: ${load.map((n) => n.toFixed(2)).join(', ')} (1, 5, 15 min).`,
    '',
    '| scenario | tracing | req/s | vs off | p50 ms | p99 ms | p99 vs off | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { scenario, best } of results) {
    const { off } = best;
    for (const [index, [mode, run]] of Object.entries(best).entries())
      lines.push(
        `| ${index === 0 ? scenario : ''} | ${mode} | ${fixed(run.rps)} | ${ratio(run.rps, off.rps)} | ` +
          `${fixed(run.p50, 1)} | ${fixed(run.p99, 1)} | ${ratio(run.p99, off.p99)} | ${run.errors} |`,
      );
  }
  return lines.join('\n');
}

async function main(argv = process.argv.slice(2)) {
  const opts = options(argv);
  return withCleanup(async (defer) => {
    const { database } = await startBenchDatabase(opts.log, defer);
    const receiver = await startDiscardingReceiver();
    defer(receiver.stop);
    const off = await startMode(database.url, 'off', receiver);
    defer(off.service.stop);
    const on = await startMode(database.url, 'on', receiver);
    defer(on.service.stop);
    const sides = [off, on];
    if (opts.untraced) {
      const untraced = await startMode(database.url, 'untraced', receiver, opts.untraced);
      defer(untraced.service.stop);
      sides.push(untraced);
    }
    await createSegment(off.service.baseUrl, off.token);

    const results = [];
    for (const [index, { id, name }] of off.scenarios.entries()) {
      const best = Object.fromEntries(sides.map((side) => [side.mode, undefined]));
      for (let round = 0; round < opts.rounds; round++)
        for (const side of sides) {
          const scenario = side.scenarios[index];
          await waitForIdleDatabase(database.url);
          if (opts.warmup)
            await measure(side.service.baseUrl, scenario, { connections: opts.connections, duration: opts.warmup });
          const { connections, duration, amount } = opts;
          const run = await measure(side.service.baseUrl, scenario, { connections, duration, amount });
          opts.log(`  ${id}, tracing ${side.mode}, round ${round + 1}: ${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms`);
          if (!best[side.mode] || run.rps > best[side.mode].rps) best[side.mode] = run;
        }
      results.push({ scenario: `${id}: ${name}`, best });
    }
    const markdown = render({ opts, results, received: receiver.received, load: loadavg() });
    publishReport(markdown, opts);
    return { results, received: { ...receiver.received }, markdown };
  });
}

module.exports = { main };

runAsScript(module, main);
