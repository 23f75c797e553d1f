#!/usr/bin/env node
'use strict';
/**
 * The performance benchmark (`npm run bench`): fresh database with generated data, the built service
 * as a child process (LOG_LEVEL=warn), each scenario probed (answers checked, SQL statements per
 * request counted) and measured with autocannon at 16 and 64 connections, against baselines
 * measured in the same run: pgbench replaying the same SQL, a bare Fastify + pg server, and for the
 * storefront reads a second service answering with today's SQL statements (READ_MODEL_ENABLED=false).
 * Writes tools/bench/results/latest.md (and .json) and prints the table.
 *
 * Options: --scale=1 --seed=42 --warmup=3 --duration=10 --connections=16,64 --only=1,3a,8
 *          --show-sql (print the statements of one request)  --explain (print EXPLAIN ANALYZE of each read statement)  --no-baseline  --smoke (tiny data, short runs, no files)
 *          --cpu-prof=<dir> (CPU profile of the service during each scenario's first measured run: <dir>/<id>.cpuprofile;
 *                            summarise with `node tools/bench/profile-summary.js <file>`)
 *          --output=<file.md>
 *          --read-generations-ab (each write scenario measured with the read-generation triggers on and off, alternating
 *                                 --ab-rounds=3 times; the report gives both and their ratio)
 *          --events=off|nats (off: EVENTS_RELAY=false; nats: the relay publishes to --nats-url, stream BENCH_EVENTS;
 *                              default: the service's default, a relay without NATS)
 * DATABASE_URL: use that server (a scratch database is created and dropped) instead of an embedded one.
 */
