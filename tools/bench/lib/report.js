'use strict';
/** The Markdown report of a bench run: machine, data, the results table, the targets and whether each is met. */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const TARGETS = {
  readIds: ['1', '2a', '2b', '3a', '3b', '3c', '3d', '4a', '4b', '4c', '4d', '5', '10'],
  minBareRatio: 0.8,
  maxReadP99Ms: 25,
  bulkId: '6',
  maxBulkP50Ms: 40,
  matchId: '8',
  maxMatchP50Ms: 10,
  /** The storefront reads of issue #22 (served by the read model), each at 16 connections. */
  storefrontIds: ['8', '9a', '9b'],
  minStorefrontRps: 1000,
  maxStorefrontP99Ms: 50,
  maxRssMb: 250,
  maxQueriesPerRequest: 3,
};

const fixed = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const perStep = (counts) => (counts ? counts.map((n) => fixed(n, 1)).join(' + ') : '–');
const errors = (run) => (run.errors ? `${run.errors} (${Object.keys(run.errorCodes).join(', ')})` : '0');
const ratio = (a, b) => (a !== undefined && b ? `${(a / b).toFixed(2)}x` : '–');

/** One table row per scenario and connection count (a scenario's own counts where it has them). */
function rows(results) {
  const lines = [
    '| # | scenario | conns | req/s | p50 ms | p99 ms | errors | deadlocks | alone p50 ms | SQL/req | peak RSS MB | bare req/s | vs bare | bare p99 ms | db tps (c16) | vs db | db p99 ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const result of results) {
    const connections = Object.keys(result.service.runs).map(Number);
    for (const c of connections) {
      const run = result.service.runs[c];
      const bare = result.bare?.runs[c];
      const db = c === connections[0] ? result.db : undefined;
      lines.push(
        `| ${result.id} | ${c === connections[0] ? result.name : ''} | ${c} | ${fixed(run.rps)} | ${fixed(run.p50, 1)} | ${fixed(run.p99, 1)} | ${errors(run)} | ${c === connections[0] ? fixed(result.deadlocks) : ''} | ` +
          `${c === connections[0] ? fixed(result.aloneP50, 1) : ''} | ${c === connections[0] ? perStep(result.queriesPerRequest) : ''} | ${c === connections[0] ? fixed(result.service.peakRss) : ''} | ` +
          `${bare ? fixed(bare.rps) + (result.sameJson ? '' : ' (JSON differs)') : '–'} | ${ratio(run.rps, bare?.rps)} | ${bare ? fixed(bare.p99, 1) : '–'} | ` +
          `${db ? fixed(db.tps) : c === connections[0] ? '–' : ''} | ${db ? ratio(run.rps, db.tps) : ''} | ${db ? fixed(db.p99, 1) : ''} |`,
      );
    }
  }
  return lines;
}

/**
 * The scenarios measured against the service on today's SQL statements (`result.sql`): both sides beside the
 * pgbench replay of those statements.
 */
function sqlBaselineRows(results) {
  const compared = results.filter((result) => result.sql);
  if (!compared.length) return [];
  const lines = [
    '',
    "Against today's SQL statements: SQL service = the same build on the same database with READ_MODEL_ENABLED=false, " +
      'measured in alternation with the service (JSON compared as for bare); db replays its statements.',
    '',
    '| # | scenario | conns | req/s | p99 ms | SQL/req | SQL service req/s | SQL service p99 ms | SQL service SQL/req | SQL service peak RSS MB | vs SQL service | db tps (c16) | vs db |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const result of compared) {
    const connections = Object.keys(result.service.runs).map(Number);
    for (const c of connections) {
      const first = c === connections[0];
      const run = result.service.runs[c];
      const sql = result.sql.runs[c];
      const db = first ? result.db : undefined;
      lines.push(
        `| ${result.id} | ${first ? result.name : ''} | ${c} | ${fixed(run.rps)} | ${fixed(run.p99, 1)} | ${first ? perStep(result.queriesPerRequest) : ''} | ` +
          `${fixed(sql.rps)}${result.sql.sameJson ? '' : ' (JSON differs)'} | ${fixed(sql.p99, 1)} | ${first ? perStep(result.sql.queriesPerRequest) : ''} | ${first ? fixed(result.sql.peakRss) : ''} | ${ratio(run.rps, sql.rps)} | ` +
          `${db ? fixed(db.tps) : first ? '–' : ''} | ${db ? ratio(run.rps, db.tps) : ''} |`,
      );
    }
  }
  return lines;
}

/** The median of sorted numbers. */
const median = (sorted) =>
  sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;

