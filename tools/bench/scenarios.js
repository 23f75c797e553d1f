'use strict';
/**
 * The benchmark scenarios. Each one is a list of steps (one request each; a connection runs them in
 * turn), the statuses that count as expected answers, whether the bare baseline server implements
 * it or a second service answering with today's SQL statements is its baseline (the storefront
 * reads of the read model), and whether its SQL is replayed by pgbench (reads only). Request
 * builders run per request, so write scenarios rotate over distinct rows.
 */
const { query } = require('./lib/database');
const { HOT_TENANT, VIP_CUSTOMER } = require('./generate');

const T = HOT_TENANT;
const SEGMENTS = `/customer-segment/${T}/segments`;
/** Generated ids carry their tenant (as random ids would be unique across tenants, for realistic planner statistics). */
const segmentId = (k) => `${T}-seg-${String(k).padStart(5, '0')}`;
const BIG_SEGMENT = segmentId(0);
const BULK_SEGMENT = segmentId(1);
const HOT_ROW_SEGMENT = segmentId(3);
/** Segments whose rows the versioned-PUT scenario walks through (never the bulk or hot-row segment). */
const VERSIONED_SEGMENTS = [4, 5, 6, 7, 8, 9].map(segmentId);
const PAGE_SIZE = 16;
/** Segment of the overlapping-bulk scenario 11a (none of the others reads or writes it). */
const CONTENDED_SEGMENT = segmentId(2);
/** Overlapping bulks: each request writes BULK_OVERLAP of the same CONTENDED_KEYS keys, in its own random order. */
const CONTENDED_KEYS = 40;
const BULK_OVERLAP = 30;
const CONTENTION_CONNECTIONS = 12;
/** Items per request of the catalog, item assignment and customer syncs (the most a bulk request takes). */
const SYNC_BULK = 200;
/**
 * Concurrent requests of a catalog or customer sync (a few workers of an integration): 16 requests of 200 items
 * (a few hundred ms each) hold more connections than the service's pool of 10, and the rest wait until a 503.
 */
const SYNC_CONNECTIONS = [4];
const ITEMS_BULK = 100;
/** The item assignment sync rewrites the PRODUCT items of the segments from number 20 on (no other scenario's), at most this many. */
const ITEM_SYNC_SEGMENTS = 100;

