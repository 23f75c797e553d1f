import 'reflect-metadata';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '@cs/postgres';
import { join } from 'node:path';
import { createApp } from './app/app.factory';
import { loadConfig } from './app/config/config';

const EMBEDDED_DATABASE = 'customer_segments';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }

  let stopEmbedded: (() => Promise<void>) | undefined;
  let url: string | undefined = config.db.url;
  if (!url) {
    console.log(`No DATABASE_URL: starting the embedded Postgres with data in ${join(config.dataDir, 'pg')}`);
    const server = await startEmbeddedPostgres({ dataDir: config.dataDir });
    await ensureDatabase(server.url, EMBEDDED_DATABASE);
    url = withDatabase(server.url, EMBEDDED_DATABASE);
    stopEmbedded = server.stop;
  }

  const app = await createApp({ ...config, db: { ...config.db, url } });
  // Nest closes the HTTP server (finishing in-flight requests) and the pool on SIGTERM/SIGINT;
  // the embedded server stops after that.
  if (stopEmbedded) {
    const stop = stopEmbedded;
    app.getHttpAdapter().getInstance().addHook('onClose', async () => stop());
  }
  await app.listen(config.port, config.host);
  console.log(`Listening on http://localhost:${config.port} (Swagger UI: /api-docs)`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