const { cpus, loadavg, totalmem } = require('node:os');
const { mkdirSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { query, startBenchDatabase, waitForIdleDatabase, withCleanup } = require('./lib/database');
const { generate } = require('./generate');
const { probe, measure } = require('./lib/load');
const { findPgbench, inline, runPgbench } = require('./lib/pgbench');
const { startBaseline, startService, issueToken } = require('./lib/processes');
const { publishReport, renderReport, runAsScript } = require('./lib/report');
const { buildScenarios, loadFixture, HOT_TENANT, VIP_CUSTOMER } = require('./scenarios');

function options(argv) {
  const args = Object.fromEntries(
    argv.map((arg) => arg.replace(/^--/, '').split('=')).map(([key, value]) => [key, value ?? true]),
  );
  const smoke = Boolean(args.smoke);
  return {
    smoke,
    scale: Number(args.scale ?? (smoke ? 0.01 : 1)),
    seed: Number(args.seed ?? 42),
    warmup: Number(args.warmup ?? (smoke ? 0 : 3)),
    duration: Number(args.duration ?? (smoke ? 1 : 10)),
    /** Smoke test: each autocannon run is a fixed number of requests instead of a duration. */
    amount: smoke ? 8 : undefined,
    /** pgbench: a fixed number of transactions per client instead of -T (smoke). */
    pgbenchTransactions: smoke ? 20 : undefined,
    connections: String(args.connections ?? (smoke ? '4' : '16,64'))
      .split(',')
      .map(Number),
    only: args.only ? String(args.only).split(',') : undefined,
    baseline: !args['no-baseline'],
    readGenerationsAb: Boolean(args['read-generations-ab']),
    /** Alternations of the read-generations A/B (each side's measurement is half the duration). */
    abRounds: Number(args['ab-rounds'] ?? 3),
    showSql: Boolean(args['show-sql']),
    explain: Boolean(args.explain),
    cpuProf: typeof args['cpu-prof'] === 'string' ? resolve(args['cpu-prof']) : undefined,
    output: args.output ?? (smoke ? undefined : join(__dirname, 'results', 'latest.md')),
    serviceEnv: eventsEnv(args.events, args['nats-url']),
    log: smoke ? () => undefined : (line) => console.log(line),
  };
}

/** The service's event settings for `--events` (tools/bench/events.js compares the write scenarios with both). */
function eventsEnv(mode, natsUrl) {
  if (mode === undefined) return {};
  if (mode === 'off') return { EVENTS_RELAY: 'false' };
  if (mode === 'nats' && typeof natsUrl === 'string')
    return { NATS_URL: natsUrl, NATS_STREAM: 'BENCH_EVENTS', NATS_SUBJECT_PREFIX: 'bench-events' };
  throw new Error('--events: off, or nats with --nats-url=<url>');
}

const mb = (bytes) => (bytes === undefined ? undefined : bytes / 1024 / 1024);

/** Warm-up (not recorded) then one measurement per connection count; with the peak RSS of `proc` across them. */
async function loadTest(proc, scenario, opts, profileFile) {
  proc.resetPeakRss();
  if (opts.warmup > 0)
    await measure(proc.baseUrl, scenario, {
      connections: opts.connections[0],
      duration: opts.warmup,
      amount: opts.amount,
    });
  const runs = {};
  for (const connections of opts.connections) {
    const profiled = profileFile && connections === opts.connections[0];
    await opts.idle();
    if (profiled) await proc.profile(true);
    runs[connections] = await measure(proc.baseUrl, scenario, {
      connections,
      duration: opts.duration,
      amount: opts.amount,
    });
    if (profiled) await proc.profile(false, profileFile);
  }
  return { runs, peakRss: mb(proc.peakRss()) };
}

/**
 * Of two measurements of one side, the one with more req/s, carrying the errors of both (none is hidden) and the
 * req/s of every round (the spread shows the noise).
 */
function better(a, b) {
  if (!a) return { ...b, roundRps: [b.rps] };
  const best = b.rps > a.rps ? b : a;
  return {
    ...best,
    errors: a.errors + b.errors,
    errorCodes: mergeCounts(a.errorCodes, b.errorCodes),
    roundRps: [...a.roundRps, b.rps],
  };
}

function mergeCounts(a, b) {
  const merged = { ...a };
  for (const [key, count] of Object.entries(b)) merged[key] = (merged[key] ?? 0) + count;
  return merged;
}

/**
 * Sides measured in alternation (`rounds` rounds of half the duration each, the order reversed every other round:
 * 1, 2, 2, 1, 1, 2, ...) so that a slow spell of a shared machine, or a drift, hits all of them alike; each keeps
 * its better round. A side is
 * `{ name, proc, enter? }`: `enter` runs before each of its measurements (and its warm-up), e.g. to switch the
 * database's triggers. Returns { [name]: { runs, peakRss } }; the first side's first run is the one profiled.
 */
async function loadTestAlternating(sides, scenario, opts, profileFile, rounds = 2) {
  for (const { proc } of sides) proc.resetPeakRss();
  if (opts.warmup > 0) {
    for (const { proc, enter } of sides) {
      await enter?.();
      await measure(proc.baseUrl, scenario, {
        connections: opts.connections[0],
        duration: opts.warmup,
        amount: opts.amount,
      });
    }
  }
  const runs = Object.fromEntries(sides.map(({ name }) => [name, {}]));
  for (const connections of opts.connections) {
    for (let round = 0; round < rounds; round++) {
      for (const [index, { name, proc, enter }] of (round % 2 ? [...sides].reverse() : sides).entries()) {
        const profiled = profileFile && index === 0 && round === 0 && connections === opts.connections[0];
        await opts.idle();
        await enter?.();
        if (profiled) await proc.profile(true);
        const run = await measure(proc.baseUrl, scenario, {
          connections,
          duration: opts.duration / 2,
          amount: opts.amount,
        });
        if (profiled) await proc.profile(false, profileFile);
        runs[name][connections] = better(runs[name][connections], run);
      }
    }
  }
  return Object.fromEntries(sides.map(({ name, proc }) => [name, { runs: runs[name], peakRss: mb(proc.peakRss()) }]));
}

/**
 * Switches the read-generation triggers (migration ReadGenerations: a deferred row trigger `<table>_read_generation`
 * on each table whose changes storefront reads depend on) of the database on or off; `tables` lists them.
 */
async function readGenerationSwitch(dbUrl) {
  const triggers = await query(
    dbUrl,
    "SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = c.relname || '_read_generation' ORDER BY c.relname",
  );
  if (!triggers.length) throw new Error('--read-generations-ab: the database has no read-generation triggers');
  const set = (enabled) =>
    query(
      dbUrl,
      triggers
        .map(({ table, trigger }) => `ALTER TABLE "${table}" ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER "${trigger}"`)
        .join('; '),
    );
  return { tables: triggers.map(({ table }) => table), set };
}

/**
 * Latency alone with the read-generation triggers on and off: `pairs` sequential requests each, the switch flipped
 * before every request (on, off, off, on, on, off, ...), so that a slow spell hits both. Leaves them on. Returns
 * the p50s.
 */
async function alternatingAlone(proc, scenario, readGenerations, pairs) {
  const latencies = { on: [], off: [] };
  for (let i = 0; i < pairs; i++) {
    for (const side of i % 2 ? ['off', 'on'] : ['on', 'off']) {
      await readGenerations.set(side === 'on');
      latencies[side].push((await probe(proc.baseUrl, scenario, { iterations: 1 })).aloneP50);
    }
  }
  await readGenerations.set(true);
  const p50 = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { on: p50(latencies.on), off: p50(latencies.off) };
}

/** JSON with object keys sorted, so that documents compare regardless of key order. */
const canonical = (value) =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical(value[key])]),
        )
      : value;

