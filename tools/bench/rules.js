#!/usr/bin/env node
'use strict';
/**
 * The automatic segments benchmark (`npm run bench:rules`), all figures from one run on the bench data (generate.js)
 * in the tenant with the most customers (t000: 100,001 at scale 1):
 * 1. Criteria change: a segment's criteria PATCHed between two id ranges of ~50,000 customers each (no overlap), so
 *    every write is a full diff (50,000 join, 50,000 leave, one event each in the outbox); first from none, last back
 *    to none. Aim: p50 under 5 s.
 * 2. Customer sync: `PUT .../customers/bulk` of 200 customers with changed data, sequential, first with no automatic
 *    segment in the tenant (the baseline), then with 100 of them. Aim: p50 under 100 ms with the segments.
 * 3. Preview of a criteria matching every customer of the tenant, 20 sequential requests. Aim: under 1 s.
 * With --explain (default for full runs when an aim is missed), the service's statements of one request are
 * captured and run again under EXPLAIN ANALYZE in a transaction that is rolled back.
 *
 * Options: --scale=1 --seed=42 --statement-timeout-ms=600000 --criteria-runs=7 --sync-requests=30 --bulk=200 --segments=100 --previews=20 --explain
 *          --no-explain --smoke (tiny sizes, no file) --output=<file.md> (default results/rules-latest.md)
 */
const { cpus, loadavg } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');
const { generate, plan, HOT_TENANT } = require('./generate');
const { startBenchDatabase, waitForIdleDatabase, withCleanup } = require('./lib/database');
const { startService, issueToken } = require('./lib/processes');
const { parseArgs, publishReport, runAsScript } = require('./lib/report');

const AIMS = { criteriaP50Ms: 5_000, syncP50Ms: 100, previewMs: 1_000 };
const SEGMENT_ID = 'rules-bench-50k';
const TIERS = ['gold', 'silver', 'bronze', 'platinum'];
const NAMES = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hugo', 'Ida', 'Jonas', 'Klara', 'Leon'];

