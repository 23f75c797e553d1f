import { ApiClient } from '@cs/client';
import { Scopes } from '@cs/contracts';
import {
  ALL_ITEMS,
  CURRENT,
  fixtures,
  ISO,
  ITEM,
  ITEMS_BULK,
  PAST,
  SEGMENT_ITEMS,
  SEGMENT_ITEMS_SEARCH,
  tenant,
} from './fixtures';
import { E2e, startE2e, withStatements } from './support';

type Fixtures = ReturnType<typeof fixtures>;
/** The Emporix error body of a failed call (the client types it as a union with the 401 body). */
const errorOf = (error: unknown) =>
  error as { code: number; message: string; resourceId?: string; details?: { field?: string } };
const item = (segmentId: string, type: 'PRODUCT' | 'CATEGORY', itemId: string) => ({
  params: { path: { tenant, segmentId, type, itemId } },
});
const bulkPath = (segmentId: string, type: string) => ({ path: { tenant, segmentId, type } });
const stored = (f: Fixtures, segmentId: string, itemId: string) =>
  f.sql<{ type: string; mixins: unknown; metadata_mixins: unknown; version: number }>(
    'SELECT type, mixins, metadata_mixins, version FROM item_assignment WHERE tenant = $1 AND segment_id = $2 AND item_id = $3 ORDER BY type',
    [tenant, segmentId, itemId],
  );

