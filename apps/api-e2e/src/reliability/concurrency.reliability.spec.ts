import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { ALL_SCOPES, isOwnScope } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import fc from 'fast-check';
import { CallResult, isErrorBody, knob, Recorder, report, RequestSpec } from './harness';

/**
 * Concurrency and consistency: racing writers of one document (exactly one wins the optimistic
 * lock), overlapping bulk upserts and deletes in random orders (deadlocks are retried inside the
 * service; no duplicate row, no lost update: a key's version counts its acknowledged writes), and
 * forceDelete racing assignment writes (no orphan rows), and criteria changes racing the data they read (no lost or
 * phantom member). Deadlocks are detected after 50 ms on this
 * suite's database (instead of Postgres' 1 s), so the races produce many of them quickly.
 */
const S = `/customer-segment/${TEST_TENANT}`;
const CM = `/customer-management/${TEST_TENANT}`;
const RACERS = 50;
const SEED = knob('FUZZ_SEED', 20_240_611, 20_240_611);
/** Rounds of the bulk and forceDelete races (2 in CI, 20 under `npm run soak`). */
const ROUNDS = knob('CONCURRENCY_ROUNDS', 2, 20);

describe('reliability: concurrency and consistency', () => {
  let server: TestServer;
  let database: ScratchDatabase;
  let token: string;
  const recorder = new Recorder(() => server.baseUrl);
  const figures = { racingWrites: 0, bulkRequests: 0, bulkItems: 0, deadlocks: 0 };
  let deadlocksAtStart = 0;

  const call = (
    method: string,
    path: string,
    spec: Omit<RequestSpec, 'method' | 'path' | 'token'> = {},
  ): Promise<CallResult> => recorder.call({ method, path, token, ...spec });
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
    server.db.query(text, params);
  async function must(statuses: number[], result: Promise<CallResult>): Promise<CallResult> {
    const answer = await result;
    if (!statuses.includes(answer.status)) throw new Error(`setup call answered ${answer.status}: ${answer.text}`);
    return answer;
  }
  /** Deadlocks Postgres has detected in this database, once earlier ones are reported (backends report within about a second). */
  const deadlocks = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return Number(
      (await sql<{ n: string }>('SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()'))[0].n,
    );
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const admin = new (await import('pg')).Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE "${database.name}" SET deadlock_timeout = '50ms'`);
    await admin.end();
    server = await startTestServer({ DATABASE_URL: database.url, DB_POOL_SIZE: '20' });
    token = await server.token(ALL_SCOPES.filter((scope) => !isOwnScope(scope)));
    deadlocksAtStart = await deadlocks();
    await must(
      [201],
      call('POST', `${S}/segments`, { body: { id: 'race', name: { en: 'race' }, siteCode: 'main', status: 'ACTIVE' } }),
    );
    await must([201], call('PUT', `${S}/segments/race/customers/c1`, { body: {} }));
    await must([201], call('PUT', `${S}/segments/race/items/PRODUCT/p1`, { body: {} }));
    await must([201], call('POST', `${CM}/legal-entities`, { body: { id: 'race-le', name: 'race' } }));
    await must(
      [201],
      call('POST', `${CM}/locations`, { body: { id: 'race-loc', type: 'OFFICE', contactDetails: { city: 'Berlin' } } }),
    );
    await must(
      [201],
      call('POST', `${CM}/contact-assignments`, {
        body: { id: 'race-ca', legalEntity: { id: 'race-le' }, customer: { id: 'c1' } },
      }),
    );
  });
  afterAll(async () => {
    figures.deadlocks = (await deadlocks()) - deadlocksAtStart;
    report(
      recorder.summary('Concurrency and consistency', {
        'racing optimistic-lock writes': figures.racingWrites,
        'bulk requests / items': `${figures.bulkRequests} / ${figures.bulkItems}`,
        'deadlocks detected by Postgres (all retried by the service)': figures.deadlocks,
      }),
    );
    await server.close();
    await database.drop();
  });

  const documents: Array<{
    name: string;
    path: string;
    body: (i: number) => Record<string, unknown>;
    version: () => Promise<number>;
  }> = [
    {
      name: 'segment',
      path: `${S}/segments/race`,
      body: (i) => ({ name: { en: `writer ${i}` }, siteCode: 'main', status: 'ACTIVE' }),
      version: async () =>
        (
          await sql<{ version: number }>('SELECT version FROM segment WHERE tenant = $1 AND id = $2', [
            TEST_TENANT,
            'race',
          ])
        )[0].version,
    },
    {
      name: 'customer assignment',
      path: `${S}/segments/race/customers/c1`,
      body: (i) => ({ mixins: { writer: { i } } }),
      version: async () =>
        (
          await sql<{ version: number }>(
            "SELECT version FROM customer_assignment WHERE tenant = $1 AND segment_id = 'race' AND customer_id = 'c1'",
            [TEST_TENANT],
          )
        )[0].version,
    },
    {
      name: 'item assignment',
      path: `${S}/segments/race/items/PRODUCT/p1`,
      body: (i) => ({ mixins: { writer: { i } } }),
      version: async () =>
        (
          await sql<{ version: number }>(
            "SELECT version FROM item_assignment WHERE tenant = $1 AND segment_id = 'race' AND item_id = 'p1'",
            [TEST_TENANT],
          )
        )[0].version,
    },
    {
      name: 'contact assignment',
      path: `${CM}/contact-assignments/race-ca`,
      body: (i) => ({
        legalEntity: { id: 'race-le' },
        customer: { id: 'c1' },
        type: 'BILLING',
        mixins: { writer: { i } },
      }),
      version: async () =>
        (
          await sql<{ version: number }>(
            "SELECT version FROM contact_assignment WHERE tenant = $1 AND id = 'race-ca'",
            [TEST_TENANT],
          )
        )[0].version,
    },
    {
      name: 'legal entity',
      path: `${CM}/legal-entities/race-le`,
      body: (i) => ({ name: `writer ${i}`, type: 'COMPANY' }),
      version: async () =>
        (
          await sql<{ version: number }>("SELECT version FROM legal_entity WHERE tenant = $1 AND id = 'race-le'", [
            TEST_TENANT,
          ])
        )[0].version,
    },
    {
      name: 'location',
      path: `${CM}/locations/race-loc`,
      body: (i) => ({ name: `writer ${i}`, type: 'OFFICE', contactDetails: { city: 'Berlin' } }),
      version: async () =>
        (
          await sql<{ version: number }>("SELECT version FROM location WHERE tenant = $1 AND id = 'race-loc'", [
            TEST_TENANT,
          ])
        )[0].version,
    },
  ];

  it.each(documents)(
    `lets exactly one of ${RACERS} parallel PUTs of a $name with the same metadata.version win; the others get 409`,
    async ({ path, body, version }) => {
      const before = await version();
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          call('PUT', path, { body: { ...body(i), metadata: { version: before } } }),
        ),
      );
      figures.racingWrites += RACERS;
      const statuses = results.map((result) => result.status).sort();
      expect(statuses.filter((status) => status === 204)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(RACERS - 1);
      expect(results.filter((result) => result.status === 409).every((result) => isErrorBody(result.json, 409))).toBe(
        true,
      );
      expect(await version()).toBe(before + 1);
      // The stored document is the winner's.
      const winner = results.findIndex((result) => result.status === 204);
      const stored = (await call('GET', path)).json as { name?: unknown; mixins?: unknown };
      const expected = body(winner);
      if ('mixins' in expected) expect(stored.mixins).toEqual(expected.mixins);
      else expect(stored.name).toEqual(expected.name);
    },
  );

  const bulkKinds: Array<{
    kind: string;
    /** `key`'s item in request `request`: mixins differ per request, so every acknowledged upsert changes the row. */
    upsert: (key: string, request: number) => unknown;
    remove: (key: string) => unknown;
    path: string;
    table: string;
    column: string;
  }> = [
    {
      kind: 'customer assignments',
      upsert: (key, request) => ({ customerId: key, mixins: { request } }),
      remove: (key) => ({ customerId: key }),
      path: 'customers',
      table: 'customer_assignment',
      column: 'customer_id',
    },
    {
      kind: 'item assignments',
      upsert: (key, request) => ({ id: key, mixins: { request } }),
      remove: (key) => key,
      path: 'items/PRODUCT',
      table: 'item_assignment',
      column: 'item_id',
    },
  ];

  it.each(bulkKinds)(
    'applies overlapping bulk upserts and deletes of $kind in random orders without duplicates, lost updates or 5xx',
    async ({ upsert, remove, path, table, column }) => {
      for (let round = 0; round < ROUNDS; round++) {
        const segment = `bulk-${table}-${round}`;
        await must(
          [201],
          call('POST', `${S}/segments`, { body: { id: segment, name: { en: segment }, siteCode: 'main' } }),
        );
        const upsertOnly = Array.from({ length: 30 }, (_, i) => `u${i}`);
        const contested = Array.from({ length: 10 }, (_, i) => `m${i}`);
        // Each request: a random subset of the keys in a random order (the recipe for deadlocks).
        const subsets = fc.sample(
          fc.tuple(
            fc.shuffledSubarray([...upsertOnly, ...contested], { minLength: 10 }),
            fc.shuffledSubarray(contested, { minLength: 1 }),
          ),
          { seed: SEED + round, numRuns: 12 },
        );
        const requests = subsets.flatMap(([upserts, deletes], i) => [
          {
            kind: 'upsert' as const,
            keys: upserts,
            send: () =>
              call('PUT', `${S}/segments/${segment}/${path}/bulk`, { body: upserts.map((key) => upsert(key, i)) }),
          },
          ...(i % 2
            ? [
                {
                  kind: 'delete' as const,
                  keys: deletes,
                  send: () => call('DELETE', `${S}/segments/${segment}/${path}/bulk`, { body: deletes.map(remove) }),
                },
              ]
            : []),
        ]);
        const results = await Promise.all(requests.map((request) => request.send()));
        figures.bulkRequests += requests.length;
        figures.bulkItems += requests.reduce((sum, request) => sum + request.keys.length, 0);

        const acknowledged = new Map<string, number>();
        results.forEach((result, i) => {
          expect(result.status).toBe(207);
          const items = result.json as Array<{ index: number; code: number }>;
          expect(items.map((item) => item.code).filter((code) => code >= 300)).toEqual([]);
          if (requests[i].kind === 'upsert')
            for (const item of items)
              acknowledged.set(requests[i].keys[item.index], (acknowledged.get(requests[i].keys[item.index]) ?? 0) + 1);
        });
        const rows = await sql<{ key: string; version: number }>(
          `SELECT ${column} AS key, version FROM ${table} WHERE tenant = $1 AND segment_id = $2`,
          [TEST_TENANT, segment],
        );
        const stored = new Map(rows.map((row) => [row.key, row.version]));
        expect(stored.size).toBe(rows.length);
        // Keys nobody deleted: present, and every acknowledged upsert counted once in the version.
        const upserted = upsertOnly.filter((key) => acknowledged.has(key));
        expect(upserted.map((key) => [key, stored.get(key)])).toEqual(
          upserted.map((key) => [key, acknowledged.get(key)]),
        );
        expect(rows.every((row) => upsertOnly.includes(row.key) || contested.includes(row.key))).toBe(true);
      }
    },
  );

  /** Bulk writes of one segment's rows by key; `bulk` is the request under test, `seed` (default: `bulk`) writes the rows it then finds. */
  const overlappingBulks: Array<{
    kind: string;
    bulk: (segment: string, keys: string[]) => Promise<CallResult>;
    seed?: (segment: string, keys: string[]) => Promise<CallResult>;
  }> = [
    {
      kind: 'bulk PUT of customer assignments',
      bulk: (segment, keys) =>
        call('PUT', `${S}/segments/${segment}/customers/bulk`, { body: keys.map((customerId) => ({ customerId })) }),
    },
    {
      kind: 'bulk PUT of item assignments',
      bulk: (segment, keys) =>
        call('PUT', `${S}/segments/${segment}/items/PRODUCT/bulk`, { body: keys.map((id) => ({ id })) }),
    },
    {
      kind: 'bulk DELETE of customer assignments',
      seed: (segment, keys) =>
        call('PUT', `${S}/segments/${segment}/customers/bulk`, { body: keys.map((customerId) => ({ customerId })) }),
      bulk: (segment, keys) =>
        call('DELETE', `${S}/segments/${segment}/customers/bulk`, { body: keys.map((customerId) => ({ customerId })) }),
    },
    {
      kind: 'bulk PUT of segments',
      bulk: (segment, keys) =>
        call('PUT', `${S}/segments/bulk`, {
          body: keys.map((key) => ({ id: `${segment}-${key}`, name: { en: key }, siteCode: 'main' })),
        }),
    },
    {
      kind: 'bulk DELETE of segments',
      seed: (segment, keys) =>
        call('PUT', `${S}/segments/bulk`, {
          body: keys.map((key) => ({ id: `${segment}-${key}`, name: { en: key }, siteCode: 'main' })),
        }),
      bulk: (segment, keys) => call('DELETE', `${S}/segments/bulk`, { body: keys.map((key) => `${segment}-${key}`) }),
    },
  ];

  it.each(overlappingBulks)(
    'locks in key order: 12 parallel $kind, each 30 of the same 40 stored keys in its own order, all apply without a deadlock',
    async ({ kind, bulk, seed = bulk }) => {
      const segment = `overlap-${overlappingBulks.findIndex((entry) => entry.kind === kind)}`;
      await must(
        [201],
        call('POST', `${S}/segments`, { body: { id: segment, name: { en: segment }, siteCode: 'main' } }),
      );
      const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
      await must([207], seed(segment, keys));
      const orders = fc.sample(fc.shuffledSubarray(keys, { minLength: 30, maxLength: 30 }), {
        seed: SEED,
        numRuns: 12,
      });
      const before = await deadlocks();
      const results = await Promise.all(orders.map((order) => bulk(segment, order)));
      figures.bulkRequests += orders.length;
      figures.bulkItems += orders.length * 30;
      expect(results.map((result) => result.status)).toEqual(orders.map(() => 207));
      // Results in request order (each item's index), and every item succeeded.
      results.forEach((result, i) => {
        const items = result.json as Array<{ index: number; code: number }>;
        expect(items.map((item) => item.index)).toEqual(orders[i].map((_, index) => index));
        expect(items.filter((item) => item.code !== 201 && item.code !== 204)).toEqual([]);
      });
      expect((await deadlocks()) - before).toBe(0);
    },
  );

  it('leaves no orphan assignment when forceDelete races assignment writes', async () => {
    for (let round = 0; round < ROUNDS * 2; round++) {
      const segment = `doomed-${round}`;
      await must(
        [201],
        call('POST', `${S}/segments`, { body: { id: segment, name: { en: segment }, siteCode: 'main' } }),
      );
      const writes = [
        ...Array.from(
          { length: 15 },
          (_, i) => () => call('PUT', `${S}/segments/${segment}/customers/c${i}`, { body: {} }),
        ),
        ...Array.from(
          { length: 15 },
          (_, i) => () => call('PUT', `${S}/segments/${segment}/items/PRODUCT/p${i}`, { body: {} }),
        ),
        ...Array.from(
          { length: 4 },
          (_, i) => () =>
            call('PUT', `${S}/segments/${segment}/customers/bulk`, {
              body: Array.from({ length: 10 }, (_, j) => ({ customerId: `b${i}-${j}` })),
            }),
        ),
        ...Array.from(
          { length: 4 },
          (_, i) => () =>
            call('PUT', `${S}/segments/${segment}/items/CATEGORY/bulk`, {
              body: Array.from({ length: 10 }, (_, j) => ({ id: `k${i}-${j}` })),
            }),
        ),
      ];
      // The delete lands somewhere in the middle of the writes.
      const position = (round * 7) % writes.length;
      writes.splice(position, 0, () => call('DELETE', `${S}/segments/${segment}`, { query: { forceDelete: 'true' } }));
      const results = await Promise.all(writes.map((write) => write()));
      figures.racingWrites += writes.length;
      const statuses = results.map((result) => result.status);
      expect(statuses.filter((status) => ![201, 204, 207, 404].includes(status))).toEqual([]);
      const bulkItemCodes = results
        .filter((result) => result.status === 207)
        .flatMap((result) => (result.json as Array<{ code: number }>).map((item) => item.code));
      expect(bulkItemCodes.filter((code) => ![201, 204, 404].includes(code))).toEqual([]);
    }
    const [orphans] = await sql<{ customers: string; items: string }>(`
      SELECT (SELECT count(*) FROM customer_assignment a WHERE NOT EXISTS (SELECT 1 FROM segment s WHERE s.tenant = a.tenant AND s.id = a.segment_id)) AS customers,
             (SELECT count(*) FROM item_assignment a WHERE NOT EXISTS (SELECT 1 FROM segment s WHERE s.tenant = a.tenant AND s.id = a.segment_id)) AS items`);
    expect(orphans).toEqual({ customers: '0', items: '0' });
    const [left] = await sql<{ n: string }>(
      "SELECT count(*) AS n FROM segment WHERE tenant = $1 AND id LIKE 'doomed-%'",
      [TEST_TENANT],
    );
    expect(Number(left.n)).toBe(0);
  });

  it('loses no member and adds no phantom when criteria changes race changes of the data they read', async () => {
    const customers = Array.from({ length: 40 }, (_, i) => `rule-c${i}`);
    const flag = (i: number, round: number) => ((i * 7 + round * 3) % 5 < 2 ? 'a' : 'b');
    const sync = (round: number, ids: string[]) =>
      call('PUT', `${CM}/customers/bulk`, {
        body: ids.map((id) => ({ id, firstName: id, mixins: { flag: flag(Number(id.slice(6)), round) } })),
      });
    await must([207], sync(0, customers));
    for (const le of ['rule-le0', 'rule-le1'])
      await must([201], call('POST', `${CM}/legal-entities`, { body: { id: le, name: 'X' } }));
    for (const [i, id] of customers.slice(0, 12).entries())
      await must(
        [201],
        call('POST', `${CM}/contact-assignments`, {
          body: { id: `rule-ca${i}`, customer: { id }, legalEntity: { id: `rule-le${i % 2}` }, type: 'BILLING' },
        }),
      );
    const segment = (id: string, criteria: string) =>
      call('PUT', `${S}/segments/${id}`, { body: { name: { en: id }, siteCode: 'main', criteria } });
    await must([201], segment('rule-b2c', 'customer.mixins.flag:a'));
    await must([201], segment('rule-b2b', 'legalEntity.name:X customer.mixins.flag:a'));
    for (let round = 1; round <= ROUNDS * 3; round++) {
      const writes = [
        ...Array.from(
          { length: 6 },
          (_, i) => () => segment('rule-b2c', `customer.mixins.flag:${(round + i) % 2 ? 'a' : 'b'}`),
        ),
        ...Array.from(
          { length: 4 },
          (_, i) => () =>
            segment(
              'rule-b2b',
              `legalEntity.name:${(round + i) % 2 ? 'X' : 'Y'} customer.mixins.flag:${i % 2 ? 'a' : 'b'}`,
            ),
        ),
        ...Array.from(
          { length: 8 },
          (_, i) => () =>
            sync(
              round * 10 + i,
              customers.filter((_, k) => (k + i) % 3 === 0),
            ),
        ),
        ...Array.from(
          { length: 4 },
          (_, i) => () =>
            call('PUT', `${CM}/legal-entities/rule-le${i % 2}`, {
              body: { name: (round + i) % 3 ? 'X' : 'Y', type: 'COMPANY' },
            }),
        ),
      ];
      const results = await Promise.all(writes.map((write) => write()));
      figures.racingWrites += writes.length;
      expect(results.map((result) => result.status).filter((status) => ![201, 204, 207].includes(status))).toEqual([]);
    }
    // The stored members equal the criteria, as they stand now, evaluated over the data as it stands now.
    const members = (segmentId: string) =>
      sql<{ key: string }>(
        `SELECT customer_id || '/' || legal_entity_id AS key FROM customer_assignment
         WHERE tenant = $1 AND segment_id = $2 AND assignment_type = 'AUTOMATIC' ORDER BY 1`,
        [TEST_TENANT, segmentId],
      );
    const [{ criteria: b2c }] = await sql<{ criteria: string }>(
      "SELECT criteria FROM segment WHERE tenant = $1 AND id = 'rule-b2c'",
      [TEST_TENANT],
    );
    const [{ criteria: b2b }] = await sql<{ criteria: string }>(
      "SELECT criteria FROM segment WHERE tenant = $1 AND id = 'rule-b2b'",
      [TEST_TENANT],
    );
    const [, b2cFlag] = /flag:(\w)/.exec(b2c) ?? [];
    const [, leName, b2bFlag] = /name:(\w) customer\.mixins\.flag:(\w)/.exec(b2b) ?? [];
    expect(await members('rule-b2c')).toEqual(
      await sql(
        `SELECT id || '/' AS key FROM customer WHERE tenant = $1 AND id LIKE 'rule-c%' AND mixins->>'flag' = $2 ORDER BY 1`,
        [TEST_TENANT, b2cFlag],
      ),
    );
    expect(await members('rule-b2b')).toEqual(
      await sql(
        `SELECT DISTINCT ca.customer_id || '/' || ca.legal_entity_id AS key FROM contact_assignment ca
         JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id
         JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id
         WHERE ca.tenant = $1 AND le.name = $2 AND c.mixins->>'flag' = $3 ORDER BY 1`,
        [TEST_TENANT, leName, b2bFlag],
      ),
    );
    // Every join and leave has its event: per key, created minus deleted events is 1 for a member, else 0.
    const unbalanced = await sql(
      `WITH net AS (
         SELECT resource_id, sum(CASE WHEN type LIKE '%-created' THEN 1 ELSE -1 END) AS n FROM outbox
         WHERE tenant = $1 AND type LIKE 'customer-segment.customer-assignment-%' AND type NOT LIKE '%-updated'
           AND resource_id LIKE 'rule-%' GROUP BY resource_id)
       SELECT net.resource_id, net.n FROM net
       WHERE net.n <> (SELECT count(*) FROM customer_assignment a WHERE a.tenant = $1
         AND concat_ws('/', a.segment_id, a.customer_id, NULLIF(a.legal_entity_id, '')) = net.resource_id)`,
      [TEST_TENANT],
    );
    expect(unbalanced).toEqual([]);
  });

  it('answered no request of the suite with a 5xx or an undocumented status', () => {
    expect(recorder.totals().serverErrors).toBe(0);
    expect(recorder.problems).toEqual([]);
  });
});
