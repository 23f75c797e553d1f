import { ALL_SCOPES, isOwnScope } from '@cs/contracts';
import fc from 'fast-check';
import { database, tenant } from './fixtures';
import { E2e, JsonAnswer, sendJson, startE2e } from './support';

const S = `/customer-segment/${tenant}`;
const CM = `/customer-management/${tenant}`;

/** One write route: the document it writes first, the same document sent again, and a write that changes it. */
interface WriteRoute {
  route: string;
  method: 'PUT' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  /** The first write: creates the document(s), except on PATCH. */
  first: unknown;
  /**
   * The stored document(s) sent again as a client may send them: other key order, dates in another notation.
   * `version` is the stored version, sent as `metadata.version` where the route takes one (undefined: not sent).
   */
  again: (version?: number) => unknown;
  /** Whether the body may carry `metadata.version`. */
  versioned: boolean;
  /** A write of the same target that changes one document. */
  change: unknown;
  /** The rows the route writes (trusted SQL: table, condition, key column). */
  rows: { table: string; where: string; key: string };
  /** Whether writes of the route record domain events. */
  events: boolean;
}

const segment = (name: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  name,
  description: { en: 'Top customers' },
  status: 'ACTIVE',
  siteCode: 'main',
  validity: { from: '2020-01-01T00:00:00.000Z', to: '2090-01-01T00:00:00.000Z' },
  mixins: { attrs: { tier: 'gold', points: 7 } },
  metadata: { mixins: { attrs: 'https://example.com/attrs.json' } },
  ...extra,
});
/** `segment(...)` with its keys in another order, dates without milliseconds; `version` as metadata.version. */
const segmentAgain = (name: Record<string, string>, version?: number, extra: Record<string, unknown> = {}) => ({
  ...extra,
  metadata: { ...(version !== undefined && { version }), mixins: { attrs: 'https://example.com/attrs.json' } },
  mixins: { attrs: { points: 7, tier: 'gold' } },
  validity: { to: '2090-01-01T00:00:00Z', from: '2020-01-01T00:00:00Z' },
  siteCode: 'main',
  status: 'ACTIVE',
  description: { en: 'Top customers' },
  name: Object.fromEntries(Object.entries(name).reverse()),
});
const withVersion = (body: Record<string, unknown>, version?: number) =>
  version === undefined ? body : { ...body, metadata: { ...(body.metadata as object), version } };

