import { Scope, Scopes } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import fc from 'fast-check';
import { CURRENT, FUTURE, PAST } from './fixtures';
import { RawAnswer, readSources, send } from './read-model-reads';
import { E2e, startE2e } from './support';

/**
 * Differential property test of the read model (item-assignments/read-model*.ts): two instances of the service on one
 * database, one serving match, category trees and item lists from memory, the other (READ_MODEL_ENABLED=false) with
 * the plain statements, the reference. After every step of a random sequence of catalog syncs, item assignments,
 * segment changes and memberships, every storefront read answers the same through both: status, body, X-Total-Count
 * and ETag.
 */

// Few ids, so that steps meet.
const SEGMENTS = ['s0', 's1', 's2', 'auto'];
/** `auto` holds every customer whose tier is gold (its criteria), next to manual members. */
const AUTO_CRITERIA = 'customer.mixins.tier:gold';
const CATEGORIES = ['k0', 'k1', 'k2', 'k3', 'k4'];
const PRODUCTS = ['p0', 'p1', 'p2', 'p3', 'p4'];
/** Ids the catalog never holds: a missing parent, a link and an assignment to nothing. */
const GHOST = 'ghost';
const CUSTOMERS = ['cu0', 'cu1'];
const LEGAL_ENTITIES = ['le0', 'le1'];
const SITES = ['main', 'other'];
/** A window boundary this far ahead: it passes while the sequence goes on, without a write. */
const SOON_MS = 1200;

type Validity = 'none' | 'past' | 'future' | 'current' | 'openFrom' | 'openTo' | 'soonFrom' | 'soonTo';
type ItemType = 'PRODUCT' | 'CATEGORY';

type Step =
  | { kind: 'categories'; categories: Array<{ id: string; parentId: string | null; position?: number }> }
  | { kind: 'removeCategories'; ids: string[] }
  | { kind: 'products'; products: Array<{ id: string; categoryIds: string[]; code?: string }> }
  | { kind: 'removeProducts'; ids: string[] }
  | { kind: 'item' | 'unitem'; segmentId: string; type: ItemType; itemId: string }
  | { kind: 'items' | 'unitems'; segmentId: string; type: ItemType; itemIds: string[] }
  | { kind: 'segment'; segmentId: string; siteCode: string; active: boolean; validity: Validity }
  | { kind: 'removeSegment'; segmentId: string; force: boolean }
  | { kind: 'status'; segmentId: string; active: boolean }
  | { kind: 'validity'; segmentId: string; validity: Validity }
  | { kind: 'member' | 'unmember'; segmentId: string; customerId: string; legalEntityId?: string }
  | { kind: 'tier'; customerId: string; gold: boolean };

/** The reads of one step: two matches, a list across segments and one segment's list, by one of the readers. */
interface Probe {
  matches: Array<{ siteCode: string; segmentIds: string[]; items: string[] }>;
  all: { reader: number; query: Record<string, string>; total: boolean; language?: string };
  one: { reader: number; segmentId: string; query: Record<string, string>; search: boolean };
}

/** Who reads: a segment reader, and customers (with legal entities in the token, or one asked for by the query). */
const READERS: Array<{ customerId?: string; legalEntityIds?: string[]; legalEntityId?: string }> = [
  {},
  { customerId: 'cu0' },
  { customerId: 'cu0', legalEntityIds: ['le0'] },
  { customerId: 'cu1' },
  { customerId: 'cu1', legalEntityId: 'le1' },
  { customerId: 'nobody' },
];

