import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { ALL_SCOPES, isOwnScope, Scope } from '@cs/contracts';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { qualifyRefs } from '../response-validator';
import {
  CallResult,
  document,
  fillPath,
  inParallel,
  knob,
  Operation,
  operations,
  Recorder,
  report,
  RequestSpec,
  resolveSchema,
} from './harness';
import { KNOWN_ISSUES } from './known-issues';
import { conforming, hostileString, mutated } from './schema-arbitrary';

/**
 * OpenAPI-driven fuzzing of every operation: valid requests (accepted with 2xx), random bodies
 * that conform to the request schema or are mutated away from it (Ajv decides which: conforming
 * ones must not fail with 5xx, non-conforming ones must be rejected with 4xx, item by item for
 * bulk requests), hostile query parameters, headers and path values, and raw attacks (10k-deep
 * JSON, 5 MB strings, oversized bodies, wrong content types, prototype pollution). Every answer is
 * checked by the recorder: documented status and schema, the Emporix error body on 4xx, no 5xx.
 *
 * FUZZ_SEED fixes the generated inputs (CI uses the default; print it with a failure to replay);
 * FUZZ_RUNS sets the random cases per operation and kind (20 in CI, 300 under `npm run soak`).
 */
const SEED = knob('FUZZ_SEED', 20_240_611, 20_240_611);
const RUNS = knob('FUZZ_RUNS', 20, 300);
const STAFF_SCOPES = ALL_SCOPES.filter((scope) => !isOwnScope(scope));
const OWN_SCOPES = ALL_SCOPES.filter(isOwnScope) as Scope[];
const MAX_BULK_ITEMS = 200;
const FIVE_MB = 5 * 1024 * 1024;

/** Path values naming the fixtures below. */
const FIXTURES: Record<string, string> = {
  tenant: TEST_TENANT,
  segmentId: 'fz-seg',
  customerId: 'cust-1',
  legalEntityId: 'le-1',
  type: 'PRODUCT',
  itemId: 'prod-1',
  categoryId: 'cat-1',
  productId: 'prod-1',
  locationId: 'loc-1',
  contactAssignmentId: 'ca-1',
  // The webhook endpoints' ids are generated, and so are attempts': `createFixtures` sets these three.
  endpointId: '',
  disposableEndpointId: '',
  attemptId: '',
};

interface ValidRequest {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  contentType?: string;
}