/** Whether a baseline answers with the same JSON documents as the service (the baseline must do the same work). */
async function sameAnswer(service, baseline, scenario) {
  const { path, method, headers, body } = scenario.steps[0].request({});
  const [a, b] = await Promise.all(
    [service, baseline].map((proc) => fetch(proc.baseUrl + path, { method, headers, body }).then((r) => r.text())),
  );
  const same = JSON.stringify(canonical(JSON.parse(a))) === JSON.stringify(canonical(JSON.parse(b)));
  if (!same && process.env.BENCH_DEBUG) console.error(`service:  ${a}\nbaseline: ${b}`);
  return same;
}

/**
 * The service on today's SQL statements (READ_MODEL_ENABLED=false) beside `serviceProc`: same build and database,
 * its tokens accepted (the same signing key). Started on the first call, and stopped by `stop` once the last
 * scenario that needs it is done, so that it runs beside no other scenario. Without a relay: it serves these reads
 * only, and the outbox stays the service's alone.
 */
function sqlServiceStarter(databaseUrl, serviceProc) {
  let started;
  return {
    get: () =>
      (started ??= startService(databaseUrl, {
        env: { READ_MODEL_ENABLED: 'false', EVENTS_RELAY: 'false', AUTH_SIGNING_KEY_FILE: serviceProc.signingKeyFile },
      })),
    stop: async () => {
      const proc = await started;
      started = undefined;
      await proc?.stop();
    },
  };
}

/**
 * Deadlocks Postgres has detected in the database so far (each one aborted a transaction, which the service retried).
 * Backends report their statistics within about a second, so the count waits for that first.
 */
async function deadlocks(dbUrl) {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const [{ n }] = await query(
    dbUrl,
    'SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()',
  );
  return n;
}

async function machine(dbUrl) {
  const [{ server_version: version }] = await query(dbUrl, 'SHOW server_version');
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model?.trim(),
    memoryGb: totalmem() / 1024 ** 3,
    /** 1-minute load average at the end of the run: other work on the machine skews the figures. */
    loadAverage: loadavg()[0],
    node: process.version,
    postgres: version,
  };
}

