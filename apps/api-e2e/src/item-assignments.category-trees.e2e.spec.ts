import { ApiClient } from '@cs/client';
import { Scopes } from '@cs/contracts';
import { CATEGORY_TREES, fixtures, PAST, shape, tenant } from './fixtures';
import { E2e, startE2e } from './support';

describe('category trees of the customer segments', () => {
  let e2e: E2e;
  let customer: ApiClient;
  const trees = (
    client: ApiClient,
    query: { siteCode?: string; legalEntityId?: string } = {},
    header: Record<string, string> = {},
  ) => client.GET(CATEGORY_TREES, { params: { path: { tenant }, query, header } });

  beforeAll(async () => {
    e2e = await startE2e();
    const manage = await e2e.client([Scopes.segmentManage]);
    customer = await e2e.client([Scopes.segmentReadOwn], { customerId: 'cust1' });
    const f = fixtures(e2e, manage);
    // Children before their parents: parents may arrive later in the same batch.
    await f.categories([
      { id: 'leaf-1', parentId: 'mid-a', code: 'L1', name: { en: 'Leaf 1' }, position: 0 },
      {
        id: 'leaf-2',
        parentId: 'mid-a',
        code: 'L2',
        name: { en: 'Sledgehammers', de: 'Vorschlaghämmer' },
        localizedDescription: { en: 'Heavy', de: 'Schwer' },
        localizedSlug: { en: 'sledgehammers' },
        ecn: ['ECN-2'],
        validity: { from: '2024-04-17T08:00:00.000Z', to: '2026-04-17T08:00:00.000Z' },
        position: 1,
        published: false,
      },
      { id: 'leaf-2-x', parentId: 'leaf-2', code: 'L2X', name: { en: 'Below leaf 2' } },
      { id: 'mid-a', parentId: 'root-b', code: 'MA', name: { en: 'Hammers', de: 'Hämmer' }, position: 2 },
      { id: 'mid-c', parentId: 'root-b', code: 'MC', name: { en: 'Mid C' }, position: 2 },
      { id: 'leaf-4', parentId: 'mid-c', code: 'L4', name: { en: 'Leaf 4' } },
      { id: 'mid-b', parentId: 'root-b', code: 'MB', name: { en: 'Mid B' }, position: 1 },
      { id: 'leaf-3', parentId: 'mid-b', code: 'L3', name: { en: 'Leaf 3' } },
      { id: 'root-b', code: 'RB', name: { en: 'Tools', de: 'Werkzeug' }, position: 1 },
      { id: 'root-a', code: 'RA', name: { en: 'Garden' }, position: 0 },
      { id: 'other-leaf', parentId: 'root-a', code: 'OL', name: { en: 'Other site' } },
      { id: 'b2b-cat', code: 'B2B', name: { en: 'Business' } },
      { id: 'extra', code: 'EX', name: { en: 'Extra' } },
      { id: 'unrelated', code: 'UN', name: { en: 'Unrelated' }, position: 5 },
      // The catalog holds neither 'missing-parent' nor 'ghost' (assigned below).
      { id: 'orphan', parentId: 'missing-parent', code: 'OR', name: { en: 'Orphan' } },
      { id: 'ghost-child', parentId: 'ghost', code: 'GC', name: { en: 'Child of an unknown category' } },
    ]);
    await f.segment('active');
    await f.segment('inactive', { status: 'INACTIVE' });
    await f.segment('expired', { validity: PAST });
    await f.segment('elsewhere', { siteCode: 'other' });
    await f.segment('b2bseg');
    await f.segment('not-mine');
    for (const id of ['leaf-1', 'leaf-2', 'mid-c', 'leaf-4', 'ghost', 'orphan']) await f.item('active', 'CATEGORY', id);
    await f.item('active', 'PRODUCT', 'root-a');
    await f.item('inactive', 'CATEGORY', 'leaf-3');
    await f.item('expired', 'CATEGORY', 'root-a');
    await f.item('elsewhere', 'CATEGORY', 'other-leaf');
    await f.item('elsewhere', 'CATEGORY', 'leaf-1');
    await f.item('b2bseg', 'CATEGORY', 'b2b-cat');
    await f.item('not-mine', 'CATEGORY', 'extra');
    for (const segmentId of ['active', 'inactive', 'expired', 'elsewhere']) await f.customer(segmentId, 'cust1');
    await f.customer('b2bseg', 'cust1', 'le1');
  });
  afterAll(() => e2e.server.close());

  it('builds the trees of the assigned categories: ancestors up to the root, descendants, siblings by position then id', async () => {
    const { data, response } = await trees(customer);
    expect(response.status).toBe(200);
    expect(shape(data)).toEqual([
      { 'root-a': ['other-leaf*'] },
      { 'root-b': [{ 'mid-a': ['leaf-1*', { 'leaf-2*': ['leaf-2-x'] }] }, { 'mid-c*': ['leaf-4*'] }] },
      'b2b-cat*',
      'orphan*',
    ]);
    expect(data?.[3]).toMatchObject({ id: 'orphan', parentId: 'missing-parent' });
  });

  it('returns every field of a category, localized with Accept-Language', async () => {
    const { data } = await trees(customer, { siteCode: 'main' });
    const midA = data?.find((node) => node.id === 'root-b')?.subcategories[0];
    expect(midA).toMatchObject({
      id: 'mid-a',
      parentId: 'root-b',
      code: 'MA',
      name: { en: 'Hammers', de: 'Hämmer' },
      position: 2,
      published: true,
      isSegmentAssigned: false,
    });
    expect(midA?.subcategories[1]).toEqual({
      id: 'leaf-2',
      parentId: 'mid-a',
      code: 'L2',
      name: { en: 'Sledgehammers', de: 'Vorschlaghämmer' },
      localizedDescription: { en: 'Heavy', de: 'Schwer' },
      localizedSlug: { en: 'sledgehammers' },
      ecn: ['ECN-2'],
      validity: { from: '2024-04-17T08:00:00.000Z', to: '2026-04-17T08:00:00.000Z' },
      position: 1,
      published: false,
      isSegmentAssigned: true,
      subcategories: [
        {
          id: 'leaf-2-x',
          parentId: 'leaf-2',
          code: 'L2X',
          name: { en: 'Below leaf 2' },
          ecn: [],
          published: true,
          isSegmentAssigned: false,
          subcategories: [],
        },
      ],
    });
    expect(data?.[0]).not.toHaveProperty('parentId');

    const german = await trees(customer, { siteCode: 'main' }, { 'Accept-Language': 'de' });
    const germanLeaf = german.data?.find((node) => node.id === 'root-b')?.subcategories[0].subcategories[1];
    expect(german.data?.find((node) => node.id === 'root-b')?.name).toBe('Werkzeug');
    expect(germanLeaf).toMatchObject({
      name: 'Vorschlaghämmer',
      localizedDescription: 'Schwer',
      localizedSlug: 'sledgehammers',
    });
  });

  it('honours siteCode and legalEntityId, and leaves out inactive, expired and other customers segments', async () => {
    expect(shape((await trees(customer, { siteCode: 'main' })).data)).toEqual([
      { 'root-b': [{ 'mid-a': ['leaf-1*', { 'leaf-2*': ['leaf-2-x'] }] }, { 'mid-c*': ['leaf-4*'] }] },
      'b2b-cat*',
      'orphan*',
    ]);
    expect(shape((await trees(customer, { siteCode: 'other' })).data)).toEqual([
      { 'root-a': ['other-leaf*'] },
      { 'root-b': [{ 'mid-a': ['leaf-1*'] }] },
    ]);
    expect((await trees(customer, { siteCode: 'none' })).data).toEqual([]);
    // legalEntityId narrows B2B assignments to that legal entity (B2C ones still count).
    expect(shape((await trees(customer, { siteCode: 'main', legalEntityId: 'le2' })).data)).toEqual([
      { 'root-b': [{ 'mid-a': ['leaf-1*', { 'leaf-2*': ['leaf-2-x'] }] }, { 'mid-c*': ['leaf-4*'] }] },
      'orphan*',
    ]);
    const otherEntity = await e2e.client([Scopes.segmentReadOwn], { customerId: 'cust1', legalEntityIds: ['le9'] });
    expect(shape((await trees(otherEntity, { siteCode: 'main' })).data)).toEqual([
      { 'root-b': [{ 'mid-a': ['leaf-1*', { 'leaf-2*': ['leaf-2-x'] }] }, { 'mid-c*': ['leaf-4*'] }] },
      'orphan*',
    ]);
    expect((await trees(otherEntity, { legalEntityId: 'le1' })).response.status).toBe(403);

    const stranger = await e2e.client([Scopes.segmentReadOwn], { customerId: 'stranger' });
    expect((await trees(stranger)).data).toEqual([]);
  });

  it('builds a service token trees from every ACTIVE, valid segment', async () => {
    const service = await e2e.client([Scopes.segmentReadOwn, Scopes.segmentRead]);
    const { data } = await trees(service, { siteCode: 'main' });
    expect(shape(data)).toEqual([
      { 'root-b': [{ 'mid-a': ['leaf-1*', { 'leaf-2*': ['leaf-2-x'] }] }, { 'mid-c*': ['leaf-4*'] }] },
      'b2b-cat*',
      'extra*',
      'orphan*',
    ]);
  });

  it('answers 401 without a token and 403 for a token without segment_read_own', async () => {
    expect((await trees(e2e.anonymous)).response.status).toBe(401);
    const read = await e2e.client([Scopes.segmentRead]);
    const forbidden = await trees(read);
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error).toMatchObject({ code: 403, status: 'Forbidden' });
  });
});
