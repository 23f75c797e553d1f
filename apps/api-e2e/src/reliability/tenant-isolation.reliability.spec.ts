import { startTestServer, TestServer } from '@cs/api/testing';
import { ALL_SCOPES, isOwnScope, Scope } from '@cs/contracts';
import { CallResult, Recorder, report, RequestSpec } from './harness';

/**
 * Tenant isolation for every resource: tenant B holds one of everything; through tenant A none of
 * it can be read, listed, searched, matched or changed, and writes that name B's ids touch nothing
 * of B (proven by a fingerprint of B's rows in every table). Also: fields a client may not set are
 * ignored, and no response of the suite carries an internal column (the recorder scans them all).
 */
const A = 'tenanta';
const B = 'tenantb';
const BAIT = 'tenantc';
const STAFF_SCOPES = ALL_SCOPES.filter((scope) => !isOwnScope(scope));
const OWN_SCOPES = ALL_SCOPES.filter(isOwnScope) as Scope[];
const SEGMENTS = (tenant: string) => `/customer-segment/${tenant}/segments`;
const CATALOG = (tenant: string) => `/customer-segment/${tenant}/catalog`;
const CM = (tenant: string) => `/customer-management/${tenant}`;
const LONG_AGO = '2000-01-01T00:00:00.000Z';

type Call = (
  method: string,
  path: string,
  spec?: Omit<RequestSpec, 'method' | 'path' | 'token'>,
) => Promise<CallResult>;