/** One request per operation that must be accepted (2xx; every bulk item too). Deletes name disposable fixtures. */
const VALID: Record<string, (n: number) => ValidRequest> = {
  'POST-oauth-token': () => ({
    body: {
      grant_type: 'client_credentials',
      client_id: 'dev-client',
      client_secret: 'dev-secret',
      scope: `tenant=${TEST_TENANT}`,
    },
  }),
  'POST-customer-segment-create-segment': (n) => ({
    body: { id: `fz-new-${n}`, name: { en: 'new' }, siteCode: 'main' },
  }),
  'POST-customer-segment-search-segments': () => ({ body: { q: 'status:ACTIVE' } }),
  'POST-customer-segment-create-segments-bulk': (n) => ({
    body: [{ id: `fz-bulk-${n}`, name: { en: 'bulk' }, siteCode: 'main' }],
  }),
  'PUT-customer-segment-update-segments-bulk': () => ({
    body: [{ id: 'fz-seg', name: { en: 'fuzz' }, siteCode: 'main', status: 'ACTIVE' }],
  }),
  'DELETE-customer-segment-remove-segments-bulk': () => ({ body: ['fz-del-bulk'], query: { forceDelete: 'true' } }),
  'PUT-customer-segment-update-segment': () => ({ body: { name: { en: 'fuzz' }, siteCode: 'main', status: 'ACTIVE' } }),
  'PATCH-customer-segment-update-segment': () => ({ body: [{ op: 'replace', path: '/name/en', value: 'patched' }] }),
  'DELETE-customer-segment-remove-segment': () => ({ path: { segmentId: 'fz-del' }, query: { forceDelete: 'true' } }),
  'POST-customer-segment-search-customers': () => ({ body: { q: 'customer.id:cust-1' } }),
  'PUT-customer-segment-update-customers-bulk': () => ({
    body: [{ customerId: 'cust-2' }, { customerId: 'cust-2', legalEntityId: 'le-1' }],
  }),
  'DELETE-customer-segment-remove-customers-bulk': () => ({ body: [{ customerId: 'cust-del-bulk' }] }),
  'PUT-customer-segment-update-customer-by-customerId': () => ({ body: {} }),
  'DELETE-customer-segment-remove-customer-by-customerId': () => ({ path: { customerId: 'cust-del' } }),
  'PUT-customer-segment-update-customer': () => ({ body: {} }),
  'DELETE-customer-segment-remove-customer': () => ({ path: { customerId: 'cust-del' } }),
  'POST-customer-segment-search-exclusions': () => ({ body: { q: 'customerId:cust-1' } }),
  'PUT-customer-segment-update-exclusions-bulk': () => ({
    body: [{ customerId: 'cust-4' }, { customerId: 'cust-4', legalEntityId: 'le-1' }],
  }),
  'DELETE-customer-segment-remove-exclusions-bulk': () => ({ body: [{ customerId: 'cust-del-bulk' }] }),
  'PUT-customer-segment-update-exclusion-by-customerId': () => ({ body: {} }),
  'DELETE-customer-segment-remove-exclusion-by-customerId': () => ({ path: { customerId: 'cust-del' } }),
  'PUT-customer-segment-update-exclusion': () => ({ body: {} }),
  'DELETE-customer-segment-remove-exclusion': () => ({ path: { customerId: 'cust-del' } }),
  'POST-customer-segment-check-match': () => ({
    body: { items: [{ id: 'prod-1' }], segmentIds: ['fz-seg'], siteCode: 'main' },
  }),
  'POST-customer-segment-search-items': () => ({ body: { q: 'type:PRODUCT' } }),
  'POST-customer-segment-preview-criteria': () => ({ body: { criteria: 'customer.firstName:F' } }),
  'PUT-customer-segment-update-items-bulk': () => ({ body: [{ id: 'prod-2' }] }),
  'DELETE-customer-segment-remove-items-bulk': () => ({ body: ['prod-del-bulk'] }),
  'PUT-customer-segment-update-item': () => ({ body: {} }),
  'DELETE-customer-segment-remove-item': () => ({ path: { itemId: 'prod-del' } }),
  'PUT-customer-segment-upsert-catalog-categories-bulk': () => ({
    body: [{ id: 'cat-2', code: 'c2', name: { en: 'two' }, parentId: 'cat-1' }],
  }),
  'DELETE-customer-segment-remove-catalog-categories-bulk': () => ({ body: ['cat-del'] }),
  'PUT-customer-segment-upsert-catalog-products-bulk': () => ({
    body: [{ id: 'prod-2', code: 'p2', name: { en: 'two' }, categoryIds: ['cat-1'] }],
  }),
  'DELETE-customer-segment-remove-catalog-products-bulk': () => ({ body: ['prod-del-catalog'] }),
  'POST-customer-mgmt-create-legal-entity': (n) => ({ body: { id: `le-new-${n}`, name: 'new' } }),
  'POST-customer-mgmt-search-legal-entities': () => ({ body: { q: 'type:COMPANY' } }),
  'PUT-customer-mgmt-update-legal-entity': () => ({ body: { name: 'fuzz', type: 'COMPANY' } }),
  'DELETE-customer-mgmt-remove-legal-entity': () => ({ path: { legalEntityId: 'le-del' } }),
  'POST-customer-mgmt-create-location': (n) => ({
    body: { id: `loc-new-${n}`, name: 'new', type: 'OFFICE', contactDetails: { city: 'Berlin', countryCode: 'DE' } },
  }),
  'PUT-customer-mgmt-update-location': () => ({
    body: { name: 'fuzz', type: 'OFFICE', contactDetails: { city: 'Bonn' } },
  }),
  'DELETE-customer-mgmt-remove-location': () => ({ path: { locationId: 'loc-del' } }),
  'POST-customer-mgmt-create-contact-assignment': (n) => ({
    body: { id: `ca-new-${n}`, legalEntity: { id: 'le-1' }, customer: { id: `cust-new-${n}` } },
  }),
  'PUT-customer-mgmt-update-contact-assignment': () => ({
    body: { legalEntity: { id: 'le-1' }, customer: { id: 'cust-1' }, type: 'BILLING' },
  }),
  'DELETE-customer-mgmt-remove-contact-assignment': () => ({ path: { contactAssignmentId: 'ca-del' } }),
  'PUT-customer-mgmt-upsert-customers-bulk': () => ({
    body: [{ id: 'cust-3', firstName: 'F', lastName: 'L', email: 'f@example.com' }],
  }),
  'DELETE-customer-mgmt-remove-customers-bulk': () => ({ body: ['cust-del-cm'] }),
  'POST-webhook-create-endpoint': (n) => ({ body: { url: `https://hooks.example.com/new-${n}` } }),
  'PUT-webhook-update-endpoint': () => ({
    body: { url: 'https://hooks.example.com/fuzz', eventTypes: ['customer.*'] },
  }),
  'DELETE-webhook-delete-endpoint': () => ({ path: { endpointId: FIXTURES.disposableEndpointId } }),
  'POST-webhook-replay-endpoint': () => ({ body: { since: '2020-01-01T00:00:00Z', until: '2090-01-01T00:00:00Z' } }),
};

