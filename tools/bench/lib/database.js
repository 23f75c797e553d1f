'use strict';
/**
 * The Postgres server of a bench run: DATABASE_URL's server when set, else an embedded one in a
 * temporary folder; and on it a fresh scratch database migrated by the service's own migrations.
 * Needs `npx tsc -b apps/api` (which builds libs/postgres too).
 */
const { chmodSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

const ROOT = join(__dirname, '..', '..', '..');
const { startEmbeddedPostgres, createScratchDatabase } = require(join(ROOT, 'libs/postgres/dist'));

async function startServer(log = () => undefined) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-bench-pg-'));
  chmodSync(dataDir, 0o755); // the server runs as the `postgres` user and must reach its folder
  const server = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    onLog: (line) => /ERROR|FATAL|PANIC/.test(line) && log(`  postgres: ${line}`),
  });
  return {
    url: server.url,
    embedded: true,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new database on the server, with the service's migrations applied. */
async function createBenchDatabase(serverUrl) {
  const database = await createScratchDatabase(serverUrl, 'bench');
  const { runMigrations } = require(join(ROOT, 'apps/api/dist/app/database/schema-diff'));
  await runMigrations(database.url);
  return database;
}

/** Runs one query on a short-lived connection. */
async function query(url, sql, params = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Waits until no other client runs a statement in the database at `url` (at most `timeoutMs`): a load
 * run ends when its client stops, but statements already sent go on (a deep page of the bare server
 * takes seconds) and would slow whatever is measured next. Returns the milliseconds waited.
 */
async function waitForIdleDatabase(url, { timeoutMs = 120_000 } = {}) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    for (;;) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS active FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()",
      );
      if (rows[0].active === 0 || Date.now() - started > timeoutMs) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs `work(defer)`; every `stop` that `defer(stop)` registered is awaited after it, the latest first, whatever
 * happened (a failing stop is printed, the others still run).
 */
async function withCleanup(work) {
  const stops = [];
  try {
    return await work((stop) => stops.unshift(stop));
  } finally {
    for (const stop of stops) await stop().catch((error) => console.error(`cleanup: ${error.message}`));
  }
}

/** The bench's Postgres server (`startServer`) and a fresh migrated database on it, both undone by `defer`. */
async function startBenchDatabase(log, defer) {
  const server = await startServer(log);
  defer(server.stop);
  const database = await createBenchDatabase(server.url);
  defer(database.drop);
  return { server, database };
}

module.exports = {
  ROOT,
  startServer,
  createBenchDatabase,
  startBenchDatabase,
  query,
  waitForIdleDatabase,
  withCleanup,
};
