import { Scopes } from '@cs/contracts';
import { fixtures, segmentBody, tenant } from './fixtures';
import { E2e, startE2e } from './support';

/**
 * `ETag` and `If-None-Match` on the revalidated reads (single documents, items lists, category trees): the same
 * answer gets 304 without a body, any change to what the answer shows gets a new tag, and the reads that are not
 * revalidated stay `no-store` without a tag.
 */
const itemIds = (items: unknown) => (items as Array<{ item: { id: string } }>).map((item) => item.item.id);

describe('revalidation: ETag and If-None-Match', () => {
  let e2e: E2e;
  let manageToken: string;
  let customerToken: string;
  const base = `/customer-segment/${tenant}`;

  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${e2e.server.baseUrl}${base}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const put = (path: string, body: unknown) =>
    fetch(`${e2e.server.baseUrl}${base}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${manageToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    e2e = await startE2e();
    manageToken = await e2e.server.token([Scopes.segmentManage, Scopes.segmentRead]);
    customerToken = await e2e.server.token([Scopes.segmentReadOwn], { customerId: 'etag-customer' });
    const f = fixtures(e2e, await e2e.client([Scopes.segmentManage]));
    await f.categories([
      { id: 'etag-root', code: 'R', name: { en: 'Root', de: 'Wurzel' } },
      { id: 'etag-child', parentId: 'etag-root', code: 'C', name: { en: 'Child' } },
    ]);
    await f.segment('etag-seg');
    await f.customer('etag-seg', 'etag-customer');
    await f.item('etag-seg', 'CATEGORY', 'etag-root');
  });
  afterAll(() => e2e.server.close());

  it('tags a segment, answers 304 to its tag (also weak or in a list), and a new tag after a change', async () => {
    const first = await get('/segments/etag-seg', manageToken);
    expect(first.status).toBe(200);
    const etag = etagOf(first);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = (await first.json()) as Record<string, unknown>;

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get('/segments/etag-seg', manageToken, { 'if-none-match': ifNoneMatch });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('content-type')).toBeNull();
      expect(await again.text()).toBe('');
    }
    expect((await get('/segments/etag-seg', manageToken, { 'if-none-match': '"other"' })).status).toBe(200);

    expect((await put('/segments/etag-seg', segmentBody({ name: { en: 'Platinum' }, status: 'ACTIVE' }))).status).toBe(
      204,
    );
    const changed = await get('/segments/etag-seg', manageToken, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.json()).toMatchObject({ ...body, name: { en: 'Platinum' }, metadata: { version: 2 } });
  });

  it('gives each representation its own tag: another language is another answer', async () => {
    const english = await get('/catalog/categories/etag-root', manageToken, { 'accept-language': 'en' });
    const german = await get('/catalog/categories/etag-root', manageToken, { 'accept-language': 'de' });
    expect([english.status, german.status]).toEqual([200, 200]);
    expect(english.headers.get('etag')).not.toBe(german.headers.get('etag'));
    const crossed = await get('/catalog/categories/etag-root', manageToken, {
      'accept-language': 'de',
      'if-none-match': etagOf(english),
    });
    expect(crossed.status).toBe(200);
  });

  it("revalidates a customer's category trees and items list, and sees a new assignment at once", async () => {
    const trees = await get('/segments/items/category-trees?siteCode=main', customerToken);
    const items = await get('/segments/items?siteCode=main', customerToken);
    expect([trees.status, items.status]).toEqual([200, 200]);
    expect(itemIds(await items.json())).toEqual(['etag-root']);
    const treeTag = etagOf(trees);
    const itemsTag = etagOf(items);
    expect(
      (await get('/segments/items/category-trees?siteCode=main', customerToken, { 'if-none-match': treeTag })).status,
    ).toBe(304);
    expect((await get('/segments/items?siteCode=main', customerToken, { 'if-none-match': itemsTag })).status).toBe(304);

    expect((await put('/segments/etag-seg/items/CATEGORY/etag-child', {})).status).toBe(201);
    const newTrees = await get('/segments/items/category-trees?siteCode=main', customerToken, {
      'if-none-match': treeTag,
    });
    const newItems = await get('/segments/items?siteCode=main', customerToken, { 'if-none-match': itemsTag });
    expect([newTrees.status, newItems.status]).toEqual([200, 200]);
    expect(itemIds(await newItems.json())).toEqual(expect.arrayContaining(['etag-root', 'etag-child']));
  });

  it('leaves errors and the reads that are not revalidated untagged and no-store', async () => {
    const list = await get('/segments', manageToken);
    expect(list.status).toBe(200);
    expect(list.headers.get('etag')).toBeNull();
    expect(list.headers.get('cache-control')).toBe('no-store');
    const missing = await get('/segments/none-such', manageToken, { 'if-none-match': '*' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
  });
});

/** The answer's ETag; a missing one fails the test here. */
function etagOf(response: Response): string {
  const etag = response.headers.get('etag');
  if (etag === null) throw new Error(`no ETag on ${response.url}`);
  return etag;
}
