import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import type { CustomerEntity, Row } from '@cs/api/testing';
import { ALL_SCOPES, isOwnScope } from '@cs/contracts';
import fc from 'fast-check';
import { isErrorBody, knob } from './harness';
import { problemFields } from '../fixtures';
import { JsonAnswer, sendJson } from '../support';

/**
 * Client strings that name members of `Object.prototype` are ordinary ids, keys, mixin names and
 * query parameters: stored, found, updated and deleted like any other, and they never reach the
 * objects of the process. The service runs in this process, so its built-in objects are compared
 * before and after (own keys and values of `Object.prototype`, `Object`, `Function.prototype`, ...).
 */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
] as const;
const SEED = knob('FUZZ_SEED', 20_240_611, 20_240_611);
const RUNS = knob('PROTOTYPE_RUNS', 12, 100);
const OTHER_TENANT = 'othertenant';
const STAFF_SCOPES = ALL_SCOPES.filter((scope) => !isOwnScope(scope));
const S = `/customer-segment/${TEST_TENANT}`;
const CM = `/customer-management/${TEST_TENANT}`;

/** Every own property (and its value) of the built-ins a polluting write would change. */
function builtIns(): Map<string, unknown> {
  const objects: Record<string, object> = {
    'Object.prototype': Object.prototype,
    Object,
    'Function.prototype': Function.prototype,
    'Array.prototype': Array.prototype,
    'String.prototype': String.prototype,
    'Object.prototype.toString': Object.prototype.toString,
    'Object.prototype.hasOwnProperty': Object.prototype.hasOwnProperty,
    'Object.prototype.valueOf': Object.prototype.valueOf,
  };
  const properties = new Map<string, unknown>();
  for (const [name, object] of Object.entries(objects)) {
    for (const key of Reflect.ownKeys(object)) {
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      properties.set(
        `${name}.${String(key)}`,
        descriptor && 'value' in descriptor ? descriptor.value : descriptor?.get,
      );
    }
  }
  return properties;
}

/** The properties of `after` that `before` does not have with the same value. */
function changedBuiltIns(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  return [...after.entries()]
    .filter(([key, value]) => !before.has(key) || before.get(key) !== value)
    .map(([key]) => key);
}

/** JSON with the keys of every object sorted (jsonb keeps its own key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const object = value as Record<string, unknown>;
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`)
    .join(',')}}`;
}

/** One kind of document, written and read by the routes that take a client id (`id`) and a second id (`other`). */
interface Resource {
  name: string;
  /** Writes the document with `mixins` (and `metadata.mixins` where the route takes them); the expected success codes. */
  write(
    id: string,
    other: string,
    mixins: Record<string, unknown>,
    metadataMixins: Record<string, string>,
  ): Promise<JsonAnswer>;
  /** The stored `mixins` and `metadata.mixins` (undefined when the document is absent). */
  read(id: string, other: string): Promise<{ mixins: unknown; metadataMixins?: unknown } | undefined>;
  remove(id: string, other: string): Promise<JsonAnswer>;
}