describe('item assignments: writes, bulk, events, enrichment', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let read: ApiClient;
  let f: Fixtures;

  beforeAll(async () => {
    e2e = await startE2e();
    manage = await e2e.client([Scopes.segmentManage]);
    read = await e2e.client([Scopes.segmentRead]);
    f = fixtures(e2e, manage);
    await f.segment('w1');
    await f.segment('w2');
    await f.products([
      { id: 'p1', code: 'P-1', name: { en: 'Hammer', de: 'Hammer (de)' } },
      { id: 'p2', code: 'P-2', name: { en: 'Screwdriver', de: 'Schraubenzieher' } },
    ]);
    await f.categories([{ id: 'c1', code: 'C-1', name: { en: 'Tools', de: 'Werkzeuge' } }]);
  });
  afterAll(() => e2e.server.close());

  it('PUT creates (201, no body), updates (204) and checks metadata.version (409), recording one event per change', async () => {
    const mixins = { segmentAttributes: { membershipStatus: 'PREMIUM', points: 3 } };
    const metadataMixins = { segmentAttributes: 'https://example.com/attrs.json' };
    const created = await manage.PUT(ITEM, {
      ...item('w1', 'PRODUCT', 'p1'),
      body: { mixins, metadata: { mixins: metadataMixins } },
    });
    expect(created.response.status).toBe(201);
    expect(await created.response.text()).toBe('');
    expect(await stored(f, 'w1', 'p1')).toEqual([
      { type: 'PRODUCT', mixins, metadata_mixins: metadataMixins, version: 1 },
    ]);

    const updated = await manage.PUT(ITEM, {
      ...item('w1', 'PRODUCT', 'p1'),
      body: { mixins: { a: 1 }, metadata: { version: 1 } },
    });
    expect(updated.response.status).toBe(204);
    expect(await stored(f, 'w1', 'p1')).toEqual([
      { type: 'PRODUCT', mixins: { a: 1 }, metadata_mixins: {}, version: 2 },
    ]);

    const conflict = await manage.PUT(ITEM, {
      ...item('w1', 'PRODUCT', 'p1'),
      body: { mixins: { b: 2 }, metadata: { version: 1 } },
    });
    expect(conflict.response.status).toBe(409);
    expect(conflict.error).toMatchObject({ code: 409, status: 'Conflict', resourceId: 'p1' });
    expect(await stored(f, 'w1', 'p1')).toEqual([
      { type: 'PRODUCT', mixins: { a: 1 }, metadata_mixins: {}, version: 2 },
    ]);

    const events = await f.itemEvents('p1');
    expect(events.map((event) => event.type)).toEqual([
      'customer-segment.item-assignment-created',
      'customer-segment.item-assignment-updated',
    ]);
    expect(events[0].payload).toEqual({
      segmentId: 'w1',
      tenant,
      type: 'PRODUCT',
      item: { id: 'p1', code: 'P-1', name: { en: 'Hammer', de: 'Hammer (de)' } },
      mixins,
      metadata: {
        version: 1,
        createdAt: expect.stringMatching(ISO),
        modifiedAt: expect.stringMatching(ISO),
        mixins: metadataMixins,
      },
    });
    expect(events[1].payload).toMatchObject({ segmentId: 'w1', metadata: { version: 2 } });
  });

  it('keeps PRODUCT and CATEGORY assignments of the same id apart', async () => {
    await f.item('w2', 'PRODUCT', 'same');
    await f.item('w2', 'CATEGORY', 'same');
    expect((await stored(f, 'w2', 'same')).map((row) => row.type)).toEqual(['CATEGORY', 'PRODUCT']);
  });

  it('PUT answers 404 for a missing segment and 400 for a bad type, item id or body; nothing is stored', async () => {
    const missing = await manage.PUT(ITEM, { ...item('nope', 'PRODUCT', 'x1'), body: {} });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 404, status: 'Not Found', resourceId: 'nope' });
    expect((await manage.PUT(ITEM, { ...item('s'.repeat(70), 'PRODUCT', 'x1'), body: {} })).response.status).toBe(404);

    for (const type of ['product', 'SKU']) {
      const bad = await manage.PUT(ITEM, {
        params: { path: { tenant, segmentId: 'w1', type, itemId: 'x1' } },
        body: {},
      });
      expect(bad.response.status).toBe(400);
      expect(bad.error).toMatchObject({ code: 400, details: { field: 'type' } });
    }
    const longId = await manage.PUT(ITEM, { ...item('w1', 'PRODUCT', 'x'.repeat(129)), body: {} });
    expect(longId.error).toMatchObject({ code: 400, details: { field: 'itemId' } });

    const badBodies = [
      { mixins: 'x' },
      { metadata: { version: 'one' } },
      { metadata: { version: 0 } },
      { metadata: { mixins: [1] } },
    ];
    for (const body of badBodies) {
      const bad = await manage.PUT(ITEM, { ...item('w1', 'PRODUCT', 'x1'), body: body as never });
      expect(bad.response.status).toBe(400);
      expect(errorOf(bad.error).details?.field).toMatch(/^(mixins|metadata\.version|metadata\.mixins)$/);
    }
    expect(await f.sql("SELECT 1 FROM item_assignment WHERE tenant = $1 AND item_id = 'x1'", [tenant])).toEqual([]);
  });

  it('GET returns the assignment enriched from the catalog, localized with Accept-Language, projected with fields', async () => {
    await f.item('w1', 'CATEGORY', 'c1', { mixins: { x: { y: 1 } } });
    const product = await read.GET(ITEM, item('w1', 'PRODUCT', 'p1'));
    expect(product.response.status).toBe(200);
    expect(product.data).toEqual({
      segmentId: 'w1',
      item: { id: 'p1', code: 'P-1', name: { en: 'Hammer', de: 'Hammer (de)' } },
      type: 'PRODUCT',
      mixins: { a: 1 },
      metadata: { version: 2, createdAt: expect.stringMatching(ISO), modifiedAt: expect.stringMatching(ISO) },
    });

    const category = await read.GET(ITEM, {
      params: { ...item('w1', 'CATEGORY', 'c1').params, header: { 'Accept-Language': 'fr, de;q=0.8' } },
    });
    expect(category.data).toMatchObject({
      item: { id: 'c1', code: 'C-1', name: 'Werkzeuge' },
      type: 'CATEGORY',
      mixins: { x: { y: 1 } },
    });

    const projected = await read.GET(ITEM, {
      params: { ...item('w1', 'PRODUCT', 'p1').params, query: { fields: 'item.name,metadata.version' } as never },
    });
    expect(projected.data).toEqual({ item: { name: { en: 'Hammer', de: 'Hammer (de)' } }, metadata: { version: 2 } });
  });

  it('GET of an item the catalog does not know returns only its id; absent assignments are 404, bad types 400', async () => {
    await f.item('w1', 'PRODUCT', 'unknown-product');
    const { data } = await read.GET(ITEM, item('w1', 'PRODUCT', 'unknown-product'));
    expect(data?.item).toEqual({ id: 'unknown-product' });
    expect(data).not.toHaveProperty('mixins');

    const absent = await read.GET(ITEM, item('w1', 'CATEGORY', 'p1'));
    expect(absent.response.status).toBe(404);
    expect(absent.error).toMatchObject({ code: 404, status: 'Not Found', resourceId: 'p1' });
    expect((await read.GET(ITEM, item('nope', 'PRODUCT', 'p1'))).response.status).toBe(404);
    expect(
      (await read.GET(ITEM, { params: { path: { tenant, segmentId: 'w1', type: 'ITEM', itemId: 'p1' } } })).response
        .status,
    ).toBe(400);
  });

  it('DELETE removes (204, event) and answers 204 for absent assignments without an event; a bad type is a 400', async () => {
    await f.item('w2', 'PRODUCT', 'd1');
    const removed = await manage.DELETE(ITEM, item('w2', 'PRODUCT', 'd1'));
    expect(removed.response.status).toBe(204);
    expect(await stored(f, 'w2', 'd1')).toEqual([]);
    expect((await manage.DELETE(ITEM, item('w2', 'PRODUCT', 'd1'))).response.status).toBe(204);
    expect((await manage.DELETE(ITEM, item('nope', 'PRODUCT', 'd1'))).response.status).toBe(204);
    const events = await f.itemEvents('d1');
    expect(events.map((event) => event.type)).toEqual([
      'customer-segment.item-assignment-created',
      'customer-segment.item-assignment-deleted',
    ]);
    expect(events[1].payload).toEqual({ segmentId: 'w2', type: 'PRODUCT', itemId: 'd1', tenant });
    expect(
      (await manage.DELETE(ITEM, { params: { path: { tenant, segmentId: 'w2', type: 'X', itemId: 'd1' } } })).response
        .status,
    ).toBe(400);
  });

  it('bulk PUT answers 207 per item: 201, 204, 400, 409, each applied on its own', async () => {
    // Stored with mixins, so that the first bulk item (without) changes it.
    await f.item('w2', 'CATEGORY', 'b-existing', { mixins: { m: 0 } });
    const { data, response } = await manage.PUT(ITEMS_BULK, {
      params: bulkPath('w2', 'CATEGORY'),
      body: [
        { id: 'b-new', mixins: { m: 1 }, metadata: { mixins: { m: 'https://example.com/m.json' } } },
        { id: 'b-existing', metadata: { version: 1 } },
        { mixins: {} } as never,
        { id: 'b-existing', metadata: { version: 1 } },
        'not-an-object' as never,
      ],
    });
    expect(response.status).toBe(207);
    expect(data).toEqual([
      { index: 0, code: 201, status: 'Created', id: 'b-new' },
      { index: 1, code: 204, status: 'No Content', id: 'b-existing' },
      expect.objectContaining({
        index: 2,
        code: 400,
        status: 'Bad Request',
        // The first problem as the details object; the message names every one.
        details: expect.objectContaining({ field: 'id' }),
        message: expect.stringContaining('id: id must be a string'),
      }),
      expect.objectContaining({ index: 3, code: 409, status: 'Conflict', id: 'b-existing' }),
      expect.objectContaining({ index: 4, code: 400 }),
    ]);
    expect(await stored(f, 'w2', 'b-new')).toEqual([
      { type: 'CATEGORY', mixins: { m: 1 }, metadata_mixins: { m: 'https://example.com/m.json' }, version: 1 },
    ]);
    expect((await stored(f, 'w2', 'b-existing'))[0].version).toBe(2);
    const metadata = (version: number, mixins?: object) => ({
      version,
      createdAt: expect.stringMatching(ISO),
      modifiedAt: expect.stringMatching(ISO),
      ...(mixins && { mixins }),
    });
    expect(await f.itemEvents('b-new')).toEqual([
      {
        type: 'customer-segment.item-assignment-created',
        payload: {
          segmentId: 'w2',
          tenant,
          type: 'CATEGORY',
          item: { id: 'b-new' },
          mixins: { m: 1 },
          metadata: metadata(1, { m: 'https://example.com/m.json' }),
        },
      },
    ]);
    expect((await f.itemEvents('b-existing')).at(-1)).toEqual({
      type: 'customer-segment.item-assignment-updated',
      payload: { segmentId: 'w2', tenant, type: 'CATEGORY', item: { id: 'b-existing' }, metadata: metadata(2) },
    });
  });

  it('bulk PUT into a missing segment answers 404 per item; a bad type, a non-array or more than 200 items is a 400 and applies nothing', async () => {
    const missing = await manage.PUT(ITEMS_BULK, { params: bulkPath('nope', 'PRODUCT'), body: [{ id: 'm1' }] });
    expect(missing.response.status).toBe(207);
    expect(missing.data).toEqual([expect.objectContaining({ index: 0, code: 404, status: 'Not Found' })]);

    const badType = await manage.PUT(ITEMS_BULK, { params: bulkPath('w2', 'THING'), body: [{ id: 'm1' }] });
    expect(badType.error).toMatchObject({ code: 400, details: { field: 'type' } });
    expect(
      (await manage.PUT(ITEMS_BULK, { params: bulkPath('w2', 'PRODUCT'), body: { id: 'm1' } as never })).response
        .status,
    ).toBe(400);
    expect((await manage.PUT(ITEMS_BULK, { params: bulkPath('w2', 'PRODUCT'), body: [] })).response.status).toBe(400);

    const tooMany = await manage.PUT(ITEMS_BULK, {
      params: bulkPath('w2', 'PRODUCT'),
      body: Array.from({ length: 201 }, (_, i) => ({ id: `many-${i}` })),
    });
    expect(tooMany.response.status).toBe(400);
    expect(errorOf(tooMany.error).message).toMatch(/200/);
    expect(await f.sql("SELECT 1 FROM item_assignment WHERE tenant = $1 AND item_id LIKE 'many-%'", [tenant])).toEqual(
      [],
    );

    const exactly200 = await manage.PUT(ITEMS_BULK, {
      params: bulkPath('w2', 'PRODUCT'),
      body: Array.from({ length: 200 }, (_, i) => ({ id: `many-${i}` })),
    });
    expect(exactly200.data?.every((result) => result.code === 201)).toBe(true);
    const removeAll = await manage.DELETE(ITEMS_BULK, {
      params: bulkPath('w2', 'PRODUCT'),
      body: Array.from({ length: 200 }, (_, i) => `many-${i}`),
    });
    expect(removeAll.data?.every((result) => result.code === 204)).toBe(true);
  });

  it('bulk DELETE takes item ids: 204 per removed or absent id, 400 for a non-string; more than 200 is a 400', async () => {
    await f.item('w2', 'PRODUCT', 'r1');
    await f.item('w2', 'PRODUCT', 'r2');
    const { data, response } = await manage.DELETE(ITEMS_BULK, {
      params: bulkPath('w2', 'PRODUCT'),
      body: ['r1', 'absent', 42 as never, 'r2'],
    });
    expect(response.status).toBe(207);
    expect(data).toEqual([
      { index: 0, code: 204, status: 'No Content', id: 'r1' },
      { index: 1, code: 204, status: 'No Content', id: 'absent' },
      expect.objectContaining({ index: 2, code: 400, status: 'Bad Request' }),
      { index: 3, code: 204, status: 'No Content', id: 'r2' },
    ]);
    expect(
      await f.sql("SELECT 1 FROM item_assignment WHERE tenant = $1 AND item_id IN ('r1', 'r2')", [tenant]),
    ).toEqual([]);
    expect((await f.itemEvents('r2')).map((event) => event.type)).toEqual([
      'customer-segment.item-assignment-created',
      'customer-segment.item-assignment-deleted',
    ]);
    expect(
      (
        await manage.DELETE(ITEMS_BULK, {
          params: bulkPath('w2', 'PRODUCT'),
          body: Array.from({ length: 201 }, (_, i) => `x${i}`),
        })
      ).response.status,
    ).toBe(400);
    expect((await manage.DELETE(ITEMS_BULK, { params: bulkPath('w2', 'NOPE'), body: ['r1'] })).response.status).toBe(
      400,
    );
  });

  it('answers 401 without a valid token and 403 without the scope or for another tenant', async () => {
    const anonymous = await e2e.anonymous.PUT(ITEM, { ...item('w1', 'PRODUCT', 'p1'), body: {} });
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error).toEqual({
      fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } },
    });
    const readOnly = await read.PUT(ITEM, { ...item('w1', 'PRODUCT', 'p1'), body: {} });
    expect(readOnly.response.status).toBe(403);
    expect(readOnly.error).toMatchObject({ code: 403, status: 'Forbidden' });
    expect((await manage.GET(SEGMENT_ITEMS, { params: { path: { tenant, segmentId: 'w1' } } })).response.status).toBe(
      403,
    );
    const other = await e2e.client([Scopes.segmentRead], { tenant: 'othertenant' });
    expect((await other.GET(ITEM, item('w1', 'PRODUCT', 'p1'))).response.status).toBe(403);
  });
});