const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
ajv.addSchema({ $id: 'request', components: qualifyRefs(document.components, 'request', false) });
const validators = new Map<unknown, ValidateFunction>();
function conformsTo(schema: unknown, value: unknown): boolean {
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.compile(qualifyRefs(schema, 'request', false) as object)));
  return validate(value);
}

const isBulk = (operation: Operation) => operation.operationId.includes('-bulk');
const queryParameters = (operation: Operation) =>
  operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
const pathParameters = (operation: Operation) => [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
const isDelete = (operation: Operation) => operation.method === 'DELETE';
/** Keys the JSON parser refuses outright (prototype pollution): such bodies are a 400 as a whole. */
const POLLUTING_KEY = /"(__proto__|constructor)":/;
/** Path values that still address the operation (an empty or over-long segment is another URL). */
const pathValue = hostileString.filter((value) => value.length > 0 && value.length <= 300);
/** Whether an absent or `null` body is a valid (empty) document for the operation. */
const emptyBodyAllowed = (operation: Operation) => {
  const schema = resolveSchema(operation.bodySchema);
  return !operation.bodyRequired || (schema?.type === 'object' && !(schema.required as string[] | undefined)?.length);
};

/** A value of a paging parameter the service must refuse. */
function invalidPaging(name: string, value: string | undefined): boolean {
  if (value === undefined || (name !== 'pageSize' && name !== 'pageNumber')) return false;
  if (!/^\d+$/.test(value) || Number(value) < 1) return true;
  return name === 'pageSize' && Number(value) > 1000;
}

describe('reliability: OpenAPI-driven fuzzing', () => {
  let server: TestServer;
  const recorder = new Recorder(() => server.baseUrl).tolerate(KNOWN_ISSUES);
  const tokens: { staff?: string; customer?: string } = {};
  let counter = 0;
  const tally = { conforming: 0, nonConforming: 0, rawAttacks: 0, validRequests: 0 };

  const tokenFor = (operation: Operation) =>
    operation.scopes.some((scope) => !isOwnScope(scope)) ? tokens.staff : tokens.customer;

  /** Sends a fixture's request, which must succeed, and returns its answer. */
  async function setup(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.staff}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    const text = await response.text();
    if (response.status >= 300 || /"code":[45]\d\d/.test(text))
      throw new Error(`fixture ${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** The fixtures the path values name, and disposable ones for the valid deletes. */
  async function createFixtures(): Promise<void> {
    const s = `/customer-segment/${TEST_TENANT}`;
    const cm = `/customer-management/${TEST_TENANT}`;
    for (const id of ['fz-seg', 'fz-del', 'fz-del-bulk'])
      await setup('POST', `${s}/segments`, { id, name: { en: id }, siteCode: 'main', status: 'ACTIVE' });
    await setup(
      'PUT',
      `${s}/catalog/categories/bulk`,
      ['cat-1', 'cat-del'].map((id) => ({ id, code: id, name: { en: id } })),
    );
    await setup(
      'PUT',
      `${s}/catalog/products/bulk`,
      ['prod-1', 'prod-del-catalog'].map((id) => ({ id, code: id, name: { en: id }, categoryIds: ['cat-1'] })),
    );
    await setup(
      'PUT',
      `${cm}/customers/bulk`,
      ['cust-1', 'cust-del-cm'].map((id) => ({ id, firstName: id, lastName: id })),
    );
    for (const id of ['loc-1', 'loc-del'])
      await setup('POST', `${cm}/locations`, { id, name: id, type: 'OFFICE', contactDetails: { city: 'Berlin' } });
    for (const id of ['le-1', 'le-del']) await setup('POST', `${cm}/legal-entities`, { id, name: id });
    for (const id of ['ca-1', 'ca-del'])
      await setup('POST', `${cm}/contact-assignments`, { id, legalEntity: { id: 'le-1' }, customer: { id: 'cust-1' } });
    for (const customer of ['cust-1', 'cust-del', 'cust-del-bulk']) {
      await setup('PUT', `${s}/segments/fz-seg/customers/${customer}`);
      await setup('PUT', `${s}/segments/fz-seg/customers/${customer}/le-1`);
    }
    for (const item of ['prod-1', 'prod-del', 'prod-del-bulk'])
      await setup('PUT', `${s}/segments/fz-seg/items/PRODUCT/${item}`);
    await setup('PUT', `${s}/segments/fz-seg/items/CATEGORY/cat-1`);
    await setup('PUT', `${s}/segments/fz-del/customers/cust-1`);
    await setup('PUT', `${s}/segments/fz-seg/exclusions/cust-1`);
    await setup('PUT', `${s}/segments/fz-seg/exclusions/cust-1/le-1`);
    for (const key of ['endpointId', 'disposableEndpointId']) {
      const created = await setup('POST', `/webhooks/${TEST_TENANT}/endpoints`, { url: 'https://hooks.example.com/' });
      FIXTURES[key] = (created as { id: string }).id;
    }
    // The test message records an attempt whatever it came to (the host does not resolve here).
    const ping = await setup('POST', `/webhooks/${TEST_TENANT}/endpoints/${FIXTURES.endpointId}/test`);
    FIXTURES.attemptId = (ping as { id: string }).id;
  }

  beforeAll(async () => {
    server = await startTestServer();
    tokens.staff = await server.token(STAFF_SCOPES);
    tokens.customer = await server.token(OWN_SCOPES, { customerId: 'cust-1' });
    await createFixtures();
  });
  afterAll(() => server.close());

  function send(
    operation: Operation,
    spec: Partial<RequestSpec> & { pathValues?: Record<string, string> },
  ): Promise<CallResult> {
    const { pathValues, ...rest } = spec;
    return recorder.send(operation.operationId, {
      method: operation.method,
      path: fillPath(operation.path, { ...FIXTURES, ...pathValues }),
      token: tokenFor(operation),
      ...rest,
    });
  }

  const describeRequest = (what: string, value: unknown) => `${what} ${JSON.stringify(value)?.slice(0, 300)}`;

  /** Checks a response to a body that conforms (anything but 5xx, which the recorder flags) or not (4xx). */
  function judgeBody(operation: Operation, body: unknown, result: CallResult): string | undefined {
    const schema = operation.bodySchema;
    if (!schema) return undefined;
    const resolved = resolveSchema(schema);
    if (POLLUTING_KEY.test(JSON.stringify(body) ?? '')) {
      tally.nonConforming++;
      return result.status === 400 ? undefined : `a body with a prototype-polluting key got ${result.status}`;
    }
    if (isBulk(operation) && resolved?.type === 'array') {
      if (!Array.isArray(body) || body.length === 0 || body.length > MAX_BULK_ITEMS) {
        tally.nonConforming++;
        return result.status === 400
          ? undefined
          : `a bulk body that is not an array of 1-${MAX_BULK_ITEMS} items got ${result.status}`;
      }
      if (result.status !== 207 || !Array.isArray(result.json)) return `a bulk array got ${result.status}`;
      const results = result.json as Array<{ index: number; code: number }>;
      if (body.every((item) => conformsTo(resolved.items, item))) tally.conforming++;
      else tally.nonConforming++;
      const accepted = body
        .map((item, index) => ({ index, item, code: results.find((entry) => entry.index === index)?.code }))
        .filter(
          ({ item, code }) => !conformsTo(resolved.items, item) && (code === undefined || code < 400 || code >= 500),
        );
      return accepted.length
        ? `non-conforming bulk items were not refused: ${JSON.stringify(accepted).slice(0, 400)}`
        : undefined;
    }
    const conformant = body === undefined || body === null ? emptyBodyAllowed(operation) : conformsTo(schema, body);
    tally[conformant ? 'conforming' : 'nonConforming']++;
    if (!conformant && (result.status < 400 || result.status >= 500))
      return `a non-conforming body was answered ${result.status}`;
    return undefined;
  }

  async function fuzzBodies(operation: Operation, index: number): Promise<void> {
    if (!operation.bodySchema) return;
    const samples = fc.sample(fc.oneof(conforming(operation.bodySchema), mutated(operation.bodySchema)), {
      seed: SEED + index,
      numRuns: RUNS,
    });
    for (const body of samples) {
      // Deletes keep to their disposable fixtures' paths, so random bodies cannot remove the shared ones.
      const result = await send(operation, {
        body,
        ...(isDelete(operation) && { pathValues: VALID[operation.operationId]?.(0).path }),
      });
      recorder.expectThat(operation.operationId, describeRequest('body', body), judgeBody(operation, body, result));
    }
  }

  async function fuzzParameters(operation: Operation, index: number): Promise<void> {
    const names = queryParameters(operation);
    const paths = pathParameters(operation);
    const pagingValue = fc.oneof(
      hostileString,
      fc.constantFrom(
        '0',
        '-1',
        '1',
        '16',
        '1000',
        '1001',
        '1.5',
        '1e3',
        '0x10',
        ' 5',
        '99999999999999999999',
        '00016',
      ),
    );
    const cases = fc.sample(
      fc.record({
        query: fc.dictionary(fc.constantFrom(...(names.length ? names : ['q'])), pagingValue, { maxKeys: 4 }),
        acceptLanguage: fc.option(
          fc.oneof(
            hostileString,
            fc.constantFrom('de', '*', 'de-CH, de;q=0.9, en;q=0.5', 'en;q=abc', ',,,', 'x'.repeat(3000)),
          ),
          { nil: undefined },
        ),
        contentLanguage: fc.option(fc.oneof(hostileString, fc.constantFrom('de', '*', 'not a language')), {
          nil: undefined,
        }),
        totalCount: fc.option(fc.constantFrom('true', 'false', 'yes', '', '1'), { nil: undefined }),
        pathValue: paths.length
          ? fc.option(fc.tuple(fc.constantFrom(...paths), pathValue), { nil: undefined, freq: 3 })
          : fc.constant(undefined),
      }),
      { seed: SEED + 7919 * (index + 1), numRuns: RUNS },
    );
    const valid = VALID[operation.operationId]?.(++counter) ?? {};
    for (const input of cases) {
      const pathValues = { ...valid.path };
      // Deletes always get a hostile last path value: never one of the shared fixtures.
      const [pathName, pathValue] =
        input.pathValue ?? (isDelete(operation) ? [paths[paths.length - 1], 'fz-nothing'] : [undefined, undefined]);
      if (pathName) pathValues[pathName] = pathValue as string;
      const headers: Record<string, string> = {};
      if (input.acceptLanguage !== undefined) headers['accept-language'] = headerSafe(input.acceptLanguage);
      if (input.contentLanguage !== undefined) headers['content-language'] = headerSafe(input.contentLanguage);
      if (input.totalCount !== undefined) headers['x-total-count'] = input.totalCount;
      const query = names.length ? input.query : {};
      const result = await send(operation, { pathValues, query, headers, body: valid.body });
      const badPaging = Object.entries(query).some(([name, value]) => invalidPaging(name, value));
      const badTenant = pathName === 'tenant' && !/^[a-z][a-z0-9]{2,15}$/.test(pathValue as string);
      const refused = result.status >= 400 && result.status < 500;
      recorder.expectThat(
        operation.operationId,
        describeRequest('parameters', { query, headers, pathValues }),
        (badPaging || badTenant) && !refused ? `invalid paging or tenant was answered ${result.status}` : undefined,
      );
    }
  }

  /** Hostile raw bodies: each must be refused with 4xx (a 5 MB string only when the schema forbids it). */
  async function rawAttacks(operation: Operation): Promise<void> {
    if (!operation.bodySchema) return;
    const valid = VALID[operation.operationId]?.(++counter) ?? {};
    const pathValues = valid.path;
    const arrayBody = resolveSchema(operation.bodySchema)?.type === 'array';
    const wrap = (inner: string) => (arrayBody ? `[${inner}]` : inner);
    const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const attacks: Array<{
      name: string;
      body?: string | Buffer;
      contentType?: string;
      expectRefusal: boolean;
      status?: number;
    }> = [
      { name: '10k-deep array', body: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, expectRefusal: true },
      {
        name: '10k-deep mixins',
        body: wrap(`{"id":"deep-1","name":{"en":"x"},"siteCode":"main","mixins":${deep(10_000)}}`),
        expectRefusal: true,
      },
      {
        name: '100-deep mixins',
        body: wrap(`{"id":"deep-2","name":{"en":"x"},"siteCode":"main","mixins":${deep(100)}}`),
        expectRefusal: true,
      },
      { name: 'malformed JSON', body: '{"name":', expectRefusal: true },
      { name: 'empty JSON body', body: '', expectRefusal: !emptyBodyAllowed(operation) },
      { name: 'JSON null', body: 'null', expectRefusal: !emptyBodyAllowed(operation) },
      { name: 'JSON string', body: '"text"', expectRefusal: true },
      {
        name: 'prototype pollution',
        body: wrap('{"__proto__":{"polluted":true},"name":{"en":"x"}}'),
        expectRefusal: true,
      },
      { name: 'text/plain', body: JSON.stringify(valid.body ?? {}), contentType: 'text/plain', expectRefusal: true },
      {
        name: 'application/xml',
        body: '<segment><name>x</name></segment>',
        contentType: 'application/xml',
        expectRefusal: true,
      },
      {
        name: 'multipart/form-data',
        body: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n',
        contentType: 'multipart/form-data; boundary=b',
        expectRefusal: true,
      },
      { name: 'no content type', body: JSON.stringify(valid.body ?? {}), contentType: '', expectRefusal: true },
      { name: '11 MB body', body: Buffer.alloc(11 * 1024 * 1024, 0x20), expectRefusal: true, status: 413 },
    ];
    if (isBulk(operation) && arrayBody)
      attacks.push({
        name: '201 items',
        body: JSON.stringify(
          Array.from({ length: 201 }, (_, i) =>
            typeof (valid.body as unknown[])?.[0] === 'string' ? `x${i}` : { id: `x${i}`, customerId: `x${i}` },
          ),
        ),
        expectRefusal: true,
      });
    // A 5 MB string in the first string field (of the first item of a bulk request).
    const huge = withFirstString(
      isBulk(operation) && arrayBody ? [(valid.body as unknown[])[0]] : valid.body,
      'h'.repeat(FIVE_MB),
    );
    if (huge !== undefined)
      attacks.push({
        name: '5 MB string',
        body: JSON.stringify(huge),
        expectRefusal: !(isBulk(operation)
          ? conformsTo(resolveSchema(operation.bodySchema)?.items, (huge as unknown[])[0])
          : conformsTo(operation.bodySchema, huge)),
      });
    // The token endpoint also takes form bodies.
    const acceptsForms = operation.contentTypes.includes('application/x-www-form-urlencoded');
    for (const attack of attacks) {
      if (acceptsForms && attack.contentType === 'text/plain') continue;
      const contentType = attack.contentType ?? 'application/json';
      // fetch labels string bodies text/plain; a Buffer goes without a content type.
      const rawBody = !contentType && typeof attack.body === 'string' ? Buffer.from(attack.body) : attack.body;
      const result = await send(operation, {
        pathValues,
        query: valid.query,
        rawBody,
        headers: contentType ? { 'content-type': contentType } : {},
      });
      tally.rawAttacks++;
      const refused =
        result.status >= 400 && result.status < 500 && (attack.status === undefined || result.status === attack.status);
      const bulkRefused =
        result.status === 207 &&
        Array.isArray(result.json) &&
        result.json.every((entry: { code: number }) => entry.code >= 400 && entry.code < 500);
      recorder.expectThat(
        operation.operationId,
        `raw attack: ${attack.name}`,
        attack.expectRefusal && !refused && !bulkRefused
          ? `was answered ${result.status} ${result.text.slice(0, 200)}`
          : undefined,
      );
    }
  }

  async function validRequest(operation: Operation): Promise<void> {
    const valid = VALID[operation.operationId]?.(++counter) ?? {};
    const result = await send(operation, { pathValues: valid.path, query: valid.query, body: valid.body });
    tally.validRequests++;
    const failedItems =
      result.status === 207 && Array.isArray(result.json)
        ? result.json.filter((entry: { code: number }) => entry.code >= 300)
        : [];
    recorder.expectThat(
      operation.operationId,
      `valid request ${JSON.stringify(valid)}`,
      result.status >= 300 || failedItems.length
        ? `was answered ${result.status} ${result.text.slice(0, 300)}`
        : undefined,
    );
  }

  it(
    'accepts a valid request of every operation, refuses invalid input with 4xx and never answers 5xx',
    async () => {
      const started = Date.now();
      const ordered = [...operations.filter((operation) => !isDelete(operation)), ...operations.filter(isDelete)];
      // Valid requests first (deletes last: they remove their disposable fixtures), then the fuzzing.
      for (const operation of ordered) await validRequest(operation);
      await inParallel(
        operations.map((operation, index) => ({ operation, index })),
        4,
        async ({ operation, index }) => {
          await fuzzBodies(operation, index);
          await fuzzParameters(operation, index);
          await rawAttacks(operation);
        },
      );
      const totals = recorder.totals();
      report(
        recorder.summary(`OpenAPI fuzzing (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS})`, {
          'valid requests (all 2xx)': tally.validRequests,
          'random bodies conforming / not conforming to the schema': `${tally.conforming} / ${tally.nonConforming}`,
          'raw attacks (deep, huge, malformed, wrong content type)': tally.rawAttacks,
          'wall time': `${((Date.now() - started) / 1000).toFixed(1)} s`,
        }),
      );
      expect(totals.operations).toBe(operations.length);
      expect(totals.serverErrors).toBe(0);
      expect(recorder.unexpected).toEqual([]);
    },
    Math.max(600_000, RUNS * 60_000),
  );
});

/** A header value HTTP can carry: printable ASCII (anything else becomes `?`). */
function headerSafe(value: string): string {
  return [...value].map((char) => (char >= ' ' && char <= '~' ? char : '?')).join('');
}

/** `value` with its first string leaf replaced by `replacement` (undefined when it has none). */
function withFirstString(value: unknown, replacement: string): unknown {
  let done = false;
  const visit = (node: unknown): unknown => {
    if (done) return node;
    if (typeof node === 'string') {
      done = true;
      return replacement;
    }
    if (Array.isArray(node)) return node.map(visit);
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]));
    return node;
  };
  const result = visit(value);
  return done ? result : undefined;
}