const ROUTES: WriteRoute[] = [
  {
    route: 'PUT segment',
    method: 'PUT',
    path: `${S}/segments/s-put`,
    first: segment({ en: 'Gold', de: 'Gold DE' }),
    again: (version) => segmentAgain({ en: 'Gold', de: 'Gold DE' }, version),
    versioned: true,
    change: segment({ en: 'Gold', de: 'Gold (neu)' }),
    rows: { table: 'segment', where: "id = 's-put'", key: 'id' },
    events: true,
  },
  {
    route: 'PUT segment with Content-Language (merged into the stored texts)',
    method: 'PUT',
    path: `${S}/segments/s-put-de`,
    headers: { 'Content-Language': 'de' },
    first: { ...segment({}), name: 'Gold DE', description: 'Beste Kunden' },
    again: (version) => ({ ...segmentAgain({}, version), name: 'Gold DE', description: 'Beste Kunden' }),
    versioned: true,
    change: { ...segment({}), name: 'Gold DE', description: 'Die besten Kunden' },
    rows: { table: 'segment', where: "id = 's-put-de'", key: 'id' },
    events: true,
  },
  {
    route: 'PATCH segment',
    method: 'PATCH',
    path: `${S}/segments/s-patch`,
    first: [
      { op: 'replace', path: '/name/en', value: 'Patched' },
      { op: 'add', path: '/mixins/extra', value: { a: 1, b: [1, 2] } },
    ],
    again: () => [
      { op: 'replace', path: '/name/en', value: 'Patched' },
      { op: 'replace', path: '/mixins/extra', value: { b: [1, 2], a: 1 } },
      { op: 'replace', path: '/status', value: 'ACTIVE' },
    ],
    versioned: false,
    change: [{ op: 'replace', path: '/mixins/extra/a', value: 2 }],
    rows: { table: 'segment', where: "id = 's-patch'", key: 'id' },
    events: true,
  },
  {
    route: 'PUT segments/bulk',
    method: 'PUT',
    path: `${S}/segments/bulk`,
    first: [
      { id: 's-bulk-1', ...segment({ en: 'One' }) },
      { id: 's-bulk-2', ...segment({ en: 'Two' }) },
    ],
    again: (version) => [
      segmentAgain({ en: 'One' }, version, { id: 's-bulk-1' }),
      segmentAgain({ en: 'Two' }, version, { id: 's-bulk-2' }),
    ],
    versioned: true,
    change: [
      { id: 's-bulk-1', ...segment({ en: 'One' }) },
      { id: 's-bulk-2', ...segment({ en: 'Two (changed)' }) },
    ],
    rows: { table: 'segment', where: "id LIKE 's-bulk-%'", key: 'id' },
    events: true,
  },
  ...(['c-b2c', 'c-b2b/le-1'] as const).map((path): WriteRoute => ({
    route: `PUT ${path.includes('/') ? 'B2B' : 'B2C'} customer assignment`,
    method: 'PUT',
    path: `${S}/segments/seg/customers/${path}`,
    first: { mixins: { loyalty: { tier: 'gold', since: '2020' } }, metadata: { mixins: { loyalty: 'urn:l' } } },
    again: (version) =>
      withVersion(
        { metadata: { mixins: { loyalty: 'urn:l' } }, mixins: { loyalty: { since: '2020', tier: 'gold' } } },
        version,
      ),
    versioned: true,
    change: { mixins: { loyalty: { tier: 'silver', since: '2020' } }, metadata: { mixins: { loyalty: 'urn:l' } } },
    rows: { table: 'customer_assignment', where: `customer_id = '${path.split('/')[0]}'`, key: 'customer_id' },
    events: true,
  })),
  {
    route: 'PUT customer assignments bulk',
    method: 'PUT',
    path: `${S}/segments/seg/customers/bulk`,
    first: [
      { customerId: 'cb-1', mixins: { m: { x: 1, y: 2 } } },
      { customerId: 'cb-2', legalEntityId: 'le-2' },
    ],
    again: (version) => [
      withVersion({ mixins: { m: { y: 2, x: 1 } }, customerId: 'cb-1' }, version),
      withVersion({ legalEntityId: 'le-2', customerId: 'cb-2', mixins: {} }, version),
    ],
    versioned: true,
    change: [
      { customerId: 'cb-1', mixins: { m: { x: 1, y: 3 } } },
      { customerId: 'cb-2', legalEntityId: 'le-2' },
    ],
    rows: { table: 'customer_assignment', where: "customer_id LIKE 'cb-%'", key: 'customer_id' },
    events: true,
  },
  {
    route: 'PUT item assignment',
    method: 'PUT',
    path: `${S}/segments/seg/items/PRODUCT/p-single`,
    first: { mixins: { promo: { code: 'A', pct: 10 } } },
    again: (version) => withVersion({ mixins: { promo: { pct: 10, code: 'A' } }, metadata: { mixins: {} } }, version),
    versioned: true,
    change: { mixins: { promo: { code: 'A', pct: 15 } } },
    rows: { table: 'item_assignment', where: "item_id = 'p-single'", key: 'item_id' },
    events: true,
  },
  {
    route: 'PUT item assignments bulk',
    method: 'PUT',
    path: `${S}/segments/seg/items/CATEGORY/bulk`,
    first: [{ id: 'cat-b1' }, { id: 'cat-b2', mixins: { m: { x: 1 } } }],
    again: (version) => [
      withVersion({ id: 'cat-b1' }, version),
      withVersion({ mixins: { m: { x: 1 } }, id: 'cat-b2' }, version),
    ],
    versioned: true,
    change: [
      { id: 'cat-b1', mixins: { m: { x: 2 } } },
      { id: 'cat-b2', mixins: { m: { x: 1 } } },
    ],
    rows: { table: 'item_assignment', where: "item_id LIKE 'cat-b%'", key: 'item_id' },
    events: true,
  },
  {
    route: 'PUT legal entity',
    method: 'PUT',
    path: `${CM}/legal-entities/le-put`,
    first: {
      name: 'ACME',
      type: 'COMPANY',
      legalInfo: { legalName: 'ACME AG', countryOfRegistration: 'DE' },
      customerGroups: [{ id: 'cg-1' }],
      entitiesAddresses: [{ id: 'loc-1' }],
    },
    again: (version) =>
      withVersion(
        {
          entitiesAddresses: [{ id: 'loc-1' }],
          customerGroups: [{ id: 'cg-1' }],
          legalInfo: { countryOfRegistration: 'DE', legalName: 'ACME AG' },
          type: 'COMPANY',
          name: 'ACME',
        },
        version,
      ),
    versioned: true,
    change: { name: 'ACME', type: 'COMPANY', legalInfo: { legalName: 'ACME SE', countryOfRegistration: 'DE' } },
    rows: { table: 'legal_entity', where: "id = 'le-put'", key: 'id' },
    events: true,
  },
  {
    route: 'PUT location',
    method: 'PUT',
    path: `${CM}/locations/loc-put`,
    first: { name: 'Depot', type: 'WAREHOUSE', contactDetails: { city: 'Berlin', emails: ['a@example.com'] } },
    again: (version) =>
      withVersion(
        { contactDetails: { emails: ['a@example.com'], city: 'Berlin' }, type: 'WAREHOUSE', name: 'Depot' },
        version,
      ),
    versioned: true,
    change: { name: 'Depot', type: 'WAREHOUSE', contactDetails: { city: 'Hamburg', emails: ['a@example.com'] } },
    rows: { table: 'location', where: "id = 'loc-put'", key: 'id' },
    events: true,
  },
  {
    route: 'PUT contact assignment',
    method: 'PUT',
    path: `${CM}/contact-assignments/ca-put`,
    first: { legalEntity: { id: 'le-1' }, customer: { id: 'c-1' }, type: 'BILLING', primary: true },
    again: (version) =>
      withVersion({ primary: true, type: 'BILLING', customer: { id: 'c-1' }, legalEntity: { id: 'le-1' } }, version),
    versioned: true,
    change: { legalEntity: { id: 'le-1' }, customer: { id: 'c-1' }, type: 'BILLING', primary: false },
    rows: { table: 'contact_assignment', where: "id = 'ca-put'", key: 'id' },
    events: true,
  },
  {
    route: 'PUT catalog categories bulk',
    method: 'PUT',
    path: `${S}/catalog/categories/bulk`,
    first: [
      { id: 'k-root', name: { en: 'Root' }, ecn: ['e1'], validity: { from: '2020-01-01T00:00:00.000Z' }, position: 1 },
      { id: 'k-child', parentId: 'k-root', name: { en: 'Child' }, localizedSlug: { en: 'child' }, published: false },
    ],
    again: (version) => [
      withVersion(
        { position: 1, validity: { from: '2020-01-01T00:00:00Z' }, ecn: ['e1'], name: { en: 'Root' }, id: 'k-root' },
        version,
      ),
      withVersion(
        { published: false, localizedSlug: { en: 'child' }, name: { en: 'Child' }, parentId: 'k-root', id: 'k-child' },
        version,
      ),
    ],
    versioned: true,
    change: [
      { id: 'k-root', name: { en: 'Root' }, ecn: ['e1'], validity: { from: '2020-01-01T00:00:00.000Z' }, position: 2 },
      { id: 'k-child', parentId: 'k-root', name: { en: 'Child' }, localizedSlug: { en: 'child' }, published: false },
    ],
    rows: { table: 'catalog_category', where: "id LIKE 'k-%'", key: 'id' },
    events: true,
  },
  {
    route: 'PUT catalog products bulk (category ids are a set)',
    method: 'PUT',
    path: `${S}/catalog/products/bulk`,
    first: [
      { id: 'pr-1', code: 'P1', name: { en: 'One' }, categoryIds: ['k-root', 'k-child'] },
      { id: 'pr-2', name: { en: 'Two' } },
    ],
    again: (version) => [
      withVersion({ categoryIds: ['k-child', 'k-root'], name: { en: 'One' }, code: 'P1', id: 'pr-1' }, version),
      withVersion({ name: { en: 'Two' }, id: 'pr-2', categoryIds: [] }, version),
    ],
    versioned: true,
    change: [
      { id: 'pr-1', code: 'P1', name: { en: 'One' }, categoryIds: ['k-root'] },
      { id: 'pr-2', name: { en: 'Two' } },
    ],
    rows: { table: 'catalog_product', where: "id LIKE 'pr-%'", key: 'id' },
    events: true,
  },
  {
    route: 'PUT customers bulk (customer data sync)',
    method: 'PUT',
    path: `${CM}/customers/bulk`,
    first: [
      { id: 'cs-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', mixins: { p: { a: 1, b: 2 } } },
      { id: 'cs-2', firstName: 'Alan' },
    ],
    again: () => [
      { mixins: { p: { b: 2, a: 1 } }, email: 'ada@example.com', lastName: 'Lovelace', firstName: 'Ada', id: 'cs-1' },
      { firstName: 'Alan', id: 'cs-2', lastName: null },
    ],
    versioned: false,
    change: [
      { id: 'cs-1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', mixins: { p: { a: 1, b: 2 } } },
      { id: 'cs-2', firstName: 'Alan', lastName: 'Turing' },
    ],
    rows: { table: 'customer', where: "id LIKE 'cs-%'", key: 'id' },
    events: true,
  },
];