/** What the scenarios need from the generated data, read once after generation. */
async function loadFixture(dbUrl, { deepPage = 2000 } = {}) {
  const [{ size }] = await query(
    dbUrl,
    'SELECT count(*)::int AS size FROM customer_assignment WHERE tenant = $1 AND segment_id = $2',
    [T, BIG_SEGMENT],
  );
  const customerIds = (
    await query(
      dbUrl,
      'SELECT customer_id FROM customer_assignment WHERE tenant = $1 AND segment_id = $2 ORDER BY md5(customer_id) LIMIT 200',
      [T, BIG_SEGMENT],
    )
  ).map((row) => row.customer_id);
  const bulkMembers = await query(
    dbUrl,
    'SELECT customer_id, legal_entity_id FROM customer_assignment WHERE tenant = $1 AND segment_id = $2 ORDER BY customer_id, legal_entity_id',
    [T, BULK_SEGMENT],
  );
  const versioned = await query(
    dbUrl,
    'SELECT segment_id, customer_id, legal_entity_id, version FROM customer_assignment WHERE tenant = $1 AND segment_id = ANY($2) ORDER BY md5(segment_id || customer_id)',
    [T, VERSIONED_SEGMENTS],
  );
  const [hotRow] = await query(
    dbUrl,
    "SELECT customer_id FROM customer_assignment WHERE tenant = $1 AND segment_id = $2 AND legal_entity_id = '' ORDER BY customer_id LIMIT 1",
    [T, HOT_ROW_SEGMENT],
  );
  const vipSegments = (
    await query(
      dbUrl,
      'SELECT segment_id FROM customer_assignment WHERE tenant = $1 AND customer_id = $2 ORDER BY segment_id',
      [T, VIP_CUSTOMER],
    )
  ).map((row) => row.segment_id);
  // Half the products are assigned to the VIP segments (directly), half are any products of the tenant.
  const assigned = await query(
    dbUrl,
    "SELECT DISTINCT item_id FROM item_assignment WHERE tenant = $1 AND type = 'PRODUCT' AND segment_id = ANY($2) ORDER BY item_id LIMIT 100",
    [T, vipSegments],
  );
  const others = await query(
    dbUrl,
    'SELECT id FROM catalog_product WHERE tenant = $1 AND NOT (id = ANY($2)) ORDER BY md5(id) LIMIT $3',
    [T, assigned.map((row) => row.item_id), 200 - assigned.length],
  );
  const [legalEntity] = await query(
    dbUrl,
    'SELECT legal_entity_id AS id FROM contact_assignment WHERE tenant = $1 GROUP BY legal_entity_id ORDER BY count(*) DESC, legal_entity_id LIMIT 1',
    [T],
  );
  // The syncs (13a-15) rewrite rows that exist, so that every request is the same kind of write (an update) from the first.
  const products = (await query(dbUrl, 'SELECT id FROM catalog_product WHERE tenant = $1 ORDER BY id', [T])).map(
    (row) => row.id,
  );
  const categories = await query(
    dbUrl,
    'SELECT id, parent_id AS "parentId" FROM catalog_category WHERE tenant = $1 ORDER BY id',
    [T],
  );
  const itemSegments = (
    await query(dbUrl, 'SELECT id FROM segment WHERE tenant = $1 AND id >= $2 ORDER BY id LIMIT $3', [
      T,
      segmentId(20),
      ITEM_SYNC_SEGMENTS,
    ])
  ).map((row) => row.id);
  const syncCustomers = (
    await query(dbUrl, 'SELECT id FROM customer WHERE tenant = $1 ORDER BY id LIMIT 20000', [T])
  ).map((row) => row.id);
  return {
    bigSegmentSize: size,
    deepPage: Math.min(deepPage, Math.floor((size * 0.7) / PAGE_SIZE)),
    customerIds,
    bulkMembers,
    versioned,
    hotCustomer: hotRow.customer_id,
    vipSegments,
    matchProducts: [...assigned.map((row) => row.item_id), ...others.map((row) => row.id)],
    legalEntityId: legalEntity.id,
    products,
    categories,
    itemSegments,
    syncCustomers,
  };
}

const json = (token) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
const get =
  (path, token, headers = {}) =>
  () => ({ method: 'GET', path, headers: { authorization: `Bearer ${token}`, ...headers } });
const qs = (params) => new URLSearchParams(params).toString();