function options(argv) {
  const args = parseArgs(argv);
  const smoke = Boolean(args.smoke);
  return {
    smoke,
    scale: Number(args.scale ?? (smoke ? 0.01 : 1)),
    seed: Number(args.seed ?? 42),
    criteriaRuns: Math.max(2, Number(args['criteria-runs'] ?? (smoke ? 3 : 7))),
    syncRequests: Number(args['sync-requests'] ?? (smoke ? 5 : 30)),
    // The service's write statement timeout (DB_STATEMENT_TIMEOUT_MS, default 10 s) raised, so that a slow criteria
    // change is measured rather than cancelled (the report says when a write took longer than the default).
    statementTimeoutMs: Number(args['statement-timeout-ms'] ?? 600_000),
    bulk: Number(args.bulk ?? (smoke ? 50 : 200)),
    syncWarmup: smoke ? 1 : 3,
    segments: Number(args.segments ?? (smoke ? 10 : 100)),
    previews: Number(args.previews ?? (smoke ? 3 : 20)),
    // undefined: explain what misses its aim (always in smoke runs, to exercise the path).
    explain: args['no-explain'] ? false : args.explain ? true : smoke ? true : undefined,
    output: args.output ?? (smoke ? undefined : join(__dirname, 'results', 'rules-latest.md')),
    log: smoke ? () => undefined : (line) => console.log(line),
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
};
const pad6 = (n) => String(n).padStart(6, '0');
const customerId = (n) => `${HOT_TENANT}-cust${pad6(n)}`;

/** One request, timed from sending to the end of the answer's body; throws on an unexpected status. */
async function call(baseUrl, token, method, path, body, expect) {
  const started = performance.now();
  const response = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!expect.includes(response.status))
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return { ms, status: response.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Two criteria over id ranges that do not overlap: [0, 5P) and [5P, 10P) with P the largest power of ten such that
 * 10P customers exist (P = 10,000 at scale 1: `^t000-cust0[0-4]`, 50,000 customers each).
 */
function rangeCriteria(customers) {
  const digits = Math.floor(Math.log10(customers / 10));
  const prefix = `${HOT_TENANT}-cust${'0'.repeat(6 - digits - 1)}`;
  const size = 5 * 10 ** digits;
  return {
    size,
    a: `customer.id:~"^${prefix}[0-4]"`,
    b: `customer.id:~"^${prefix}[5-9]"`,
  };
}

/** The criteria of the k-th automatic segment of the sync measurement: mixins, names and e-mail patterns. */
function segmentCriteria(k) {
  switch (k % 5) {
    case 0:
      return `customer.mixins.profile.tier:${TIERS[Math.floor(k / 5) % TIERS.length]}`;
    case 1:
      return `customer.mixins.profile.score:>${(k * 53) % 1000}`;
    case 2:
      return `customer.mixins.profile.tier:(gold,platinum) AND customer.firstName:${NAMES[k % NAMES.length]}`;
    case 3:
      // The e-mail addresses of ~1,000 customers at scale 1 (customer<k>000 .. customer<k>999); untouched by the sync.
      return `customer.email:~"^customer${k}[0-9]{3}@"`;
    default:
      return `customer.mixins.profile.region:eu${k % 7} AND customer.mixins.profile.score:<500`;
  }
}

/**
 * The bulk of request `rev`: customers of one of (at most) ten slices of 200, the slice recurring every ten requests
 * with other mixins and first names (each write a real change, memberships joining and leaving); the rest of the
 * stored data (last name, e-mail, phone) as generated, since an item replaces all the data held.
 */
function syncBulk(rev, customers, size) {
  const slices = Math.max(1, Math.min(10, Math.floor(customers / size)));
  const first = (rev % slices) * size;
  return Array.from({ length: size }, (_, j) => {
    const n = (first + j) % customers;
    return {
      id: customerId(n),
      firstName: NAMES[(n + rev) % NAMES.length],
      lastName: 'Schmidt',
      email: `customer${n}@${HOT_TENANT}.example.com`,
      phone: `+49 30 ${1000000 + n}`,
      mixins: {
        profile: {
          tier: TIERS[(n + rev) % TIERS.length],
          score: (n * 37 + rev * 101) % 1000,
          region: `eu${(n + rev) % 7}`,
          rev,
        },
      },
    };
  });
}

/** Assignment events in the outbox of the tenant after id `after` (of one segment when given), by type. */
async function outboxEvents(db, after, segmentId) {
  const { rows } = await db.query(
    `SELECT type, count(*)::int AS n, count(*) FILTER (WHERE position IS NULL)::int AS unsequenced FROM outbox
     WHERE tenant = $1 AND id > $2 AND type LIKE 'customer-segment.customer-assignment-%'${segmentId ? " AND payload->>'segmentId' = $3" : ''}
     GROUP BY type`,
    segmentId ? [HOT_TENANT, after, segmentId] : [HOT_TENANT, after],
  );
  const of = (suffix) => rows.find((row) => row.type.endsWith(suffix))?.n ?? 0;
  return { created: of('-created'), deleted: of('-deleted') };
}

const lastOutboxId = async (db) =>
  Number((await db.query('SELECT COALESCE(max(id), 0) AS id FROM outbox WHERE tenant = $1', [HOT_TENANT])).rows[0].id);

/** Waits until the relay sequenced every event of the tenant after `after` (and no statement runs); ms waited. */
async function settle(db, url, after, timeoutMs = 180_000) {
  const started = performance.now();
  for (;;) {
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM outbox WHERE tenant = $1 AND id > $2 AND position IS NULL',
      [HOT_TENANT, after],
    );
    if (rows[0].n === 0 || performance.now() - started > timeoutMs) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const sequencedMs = performance.now() - started;
  await waitForIdleDatabase(url);
  return sequencedMs;
}

/**
 * Runs a request's captured statements again in one transaction that is rolled back, the big ones (`explain(text)`)
 * under EXPLAIN (ANALYZE, BUFFERS): their plans and times, the rest plainly (locks, the segment's own write).
 */
async function explainStatements(url, statements, explain) {
  const db = new Client({ connectionString: url });
  await db.connect();
  const plans = [];
  try {
    await db.query('BEGIN');
    await db.query('SET LOCAL statement_timeout = 0');
    for (const { text, values } of statements) {
      const head = text.trim().split(/\s+/)[0].toUpperCase();
      if (['BEGIN', 'COMMIT', 'ROLLBACK', 'SET', 'SAVEPOINT', 'RELEASE'].includes(head) || /^BEGIN;/i.test(text.trim()))
        continue;
      if (!explain(text)) {
        await db.query(text, values);
        continue;
      }
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
      const plan = rows.map((row) => row['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1]);
      plans.push({ statement: text.trim().replace(/\s+/g, ' ').slice(0, 120), ms, plan });
    }
  } finally {
    await db.query('ROLLBACK').catch(() => undefined);
    await db.end();
  }
  return plans;
}

/** The plan nodes with the most own time (actual total time minus that of their children, times loops), top `n`. */
function hottestNodes(plan, n = 6) {
  const nodes = [];
  const stack = [];
  for (const line of plan) {
    const match = /^(\s*)(?:->\s+)?(.+?)\s+\(cost=.*actual time=([\d.]+)\.\.([\d.]+) rows=(\d+) loops=(\d+)\)/.exec(
      line,
    );
    if (!match) continue;
    const indent = match[1].length;
    const node = { indent, name: match[2], total: Number(match[4]) * Number(match[6]), rows: Number(match[5]), own: 0 };
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    if (stack.length) stack[stack.length - 1].childTotal = (stack[stack.length - 1].childTotal ?? 0) + node.total;
    stack.push(node);
    nodes.push(node);
  }
  for (const node of nodes) node.own = Math.max(0, node.total - (node.childTotal ?? 0));
  return nodes.sort((a, b) => b.own - a.own).slice(0, n);
}

/** What kind of statement `text` is, for the time breakdown of a request. */
function statementKind(text) {
  const t = text.trim();
  if (/^WITH desired AS/.test(t)) return 'membership evaluation (one statement per 50 segments)';
  if (/pg_advisory_xact_lock/.test(t)) return 'locks';
  if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(t)) return 'BEGIN / COMMIT';
  if (/^(SAVEPOINT|RELEASE|ROLLBACK TO)/i.test(t)) return 'SAVEPOINT / RELEASE per item';
  if (/^(WITH|INSERT)[\s\S]*INTO customer /i.test(t) || /customer \(tenant/.test(t))
    return 'customer upserts (with their events)';
  return t.split(/\s+/).slice(0, 3).join(' ');
}

/** The captured statements of one request by kind: count and summed time from sending to answer. */
function breakdown(statements) {
  const kinds = new Map();
  for (const { text, ms } of statements) {
    const kind = statementKind(text);
    const entry = kinds.get(kind) ?? { kind, count: 0, ms: 0 };
    entry.count++;
    entry.ms += ms ?? 0;
    kinds.set(kind, entry);
  }
  return [...kinds.values()].sort((a, b) => b.ms - a.ms);
}

async function criteriaChanges(ctx, opts, ranges) {
  const { baseUrl, manage, db, url, service } = ctx;
  await call(
    baseUrl,
    manage,
    'POST',
    `/customer-segment/${HOT_TENANT}/segments`,
    {
      id: SEGMENT_ID,
      name: { en: 'Rules bench' },
      siteCode: 'main',
      status: 'ACTIVE',
    },
    [201],
  );
  // none -> A, then B, A, ... and the last run back to none: every write a full diff.
  const targets = Array.from({ length: opts.criteriaRuns }, (_, i) =>
    i === opts.criteriaRuns - 1 ? null : i % 2 === 0 ? ranges.a : ranges.b,
  );
  const runs = [];
  const captured = [];
  for (const [i, criteria] of targets.entries()) {
    const after = await lastOutboxId(db);
    await service.capture(true, 50);
    const { ms } = await call(
      baseUrl,
      manage,
      'PATCH',
      `/customer-segment/${HOT_TENANT}/segments/${SEGMENT_ID}`,
      [{ op: 'add', path: '/criteria', value: criteria }],
      [204],
    );
    captured.push(await service.capture(false));
    const events = await outboxEvents(db, after, SEGMENT_ID);
    const sequencedMs = await settle(db, url, after);
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM customer_assignment WHERE tenant = $1 AND segment_id = $2 AND assignment_type = 'AUTOMATIC'",
      [HOT_TENANT, SEGMENT_ID],
    );
    runs.push({ criteria, ms, joined: events.created, left: events.deleted, members: rows[0].n, sequencedMs });
    opts.log(
      `  run ${i + 1}: ${criteria ?? 'none'}: ${ms.toFixed(0)} ms, +${events.created} -${events.deleted} events, ${rows[0].n} members; relay sequenced them in ${(sequencedMs / 1000).toFixed(1)} s`,
    );
  }
  const result = {
    runs,
    ...stats(runs.map((run) => run.ms)),
    breakdown: breakdown(captured[1] ?? []),
    requestMs: runs[1]?.ms,
  };
  // Run 2's write (A -> B) replayed after setting A again: a full diff, under EXPLAIN ANALYZE.
  if ((opts.explain || (opts.explain === undefined && result.p50 >= AIMS.criteriaP50Ms)) && targets[1] === ranges.b)
    result.plans = await explainReplay(ctx, captured[1], ranges.a, SEGMENT_ID);
  return result;
}

/**
 * Replays `statements` (a criteria write to the other range) under EXPLAIN ANALYZE, after setting the segment's criteria
 * to `from` through the API, then sets it back to none.
 */
async function explainReplay(ctx, statements, from, segmentId) {
  const { baseUrl, manage, db, url } = ctx;
  const path = `/customer-segment/${HOT_TENANT}/segments/${segmentId}`;
  await call(baseUrl, manage, 'PATCH', path, [{ op: 'add', path: '/criteria', value: from }], [204]);
  await settle(db, url, 0);
  const plans = await explainStatements(url, statements, (text) => /WITH desired AS/.test(text));
  await call(baseUrl, manage, 'PATCH', path, [{ op: 'replace', path: '/criteria', value: null }], [204]);
  await settle(db, url, 0);
  return plans;
}

/** `count` sequential bulks (after `warmup` off the record), revisions from `rev`; per-request ms and SQL statements. */
async function syncRun(ctx, opts, rev, count, hotCustomers) {
  const { baseUrl, sync, service, db, url } = ctx;
  const path = `/customer-management/${HOT_TENANT}/customers/bulk`;
  const check = (body) => {
    if (!Array.isArray(body) || body.length !== opts.bulk || body.some((r) => r.code >= 300))
      throw new Error(`customer sync: ${JSON.stringify(body).slice(0, 300)}`);
  };
  for (let i = 0; i < opts.syncWarmup; i++)
    check((await call(baseUrl, sync, 'PUT', path, syncBulk(rev++, hotCustomers, opts.bulk), [207])).body);
  await settle(db, url, 0);
  const after = await lastOutboxId(db);
  const latencies = [];
  let statements = 0;
  let lastStatements = [];
  let lastMs;
  for (let i = 0; i < count; i++) {
    const before = await service.queryCount();
    const last = i === count - 1;
    if (last) await service.capture(true, 2_000);
    const { ms, body } = await call(baseUrl, sync, 'PUT', path, syncBulk(rev++, hotCustomers, opts.bulk), [207]);
    if (last) lastStatements = await service.capture(false);
    if (last) lastMs = ms;
    statements += (await service.queryCount()) - before;
    check(body);
    latencies.push(ms);
  }
  const events = await outboxEvents(db, after);
  await settle(db, url, after);
  return {
    ...stats(latencies),
    statementsPerRequest: statements / count,
    events,
    rev,
    lastStatements,
    breakdown: breakdown(lastStatements),
    requestMs: lastMs,
  };
}

async function createAutomaticSegments(ctx, opts) {
  const { baseUrl, manage, db, url } = ctx;
  const started = performance.now();
  const after = await lastOutboxId(db);
  for (let k = 0; k < opts.segments; k++)
    await call(
      baseUrl,
      manage,
      'POST',
      `/customer-segment/${HOT_TENANT}/segments`,
      {
        id: `rules-auto-${String(k).padStart(3, '0')}`,
        name: { en: `Automatic ${k}` },
        siteCode: 'main',
        status: 'ACTIVE',
        criteria: segmentCriteria(k),
      },
      [201],
    );
  const seconds = (performance.now() - started) / 1000;
  const events = await outboxEvents(db, after);
  await settle(db, url, after);
  const { rows } = await db.query(
    "SELECT count(*)::int AS n FROM customer_assignment WHERE tenant = $1 AND assignment_type = 'AUTOMATIC'",
    [HOT_TENANT],
  );
  return { seconds, members: rows[0].n, events };
}

async function previews(ctx, opts, criteria) {
  const { baseUrl, manage } = ctx;
  const path = `/customer-segment/${HOT_TENANT}/segments/criteria/preview?pageSize=20`;
  const latencies = [];
  let totalCount;
  await ctx.service.capture(true, 10);
  for (let i = 0; i < opts.previews; i++) {
    const { ms, body } = await call(baseUrl, manage, 'POST', path, { criteria }, [200]);
    if (i === 0) ctx.previewStatements = await ctx.service.capture(false);
    totalCount = body.totalCount;
    latencies.push(ms);
  }
  return { ...stats(latencies), totalCount };
}

function render({
  opts,
  counts,
  hot,
  ranges,
  criteria,
  base,
  withSegments,
  setup,
  preview,
  previewCriteria,
  load,
  explained,
}) {
  const f = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
  const n = (value) => (value ?? 0).toLocaleString('en');
  const verdict = (ok) => (ok ? 'ok' : '**MISSED**');
  const lines = [
    '# Automatic segments benchmark',
    '',
    `Run ${new Date().toISOString()}; ${cpus().length} CPUs; load average at the end ${load.map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min). ` +
      `Data: generate.js scale ${opts.scale}, seed ${opts.seed} (${n(counts.customer)} customers, ${n(counts.customer_assignment)} customer assignments); ` +
      `tenant ${HOT_TENANT} with ${n(hot)} customers. Service: the built apps/api/dist, defaults (pool 10, relay on, no sink).`,
    '',
    `## 1. Criteria change (${n(ranges.size)} customers per criteria)`,
    '',
    `PATCH of segment \`${SEGMENT_ID}\`'s criteria between \`${ranges.a}\` (A) and \`${ranges.b}\` (B), no overlap; from none to A first, back to none last. ` +
      'Time from sending to the 204 (the memberships and their events committed); joined/left = created/deleted events the write put in the outbox; relay = time until the relay had sequenced them (not part of the write).',
    '',
    '| run | criteria | ms | joined | left | members after | relay s |',
    '|---:|---|---:|---:|---:|---:|---:|',
    ...criteria.runs.map(
      (run, i) =>
        `| ${i + 1} | ${run.criteria === null ? 'none' : run.criteria === ranges.a ? 'A' : 'B'} | ${f(run.ms)} | ${n(run.joined)} | ${n(run.left)} | ${n(run.members)} | ${f(run.sequencedMs / 1000, 1)} |`,
    ),
    '',
    `## 2. Customer sync of ${opts.bulk} (sequential, ${withSegments.n} requests each, after ${opts.syncWarmup} off the record)`,
    '',
    `${opts.segments} automatic segments created in ${f(setup.seconds, 1)} s (${n(setup.members)} automatic memberships). Every item changes the customer's mixins (and first name), ten slices of ${opts.bulk} customers in turn.`,
    '',
    '| run | p50 ms | p99 ms | max ms | SQL/request | membership events (joined / left) |',
    '|---|---:|---:|---:|---:|---:|',
    `| baseline: no automatic segment | ${f(base.p50, 1)} | ${f(base.p99, 1)} | ${f(base.max, 1)} | ${f(base.statementsPerRequest, 1)} | ${n(base.events.created)} / ${n(base.events.deleted)} |`,
    `| ${opts.segments} automatic segments | ${f(withSegments.p50, 1)} | ${f(withSegments.p99, 1)} | ${f(withSegments.max, 1)} | ${f(withSegments.statementsPerRequest, 1)} | ${n(withSegments.events.created)} / ${n(withSegments.events.deleted)} |`,
    '',
    `## 3. Preview (\`${previewCriteria}\`, pageSize 20, ${preview.n} sequential requests)`,
    '',
    `totalCount ${n(preview.totalCount)}: p50 ${f(preview.p50, 1)} ms, p99 ${f(preview.p99, 1)} ms, max ${f(preview.max, 1)} ms.`,
    '',
    '## Statement time of one request (from sending to the answer, in the service)',
    '',
    '| request | kind | statements | ms |',
    '|---|---|---:|---:|',
    ...[
      [`criteria change, run 2 (${f(criteria.requestMs)} ms)`, criteria.breakdown, criteria.requestMs],
      [`sync, baseline, last request (${f(base.requestMs)} ms)`, base.breakdown, base.requestMs],
      [
        `sync, ${opts.segments} automatic segments, last request (${f(withSegments.requestMs)} ms)`,
        withSegments.breakdown,
        withSegments.requestMs,
      ],
    ].flatMap(([request, kinds, total]) => [
      ...kinds.map((k, i) => `| ${i === 0 ? request : ''} | ${k.kind} | ${k.count} | ${f(k.ms, 1)} |`),
      `| | outside the statements (HTTP, validation, service code, waits) | | ${f(total - kinds.reduce((sum, k) => sum + k.ms, 0), 1)} |`,
    ]),
    '',
    '## Aims',
    '',
    '| aim | measured | |',
    '|---|---:|---|',
    `| criteria change of ~50,000 p50 < ${AIMS.criteriaP50Ms / 1000} s | p50 ${f(criteria.p50)} ms, p99 ${f(criteria.p99)} ms | ${verdict(criteria.p50 < AIMS.criteriaP50Ms)} |`,
    `| sync of ${opts.bulk} with ${opts.segments} automatic segments p50 < ${AIMS.syncP50Ms} ms | p50 ${f(withSegments.p50, 1)} ms (baseline ${f(base.p50, 1)} ms) | ${verdict(withSegments.p50 < AIMS.syncP50Ms)} |`,
    `| preview over all customers < ${AIMS.previewMs / 1000} s | p50 ${f(preview.p50)} ms, p99 ${f(preview.p99)} ms | ${verdict(preview.p99 < AIMS.previewMs)} |`,
  ];
  if (explained.length) {
    lines.push('', '## Where the time goes (EXPLAIN ANALYZE, replayed and rolled back)', '');
    for (const { title, plans } of explained)
      for (const plan of plans) {
        lines.push(
          `${title}: ${f(plan.ms, 1)} ms for \`${plan.statement}…\`; the plan nodes with the most own time:`,
          '',
        );
        lines.push('| node | rows | own ms |', '|---|---:|---:|');
        for (const node of hottestNodes(plan.plan))
          lines.push(`| ${node.name.replace(/\|/g, '\\|')} | ${n(node.rows)} | ${f(node.own, 1)} |`);
        lines.push('<details><summary>plan</summary>', '', '```', ...plan.plan, '```', '', '</details>', '');
      }
  }
  return lines.join('\n');
}

async function main(argv = process.argv.slice(2)) {
  const opts = options(argv);
  return withCleanup(async (defer) => {
    const { database } = await startBenchDatabase(opts.log, defer);
    opts.log(`Generating data (scale ${opts.scale}, seed ${opts.seed}) ...`);
    const counts = await generate(database.url, { scale: opts.scale, seed: opts.seed, log: opts.log });
    const hot = plan(opts.scale).hotCustomers;
    const service = await startService(database.url, {
      env: {
        DB_STATEMENT_TIMEOUT_MS: String(opts.statementTimeoutMs),
        HTTP_REQUEST_TIMEOUT_MS: String(opts.statementTimeoutMs),
      },
    });
    defer(service.stop);
    const db = new Client({ connectionString: database.url });
    await db.connect();
    defer(() => db.end());
    const scopes = 'customersegment.segment_manage customersegment.segment_read';
    const ctx = {
      baseUrl: service.baseUrl,
      service,
      db,
      url: database.url,
      manage: await issueToken(service.baseUrl, `tenant=${HOT_TENANT} ${scopes}`),
      sync: await issueToken(service.baseUrl, `tenant=${HOT_TENANT} customermanagement.contactassignment_manage`),
    };
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM segment WHERE tenant = $1 AND criteria IS NOT NULL',
      [HOT_TENANT],
    );
    if (rows[0].n) throw new Error(`${HOT_TENANT} has ${rows[0].n} automatic segments before the baseline`);

    opts.log(`Customer sync baseline: no automatic segments, ${opts.syncRequests} bulks of ${opts.bulk} ...`);
    const base = await syncRun(ctx, opts, 0, opts.syncRequests, hot);
    opts.log(`  p50 ${base.p50.toFixed(1)} ms, p99 ${base.p99.toFixed(1)} ms`);

    const ranges = rangeCriteria(hot);
    opts.log(`Criteria change: ${opts.criteriaRuns} writes of ~${ranges.size} customers ...`);
    const criteria = await criteriaChanges(ctx, opts, ranges);

    opts.log(`Creating ${opts.segments} automatic segments ...`);
    const setup = await createAutomaticSegments(ctx, opts);
    opts.log(`  ${setup.seconds.toFixed(1)} s, ${setup.members} automatic memberships`);
    opts.log(`Customer sync with ${opts.segments} automatic segments ...`);
    const withSegments = await syncRun(ctx, opts, base.rev, opts.syncRequests, hot);
    opts.log(`  p50 ${withSegments.p50.toFixed(1)} ms, p99 ${withSegments.p99.toFixed(1)} ms`);

    const previewCriteria = `customer.email:~"@${HOT_TENANT}\\.example\\.com$"`;
    opts.log('Preview ...');
    const preview = await previews(ctx, opts, previewCriteria);
    opts.log(`  totalCount ${preview.totalCount}, p50 ${preview.p50.toFixed(1)} ms, p99 ${preview.p99.toFixed(1)} ms`);

    const explained = [];
    if (criteria.plans) explained.push({ title: 'Criteria change A -> B', plans: criteria.plans });
    const explainAll = opts.explain === true;
    if (explainAll || (opts.explain === undefined && withSegments.p50 >= AIMS.syncP50Ms)) {
      const plans = await explainStatements(database.url, withSegments.lastStatements, (text) =>
        /WITH desired AS|pg_advisory_xact_lock_shared/.test(text),
      );
      explained.push({ title: `Sync with ${opts.segments} automatic segments`, plans });
    }
    if (explainAll || (opts.explain === undefined && preview.p99 >= AIMS.previewMs)) {
      const plans = await explainStatements(database.url, ctx.previewStatements ?? [], () => true);
      explained.push({ title: 'Preview', plans });
    }

    const markdown = render({
      opts,
      counts,
      hot,
      ranges,
      criteria,
      base,
      withSegments,
      setup,
      preview,
      previewCriteria,
      load: loadavg(),
      explained,
    });
    publishReport(markdown, opts);
    return { criteria, base, withSegments, setup, preview, ranges, explained, markdown };
  });
}

module.exports = { main, rangeCriteria, segmentCriteria };

runAsScript(module, main);
