#!/usr/bin/env node
// Prints the TypeScript types of an OpenAPI document (the client's generated/schema.ts) to stdout.
// Usage: node tools/lib/render-client-schema.js libs/client/openapi.json
const { readFileSync } = require('node:fs');
const { default: openapiTS, astToString } = require('openapi-typescript');

async function renderClientSchema(document) {
  const ast = await openapiTS(document, { alphabetize: true });
  return `// Generated from openapi.json by \`npm run generate:client\`. Do not edit.\n${astToString(ast)}`;
}

if (require.main === module) {
  renderClientSchema(JSON.parse(readFileSync(process.argv[2], 'utf8'))).then((text) => process.stdout.write(text));
}

module.exports = { renderClientSchema };
