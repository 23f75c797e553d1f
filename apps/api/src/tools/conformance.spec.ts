import { join } from 'node:path';
import {
  fieldDifferences,
  loadYaml,
  OpenApiDoc,
  operations,
  requestFields,
  responseFields,
  scopesOf,
} from './conformance';
import { exportOpenApiDocument } from './openapi-export';

const REFERENCE_DIR = join(__dirname, '../../../../contract');

/** Our operations beyond the reference: catalog and customer data sync, the token issuer, health, events, webhooks. */
const EXTENSIONS = [
  /^(PUT|DELETE) \/customer-segment\/\{tenant\}\/catalog\//,
  /^GET \/customer-segment\/\{tenant\}\/catalog\//,
  /^(PUT|DELETE) \/customer-management\/\{tenant\}\/customers\/bulk$/,
  /^POST \/oauth\/token$/,
  /^GET \/oauth\/jwks$/,
  /^GET \/health(\/ready)?$/,
  // The event feed (docs/events.md): Emporix delivers events by webhooks only.
  /^GET \/customer-segment\/\{tenant\}\/events$/,
  // Webhook endpoints and their deliveries (docs/events.md): the subscriptions Emporix keeps in its own admin.
  /^(GET|POST|PUT|DELETE) \/webhooks\/\{tenant\}\/endpoints(\/|$)/,
  // Automatic segments: previews, explanations and exclusions (segment-rules/).
  /^POST \/customer-segment\/\{tenant\}\/segments\/criteria\/preview$/,
  /^GET \/customer-segment\/\{tenant\}\/segments\/\{segmentId\}\/customers\/\{customerId\}\/explanation$/,
  /^(GET|PUT|DELETE) \/customer-segment\/\{tenant\}\/segments\/\{segmentId\}\/exclusions(\/|$)/,
  /^POST \/customer-segment\/\{tenant\}\/segments\/\{segmentId\}\/exclusions\/search$/,
];

describe('contract conformance with the reference OpenAPI files', () => {
  let ours: OpenApiDoc;
  const references = ['customer-segment.api.yml', 'customer-management.api.yml'].map((file) => ({
    file,
    doc: loadYaml(join(REFERENCE_DIR, file)),
  }));

  beforeAll(async () => {
    ours = (await exportOpenApiDocument()) as unknown as OpenApiDoc;
  });

  it.each(references)('$file: every operation exists with the same operationId, scopes and status codes', ({ doc }) => {
    const ourOperations = operations(ours);
    const problems: string[] = [];
    for (const [key, reference] of operations(doc)) {
      const operation = ourOperations.get(key);
      if (!operation) {
        problems.push(`${key}: missing`);
        continue;
      }
      if (operation.operationId !== reference.operationId)
        problems.push(`${key}: operationId ${operation.operationId} instead of ${reference.operationId}`);
      if (scopesOf(operation).join(' ') !== scopesOf(reference).join(' '))
        problems.push(`${key}: scopes ${scopesOf(operation)} instead of ${scopesOf(reference)}`);
      const missing = Object.keys(reference.responses ?? {}).filter(
        (status) => !(status in (operation.responses ?? {})),
      );
      if (missing.length) problems.push(`${key}: undocumented status ${missing.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(references)('$file: request and response bodies have the reference field names and types', ({ doc }) => {
    const ourOperations = operations(ours);
    const problems: string[] = [];
    for (const [key, reference] of operations(doc)) {
      const operation = ourOperations.get(key);
      if (!operation) continue;
      for (const problem of fieldDifferences(requestFields(doc, reference), requestFields(ours, operation)))
        problems.push(`${key} request: ${problem}`);
      for (const status of Object.keys(reference.responses ?? {}).filter((code) => code.startsWith('2'))) {
        for (const problem of fieldDifferences(
          responseFields(doc, reference, status),
          responseFields(ours, operation, status),
        ))
          problems.push(`${key} ${status}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('adds only the listed extensions', () => {
    const known = new Set(references.flatMap(({ doc }) => [...operations(doc).keys()]));
    const additions = [...operations(ours).keys()].filter((key) => !known.has(key));
    expect(additions.filter((key) => !EXTENSIONS.some((pattern) => pattern.test(key)))).toEqual([]);
  });
});