/**
 * The write scenarios measured with the read-generation triggers on (the service as deployed) and off
 * (`result.readGenerationsOff`, --read-generations-ab): both sides, their ratio and each round's req/s.
 */
function readGenerationRows(results, rounds) {
  const compared = results.filter((result) => result.readGenerationsOff);
  if (!compared.length) return [];
  const lines = [
    '',
    `Read-generation triggers on vs off: the same service and database, the triggers \`<table>_read_generation\` ` +
      `disabled (ALTER TABLE ... DISABLE TRIGGER) for the off side; ${rounds} alternating rounds of half the duration ` +
      'each (on, off, off, on, ...), each side keeping its best round; median round on/off = the median of the ' +
      "rounds' on/off ratios (each pair back to back); alone p50 = median of 30 sequential requests per side, " +
      'the triggers switched before each one (on, off, off, on, ...).',
    '',
    '| # | scenario | conns | on req/s | off req/s | on/off req/s | median round on/off | on p50 ms | off p50 ms | on p99 ms | off p99 ms | on alone p50 ms | off alone p50 ms | rounds on req/s | rounds off req/s |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const result of compared) {
    const connections = Object.keys(result.service.runs).map(Number);
    for (const c of connections) {
      const first = c === connections[0];
      const on = result.service.runs[c];
      const off = result.readGenerationsOff.runs[c];
      const each = (run) => run.roundRps.map((rps) => fixed(rps)).join(', ');
      // Each round's on/off pair ran back to back: the median of their ratios is the least affected by slow spells.
      const paired = on.roundRps.map((rps, i) => rps / off.roundRps[i]).sort((a, b) => a - b);
      lines.push(
        `| ${result.id} | ${first ? result.name : ''} | ${c} | ${fixed(on.rps)} | ${fixed(off.rps)} | ${off.rps ? (on.rps / off.rps).toFixed(3) : '–'} | ${median(paired).toFixed(3)} | ` +
          `${fixed(on.p50, 1)} | ${fixed(off.p50, 1)} | ${fixed(on.p99, 1)} | ${fixed(off.p99, 1)} | ` +
          `${first ? fixed(result.readGenerationsAlone.on, 1) : ''} | ${first ? fixed(result.readGenerationsAlone.off, 1) : ''} | ${each(on)} | ${each(off)} |`,
      );
    }
  }
  return lines;
}

/** Each target with the measured figure and ok / MISSED. */
function targets(results, connections, peakRssMb) {
  const c = connections.includes(16) ? 16 : connections[0];
  const byId = new Map(results.map((result) => [result.id, result]));
  const checks = [];
  for (const id of TARGETS.readIds) {
    const result = byId.get(id);
    if (!result) continue;
    const run = result.service.runs[c];
    const bare = result.bare?.runs[c];
    if (bare)
      checks.push({
        what: `${id} req/s >= ${TARGETS.minBareRatio}x bare (c${c})`,
        value: ratio(run.rps, bare.rps),
        ok: run.rps >= TARGETS.minBareRatio * bare.rps,
      });
    checks.push({
      what: `${id} p99 < ${TARGETS.maxReadP99Ms} ms (c${c})`,
      value: `${fixed(run.p99, 1)} ms`,
      ok: run.p99 < TARGETS.maxReadP99Ms,
    });
  }
  // Latency targets of single operations: checked alone (sequential requests) and under load.
  for (const [id, label, limit] of [
    [TARGETS.bulkId, '6 bulk PUT of 200 p50', TARGETS.maxBulkP50Ms],
    [TARGETS.matchId, '8 match of 200 ids p50', TARGETS.maxMatchP50Ms],
  ]) {
    const result = byId.get(id);
    if (!result) continue;
    checks.push({
      what: `${label} < ${limit} ms (alone)`,
      value: `${fixed(result.aloneP50, 1)} ms`,
      ok: result.aloneP50 < limit,
    });
    const run = result.service.runs[c];
    checks.push({ what: `${label} < ${limit} ms (c${c})`, value: `${fixed(run.p50, 1)} ms`, ok: run.p50 < limit });
  }
  for (const id of TARGETS.storefrontIds) {
    const result = byId.get(id);
    if (!result) continue;
    const run = result.service.runs[c];
    checks.push(
      {
        what: `${id} req/s >= ${TARGETS.minStorefrontRps} (c${c})`,
        value: fixed(run.rps),
        ok: run.rps >= TARGETS.minStorefrontRps,
      },
      {
        what: `${id} p99 < ${TARGETS.maxStorefrontP99Ms} ms (c${c})`,
        value: `${fixed(run.p99, 1)} ms`,
        ok: run.p99 < TARGETS.maxStorefrontP99Ms,
      },
    );
  }
  if (peakRssMb !== undefined)
    checks.push({
      what: `service peak RSS < ${TARGETS.maxRssMb} MB`,
      value: `${fixed(peakRssMb)} MB`,
      ok: peakRssMb < TARGETS.maxRssMb,
    });
  for (const result of results) {
    if (result.bulk) continue;
    const most = Math.max(...result.queriesPerRequest);
    checks.push({
      what: `${result.id} SQL round trips per request <= ${TARGETS.maxQueriesPerRequest}`,
      value: perStep(result.queriesPerRequest),
      ok: most <= TARGETS.maxQueriesPerRequest,
    });
  }
  return checks;
}

