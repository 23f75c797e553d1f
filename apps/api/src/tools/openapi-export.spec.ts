import { readFileSync } from 'node:fs';
import {
  exportOpenApiDocument,
  OPENAPI_FILE,
  renderClientSchemaOf,
  renderDocument,
  SCHEMA_FILE,
} from './openapi-export';

describe('committed OpenAPI document and client', () => {
  it('equal what the code produces (run `npm run generate:client` after changing routes or DTOs)', async () => {
    const document = await exportOpenApiDocument();
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderDocument(document));
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(renderClientSchemaOf(OPENAPI_FILE));
  });
});
