import 'reflect-metadata';
import { OpenAPIObject } from '@nestjs/swagger';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app/app.factory';
import { loadConfig } from '../app/config/config';
import { buildOpenApiDocument } from '../app/openapi';

/** Where the committed document and the generated client schema live. */
export const CLIENT_DIR = join(__dirname, '../../../../libs/client');
export const OPENAPI_FILE = join(CLIENT_DIR, 'openapi.json');
export const SCHEMA_FILE = join(CLIENT_DIR, 'src/generated/schema.ts');

/**
 * The service's OpenAPI document, built from the code without a database: the app is created in
 * preview mode (no providers run) with the default local configuration.
 */
export async function exportOpenApiDocument(): Promise<OpenAPIObject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-openapi-'));
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    const app = await createApp(
      { ...config, db: { ...config.db, url: 'postgres://preview@localhost/preview' } },
      { preview: true },
    );
    const document = buildOpenApiDocument(app);
    await app.close();
    return document;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function renderDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Runs `tools/lib/render-client-schema.js` (plain Node: openapi-typescript is ESM inside) on the committed document. */
export function renderClientSchemaOf(documentFile: string): string {
  return execFileSync(
    process.execPath,
    [join(__dirname, '../../../../tools/lib/render-client-schema.js'), documentFile],
    { encoding: 'utf8' },
  );
}
