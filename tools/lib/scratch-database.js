// Runs `work(url)` against a fresh scratch database on DATABASE_URL's server, or on a temporary
// embedded Postgres when DATABASE_URL is not set. Needs `npm run build` first.
const { mkdtempSync, rmSync, chmodSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { startEmbeddedPostgres, createScratchDatabase } = require('../../libs/postgres/dist');

async function withScratchDatabase(work) {
  let server;
  let dataDir;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'cs-tool-pg-'));
    chmodSync(dataDir, 0o755);
    server = await startEmbeddedPostgres({ dataDir, persistent: false });
    serverUrl = server.url;
  }
  const database = await createScratchDatabase(serverUrl, 'tool');
  try {
    return await work(database.url);
  } finally {
    await database.drop();
    if (server) await server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

module.exports = { withScratchDatabase };