describe('reliability: tenant isolation and client-owned fields', () => {
  let server: TestServer;
  const recorder = new Recorder(() => server.baseUrl);
  let asA: Call;
  let asB: Call;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
    server.db.query(text, params);

  async function caller(tenant: string, scopes: Scope[], customerId?: string): Promise<Call> {
    const token = await server.token(scopes, { tenant, ...(customerId && { customerId }) });
    return (method, path, spec = {}) => recorder.call({ method, path, token, ...spec });
  }

  /** Fails the test at once when a setup call is not answered with one of `statuses`. */
  async function must(statuses: number[], result: Promise<CallResult>): Promise<CallResult> {
    const answer = await result;
    if (!statuses.includes(answer.status)) throw new Error(`setup call answered ${answer.status}: ${answer.text}`);
    const failed = Array.isArray(answer.json) ? answer.json.filter((entry: { code: number }) => entry.code >= 300) : [];
    if (failed.length) throw new Error(`setup bulk items failed: ${JSON.stringify(failed)}`);
    return answer;
  }

  /** One of every resource in `tenant`, with the same ids in every tenant. */
  async function seed(call: Call, tenant: string, name: string): Promise<void> {
    await must(
      [201],
      call('POST', SEGMENTS(tenant), {
        body: { id: 'seg-shared', name: { en: name }, siteCode: 'main', status: 'ACTIVE' },
      }),
    );
    await must(
      [201],
      call('POST', SEGMENTS(tenant), {
        body: { id: `seg-${tenant}`, name: { en: name }, siteCode: 'main', status: 'ACTIVE' },
      }),
    );
    await must(
      [207],
      call('PUT', `${CATALOG(tenant)}/categories/bulk`, { body: [{ id: 'cat-1', code: 'c1', name: { en: name } }] }),
    );
    await must(
      [207],
      call('PUT', `${CATALOG(tenant)}/products/bulk`, {
        body: [{ id: 'prod-1', code: 'p1', name: { en: name }, categoryIds: ['cat-1'] }],
      }),
    );
    await must(
      [207],
      call('PUT', `${CM(tenant)}/customers/bulk`, {
        body: [{ id: 'cust-1', firstName: name, lastName: name, email: `${tenant}@example.com` }],
      }),
    );
    await must(
      [201],
      call('POST', `${CM(tenant)}/locations`, {
        body: { id: `loc-${tenant}`, name, type: 'HEADQUARTER', contactDetails: { city: name, countryCode: 'DE' } },
      }),
    );
    await must(
      [201],
      call('POST', `${CM(tenant)}/legal-entities`, {
        body: { id: `le-${tenant}`, name, entitiesAddresses: [{ id: `loc-${tenant}` }] },
      }),
    );
    await must(
      [201],
      call('POST', `${CM(tenant)}/contact-assignments`, {
        body: { id: `ca-${tenant}`, legalEntity: { id: `le-${tenant}` }, customer: { id: 'cust-1' }, type: 'PRIMARY' },
      }),
    );
    for (const segment of ['seg-shared', `seg-${tenant}`]) {
      await must([201], call('PUT', `${SEGMENTS(tenant)}/${segment}/customers/cust-1`, { body: {} }));
      await must([201], call('PUT', `${SEGMENTS(tenant)}/${segment}/customers/cust-1/le-${tenant}`, { body: {} }));
      await must([201], call('PUT', `${SEGMENTS(tenant)}/${segment}/items/PRODUCT/prod-1`, { body: {} }));
      await must([201], call('PUT', `${SEGMENTS(tenant)}/${segment}/items/CATEGORY/cat-1`, { body: {} }));
    }
  }

  /** A digest of every row of `tenant` in every table that has a tenant column. */
  async function fingerprint(tenant: string): Promise<Record<string, string>> {
    const tables = await sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant' ORDER BY table_name",
    );
    const digest: Record<string, string> = {};
    for (const { table_name: table } of tables) {
      const [row] = await sql<{ rows: string; digest: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t WHERE tenant = $1`,
        [tenant],
      );
      digest[table] = `${row.rows}:${row.digest}`;
    }
    return digest;
  }

  const ids = (result: CallResult): string[] =>
    Array.isArray(result.json) ? result.json.map((entry: { id?: string }) => entry.id ?? JSON.stringify(entry)) : [];

  beforeAll(async () => {
    server = await startTestServer();
    asA = await caller(A, STAFF_SCOPES);
    asB = await caller(B, STAFF_SCOPES);
    await seed(asB, B, 'B-secret');
    // Tenant A has the shared ids too (but no assignments on seg-shared), to tell "same id" from "same row".
    await must(
      [201],
      asA('POST', SEGMENTS(A), {
        body: { id: 'seg-shared', name: { en: 'A-own' }, siteCode: 'main', status: 'ACTIVE' },
      }),
    );
    await must(
      [201],
      asA('POST', SEGMENTS(A), {
        body: { id: 'seg-a-assigned', name: { en: 'A-own' }, siteCode: 'main', status: 'ACTIVE' },
      }),
    );
    await must([201], asA('PUT', `${SEGMENTS(A)}/seg-a-assigned/customers/cust-1`, { body: {} }));
  });
  afterAll(async () => {
    report(recorder.summary('Tenant isolation and client-owned fields'));
    await server.close();
  });

  it("never reveals tenant B's documents through tenant A: gets are 404, lists, searches, match and trees are empty of them", async () => {
    // B's content; B's ids count too in lists (a 404 message may echo the id that was asked for).
    const contentOfB = new RegExp(`B-secret|${B}@example.com`);
    const idsOfB = new RegExp(`le-${B}|loc-${B}|ca-${B}|seg-${B}`);
    const leaks: string[] = [];
    const expectNoLeak = (what: string, result: CallResult, pattern = idsOfB) => {
      if (contentOfB.test(result.text) || pattern.test(result.text))
        leaks.push(`${what}: ${result.status} ${result.text.slice(0, 300)}`);
    };
    const expect404 = async (path: string) => {
      const result = await asA('GET', path);
      expectNoLeak(path, result, contentOfB);
      if (result.status !== 404) leaks.push(`${path}: expected 404, got ${result.status}`);
    };
    for (const path of [
      `${SEGMENTS(A)}/seg-${B}`,
      `${SEGMENTS(A)}/seg-shared/customers/cust-1`,
      `${SEGMENTS(A)}/seg-shared/customers/cust-1/le-${B}`,
      `${SEGMENTS(A)}/seg-${B}/customers/cust-1`,
      `${SEGMENTS(A)}/seg-shared/items/PRODUCT/prod-1`,
      `${SEGMENTS(A)}/seg-${B}/items/CATEGORY/cat-1`,
      `${CATALOG(A)}/categories/cat-1`,
      `${CATALOG(A)}/products/prod-1`,
      `${CM(A)}/legal-entities/le-${B}`,
      `${CM(A)}/legal-entities/le-${B}/parent-hierarchy`,
      `${CM(A)}/locations/loc-${B}`,
      `${CM(A)}/contact-assignments/ca-${B}`,
    ]) {
      await expect404(path);
    }

    const ownSegment = await asA('GET', `${SEGMENTS(A)}/seg-shared`);
    expect(ownSegment.json).toMatchObject({ id: 'seg-shared', name: { en: 'A-own' } });

    const listings: Array<[string, string, RequestSpec['body']?, Record<string, string>?]> = [
      ['GET', SEGMENTS(A)],
      ['GET', SEGMENTS(A), undefined, { customerId: 'cust-1' }],
      ['GET', SEGMENTS(A), undefined, { q: `id:(seg-${B},seg-shared)` }],
      ['POST', `${SEGMENTS(A)}/search`, { q: `name.en:B-secret` }],
      ['GET', `${SEGMENTS(A)}/seg-shared/customers`],
      ['GET', `${SEGMENTS(A)}/seg-${B}/customers`],
      ['POST', `${SEGMENTS(A)}/seg-shared/customers/search`, { q: 'customer.id:cust-1' }],
      ['GET', `${SEGMENTS(A)}/seg-shared/items`],
      ['GET', `${SEGMENTS(A)}/seg-${B}/items`],
      ['POST', `${SEGMENTS(A)}/seg-shared/items/search`, { q: 'type:PRODUCT' }],
      ['GET', `${SEGMENTS(A)}/items`],
      [
        'POST',
        `${SEGMENTS(A)}/match`,
        { items: [{ id: 'prod-1' }], segmentIds: ['seg-shared', `seg-${B}`], siteCode: 'main' },
      ],
      ['GET', `${CM(A)}/legal-entities`],
      ['POST', `${CM(A)}/legal-entities/search`, { q: `name:B-secret` }],
      ['GET', `${CM(A)}/locations`],
      ['GET', `${CM(A)}/contact-assignments`],
      ['GET', `${CM(A)}/contact-assignments`, undefined, { 'customer.id': 'cust-1' }],
    ];
    for (const [method, path, body, query] of listings) {
      const result = await asA(method, path, { body, query });
      expectNoLeak(`${method} ${path} ${JSON.stringify(query ?? body ?? '')}`, result);
      if (result.status !== 200)
        leaks.push(`${method} ${path}: expected 200, got ${result.status} ${result.text.slice(0, 200)}`);
    }
    const lists = await asA('GET', `${SEGMENTS(A)}/seg-shared/customers`);
    expect(lists.json).toEqual([]);
    const match = await asA('POST', `${SEGMENTS(A)}/match`, {
      body: { items: [{ id: 'prod-1' }], segmentIds: ['seg-shared', `seg-${B}`], siteCode: 'main' },
    });
    expect(match.json).toEqual([]);

    // Customer tokens of A: the same customer id as in B sees only A's assignments.
    const customerA = await caller(A, OWN_SCOPES, 'cust-1');
    expect(ids(await customerA('GET', SEGMENTS(A)))).toEqual(['seg-a-assigned']);
    for (const [path, query] of [
      [`${SEGMENTS(A)}/items`, {}],
      [`${SEGMENTS(A)}/items/category-trees`, {}],
      [`${SEGMENTS(A)}/items/category-trees`, { legalEntityId: `le-${B}` }],
      [`${SEGMENTS(A)}/seg-shared/customers`, {}],
      [`${CM(A)}/legal-entities`, {}],
    ] as const) {
      const result = await customerA('GET', path, { query });
      expectNoLeak(`customer token ${path}`, result);
      if (!(result.status === 200 && Array.isArray(result.json) && result.json.length === 0))
        leaks.push(`customer token ${path}: ${result.status} ${result.text.slice(0, 200)}`);
    }
    const strangerA = await caller(A, OWN_SCOPES, 'cust-unassigned');
    expect(ids(await strangerA('GET', SEGMENTS(A)))).toEqual([]);
    expect((await strangerA('GET', `${SEGMENTS(A)}/seg-a-assigned`)).status).toBe(404);
    expect(leaks).toEqual([]);
  });

  it("changes nothing of tenant B when tenant A writes, upserts and deletes with B's ids", async () => {
    const before = await fingerprint(B);
    const writes: Array<[string, string, unknown?, Record<string, string>?]> = [
      ['PUT', `${SEGMENTS(A)}/seg-${B}/customers/cust-2`, {}],
      ['PUT', `${SEGMENTS(A)}/seg-${B}/customers/cust-1/le-${B}`, {}],
      ['PUT', `${SEGMENTS(A)}/seg-${B}/items/PRODUCT/prod-2`, {}],
      ['PATCH', `${SEGMENTS(A)}/seg-${B}`, [{ op: 'replace', path: '/status', value: 'INACTIVE' }]],
      [
        'PUT',
        `${SEGMENTS(A)}/seg-${B}/customers/bulk`,
        [{ customerId: 'cust-2' }, { customerId: 'cust-1', legalEntityId: `le-${B}` }],
      ],
      ['PUT', `${SEGMENTS(A)}/seg-${B}/items/PRODUCT/bulk`, [{ id: 'prod-2' }, { id: 'prod-1' }]],
      ['DELETE', `${SEGMENTS(A)}/seg-${B}/customers/bulk`, [{ customerId: 'cust-1' }]],
      ['DELETE', `${SEGMENTS(A)}/seg-${B}/items/PRODUCT/bulk`, ['prod-1']],
      ['DELETE', `${SEGMENTS(A)}/seg-${B}/customers/cust-1`],
      ['DELETE', `${SEGMENTS(A)}/seg-${B}/items/CATEGORY/cat-1`],
      ['DELETE', `${SEGMENTS(A)}/seg-${B}`, undefined, { forceDelete: 'true' }],
      ['DELETE', `${SEGMENTS(A)}/bulk`, [`seg-${B}`], { forceDelete: 'true' }],
      ['DELETE', `${CATALOG(A)}/categories/bulk`, ['cat-1']],
      ['DELETE', `${CATALOG(A)}/products/bulk`, ['prod-1']],
      ['DELETE', `${CM(A)}/customers/bulk`, ['cust-1']],
      ['DELETE', `${CM(A)}/legal-entities/le-${B}`],
      ['DELETE', `${CM(A)}/locations/loc-${B}`],
      ['DELETE', `${CM(A)}/contact-assignments/ca-${B}`],
      ['POST', `${CM(A)}/contact-assignments`, { legalEntity: { id: `le-${B}` }, customer: { id: 'cust-1' } }],
      ['POST', `${CM(A)}/legal-entities`, { name: 'child', type: 'SUBSIDIARY', parentId: `le-${B}` }],
      ['POST', `${CM(A)}/legal-entities`, { name: 'addresses', entitiesAddresses: [{ id: `loc-${B}` }] }],
      ['POST', `${CM(A)}/legal-entities`, { name: 'approvers', approvalGroup: [{ id: `ca-${B}` }] }],
      ['PUT', `${CM(A)}/contact-assignments/ca-${B}`, { legalEntity: { id: `le-${B}` }, customer: { id: 'cust-1' } }],
    ];
    const refused: string[] = [];
    for (const [method, path, body, query] of writes) {
      const result = await asA(method, path, { body, query });
      const bulkFailures = Array.isArray(result.json)
        ? result.json.filter((entry: { code: number }) => entry.code >= 400).length
        : 0;
      refused.push(
        `${method} ${path}: ${result.status}${Array.isArray(result.json) ? ` (${bulkFailures}/${result.json.length} items failed)` : ''}`,
      );
    }
    // Writes into segments, legal entities, locations or contact assignments of B's ids fail in A
    // (the referenced document does not exist there), item by item for bulk requests.
    expect(
      refused.filter(
        (line) => /(PUT|PATCH|POST) /.test(line) && !/: (400|404)$|: 207 \((\d+)\/\2 items failed\)$/.test(line),
      ),
    ).toEqual([]);
    expect(await fingerprint(B)).toEqual(before);
    // The same deletes in B's own tenant do reach B's rows: the fingerprint is sensitive.
    await must([204], asB('DELETE', `${CM(B)}/contact-assignments/ca-${B}`));
    expect(await fingerprint(B)).not.toEqual(before);
  });

  it('ignores tenant, timestamps, versions and column names sent by the client, and stores rows only in the path tenant', async () => {
    const started = Date.now();
    const intruding = {
      tenant: BAIT,
      created_at: LONG_AGO,
      modified_at: LONG_AGO,
      site_code: 'evil',
      segment_id: 'evil',
      customer_id: 'evil',
      legal_entity_id: 'evil',
      item_id: 'evil',
      version: 99,
    };
    const metadata = { createdAt: LONG_AGO, modifiedAt: LONG_AGO };
    await must(
      [201],
      asA('POST', SEGMENTS(A), {
        body: { id: 'seg-fields', name: { en: 'x' }, siteCode: 'main', ...intruding, metadata },
      }),
    );
    await must(
      [204],
      asA('PUT', `${SEGMENTS(A)}/seg-fields`, {
        body: { name: { en: 'y' }, siteCode: 'main', ...intruding, metadata },
      }),
    );
    await must([201], asA('PUT', `${SEGMENTS(A)}/seg-fields/customers/cust-9`, { body: { ...intruding, metadata } }));
    await must(
      [201],
      asA('PUT', `${SEGMENTS(A)}/seg-fields/customers/cust-9/le-9`, { body: { ...intruding, metadata } }),
    );
    await must(
      [201],
      asA('PUT', `${SEGMENTS(A)}/seg-fields/items/PRODUCT/prod-9`, { body: { ...intruding, metadata } }),
    );
    await must(
      [207],
      asA('PUT', `${SEGMENTS(A)}/seg-fields/customers/bulk`, {
        body: [{ customerId: 'cust-8', ...intruding, metadata }],
      }),
    );
    await must(
      [207],
      asA('PUT', `${SEGMENTS(A)}/seg-fields/items/CATEGORY/bulk`, { body: [{ id: 'cat-8', ...intruding, metadata }] }),
    );
    await must(
      [207],
      asA('POST', `${SEGMENTS(A)}/bulk`, {
        body: [{ id: 'seg-fields-2', name: { en: 'x' }, siteCode: 'main', ...intruding, metadata }],
      }),
    );
    await must([207], asA('PUT', `${CATALOG(A)}/categories/bulk`, { body: [{ id: 'cat-9', ...intruding, metadata }] }));
    await must([207], asA('PUT', `${CATALOG(A)}/products/bulk`, { body: [{ id: 'prod-9', ...intruding, metadata }] }));
    await must([207], asA('PUT', `${CM(A)}/customers/bulk`, { body: [{ id: 'cust-9', ...intruding }] }));
    await must(
      [201],
      asA('POST', `${CM(A)}/locations`, {
        body: { id: 'loc-fields', type: 'OFFICE', contactDetails: { city: 'x' }, ...intruding, metadata },
      }),
    );
    await must(
      [201],
      asA('POST', `${CM(A)}/legal-entities`, { body: { id: 'le-fields', name: 'x', ...intruding, metadata } }),
    );
    await must(
      [201],
      asA('POST', `${CM(A)}/contact-assignments`, {
        body: { id: 'ca-fields', legalEntity: { id: 'le-fields' }, customer: { id: 'cust-9' }, ...intruding, metadata },
      }),
    );

    const documents = await Promise.all(
      [
        `${SEGMENTS(A)}/seg-fields`,
        `${SEGMENTS(A)}/seg-fields-2`,
        `${SEGMENTS(A)}/seg-fields/customers/cust-9`,
        `${SEGMENTS(A)}/seg-fields/customers/cust-9/le-9`,
        `${SEGMENTS(A)}/seg-fields/customers/cust-8`,
        `${SEGMENTS(A)}/seg-fields/items/PRODUCT/prod-9`,
        `${SEGMENTS(A)}/seg-fields/items/CATEGORY/cat-8`,
        `${CATALOG(A)}/categories/cat-9`,
        `${CATALOG(A)}/products/prod-9`,
        `${CM(A)}/locations/loc-fields`,
        `${CM(A)}/legal-entities/le-fields`,
        `${CM(A)}/contact-assignments/ca-fields`,
      ].map((path) => asA('GET', path)),
    );
    const wrong = documents
      .map(
        (result) =>
          result.json as {
            id?: string;
            metadata?: { createdAt?: string; modifiedAt?: string; version?: number };
            siteCode?: string;
          },
      )
      .filter(
        (body) =>
          !body?.metadata ||
          Date.parse(body.metadata.createdAt ?? '') < started - 60_000 ||
          Date.parse(body.metadata.modifiedAt ?? '') < started - 60_000 ||
          (body.metadata.version ?? 0) > 2 ||
          body.siteCode === 'evil',
      );
    expect(wrong).toEqual([]);
    expect(documents.map((result) => result.status)).toEqual(documents.map(() => 200));

    expect(await fingerprint(BAIT)).toEqual(
      Object.fromEntries(Object.keys(await fingerprint(BAIT)).map((table) => [table, '0:null'])),
    );
    const [segment] = await sql<{ site_code: string; created_at: Date }>(
      'SELECT site_code, created_at FROM segment WHERE tenant = $1 AND id = $2',
      [A, 'seg-fields'],
    );
    expect(segment.site_code).toBe('main');
    expect(segment.created_at.getTime()).toBeGreaterThan(started - 60_000);
    const [evil] = await sql<{ n: string }>(
      "SELECT count(*) AS n FROM customer_assignment WHERE segment_id = 'evil' OR customer_id = 'evil' OR legal_entity_id = 'evil'",
    );
    expect(Number(evil.n)).toBe(0);
  });

  it('sent no internal column in any response of this suite', () => {
    expect(recorder.totals().requests).toBeGreaterThan(80);
    expect(recorder.problems).toEqual([]);
  });
});