describe('a write that changes nothing: same version and modifiedAt, no event, the answer of a changing write', () => {
  let e2e: E2e;
  let token: string;
  let db: ReturnType<typeof database>;

  const send = (method: string, path: string, body: unknown, headers?: Record<string, string>) =>
    sendJson(e2e.server.baseUrl, token, method, path, body, headers);
  const must = async (answer: Promise<JsonAnswer>, status: number) => {
    const { status: actual, json } = await answer;
    if (actual !== status) throw new Error(`setup answered ${actual}: ${JSON.stringify(json)}`);
  };
  const stored = async ({ table, where, key }: WriteRoute['rows']) =>
    (
      await db.sql<{ version: number; modified_at: Date }>(
        `SELECT version, modified_at FROM ${table} WHERE tenant = $1 AND ${where} ORDER BY ${key} COLLATE "C"`,
        [tenant],
      )
    ).map((row) => ({ version: row.version, modifiedAt: row.modified_at.toISOString() }));
  const events = async () =>
    Number((await db.sql<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE tenant = $1', [tenant]))[0].n);

  beforeAll(async () => {
    e2e = await startE2e();
    token = await e2e.server.token(ALL_SCOPES.filter((scope) => !isOwnScope(scope)));
    db = database(e2e);
    await must(send('POST', `${S}/segments`, { id: 'seg', name: { en: 'Seg' }, siteCode: 'main' }), 201);
    await must(send('POST', `${S}/segments`, { id: 's-patch', ...segment({ en: 'Start' }) }), 201);
    await must(send('POST', `${CM}/legal-entities`, { id: 'le-1', name: 'Parent' }), 201);
    await must(send('POST', `${CM}/locations`, { id: 'loc-1', type: 'OFFICE', contactDetails: { city: 'Bonn' } }), 201);
  });
  afterAll(() => e2e.server.close());

  it.each(ROUTES)('$route', async (route) => {
    const write = (body: unknown) => send(route.method, route.path, body, route.headers);
    const first = await write(route.first);
    if (route.method === 'PATCH') expect(first.status).toBe(204);
    else if (first.status !== 207) expect(first.status).toBe(201);
    else expect((first.json as Array<{ code: number }>).map((entry) => entry.code)).toEqual([201, 201]);
    const written = await stored(route.rows);
    expect(written.length).toBeGreaterThan(0);
    const eventsWritten = await events();

    // The same document(s) again, without and (where the route takes one) with the stored version.
    const versions = route.versioned ? [undefined, written[0].version] : [undefined];
    const unchanged: JsonAnswer[] = [];
    for (const version of versions) unchanged.push(await write(route.again(version)));
    expect(await stored(route.rows)).toEqual(written);
    expect(await events()).toBe(eventsWritten);

    // A write that changes one document answers the same, and does what the unchanged ones did not.
    const changed = await write(route.change);
    for (const answer of unchanged) expect(answer).toEqual(changed);
    expect(changed.status).toBe(first.status === 207 ? 207 : 204);
    if (changed.status === 207)
      expect((changed.json as Array<{ code: number }>).map((entry) => entry.code)).toEqual([204, 204]);
    const after = await stored(route.rows);
    expect(after.filter((row, i) => row.version === written[i].version + 1)).toHaveLength(1);
    expect(after.filter((row, i) => row.modifiedAt !== written[i].modifiedAt)).toHaveLength(1);
    expect(await events()).toBe(eventsWritten + (route.events ? 1 : 0));
  });

  it('answers 409 to an unchanged write with another version, single and in bulk; nothing is written', async () => {
    const rows = { table: 'segment', where: "id IN ('s-stale', 's-stale-bulk')", key: 'id' };
    const assignmentRows = { table: 'customer_assignment', where: "customer_id = 'cb-stale'", key: 'customer_id' };
    await must(send('PUT', `${S}/segments/s-stale`, segment({ en: 'Stale' })), 201);
    await must(send('PUT', `${S}/segments/s-stale-bulk`, segment({ en: 'Stale' })), 201);
    await must(send('PUT', `${S}/segments/seg/customers/cb-stale`, { mixins: { m: 1 } }), 201);
    const before = [...(await stored(rows)), ...(await stored(assignmentRows))];
    const eventsBefore = await events();

    const single = await send('PUT', `${S}/segments/s-stale`, segmentAgain({ en: 'Stale' }, 2));
    expect(single.status).toBe(409);
    expect(single.json).toMatchObject({ code: 409, status: 'Conflict' });
    const bulk = await send('PUT', `${S}/segments/bulk`, [segmentAgain({ en: 'Stale' }, 3, { id: 's-stale-bulk' })]);
    expect(bulk.status).toBe(207);
    expect((bulk.json as Array<{ code: number }>).map((entry) => entry.code)).toEqual([409]);
    const assignments = await send('PUT', `${S}/segments/seg/customers/bulk`, [
      { customerId: 'cb-stale', mixins: { m: 1 }, metadata: { version: 2 } },
    ]);
    expect((assignments.json as Array<{ code: number }>).map((entry) => entry.code)).toEqual([409]);

    expect([...(await stored(rows)), ...(await stored(assignmentRows))]).toEqual(before);
    expect(await events()).toBe(eventsBefore);
  });

  it('answers 204 to every one of parallel unchanged PUTs with the stored version; none is a conflict', async () => {
    const rows = { table: 'segment', where: "id = 's-parallel'", key: 'id' };
    await must(send('PUT', `${S}/segments/s-parallel`, segment({ en: 'Parallel' })), 201);
    const before = await stored(rows);
    const eventsBefore = await events();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send('PUT', `${S}/segments/s-parallel`, segmentAgain({ en: 'Parallel' }, i % 2 ? 1 : undefined)),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(204));
    expect(await stored(rows)).toEqual(before);
    expect(await events()).toBe(eventsBefore);
  });

  it.each([
    {
      kind: 'customer assignments',
      path: 'customers',
      item: (key: string): object => ({ customerId: key }),
      removal: (key: string): unknown => ({ customerId: key }),
      table: 'customer_assignment',
      column: 'customer_id',
    },
    {
      kind: 'item assignments',
      path: 'items/PRODUCT',
      item: (key: string): object => ({ id: key }),
      removal: (key: string): unknown => key,
      table: 'item_assignment',
      column: 'item_id',
    },
  ])(
    'never answers 409 to unchanged bulk upserts of $kind racing bulk deletes of the same rows',
    async ({ path, item, removal, table, column }) => {
      const keys = Array.from({ length: 20 }, (_, i) => `race-${i}`);
      const bulk = `${S}/segments/seg/${path}/bulk`;
      await must(send('PUT', bulk, keys.map(item)), 207);
      // Each upsert sends the stored documents (half with their version 1) in its own order; deletes interleave.
      const orders = fc.sample(fc.shuffledSubarray(keys, { minLength: 10 }), { seed: 17, numRuns: 16 });
      const answers = await Promise.all(
        orders.map((order, i) =>
          i % 3 === 2
            ? send('DELETE', bulk, order.slice(0, 5).map(removal))
            : send(
                'PUT',
                bulk,
                order.map((key) => ({ ...item(key), ...(i % 2 && { metadata: { version: 1 } }) })),
              ),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(207);
        const codes = (answer.json as Array<{ code: number }>).map((entry) => entry.code);
        expect(codes.filter((code) => code !== 201 && code !== 204)).toEqual([]);
      }
      // A row is only ever the one document, created again after a delete: always version 1.
      const versions = await db.sql<{ version: number }>(
        `SELECT DISTINCT version FROM ${table} WHERE tenant = $1 AND segment_id = 'seg' AND ${column} LIKE 'race-%'`,
        [tenant],
      );
      expect(versions).toEqual([{ version: 1 }]);
    },
  );

  it('gives a product a new version when only its category ids change', async () => {
    const rows = { table: 'catalog_product', where: "id = 'pr-cat'", key: 'id' };
    const product = (categoryIds: string[]) => [{ id: 'pr-cat', name: { en: 'Cat' }, categoryIds }];
    await must(send('PUT', `${S}/catalog/products/bulk`, product(['k-root'])), 207);
    const [before] = await stored(rows);
    for (const categoryIds of [['k-root', 'k-child'], ['k-child'], []]) {
      const { json } = await send('PUT', `${S}/catalog/products/bulk`, product(categoryIds));
      expect((json as Array<{ code: number }>).map((entry) => entry.code)).toEqual([204]);
      const read = await send('GET', `${S}/catalog/products/pr-cat`, undefined);
      expect(read.json).toMatchObject({ categoryIds: [...categoryIds].sort() });
    }
    const [after] = await stored(rows);
    expect(after.version).toBe(before.version + 3);
  });
});
