#!/usr/bin/env node
// Exports the service's OpenAPI document (no database needed) into libs/client/openapi.json and
// regenerates the client's types from it. Run through `npm run generate:client` (builds first).
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const {
  exportOpenApiDocument,
  renderDocument,
  OPENAPI_FILE,
  SCHEMA_FILE,
} = require('../apps/api/dist/tools/openapi-export');
const { renderClientSchema } = require('./lib/render-client-schema');

(async () => {
  const document = await exportOpenApiDocument();
  writeFileSync(OPENAPI_FILE, renderDocument(document));
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, await renderClientSchema(JSON.parse(renderDocument(document))));
  console.log(`Wrote ${OPENAPI_FILE} (${Object.keys(document.paths).length} paths) and ${SCHEMA_FILE}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