/** A small seeded generator (mulberry32), so that runs send the same sequence of requests. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` of `keys` in random order (a partial Fisher-Yates shuffle). */
function randomSubset(keys, count, random) {
  const copy = [...keys];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

/**
 * Overlapping bulk writes: every request writes BULK_OVERLAP of the same CONTENDED_KEYS keys in its own order, from
 * CONTENTION_CONNECTIONS connections at once (the recipe for deadlocks when rows are locked in request order).
 * Every item must succeed (201 or 204).
 */
function overlappingBulks(id, name, { path, item, seed, token }) {
  const keys = Array.from({ length: CONTENDED_KEYS }, (_, i) => `${T}-contended-${String(i).padStart(2, '0')}`);
  const random = seededRandom(seed);
  let round = 0;
  return {
    id,
    name,
    bulk: true,
    writes: true,
    connections: [CONTENTION_CONNECTIONS],
    steps: [
      {
        request: () => ({
          method: 'PUT',
          path,
          headers: json(token),
          body: JSON.stringify(randomSubset(keys, BULK_OVERLAP, random).map((key) => item(key, round++))),
        }),
      },
    ],
    expect: [207],
    check: (body) => bulkFailures(body),
  };
}

/** What is wrong with a 207 answer whose items must all be 201 or 204 (and, when given, `count` of them). */
function bulkFailures(body, count) {
  const results = JSON.parse(body);
  const failed = results.filter((result) => result.code !== 201 && result.code !== 204);
  if (failed.length || (count !== undefined && results.length !== count))
    return `${results.length} results, ${failed.length} failed, e.g. ${JSON.stringify(failed[0])}`;
  return undefined;
}

/**
 * A bulk sync: each request PUTs the next slice of `rows` (`size` of them; slices in turn, so that concurrent
 * requests write distinct rows while there are enough), each row written by `item(row, round)` with data of the
 * request's round, so that every item changes what is stored. Every item must succeed (201 or 204).
 */
function bulkSync(id, name, { path, rows, size, item, token, connections }) {
  const slices = Math.max(1, Math.floor(rows.length / size));
  let round = 0;
  return {
    id,
    name,
    bulk: true,
    writes: true,
    connections,
    steps: [
      {
        request: () => {
          const r = round++;
          const first = (r % slices) * size;
          const slice = rows.slice(first, first + size);
          return {
            method: 'PUT',
            path: typeof path === 'function' ? path(r) : path,
            headers: json(token),
            body: JSON.stringify(slice.map((row, i) => item(row, r, first + i))),
          };
        },
      },
    ],
    expect: [207],
    check: (body) => bulkFailures(body, Math.min(size, rows.length)),
  };
}

/** A rotating index shared by all connections of a scenario. */
function rotation(length) {
  let next = 0;
  return () => next++ % length;
}

/**
 * @param fixture loadFixture's result
 * @param tokens { service, customer } bearer tokens
 * @returns scenario list: { id, name, steps: [{ request(context), onResponse?(status, body, context) }], expect: number[], bare: bool, pgbench: bool, bulk?: bool,
 *   sqlBaseline?: bool (compared with a second service answering with today's SQL statements, READ_MODEL_ENABLED=false),
 *   connections?: number[] (measured at these connection counts instead of --connections),
 *   writes?: bool (writes rows: measured with and without the read-generation triggers under --read-generations-ab) }
 */
function buildScenarios(fixture, tokens) {
  const service = tokens.service;
  const customers = `${SEGMENTS}/${BIG_SEGMENT}/customers`;
  const createdRange = 'metadata.createdAt:(>="2024-02-01T00:00:00Z" AND <"2024-11-01T00:00:00Z")';
  const count = { 'x-total-count': 'true' };
  const list = (id, name, params, headers) => ({
    id,
    name,
    steps: [{ request: get(`${customers}?${qs(params)}`, service, headers) }],
    expect: [200],
    bare: true,
    pgbench: true,
  });
  const deep = String(fixture.deepPage);
  const byDate = { q: createdRange, sort: 'metadata.createdAt:desc' };

  const nextBatch = rotation(Math.max(1, Math.floor(fixture.bulkMembers.length / 200)));
  let bulkRound = 0;
  const nextRow = rotation(fixture.versioned.length);
  const categoryCount = fixture.categories.length;

  return [
    {
      id: '1',
      name: 'GET one segment by id',
      steps: [{ request: get(`${SEGMENTS}/${segmentId(10)}`, service) }],
      expect: [200],
      bare: true,
      pgbench: true,
    },
    {
      id: '2a',
      name: 'list segments, q exact (siteCode, status)',
      steps: [{ request: get(`${SEGMENTS}?${qs({ q: 'siteCode:main status:ACTIVE' })}`, service) }],
      expect: [200],
      bare: true,
      pgbench: true,
    },
    {
      id: '2b',
      name: 'list segments, q contains (name.en:~gold)',
      steps: [{ request: get(`${SEGMENTS}?${qs({ q: 'name.en:~gold' })}`, service) }],
      expect: [200],
      bare: true,
      pgbench: true,
    },
    list('3a', `50k segment's customers, page 1`, { pageNumber: '1' }),
    list('3b', `50k segment's customers, page ${deep}`, { pageNumber: deep }),
    list('3c', `50k segment's customers, page 1 + X-Total-Count`, { pageNumber: '1' }, count),
    list('3d', `50k segment's customers, page ${deep} + X-Total-Count`, { pageNumber: deep }, count),
    list('4a', 'same, createdAt range + sort, page 1', { ...byDate, pageNumber: '1' }),
    list('4b', `same, createdAt range + sort, page ${deep}`, { ...byDate, pageNumber: deep }),
    list('4c', 'same, createdAt range + sort, page 1 + X-Total-Count', { ...byDate, pageNumber: '1' }, count),
    list('4d', `same, createdAt range + sort, page ${deep} + X-Total-Count`, { ...byDate, pageNumber: deep }, count),
    list('5', 'q=customer.id:(200 ids)', { q: `customer.id:(${fixture.customerIds.join(',')})`, pageSize: '200' }),
    {
      id: '10',
      name: 'contact assignments of a legal entity',
      steps: [
        {
          request: get(
            `/customer-management/${T}/contact-assignments?${qs({ 'legalEntity.id': fixture.legalEntityId })}`,
            service,
          ),
        },
      ],
      expect: [200],
      bare: true,
      pgbench: true,
    },
    {
      id: '8',
      name: 'POST segments/match, 200 product ids, 20 segments',
      steps: [
        {
          request: () => ({
            method: 'POST',
            path: `${SEGMENTS}/match`,
            headers: json(service),
            body: JSON.stringify({
              items: fixture.matchProducts.map((id) => ({ id })),
              segmentIds: fixture.vipSegments,
              site: 'main',
            }),
          }),
        },
      ],
      expect: [200],
      pgbench: true,
      sqlBaseline: true,
    },
    {
      id: '9a',
      name: 'category trees, customer in 20 segments',
      steps: [{ request: get(`${SEGMENTS}/items/category-trees`, tokens.customer) }],
      expect: [200],
      pgbench: true,
      sqlBaseline: true,
    },
    {
      id: '9b',
      name: 'items list, customer in 20 segments',
      steps: [{ request: get(`${SEGMENTS}/items`, tokens.customer) }],
      expect: [200],
      pgbench: true,
      sqlBaseline: true,
    },
    {
      id: '6',
      name: 'bulk PUT 200 customer assignments, 10% version conflicts',
      bulk: true,
      writes: true,
      steps: [
        {
          request: () => {
            const batch = nextBatch();
            const round = bulkRound++;
            const items = fixture.bulkMembers.slice(batch * 200, batch * 200 + 200).map((member, i) => ({
              customerId: member.customer_id,
              ...(member.legal_entity_id && { legalEntityId: member.legal_entity_id }),
              mixins: { loyalty: { tier: 'gold', points: round } },
              metadata: {
                mixins: { loyalty: 'https://schemas.example.com/loyalty.v1.json' },
                ...(i % 10 === 0 && { version: 1_000_000 }),
              },
            }));
            return {
              method: 'PUT',
              path: `${SEGMENTS}/${BULK_SEGMENT}/customers/bulk`,
              headers: json(service),
              body: JSON.stringify(items),
            };
          },
        },
      ],
      expect: [207],
      check: (body) => {
        const results = JSON.parse(body);
        const conflicts = results.filter((result) => result.code === 409).length;
        const other = results.filter((result) => result.code !== 409 && result.code !== 204 && result.code !== 201);
        if (conflicts !== 20 || other.length)
          return `expected 180 x 204 and 20 x 409, got ${conflicts} conflicts and ${JSON.stringify(other.slice(0, 2))}`;
        return undefined;
      },
    },
    {
      id: '7a',
      name: 'PUT with metadata.version, distinct rows',
      writes: true,
      steps: [
        {
          request: (context) => {
            const row = fixture.versioned[nextRow()];
            context.row = row;
            const path = `${SEGMENTS}/${row.segment_id}/customers/${row.customer_id}${row.legal_entity_id ? `/${row.legal_entity_id}` : ''}`;
            return {
              method: 'PUT',
              path,
              headers: json(service),
              body: JSON.stringify({ mixins: { loyalty: { tier: 'silver' } }, metadata: { version: row.version } }),
            };
          },
          onResponse: (status, _body, context) => {
            if (status === 204) context.row.version++;
          },
        },
      ],
      expect: [204],
    },
    {
      id: '7b',
      name: 'GET + PUT with metadata.version, one hot row (409 expected)',
      writes: true,
      steps: [
        {
          request: get(`${SEGMENTS}/${HOT_ROW_SEGMENT}/customers/${fixture.hotCustomer}`, service),
          onResponse: (status, body, context) => {
            context.version = status === 200 ? JSON.parse(body).metadata.version : 1;
          },
        },
        {
          request: (context) => ({
            method: 'PUT',
            path: `${SEGMENTS}/${HOT_ROW_SEGMENT}/customers/${fixture.hotCustomer}`,
            headers: json(service),
            body: JSON.stringify({ mixins: { hot: true }, metadata: { version: context.version } }),
          }),
        },
      ],
      expect: [200, 204, 409],
    },
    overlappingBulks(
      '11a',
      `${CONTENTION_CONNECTIONS} overlapping bulk PUTs of customer assignments (${BULK_OVERLAP} of ${CONTENDED_KEYS} keys, random order)`,
      {
        path: `${SEGMENTS}/${CONTENDED_SEGMENT}/customers/bulk`,
        item: (customerId, round) => ({ customerId, mixins: { contention: { round } } }),
        seed: 11,
        token: service,
      },
    ),
    overlappingBulks(
      '11b',
      `${CONTENTION_CONNECTIONS} overlapping bulk PUTs of segments (${BULK_OVERLAP} of ${CONTENDED_KEYS} ids, random order)`,
      {
        path: `${SEGMENTS}/bulk`,
        item: (id, round) => ({ id, name: { en: `contended ${round}` }, siteCode: 'contention', status: 'ACTIVE' }),
        seed: 12,
        token: service,
      },
    ),
    bulkSync('13a', `catalog sync: bulk PUT ${SYNC_BULK} products, each moved to another second category`, {
      path: `/customer-segment/${T}/catalog/products/bulk`,
      rows: fixture.products,
      size: SYNC_BULK,
      token: service,
      connections: SYNC_CONNECTIONS,
      item: (id, round, n) => {
        const base = (n * 7) % categoryCount;
        const other = (base + 1 + (round % (categoryCount - 1))) % categoryCount;
        return {
          id,
          code: `P${n}`,
          name: { en: `Product ${n} (${round})`, de: `Produkt ${n} (${round})` },
          categoryIds: [fixture.categories[base].id, fixture.categories[other].id],
        };
      },
    }),
    bulkSync('13b', `catalog sync: bulk PUT ${SYNC_BULK} categories (parents kept)`, {
      path: `/customer-segment/${T}/catalog/categories/bulk`,
      rows: fixture.categories,
      size: SYNC_BULK,
      token: service,
      connections: SYNC_CONNECTIONS,
      item: (category, round, n) => ({
        id: category.id,
        ...(category.parentId && { parentId: category.parentId }),
        code: `C${n}`,
        name: { en: `Category ${n} (${round})`, de: `Kategorie ${n} (${round})` },
      }),
    }),
    bulkSync('14', `bulk PUT ${ITEMS_BULK} PRODUCT item assignments into a segment`, {
      // Each segment gets its own slice of products: after the first pass every request rewrites assignments.
      path: (round) => `${SEGMENTS}/${fixture.itemSegments[round % fixture.itemSegments.length]}/items/PRODUCT/bulk`,
      rows: fixture.products.slice(0, fixture.itemSegments.length * ITEMS_BULK),
      size: ITEMS_BULK,
      token: service,
      item: (id, round) => ({
        id,
        mixins: { campaign: { round } },
        metadata: { mixins: { campaign: 'https://schemas.example.com/campaign.v1.json' } },
      }),
    }),
    bulkSync('15', `customer sync: bulk PUT ${SYNC_BULK} customers`, {
      path: `/customer-management/${T}/customers/bulk`,
      rows: fixture.syncCustomers,
      size: SYNC_BULK,
      token: service,
      connections: SYNC_CONNECTIONS,
      item: (id, round, n) => ({
        id,
        firstName: `First${n}`,
        lastName: `Last${round}`,
        email: `customer${n}@${T}.example.com`,
        mixins: { crm: { round } },
      }),
    }),
    {
      id: '12',
      name: "50k segment's customers, q with a runaway pattern (customer.id:~ + '.*' x 99 + 'z'): refused",
      steps: [{ request: get(`${customers}?${qs({ q: `customer.id:~${'.*'.repeat(99)}z` })}`, service) }],
      connections: [16],
      expect: [400],
    },
  ];
}

module.exports = { loadFixture, buildScenarios, HOT_TENANT, VIP_CUSTOMER, PAGE_SIZE };