function renderReport({ machine, opts, counts, generationSeconds, fixture, results, servicePeakRssMb, totalSeconds }) {
  const checks = targets(results, opts.connections, servicePeakRssMb);
  const missed = checks.filter((check) => !check.ok);
  const lines = [
    `Run ${new Date().toISOString()} in ${fixed(totalSeconds / 60, 1)} min. Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${fixed(machine.memoryGb, 1)} GB memory, Node ${machine.node}, Postgres ${machine.postgres}; service, Postgres and the load generator on this machine; service DB pool ${opts.poolSize}; load average at the end ${fixed(machine.loadAverage, 2)}.`,
    '',
    `Data (seed ${opts.seed}, scale ${opts.scale}, generated in ${fixed(generationSeconds, 1)} s): ${Object.entries(
      counts,
    )
      .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
      .join(', ')}. ` +
      `Largest segment ${fixture.bigSegmentSize.toLocaleString('en')} customers; deep page = page ${fixture.deepPage} of 16.`,
    '',
    `Each row: ${opts.warmup} s warm-up (off the record, at ${opts.connections[0]} connections), then ${opts.duration} s measured by autocannon. ` +
      'errors = answers outside the expected statuses (409 on the hot row of 7b is expected) + socket errors, with their status codes (503: no pool connection within DB_ACQUIRE_TIMEOUT_MS). deadlocks = deadlocks Postgres detected during the load runs of a scenario measured alone (no bare or SQL service baseline) (each aborted one transaction, which the service ran again). alone p50 = median of 30 sequential requests with nothing else running, sent after the load runs (warmed-up service). SQL/req = statements the service sent per request (BEGIN/COMMIT/SAVEPOINT included; per step where a scenario sends two requests), counted over 10 sequential requests. ' +
      `bare = tools/bench/baseline-server.js (Fastify + pg + jose, same JSON); db = pgbench replaying the service's SQL of one request (-c 16 -j 2 -T ${opts.duration}, ${opts.pgbench ?? 'not found: skipped'}); ` +
      "for the scenarios compared with the SQL service (table below), that service's SQL: today's statements.",
    '',
    ...rows(results),
    ...sqlBaselineRows(results),
    ...readGenerationRows(results, opts.abRounds),
    '',
    `Service peak RSS over the whole run (VmHWM, the largest of the per-scenario peaks): ${fixed(servicePeakRssMb)} MB.`,
    '',
    `Targets: ${checks.length - missed.length} of ${checks.length} met.`,
    '',
    '| target | measured | |',
    '|---|---:|---|',
    ...checks.map((check) => `| ${check.what} | ${check.value} | ${check.ok ? 'ok' : '**MISSED**'} |`),
    '',
  ];
  return {
    markdown: lines.join('\n'),
    data: { machine, opts, counts, generationSeconds, fixture, servicePeakRssMb, checks },
  };
}

/**
 * Prints a run's report (unless a smoke run) and writes it to `output` (its folder created) with `extra` files
 * beside it (path -> content).
 */
function publishReport(markdown, { smoke, output, log }, extra = {}) {
  if (!smoke) console.log(`\n${markdown}`);
  if (!output) return;
  mkdirSync(join(output, '..'), { recursive: true });
  writeFileSync(output, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  for (const [path, content] of Object.entries(extra)) writeFileSync(path, content);
  log(`Written to ${output}`);
}

/** `--name=value` and bare `--flag` (true) arguments by name. */
function parseArgs(argv) {
  return Object.fromEntries(argv.map((arg) => arg.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]));
}

/** Runs `main` when `module` is the script node was started with; a failure prints and exits 1. */
function runAsScript(module, main) {
  if (require.main !== module) return;
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { renderReport, parseArgs, publishReport, runAsScript, TARGETS };