const itemType = fc.constantFrom<ItemType>('PRODUCT', 'CATEGORY');
const itemId = fc.constantFrom(...PRODUCTS, ...CATEGORIES, GHOST);
const segmentId = fc.constantFrom(...SEGMENTS);
const validity = fc.constantFrom<Validity>(
  'none',
  'past',
  'future',
  'current',
  'openFrom',
  'openTo',
  'soonFrom',
  'soonTo',
);
const category = fc.record(
  {
    id: fc.constantFrom(...CATEGORIES),
    // Random parents make moves, parents the catalog does not hold (yet), and now and then a cycle.
    parentId: fc.constantFrom(null, GHOST, ...CATEGORIES),
    position: fc.integer({ min: 0, max: 2 }),
  },
  { requiredKeys: ['id', 'parentId'] },
);
const product = fc.record(
  {
    id: fc.constantFrom(...PRODUCTS),
    categoryIds: fc.subarray([...CATEGORIES, GHOST], { maxLength: 2 }),
    code: fc.constantFrom('A', 'B'),
  },
  { requiredKeys: ['id', 'categoryIds'] },
);
const byId = { selector: (entry: { id: string }) => entry.id };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('categories' as const),
      categories: fc.uniqueArray(category, { ...byId, minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('removeCategories' as const),
      ids: fc.subarray(CATEGORIES, { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('products' as const),
      products: fc.uniqueArray(product, { ...byId, minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('removeProducts' as const),
      ids: fc.subarray(PRODUCTS, { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('item' as const, 'unitem' as const),
      segmentId,
      type: itemType,
      itemId,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('items' as const, 'unitems' as const),
      segmentId,
      type: itemType,
      itemIds: fc.uniqueArray(itemId, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('segment' as const),
      segmentId,
      siteCode: fc.constantFrom(...SITES),
      active: fc.boolean(),
      validity,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('removeSegment' as const), segmentId, force: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), segmentId, active: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('validity' as const), segmentId, validity }) },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        kind: fc.constantFrom('member' as const, 'member' as const, 'unmember' as const),
        segmentId,
        customerId: fc.constantFrom(...CUSTOMERS),
        legalEntityId: fc.constantFrom(...LEGAL_ENTITIES),
      },
      { requiredKeys: ['kind', 'segmentId', 'customerId'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('tier' as const),
      customerId: fc.constantFrom(...CUSTOMERS),
      gold: fc.boolean(),
    }),
  },
);

const probeArb: fc.Arbitrary<Probe> = fc.record({
  matches: fc.array(
    fc.record({
      siteCode: fc.constantFrom(...SITES),
      segmentIds: fc.subarray([...SEGMENTS, 'unknown'], { minLength: 1 }),
      // Duplicates and unknown ids: the answer lists each matching product once, in request order.
      items: fc.array(fc.constantFrom(...PRODUCTS, ...CATEGORIES, 'unknown'), { minLength: 1, maxLength: 8 }),
    }),
    { minLength: 2, maxLength: 2 },
  ),
  all: fc.record(
    {
      reader: fc.integer({ min: 0, max: READERS.length - 1 }),
      query: fc.record(
        {
          siteCode: fc.constantFrom(...SITES),
          onlyActive: fc.constantFrom('true', 'false'),
          q: fc.constantFrom('type:PRODUCT', 'item.id:(p0,k1,k2)', 'item.code:null', 'segmentId:s1'),
          sort: fc.constantFrom('item.code:desc,item.id', 'item.id:desc', 'metadata.modifiedAt,item.id'),
          pageSize: fc.constantFrom('2', '5'),
          pageNumber: fc.constantFrom('1', '2'),
          fields: fc.constantFrom('item.code,segmentId', 'metadata.version'),
        },
        { requiredKeys: [] },
      ),
      total: fc.boolean(),
      language: fc.constantFrom('de', 'en'),
    },
    { requiredKeys: ['reader', 'query', 'total'] },
  ),
  one: fc.record({
    reader: fc.integer({ min: 0, max: READERS.length - 1 }),
    segmentId: fc.constantFrom(...SEGMENTS, 'unknown'),
    query: fc.record({ pageSize: fc.constantFrom('3', '20'), q: fc.constant('type:CATEGORY') }, { requiredKeys: [] }),
    search: fc.boolean(),
  }),
});

/** The setup of every run: the catalog, segments, items and members the steps change, with random contents. */
const setupArb: fc.Arbitrary<Step[]> = fc.tuple(
  fc.record({
    kind: fc.constant('categories' as const),
    categories: fc.tuple(...CATEGORIES.map((id) => category.map((c) => ({ ...c, id })))),
  }),
  fc.record({
    kind: fc.constant('products' as const),
    products: fc.tuple(...PRODUCTS.map((id) => product.map((p) => ({ ...p, id })))),
  }),
  ...SEGMENTS.map((id) =>
    fc.record({
      kind: fc.constant('segment' as const),
      segmentId: fc.constant(id),
      siteCode: fc.constantFrom(...SITES),
      active: fc.boolean(),
      validity: fc.constantFrom<Validity>('none', 'current', 'past', 'openTo'),
    }),
  ),
  ...SEGMENTS.flatMap((id) => [
    ...(['PRODUCT', 'CATEGORY'] as const).map((type) =>
      fc.record({
        kind: fc.constant('items' as const),
        segmentId: fc.constant(id),
        type: fc.constant(type),
        itemIds: fc.uniqueArray(itemId, { minLength: 1, maxLength: 3 }),
      }),
    ),
    fc.record(
      {
        kind: fc.constant('member' as const),
        segmentId: fc.constant(id),
        customerId: fc.constantFrom(...CUSTOMERS),
        legalEntityId: fc.constantFrom(...LEGAL_ENTITIES),
      },
      { requiredKeys: ['kind', 'segmentId', 'customerId'] },
    ),
  ]),
);

/** The JSON of a segment's validity for `kind`, relative to `now` for the boundaries about to pass. */
function validityOf(kind: Validity, now: number): { from?: string; to?: string } | undefined {
  const soon = new Date(now + SOON_MS).toISOString();
  switch (kind) {
    case 'none':
      return undefined;
    case 'past':
      return PAST;
    case 'future':
      return FUTURE;
    case 'current':
      return CURRENT;
    case 'openFrom':
      return { from: PAST.from };
    case 'openTo':
      return { to: FUTURE.to };
    case 'soonFrom':
      return { from: soon };
    case 'soonTo':
      return { from: PAST.from, to: soon };
  }
}

/** One instance of the service and its tokens for a tenant. */
interface Instance {
  e2e: E2e;
  token(tenant: string, reader: (typeof READERS)[number] | 'manage'): Promise<string>;
}

function instance(e2e: E2e): Instance {
  const manage: Scope[] = [Scopes.segmentManage, Scopes.segmentRead, Scopes.contactAssignmentManage];
  return {
    e2e,
    token: (tenant, reader) =>
      reader === 'manage'
        ? e2e.server.token(manage, { tenant })
        : reader.customerId
          ? e2e.server.token([Scopes.segmentReadOwn], {
              tenant,
              customerId: reader.customerId,
              legalEntityIds: reader.legalEntityIds,
            })
          : e2e.server.token([Scopes.segmentRead, Scopes.segmentReadOwn], { tenant }),
  };
}

describe('read model: storefront reads answer as the plain statements do', () => {
  let database: ScratchDatabase;
  let model: Instance;
  let reference: Instance;
  let run = 0;
  /** The kinds of read that answered 200 with something in it: the comparisons were not all of errors or nothing. */
  const answered = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    // One after the other: the first applies the migrations.
    model = instance(await startE2e({ DATABASE_URL: database.url }));
    reference = instance(await startE2e({ DATABASE_URL: database.url, READ_MODEL_ENABLED: 'false' }));
  });
  afterAll(async () => {
    await model?.e2e.server.close();
    await reference?.e2e.server.close();
    await database?.drop();
  });

  /** Applies one step through `via`; the boundary it sets about to pass, if any. A write may be refused, never fail. */
  async function apply(via: Instance, tenant: string, step: Step): Promise<number | undefined> {
    const token = await via.token(tenant, 'manage');
    const base = `/customer-segment/${tenant}`;
    const write = async (method: string, path: string, body?: unknown): Promise<undefined> => {
      const answer = await send(via.e2e.server.baseUrl, token, method, path, body);
      if (answer.status >= 500) throw new Error(`${method} ${path}: ${answer.status} ${answer.body}`);
      return undefined;
    };
    const now = Date.now();
    const soon = (kind: Validity) => (kind.startsWith('soon') ? now + SOON_MS : undefined);
    switch (step.kind) {
      case 'categories':
        await write(
          'PUT',
          `${base}/catalog/categories/bulk`,
          step.categories.map((c) => ({
            ...c,
            code: c.id.toUpperCase(),
            name: { en: `${c.id} en`, de: `${c.id} de` },
          })),
        );
        return;
      case 'removeCategories':
        return write('DELETE', `${base}/catalog/categories/bulk`, step.ids);
      case 'products':
        await write(
          'PUT',
          `${base}/catalog/products/bulk`,
          step.products.map((p) => ({ ...p, name: { en: `${p.id} en`, de: `${p.id} de` } })),
        );
        return;
      case 'removeProducts':
        return write('DELETE', `${base}/catalog/products/bulk`, step.ids);
      case 'item':
        return write('PUT', `${base}/segments/${step.segmentId}/items/${step.type}/${step.itemId}`, { mixins: {} });
      case 'unitem':
        return write('DELETE', `${base}/segments/${step.segmentId}/items/${step.type}/${step.itemId}`);
      case 'items':
        return write(
          'PUT',
          `${base}/segments/${step.segmentId}/items/${step.type}/bulk`,
          step.itemIds.map((id) => ({ id })),
        );
      case 'unitems':
        return write('DELETE', `${base}/segments/${step.segmentId}/items/${step.type}/bulk`, step.itemIds);
      case 'segment': {
        const window = validityOf(step.validity, now);
        await write('PUT', `${base}/segments/${step.segmentId}`, {
          name: { en: step.segmentId },
          siteCode: step.siteCode,
          status: step.active ? 'ACTIVE' : 'INACTIVE',
          ...(window && { validity: window }),
          ...(step.segmentId === 'auto' && { criteria: AUTO_CRITERIA }),
        });
        return soon(step.validity);
      }
      case 'removeSegment':
        return write('DELETE', `${base}/segments/${step.segmentId}?forceDelete=${step.force}`);
      case 'status':
        return write('PATCH', `${base}/segments/${step.segmentId}`, [
          { op: 'replace', path: '/status', value: step.active ? 'ACTIVE' : 'INACTIVE' },
        ]);
      case 'validity': {
        const window = validityOf(step.validity, now);
        await write(
          'PATCH',
          `${base}/segments/${step.segmentId}`,
          window ? [{ op: 'add', path: '/validity', value: window }] : [{ op: 'remove', path: '/validity' }],
        );
        return soon(step.validity);
      }
      case 'member':
      case 'unmember': {
        const legalEntity = step.legalEntityId ? `/${step.legalEntityId}` : '';
        const path = `${base}/segments/${step.segmentId}/customers/${step.customerId}${legalEntity}`;
        return write(step.kind === 'member' ? 'PUT' : 'DELETE', path, step.kind === 'member' ? {} : undefined);
      }
      case 'tier':
        return write('PUT', `/customer-management/${tenant}/customers/bulk`, [
          { id: step.customerId, firstName: step.customerId, mixins: { tier: step.gold ? 'gold' : 'silver' } },
        ]);
    }
  }

  /** One read as both instances answer it (the reader's token from each). */
  type Read = {
    what: string;
    reader: (typeof READERS)[number] | 'manage';
    method: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
  };

  function readsOf(tenant: string, probe: Probe): Read[] {
    const base = `/customer-segment/${tenant}/segments`;
    const admin = READERS[0];
    const query = (params: Record<string, string | undefined>) => {
      const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
      return search.size ? `?${search}` : '';
    };
    const trees: Read[] = [
      ...[undefined, ...SITES].map((siteCode) => ({ reader: admin, siteCode })),
      ...READERS.slice(1).map((reader) => ({ reader, siteCode: undefined as string | undefined })),
      { reader: READERS[2], siteCode: 'main' },
    ].map(({ reader, siteCode }) => ({
      what: reader.customerId ? 'customer trees' : 'trees',
      reader,
      method: 'GET',
      path: `${base}/items/category-trees${query({ siteCode, legalEntityId: reader.legalEntityId })}`,
    }));
    const all = READERS[probe.all.reader];
    const one = READERS[probe.one.reader];
    const oneQuery = { legalEntityId: one.legalEntityId, pageSize: probe.one.query.pageSize };
    // Besides the random ones, every step matches all products against all segments per site: the same request again
    // after a step, so that what a model keeps between reads meets every kind of change.
    const everything = SITES.map((siteCode) => ({ siteCode, segmentIds: SEGMENTS, items: [...PRODUCTS, GHOST] }));
    return [
      ...[...probe.matches, ...everything].map(({ items, ...body }) => ({
        what: 'match',
        reader: 'manage' as const,
        method: 'POST',
        path: `${base}/match`,
        body: { ...body, items: items.map((id) => ({ id })) },
      })),
      ...trees,
      {
        what: 'items',
        reader: all,
        method: 'GET',
        path: `${base}/items${query({ ...probe.all.query, legalEntityId: all.legalEntityId })}`,
        headers: {
          ...(probe.all.total && { 'X-Total-Count': 'true' }),
          ...(probe.all.language && { 'Accept-Language': probe.all.language }),
        },
      },
      probe.one.search
        ? {
            what: 'segment items search',
            reader: one,
            method: 'POST',
            path: `${base}/${probe.one.segmentId}/items/search${query(oneQuery)}`,
            body: { q: probe.one.query.q ?? '' },
            headers: { 'X-Total-Count': 'true' },
          }
        : {
            what: 'segment items',
            reader: one,
            method: 'GET',
            path: `${base}/${probe.one.segmentId}/items${query({ ...oneQuery, q: probe.one.query.q })}`,
          },
    ];
  }

  /** Whether `read` answers alike through both; retried once past a boundary that passed between the two answers. */
  async function compare(tenant: string, read: Read, boundaries: number[], step: number): Promise<void> {
    const ask = async (via: Instance) =>
      send(
        via.e2e.server.baseUrl,
        await via.token(tenant, read.reader),
        read.method,
        read.path,
        read.body,
        read.headers,
      );
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      const [got, expected]: RawAnswer[] = [await ask(model), await ask(reference)];
      const between = boundaries.filter((at) => at >= started - 50 && at <= Date.now() + 50);
      if (attempt === 0 && between.length && JSON.stringify(got) !== JSON.stringify(expected)) {
        await sleepUntil(Math.max(...between) + 100);
        continue;
      }
      expect({ step, ...read, answer: got }).toEqual({ step, ...read, answer: expected });
      if (got.status === 200 && got.body !== '[]') answered.add(read.what);
      return;
    }
  }

  it('holds for random sequences of catalog, item, segment and membership changes', async () => {
    const before = await readSources(model.e2e.server.baseUrl);
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(setupArb, fc.array(fc.tuple(stepArb, probeArb, fc.boolean()), { minLength: 15, maxLength: 25 })),
        async ([setup, steps]) => {
          const tenant = `rm${++run}`;
          for (const step of setup) await apply(model, tenant, step);
          const boundaries: number[] = [];
          for (const [index, [step, probe, throughReference]] of steps.entries()) {
            // Writes through either instance: each must see the other's.
            const boundary = await apply(throughReference ? reference : model, tenant, step);
            if (boundary) boundaries.push(boundary);
            const reads = readsOf(tenant, probe);
            for (const read of reads) await compare(tenant, read, boundaries, index);
            if (boundary) {
              // The window opens (or closes) without a write: read again once it has.
              await sleepUntil(boundary + 100);
              for (const read of reads) await compare(tenant, read, boundaries, index);
            }
          }
        },
      ),
      // Shrinking re-runs whole sequences: bounded, so that a failure reports within the time-out.
      { numRuns: 6, seed: 20261206, interruptAfterTimeLimit: 80_000 },
    );
    // The model instance served from memory and from cached answers; the reference never asked its model.
    const after = await readSources(model.e2e.server.baseUrl);
    const served = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(served('match/model')).toBeGreaterThan(0);
    expect(served('trees/answer')).toBeGreaterThan(0);
    expect(served('items/answer')).toBeGreaterThan(0);
    expect([...answered].sort()).toEqual([
      'customer trees',
      'items',
      'match',
      'segment items',
      'segment items search',
      'trees',
    ]);
    expect([...(await readSources(reference.e2e.server.baseUrl)).values()].filter(Boolean)).toEqual([]);
  }, 120_000);
});

async function sleepUntil(at: number): Promise<void> {
  const wait = at - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