describe('item assignments: lists, q, visibility', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let read: ApiClient;
  let f: Fixtures;

  const ids = (data: Array<{ segmentId?: string; type?: string; item?: { id?: string } }> | undefined) =>
    (data ?? []).map((doc) => `${doc.segmentId}/${doc.type}/${doc.item?.id}`);
  const segmentItems = (
    client: ApiClient,
    segmentId: string,
    query: Record<string, unknown> = {},
    header: Record<string, string> = {},
  ) => client.GET(SEGMENT_ITEMS, { params: { path: { tenant, segmentId }, query: query as never, header } });
  const search = (client: ApiClient, segmentId: string, q: string) =>
    client.POST(SEGMENT_ITEMS_SEARCH, { params: { path: { tenant, segmentId } }, body: { q } });
  const allItems = (client: ApiClient, query: Record<string, unknown> = {}) =>
    client.GET(ALL_ITEMS, { params: { path: { tenant }, query: query as never } });

  beforeAll(async () => {
    e2e = await startE2e();
    manage = await e2e.client([Scopes.segmentManage]);
    read = await e2e.client([Scopes.segmentRead]);
    f = fixtures(e2e, manage);
    await f.segment('active', { validity: CURRENT });
    await f.segment('inactive', { status: 'INACTIVE' });
    await f.segment('expired', { validity: PAST });
    await f.segment('elsewhere', { siteCode: 'other' });
    await f.segment('b2b');
    await f.products([
      { id: 'p1', code: 'A-100', name: { en: 'Hammer', de: 'Hammer' } },
      { id: 'p2', code: 'B-200', name: { en: 'Screwdriver', de: 'Schraubenzieher' } },
      { id: 'p3', code: 'C-300', name: { en: 'Saw' } },
    ]);
    await f.categories([{ id: 'k1', code: 'K-1', name: { en: 'Tools', de: 'Werkzeuge' } }]);
    await f.item('active', 'PRODUCT', 'p1', {
      mixins: { promo: { level: 2, tag: 'gold' } },
      metadata: { mixins: { promo: 'https://example.com/promo.json' } },
    });
    // p2 is written twice, the second time with other mixins, so that it has version 2.
    await f.item('active', 'PRODUCT', 'p2', { mixins: { promo: { level: 4, tag: 'silver' } } });
    await f.item('active', 'CATEGORY', 'k1');
    await f.item('active', 'PRODUCT', 'p9');
    await f.item('active', 'PRODUCT', 'p2', { mixins: { promo: { level: 5, tag: 'silver' } } });
    await f.item('inactive', 'PRODUCT', 'p1');
    await f.item('expired', 'PRODUCT', 'p3');
    await f.item('elsewhere', 'PRODUCT', 'p3');
    await f.item('b2b', 'CATEGORY', 'k1');
    for (const segmentId of ['active', 'inactive', 'expired', 'elsewhere']) await f.customer(segmentId, 'cust1');
    await f.customer('b2b', 'cust2', 'le1');
  });
  afterAll(() => e2e.server.close());

  it('lists a segment items ordered by type, then item id, with paging, X-Total-Count, sort and fields', async () => {
    const all = await segmentItems(read, 'active', {}, { 'X-Total-Count': 'true' });
    expect(all.response.status).toBe(200);
    expect(all.response.headers.get('x-total-count')).toBe('4');
    expect(ids(all.data)).toEqual([
      'active/CATEGORY/k1',
      'active/PRODUCT/p1',
      'active/PRODUCT/p2',
      'active/PRODUCT/p9',
    ]);
    expect(all.data?.[1]).toEqual({
      segmentId: 'active',
      item: { id: 'p1', code: 'A-100', name: { en: 'Hammer', de: 'Hammer' } },
      type: 'PRODUCT',
      mixins: { promo: { level: 2, tag: 'gold' } },
      metadata: {
        version: 1,
        createdAt: expect.stringMatching(ISO),
        modifiedAt: expect.stringMatching(ISO),
        mixins: { promo: 'https://example.com/promo.json' },
      },
    });
    expect(all.data?.[3]).toMatchObject({ item: { id: 'p9' } });
    expect(all.data?.[3].item).toEqual({ id: 'p9' });

    const page = await segmentItems(read, 'active', { pageSize: 2, pageNumber: 2 });
    expect(ids(page.data)).toEqual(['active/PRODUCT/p2', 'active/PRODUCT/p9']);
    expect(page.response.headers.get('x-total-count')).toBeNull();
    const sorted = await segmentItems(read, 'active', { sort: 'item.code:desc' });
    expect(ids(sorted.data)).toEqual([
      'active/PRODUCT/p9',
      'active/CATEGORY/k1',
      'active/PRODUCT/p2',
      'active/PRODUCT/p1',
    ]);
    expect(sorted.data?.map((doc) => doc.item?.code ?? null)).toEqual([null, 'K-1', 'B-200', 'A-100']);
    const projected = await segmentItems(read, 'active', { fields: 'type', pageSize: 1 });
    expect(projected.data).toEqual([{ type: 'CATEGORY' }]);
    expect((await segmentItems(read, 'nope')).data).toEqual([]);
    expect((await segmentItems(read, 'active', { pageSize: 0 })).response.status).toBe(400);
  });

  it('localizes item names with Accept-Language', async () => {
    const { data } = await segmentItems(read, 'active', { q: 'type:PRODUCT' }, { 'Accept-Language': 'de' });
    expect(data?.map((doc) => doc.item?.name)).toEqual(['Hammer', 'Schraubenzieher', undefined]);
    const fallback = await segmentItems(read, 'active', { q: 'item.id:k1' }, { 'Accept-Language': 'fr' });
    expect(['Tools', 'Werkzeuge']).toContain(fallback.data?.[0].item?.name);
  });

  it.each([
    ['item.id:p2', ['active/PRODUCT/p2']],
    ['item.id:(p1,k1)', ['active/CATEGORY/k1', 'active/PRODUCT/p1']],
    ['item.code:~B-2', ['active/PRODUCT/p2']],
    ['item.code:missing', ['active/PRODUCT/p9']],
    ['item.name.en:Hammer', ['active/PRODUCT/p1']],
    ['item.name.de:~werk', ['active/CATEGORY/k1']],
    ['type:CATEGORY', ['active/CATEGORY/k1']],
    ['segmentId:active type:PRODUCT item.id:p9', ['active/PRODUCT/p9']],
    ['mixins.promo.tag:silver', ['active/PRODUCT/p2']],
    ['mixins.promo.level:>=2', ['active/PRODUCT/p1', 'active/PRODUCT/p2']],
    ['metadata.mixins.promo:exists', ['active/PRODUCT/p1']],
    ['metadata.version:2', ['active/PRODUCT/p2']],
    ['metadata.createdAt:<"2000-01-01T00:00:00Z"', []],
    ['metadata.modifiedAt:>"2000-01-01T00:00:00Z" item.id:p1', ['active/PRODUCT/p1']],
  ])('GET and search filter with q %s', async (q, expected) => {
    expect(ids((await segmentItems(read, 'active', { q })).data)).toEqual(expected);
    const searched = await search(read, 'active', q);
    expect(searched.response.status).toBe(200);
    expect(ids(searched.data)).toEqual(expected);
  });

  it('answers 400 for unknown q fields, malformed q, bad enum values and bad sort', async () => {
    for (const q of ['name:x', 'item.id:(', 'type:SKU', 'item.name.en.x:y']) {
      const { response, error } = await segmentItems(read, 'active', { q });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ code: 400, status: 'Bad Request' });
      expect((await search(read, 'active', q)).response.status).toBe(400);
    }
    expect((await segmentItems(read, 'active', { sort: 'item.nope' })).response.status).toBe(400);
  });

  it('GET .../segments/items lists across segments, filtered by siteCode and onlyActive', async () => {
    const everything = await allItems(read, { q: 'type:PRODUCT' });
    expect(ids(everything.data)).toEqual([
      'active/PRODUCT/p1',
      'active/PRODUCT/p2',
      'active/PRODUCT/p9',
      'elsewhere/PRODUCT/p3',
      'expired/PRODUCT/p3',
      'inactive/PRODUCT/p1',
    ]);
    expect(ids((await allItems(read, { siteCode: 'other' })).data)).toEqual(['elsewhere/PRODUCT/p3']);
    expect(ids((await allItems(read, { onlyActive: true, q: 'item.id:(p1,p3)' })).data)).toEqual([
      'active/PRODUCT/p1',
      'elsewhere/PRODUCT/p3',
    ]);
    expect(ids((await allItems(read, { onlyActive: false, q: 'item.id:p3' })).data)).toEqual([
      'elsewhere/PRODUCT/p3',
      'expired/PRODUCT/p3',
    ]);
    const counted = await read.GET(ALL_ITEMS, {
      params: { path: { tenant }, query: { siteCode: 'main' }, header: { 'X-Total-Count': true } },
    });
    expect(counted.response.headers.get('x-total-count')).toBe('7');
    expect((await allItems(read, { onlyActive: 'maybe' })).response.status).toBe(400);
  });

  it('customer tokens see only the items of ACTIVE, valid segments they are assigned to (B2B only for their legal entities)', async () => {
    const customer = await e2e.client([Scopes.segmentReadOwn], { customerId: 'cust1' });
    expect(ids((await allItems(customer)).data)).toEqual([
      'active/CATEGORY/k1',
      'active/PRODUCT/p1',
      'active/PRODUCT/p2',
      'active/PRODUCT/p9',
      'elsewhere/PRODUCT/p3',
    ]);
    expect(ids((await allItems(customer, { siteCode: 'main', onlyActive: false })).data)).toEqual([
      'active/CATEGORY/k1',
      'active/PRODUCT/p1',
      'active/PRODUCT/p2',
      'active/PRODUCT/p9',
    ]);
    expect(ids((await segmentItems(customer, 'active', { q: 'item.id:p1' })).data)).toEqual(['active/PRODUCT/p1']);
    expect((await segmentItems(customer, 'inactive')).data).toEqual([]);
    expect((await segmentItems(customer, 'expired')).data).toEqual([]);
    expect((await segmentItems(customer, 'b2b')).data).toEqual([]);
    expect((await search(customer, 'inactive', 'type:PRODUCT')).data).toEqual([]);
    expect((await customer.GET(ITEM, item('active', 'PRODUCT', 'p1'))).response.status).toBe(200);
    expect((await customer.GET(ITEM, item('inactive', 'PRODUCT', 'p1'))).response.status).toBe(404);

    const b2b = await e2e.client([Scopes.segmentReadOwn], { customerId: 'cust2', legalEntityIds: ['le1', 'le2'] });
    expect(ids((await allItems(b2b)).data)).toEqual(['b2b/CATEGORY/k1']);
    expect(ids((await allItems(b2b, { legalEntityId: 'le1' })).data)).toEqual(['b2b/CATEGORY/k1']);
    expect((await allItems(b2b, { legalEntityId: 'le2' })).data).toEqual([]);
    const foreign = await allItems(b2b, { legalEntityId: 'le3' });
    expect(foreign.response.status).toBe(403);
    expect(foreign.error).toMatchObject({ code: 403, resourceId: 'le3' });
    const otherEntity = await e2e.client([Scopes.segmentReadOwn], { customerId: 'cust2', legalEntityIds: ['le2'] });
    expect((await allItems(otherEntity)).data).toEqual([]);
    expect((await otherEntity.GET(ITEM, item('b2b', 'CATEGORY', 'k1'))).response.status).toBe(404);

    const stranger = await e2e.client([Scopes.segmentReadOwn], { customerId: 'nobody' });
    expect((await allItems(stranger)).data).toEqual([]);
  });
  it('serves deep pages (offset >= 1,000) with the same rows and catalog data, also sorted by metadata.createdAt and with a q on catalog fields', async () => {
    await f.segment('deep-items');
    // i0000..i1029, created one second apart in reverse id order; two of them held by the catalog.
    await f.sql(
      `INSERT INTO item_assignment (tenant, segment_id, type, item_id, mixins, metadata_mixins, version, created_at, modified_at)
       SELECT $1, 'deep-items', 'PRODUCT', 'i' || lpad(n::text, 4, '0'), '{}', '{}', 1, timestamptz '2026-01-01' - n * interval '1 second', now() FROM generate_series(0, 1029) AS n`,
      [tenant],
    );
    await f.products([
      { id: 'i1021', code: 'I-1021', name: { en: 'Deep' } },
      { id: 'i0005', code: 'I-0005', name: { en: 'Deep' } },
    ]);
    const page = async (query: Record<string, unknown>) => {
      const { response, data } = await read.GET(SEGMENT_ITEMS, {
        params: {
          path: { tenant, segmentId: 'deep-items' },
          query: { pageSize: 10, pageNumber: 103, ...query } as never,
        },
      });
      expect(response.status).toBe(200);
      return data ?? [];
    };
    const ids = (from: number, to: number) =>
      Array.from(
        { length: Math.abs(to - from) + 1 },
        (_, i) => `i${String(from < to ? from + i : from - i).padStart(4, '0')}`,
      );

    const { result: byKey, statements } = await withStatements(e2e, () => page({}));
    // The page's keys are found without the enriching joins, which then run for those rows only.
    expect(statements.filter((text) => text.includes('JOIN (SELECT'))).toHaveLength(1);
    expect(byKey.map((entry) => entry.item.id)).toEqual(ids(1020, 1029));
    expect(byKey[0].item).toEqual({ id: 'i1020' });
    expect(byKey[1]).toMatchObject({
      segmentId: 'deep-items',
      type: 'PRODUCT',
      item: { id: 'i1021', code: 'I-1021', name: { en: 'Deep' } },
      metadata: { version: 1 },
    });
    const byCreatedAt = await page({ sort: 'metadata.createdAt', q: 'metadata.createdAt:<"2026-01-01T00:00:00Z"' });
    expect(byCreatedAt.map((entry) => entry.item.id)).toEqual(ids(9, 1));
    expect(byCreatedAt.find((entry) => entry.item.id === 'i0005')?.item).toEqual({
      id: 'i0005',
      code: 'I-0005',
      name: { en: 'Deep' },
    });
    // q and sort on catalog fields keep the plain query.
    expect((await page({ sort: 'item.code:desc,item.id' })).map((entry) => entry.item.id)).toEqual([
      ...ids(1022, 1029),
      'i1021',
      'i0005',
    ]);
    expect((await page({ q: 'item.code:null' })).map((entry) => entry.item.id)).toEqual(ids(1022, 1029));
  });
});