describe('reliability: prototype names as ids, keys and parameters', () => {
  let server: TestServer;
  let staff: string;

  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, token = staff) =>
    sendJson(server.baseUrl, token, method, path, body, headers);

  const path = (value: string) => encodeURIComponent(value);
  /** The code of the single item of a 207 answer (or the status of a whole-request answer). */
  const itemCode = (answer: JsonAnswer) =>
    answer.status === 207 ? (answer.json as Array<{ code: number }>)[0].code : answer.status;
  const found = async (
    path: string,
    pick: (json: Record<string, unknown>) => { mixins: unknown; metadataMixins?: unknown },
  ) => {
    const answer = await api('GET', path);
    if (answer.status === 404) return undefined;
    expect(answer.status).toBe(200);
    return pick(answer.json as Record<string, unknown>);
  };
  const documentMixins = (json: Record<string, unknown>) => ({
    mixins: json.mixins ?? {},
    metadataMixins: (json.metadata as { mixins?: unknown }).mixins ?? {},
  });

  const RESOURCES: Resource[] = [
    {
      name: 'segment (PUT, DELETE)',
      write: (id, _other, mixins, metadataMixins) =>
        api('PUT', `${S}/segments/${path(id)}`, {
          name: { en: id },
          siteCode: 'main',
          mixins,
          metadata: { mixins: metadataMixins },
        }),
      read: (id) => found(`${S}/segments/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${S}/segments/${path(id)}?forceDelete=true`),
    },
    {
      name: 'segment (PUT bulk, DELETE bulk)',
      write: (id, _other, mixins, metadataMixins) =>
        api('PUT', `${S}/segments/bulk`, [
          { id, name: { en: id }, siteCode: 'main', mixins, metadata: { mixins: metadataMixins } },
        ]),
      read: (id) => found(`${S}/segments/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${S}/segments/bulk?forceDelete=true`, [id]),
    },
    {
      name: 'customer assignment (bulk, B2B)',
      write: (id, other, mixins, metadataMixins) =>
        api('PUT', `${S}/segments/pk-seg/customers/bulk`, [
          { customerId: id, legalEntityId: other, mixins, metadata: { mixins: metadataMixins, version: 1 } },
        ]),
      read: (id, other) => found(`${S}/segments/pk-seg/customers/${path(id)}/${path(other)}`, documentMixins),
      remove: (id, other) =>
        api('DELETE', `${S}/segments/pk-seg/customers/bulk`, [{ customerId: id, legalEntityId: other }]),
    },
    {
      name: 'customer assignment (B2C, in a segment of that id)',
      write: async (id, _other, mixins, metadataMixins) => {
        expect(
          (await api('PUT', `${S}/segments/${path(id)}`, { name: { en: id }, siteCode: 'main' })).status,
        ).toBeLessThan(300);
        return api('PUT', `${S}/segments/${path(id)}/customers/${path(id)}`, {
          mixins,
          metadata: { mixins: metadataMixins },
        });
      },
      read: (id) => found(`${S}/segments/${path(id)}/customers/${path(id)}`, documentMixins),
      remove: async (id) => {
        const answer = await api('DELETE', `${S}/segments/${path(id)}/customers/${path(id)}`);
        expect((await api('DELETE', `${S}/segments/${path(id)}`)).status).toBe(204);
        return answer;
      },
    },
    {
      name: 'customer assignment (B2B, PUT)',
      write: (id, other, mixins, metadataMixins) =>
        api('PUT', `${S}/segments/pk-seg/customers/${path(other)}/${path(id)}`, {
          mixins,
          metadata: { mixins: metadataMixins },
        }),
      read: (id, other) => found(`${S}/segments/pk-seg/customers/${path(other)}/${path(id)}`, documentMixins),
      remove: (id, other) => api('DELETE', `${S}/segments/pk-seg/customers/${path(other)}/${path(id)}`),
    },
    {
      name: 'item assignment (bulk)',
      write: (id, _other, mixins, metadataMixins) =>
        api('PUT', `${S}/segments/pk-seg/items/PRODUCT/bulk`, [
          { id, mixins, metadata: { mixins: metadataMixins, version: 1 } },
        ]),
      read: (id) => found(`${S}/segments/pk-seg/items/PRODUCT/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${S}/segments/pk-seg/items/PRODUCT/bulk`, [id]),
    },
    {
      name: 'item assignment (PUT)',
      write: (id, _other, mixins, metadataMixins) =>
        api('PUT', `${S}/segments/pk-seg/items/CATEGORY/${path(id)}`, { mixins, metadata: { mixins: metadataMixins } }),
      read: (id) => found(`${S}/segments/pk-seg/items/CATEGORY/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${S}/segments/pk-seg/items/CATEGORY/${path(id)}`),
    },
    {
      name: 'catalog category (bulk)',
      write: (id, other, mixins, metadataMixins) =>
        api('PUT', `${S}/catalog/categories/bulk`, [
          {
            id,
            code: other,
            name: { en: other },
            parentId: id === other ? undefined : other,
            mixins,
            metadata: { mixins: metadataMixins },
          },
        ]),
      read: (id) => found(`${S}/catalog/categories/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${S}/catalog/categories/bulk`, [id]),
    },
    {
      name: 'catalog product (bulk)',
      write: (id, other, mixins, metadataMixins) =>
        api('PUT', `${S}/catalog/products/bulk`, [
          {
            id,
            code: other,
            name: { en: other },
            categoryIds: [other, id],
            mixins,
            metadata: { mixins: metadataMixins },
          },
        ]),
      read: (id) => found(`${S}/catalog/products/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${S}/catalog/products/bulk`, [id]),
    },
    {
      name: 'legal entity (PUT)',
      write: (id, other, mixins, metadataMixins) =>
        api('PUT', `${CM}/legal-entities/${path(id)}`, {
          name: other,
          type: 'COMPANY',
          customerGroups: [{ id: other, name: { en: other } }],
          mixins,
          metadata: { mixins: metadataMixins },
        }),
      read: (id) => found(`${CM}/legal-entities/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${CM}/legal-entities/${path(id)}`),
    },
    {
      name: 'location (PUT)',
      write: (id, other, mixins, metadataMixins) =>
        api('PUT', `${CM}/locations/${path(id)}`, {
          name: other,
          type: 'OFFICE',
          contactDetails: { city: other },
          mixins,
          metadata: { mixins: metadataMixins },
        }),
      read: (id) => found(`${CM}/locations/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${CM}/locations/${path(id)}`),
    },
    {
      name: 'contact assignment (PUT)',
      write: (id, other, mixins, metadataMixins) =>
        api('PUT', `${CM}/contact-assignments/${path(id)}`, {
          legalEntity: { id: 'pk-le' },
          customer: { id: other },
          type: 'BILLING',
          mixins,
          metadata: { mixins: metadataMixins },
        }),
      read: (id) => found(`${CM}/contact-assignments/${path(id)}`, documentMixins),
      remove: (id) => api('DELETE', `${CM}/contact-assignments/${path(id)}`),
    },
    {
      name: 'customer data (bulk; read through a customer assignment)',
      write: (id, other, mixins) => api('PUT', `${CM}/customers/bulk`, [{ id, firstName: other, mixins }]),
      read: async (id) => {
        const rows: Array<Pick<Row<CustomerEntity>, 'mixins'>> = await server.db.query(
          'SELECT mixins FROM customer WHERE tenant = $1 AND id = $2',
          [TEST_TENANT, id],
        );
        return rows[0] && { mixins: rows[0].mixins };
      },
      remove: (id) => api('DELETE', `${CM}/customers/bulk`, [id]),
    },
  ];

  let before: Map<string, unknown>;
  beforeAll(async () => {
    before = builtIns();
    server = await startTestServer();
    staff = await server.token(STAFF_SCOPES);
    expect((await api('PUT', `${S}/segments/pk-seg`, { name: { en: 'fixture' }, siteCode: 'main' })).status).toBe(201);
    expect((await api('PUT', `${CM}/legal-entities/pk-le`, { name: 'fixture', type: 'COMPANY' })).status).toBe(201);
  });
  afterAll(() => server.close());

  /** What another tenant does right after: tokens, lists and bulk writes still work. */
  async function expectOtherTenantServed(): Promise<void> {
    const other = await server.token(STAFF_SCOPES, { tenant: OTHER_TENANT });
    expect((await api('GET', `/customer-segment/${OTHER_TENANT}/segments`, undefined, {}, other)).status).toBe(200);
    const bulk = await api(
      'PUT',
      `/customer-segment/${OTHER_TENANT}/segments/bulk`,
      [{ id: 'after', name: { en: 'after' }, siteCode: 'main' }],
      {},
      other,
    );
    expect(bulk.status).toBe(207);
    expect((bulk.json as Array<{ code: number }>).map((entry) => entry.code)).toEqual([expect.any(Number)]);
    expect([201, 204]).toContain(itemCode(bulk));
    const assign = await api(
      'PUT',
      `/customer-segment/${OTHER_TENANT}/segments/after/customers/bulk`,
      [{ customerId: 'c1', metadata: { version: 1 } }],
      {},
      other,
    );
    expect([201, 204]).toContain(itemCode(assign));
    expect(
      (await api('GET', `/customer-segment/${OTHER_TENANT}/segments/after/customers`, undefined, {}, other)).status,
    ).toBe(200);
  }

  it('stores the customer id __proto__ with an expected version (bulk) as an ordinary id, and pollutes nothing', async () => {
    const bulk = await api('PUT', `${S}/segments/pk-seg/customers/bulk`, [
      { customerId: '__proto__', legalEntityId: 'customerId', metadata: { version: 7 } },
    ]);
    expect(bulk).toEqual({ status: 207, json: [{ index: 0, code: 201, status: 'Created' }] });
    // A segment with the id __proto__ is the second way into the same lookup.
    expect((await api('PUT', `${S}/segments/__proto__`, { name: { en: 'proto' }, siteCode: 'main' })).status).toBe(201);
    const inProto = await api('PUT', `${S}/segments/__proto__/customers/bulk`, [
      { customerId: 'customerId', metadata: { version: 7 } },
      { customerId: 'constructor', legalEntityId: '__proto__', metadata: { version: 3 } },
    ]);
    expect(inProto.json).toEqual([
      expect.objectContaining({ index: 0, code: 201 }),
      expect.objectContaining({ index: 1, code: 201 }),
    ]);
    expect(changedBuiltIns(before, builtIns())).toEqual([]);
    expect(({} as Record<string, unknown>).customerId).toBeUndefined();

    const stored = await api('GET', `${S}/segments/pk-seg/customers/__proto__/customerId`);
    expect(stored.status).toBe(200);
    expect(stored.json).toMatchObject({
      customer: { id: '__proto__' },
      legalEntity: { id: 'customerId' },
      metadata: { version: 1 },
    });
    // The expected version is checked for these keys like for any other: 7 is not the stored 1.
    const stale = await api('PUT', `${S}/segments/pk-seg/customers/bulk`, [
      { customerId: '__proto__', legalEntityId: 'customerId', metadata: { version: 7 } },
    ]);
    expect(itemCode(stale)).toBe(409);
    const current = await api('PUT', `${S}/segments/__proto__/customers/bulk`, [
      { customerId: 'constructor', legalEntityId: '__proto__', metadata: { version: 1 } },
    ]);
    expect(itemCode(current)).toBe(204);
    expect((await api('GET', `${S}/segments/__proto__/customers`)).json).toHaveLength(2);
    expect((await api('DELETE', `${S}/segments/__proto__?forceDelete=true`)).status).toBe(204);
    expect((await api('GET', `${S}/segments/__proto__`)).status).toBe(404);

    await expectOtherTenantServed();
    expect(changedBuiltIns(before, builtIns())).toEqual([]);
  });

  it('PATCH treats inherited names as absent keys and own keys of those names like any other', async () => {
    expect((await api('PUT', `${S}/segments/pk-patch`, { name: { en: 'patch' }, siteCode: 'main' })).status).toBe(201);
    // An inherited name is no member of the stored mixins: replacing or removing it, or adding below it, is
    // refused like on any other absent key.
    const refusals = [
      { op: 'replace', path: '/mixins/toString', value: 1 },
      { op: 'remove', path: '/mixins/valueOf' },
      { op: 'replace', path: '/metadata/mixins/hasOwnProperty', value: 'https://example.com/schema' },
      { op: 'add', path: '/mixins/constructor/assign', value: 1 },
      { op: 'add', path: '/mixins/__proto__/x', value: 1 },
      { op: 'add', path: '/mixins/constructor/prototype/x', value: 1 },
    ];
    for (const operation of refusals) {
      const refused = await api('PATCH', `${S}/segments/pk-patch`, [operation]);
      expect({ operation, status: refused.status, errorBody: isErrorBody(refused.json, 400) }).toEqual({
        operation,
        status: 400,
        errorBody: true,
      });
    }
    expect((await api('GET', `${S}/segments/pk-patch`)).json).not.toHaveProperty('mixins');
    expect(changedBuiltIns(before, builtIns())).toEqual([]);
    const patch = await api('PATCH', `${S}/segments/pk-patch`, [
      { op: 'add', path: '/mixins/constructor', value: { assign: 1 } },
      { op: 'add', path: '/mixins/constructor/assign', value: 2 },
      { op: 'add', path: '/mixins/toString', value: { polluted: true } },
      { op: 'add', path: '/metadata/mixins/hasOwnProperty', value: 'https://example.com/schema' },
    ]);
    expect(patch.status).toBe(204);
    expect(changedBuiltIns(before, builtIns())).toEqual([]);
    expect((await api('GET', `${S}/segments/pk-patch`)).json).toMatchObject({
      mixins: { constructor: { assign: 2 }, toString: { polluted: true } },
      metadata: { mixins: { hasOwnProperty: 'https://example.com/schema' } },
    });
  });

  it('treats such names as ids, mixin keys and query parameters on every write route, and reads and deletes them back', async () => {
    const name = fc.constantFrom(...PROTOTYPE_NAMES);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ id: name, other: name, key: name, inner: name }),
        async ({ id, other, key, inner }) => {
          const problems: string[] = [];
          const check = (holds: boolean, what: string) => {
            if (!holds) problems.push(`${what} (id ${id}, other ${other}, key ${key}, inner ${inner})`);
          };
          for (const resource of RESOURCES) {
            const plain = { set: { value: id } };
            const plainSchemas = { set: 'https://example.com/set' };
            const created = await resource.write(id, other, plain, plainSchemas);
            check(
              [201, 204].includes(itemCode(created)),
              `${resource.name}: write answered ${JSON.stringify(created)}`,
            );
            // A body with a __proto__ key is refused whole by the JSON parser (400); other names are ordinary keys.
            const keyed = { [key]: { [inner]: id, list: [other] } };
            const keyedSchemas = { [key]: `https://example.com/${inner}` };
            const refusedByParser = key === '__proto__' || inner === '__proto__';
            const rewritten = await resource.write(id, other, keyed, keyedSchemas);
            if (refusedByParser)
              check(
                rewritten.status === 400 && isErrorBody(rewritten.json, 400),
                `${resource.name}: a __proto__ key answered ${JSON.stringify(rewritten)}`,
              );
            else
              check(
                itemCode(rewritten) === 204,
                `${resource.name}: rewrite with mixin keys answered ${JSON.stringify(rewritten)}`,
              );
            const stored = await resource.read(id, other);
            const expected = refusedByParser ? plain : keyed;
            check(
              canonical(stored?.mixins) === canonical(expected),
              `${resource.name}: stored mixins ${JSON.stringify(stored?.mixins)}, not ${JSON.stringify(expected)}`,
            );
            const expectedSchemas = refusedByParser ? plainSchemas : keyedSchemas;
            if (stored?.metadataMixins !== undefined)
              check(
                canonical(stored.metadataMixins) === canonical(expectedSchemas),
                `${resource.name}: stored metadata.mixins ${JSON.stringify(stored.metadataMixins)}`,
              );
            const removed = await resource.remove(id, other);
            check(itemCode(removed) === 204, `${resource.name}: delete answered ${JSON.stringify(removed)}`);
            check((await resource.read(id, other)) === undefined, `${resource.name}: still there after the delete`);
          }
          // As language keys (or Content-Language) such names are no language tags: refused, naming the field.
          const named = (answer: JsonAnswer, field: string, inBody = true) => {
            const error = (answer.status === 207 ? (answer.json as unknown[])[0] : answer.json) as { code?: number };
            if (inBody && key === '__proto__') return answer.status === 400; // refused by the JSON parser
            return error.code === 400 && problemFields(error).includes(field);
          };
          const segmentName = await api('PUT', `${S}/segments/pk-seg`, { name: { [key]: id }, siteCode: 'main' });
          check(
            named(segmentName, 'name'),
            `a segment name with the language ${key} answered ${JSON.stringify(segmentName)}`,
          );
          const productName = await api('PUT', `${S}/catalog/products/bulk`, [{ id, name: { en: id, [key]: id } }]);
          check(
            named(productName, 'name'),
            `a product name with the language ${key} answered ${JSON.stringify(productName)}`,
          );
          const header = await api(
            'PUT',
            `${S}/segments/pk-seg`,
            { name: id, siteCode: 'main' },
            { 'content-language': key },
          );
          check(named(header, 'Content-Language', false), `Content-Language ${key} answered ${JSON.stringify(header)}`);
          for (const list of [
            `${S}/segments`,
            `${S}/segments/pk-seg/customers`,
            `${CM}/legal-entities`,
            `${CM}/locations`,
            `${CM}/contact-assignments`,
          ]) {
            const answer = await api('GET', `${list}?${new URLSearchParams({ [key]: inner, [inner]: '1' })}`);
            check(answer.status === 200, `GET ${list}?${key}=${inner}&${inner}=1 answered ${answer.status}`);
          }
          const changed = changedBuiltIns(before, builtIns());
          check(changed.length === 0, `built-ins changed: ${changed.join(', ')}`);
          expect(problems).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await expectOtherTenantServed();
  }, 300_000);
});