async function main(argv = process.argv.slice(2)) {
  const opts = options(argv);
  const { log } = opts;
  const started = Date.now();
  return withCleanup(async (defer) => {
    const { server, database } = await startBenchDatabase(log, defer);
    log(
      `Database ${database.name} on ${server.embedded ? 'an embedded Postgres' : "DATABASE_URL's server"}; generating data (scale ${opts.scale}, seed ${opts.seed}) ...`,
    );
    const generationStarted = Date.now();
    const counts = await generate(database.url, { scale: opts.scale, seed: opts.seed, log });
    const generationSeconds = (Date.now() - generationStarted) / 1000;
    log(
      `  ${Object.entries(counts)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ')} in ${generationSeconds.toFixed(1)} s`,
    );

    const serviceProc = await startService(database.url, { env: opts.serviceEnv });
    if (opts.cpuProf) mkdirSync(opts.cpuProf, { recursive: true });
    defer(serviceProc.stop);
    const poolSize = Number(process.env.DB_POOL_SIZE ?? 10);
    const tokens = {
      service: await issueToken(
        serviceProc.baseUrl,
        `tenant=${HOT_TENANT} customersegment.segment_read customersegment.segment_manage customermanagement.contactassignment_read customermanagement.contactassignment_manage`,
      ),
      customer: await issueToken(
        serviceProc.baseUrl,
        `tenant=${HOT_TENANT} customer_id=${VIP_CUSTOMER} customersegment.segment_read_own`,
      ),
    };
    const bare = opts.baseline
      ? await startBaseline(database.url, `${serviceProc.baseUrl}/oauth/jwks`, poolSize)
      : undefined;
    if (bare) defer(bare.stop);
    const pgbench = opts.baseline ? findPgbench() : undefined;
    if (opts.baseline && !pgbench)
      log('No pgbench found (embedded server bin folder, /usr/lib/postgresql/*/bin): baseline (a) is skipped.');

    // Before each measurement: statements still running from the one before (they outlive its client) end first.
    opts.idle = async () => {
      const waited = await waitForIdleDatabase(database.url);
      if (waited > 1000) log(`    (waited ${(waited / 1000).toFixed(1)} s for statements of the previous run to end)`);
    };
    const fixture = await loadFixture(database.url);
    const scenarios = buildScenarios(fixture, tokens).filter(
      (scenario) => !opts.only || opts.only.includes(scenario.id),
    );
    const readGenerations = opts.readGenerationsAb ? await readGenerationSwitch(database.url) : undefined;
    if (readGenerations) log(`Read-generation triggers on ${readGenerations.tables.join(', ')}: A/B for writes`);
    const sqlService = sqlServiceStarter(database.url, serviceProc);
    defer(sqlService.stop);
    const lastSqlBaseline = opts.baseline ? scenarios.findLast((scenario) => scenario.sqlBaseline) : undefined;
    const results = [];
    for (const scenario of scenarios) {
      log(`[${scenario.id}] ${scenario.name}`);
      const probeIterations = opts.smoke ? 2 : 10;
      const { queriesPerRequest, statements } = await probe(serviceProc.baseUrl, scenario, {
        iterations: probeIterations,
        counter: serviceProc,
      });
      // The SQL service's probe: its statements per request, and the ones pgbench replays (today's, not the model's).
      const sqlProc = opts.baseline && scenario.sqlBaseline ? await sqlService.get() : undefined;
      const sqlProbe =
        sqlProc && (await probe(sqlProc.baseUrl, scenario, { iterations: probeIterations, counter: sqlProc }));
      const replayed = sqlProbe?.statements ?? statements;
      if (opts.showSql)
        for (const [side, sent] of [['SQL', statements], ...(sqlProbe ? [['SQL service', sqlProbe.statements]] : [])])
          for (const statement of sent) log(`    ${side}: ${statement.text.replace(/\s+/g, ' ').slice(0, 400)}`);
      if (opts.explain && scenario.pgbench) {
        for (const statement of replayed.filter((s) => /^\s*(SELECT|WITH)/i.test(s.text))) {
          const plan = await query(database.url, `EXPLAIN (ANALYZE, BUFFERS) ${inline(statement).slice(0, -1)}`);
          log(
            `    ${inline(statement).replace(/\s+/g, ' ').slice(0, 1500)}\n      ${plan.map((row) => row['QUERY PLAN']).join('\n      ')}`,
          );
        }
      }
      const profileFile = opts.cpuProf && join(opts.cpuProf, `${scenario.id}.cpuprofile`);
      const result = { id: scenario.id, name: scenario.name, bulk: Boolean(scenario.bulk), queriesPerRequest };
      // A scenario's own connection counts are what it measures; the smoke test only checks the harness, at its own count.
      const scenarioOpts = { ...opts, connections: (!opts.smoke && scenario.connections) || opts.connections };
      if (bare && scenario.bare) {
        await probe(bare.baseUrl, scenario, { iterations: 2 });
        result.sameJson = await sameAnswer(serviceProc, bare, scenario);
        Object.assign(
          result,
          await loadTestAlternating(
            [
              { name: 'service', proc: serviceProc },
              { name: 'bare', proc: bare },
            ],
            scenario,
            scenarioOpts,
            profileFile,
          ),
        );
      } else if (sqlProc) {
        const sameJson = await sameAnswer(serviceProc, sqlProc, scenario);
        const { service, sql } = await loadTestAlternating(
          [
            { name: 'service', proc: serviceProc },
            { name: 'sql', proc: sqlProc },
          ],
          scenario,
          scenarioOpts,
          profileFile,
        );
        Object.assign(result, { service, sql: { ...sql, sameJson, queriesPerRequest: sqlProbe.queriesPerRequest } });
        if (scenario === lastSqlBaseline) await sqlService.stop();
      } else {
        const deadlocksBefore = await deadlocks(database.url);
        if (readGenerations && scenario.writes) {
          // The same service with the triggers on (the deployed state) and off, alternating; left on.
          const { service, off } = await loadTestAlternating(
            [
              { name: 'service', proc: serviceProc, enter: () => readGenerations.set(true) },
              { name: 'off', proc: serviceProc, enter: () => readGenerations.set(false) },
            ],
            scenario,
            scenarioOpts,
            profileFile,
            opts.abRounds,
          );
          await opts.idle();
          const alone = await alternatingAlone(serviceProc, scenario, readGenerations, opts.smoke ? 2 : 30);
          Object.assign(result, { service, readGenerationsOff: off, readGenerationsAlone: alone });
        } else {
          result.service = await loadTest(serviceProc, scenario, scenarioOpts, profileFile);
        }
        await opts.idle();
        result.deadlocks = (await deadlocks(database.url)) - deadlocksBefore;
      }
      // Latency alone is taken after the load runs, from the warmed-up service (the first probe runs cold code).
      await opts.idle();
      result.aloneP50 = (
        await probe(serviceProc.baseUrl, scenario, {
          iterations: opts.smoke ? 2 : 30,
          counter: serviceProc,
          countQueries: false,
        })
      ).aloneP50;
      if (pgbench && scenario.pgbench) {
        const sql = replayed.filter(
          (statement) => !/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(statement.text),
        );
        await opts.idle();
        result.db = {
          ...(await runPgbench(pgbench, database.url, sql, {
            clients: 16,
            threads: 2,
            duration: opts.duration,
            transactions: opts.pgbenchTransactions,
          })),
          statements: sql.length,
        };
      }
      const run = result.service.runs[scenarioOpts.connections[0]];
      const sqlRun = result.sql?.runs[scenarioOpts.connections[0]];
      log(
        `    ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms (alone ${result.aloneP50.toFixed(1)} ms), p99 ${run.p99} ms, errors ${run.errors}, SQL/request ${queriesPerRequest.map((n) => n.toFixed(1)).join(' + ')}` +
          (result.deadlocks !== undefined ? `, deadlocks ${result.deadlocks}` : '') +
          (result.bare
            ? `; bare ${result.bare.runs[opts.connections[0]].rps.toFixed(0)} req/s${result.sameJson ? ', same JSON' : ' (JSON DIFFERS from the service)'}`
            : '') +
          (sqlRun
            ? `; SQL service ${sqlRun.rps.toFixed(0)} req/s, p99 ${sqlRun.p99} ms, SQL/request ${result.sql.queriesPerRequest.map((n) => n.toFixed(1)).join(' + ')}${result.sql.sameJson ? ', same JSON' : ' (JSON DIFFERS from the service)'}`
            : '') +
          (result.db ? `; db ${result.db.tps.toFixed(0)} tps` : '') +
          (result.readGenerationsOff
            ? `; read-generation triggers off ${result.readGenerationsOff.runs[scenarioOpts.connections[0]].rps.toFixed(0)} req/s (on/off ${(run.rps / result.readGenerationsOff.runs[scenarioOpts.connections[0]].rps).toFixed(3)})`
            : ''),
      );
      results.push(result);
    }

    const report = renderReport({
      machine: await machine(database.url),
      opts: {
        scale: opts.scale,
        seed: opts.seed,
        warmup: opts.warmup,
        duration: opts.duration,
        connections: opts.connections,
        poolSize,
        pgbench,
        abRounds: opts.abRounds,
      },
      counts,
      generationSeconds,
      fixture: { bigSegmentSize: fixture.bigSegmentSize, deepPage: fixture.deepPage },
      results,
      servicePeakRssMb: Math.max(...results.map((result) => result.service.peakRss ?? 0)),
      totalSeconds: (Date.now() - started) / 1000,
    });
    publishReport(
      report.markdown,
      { smoke: opts.smoke, output: opts.output, log },
      {
        ...(opts.output && {
          [opts.output.replace(/\.md$/, '.json')]: JSON.stringify({ ...report.data, results }, null, 2),
        }),
      },
    );
    return { ...report, results };
  });
}

module.exports = { main };

runAsScript(module, main);
