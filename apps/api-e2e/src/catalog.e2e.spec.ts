import { ApiClient } from '@cs/client';
import type { CategoryEntity, ItemAssignmentEntity, ProductCategoryEntity, Row } from '@cs/api/testing';
import { Scopes } from '@cs/contracts';
import { CATEGORIES_BULK, CategoryInput, fixtures, ISO, ITEM, MATCH, PRODUCTS_BULK, tenant } from './fixtures';
import { E2e, startE2e } from './support';

const CATEGORY = '/customer-segment/{tenant}/catalog/categories/{categoryId}' as const;
const PRODUCT = '/customer-segment/{tenant}/catalog/products/{productId}' as const;
const path = { path: { tenant } };

describe('catalog sync (extension): categories and products in bulk', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let f: ReturnType<typeof fixtures>;

  const putCategories = (body: unknown, header: Record<string, string> = {}) =>
    manage.PUT(CATEGORIES_BULK, { params: { ...path, header }, body: body as CategoryInput[] });
  const codes = (data: Array<{ code: number }> | undefined) => data?.map((result) => result.code);
  const parentOf = async (id: string) =>
    (
      await f.sql<Pick<Row<CategoryEntity>, 'parent_id'>>(
        'SELECT parent_id FROM catalog_category WHERE tenant = $1 AND id = $2',
        [tenant, id],
      )
    )[0]?.parent_id;
  const links = (productId: string) =>
    f
      .sql<Pick<Row<ProductCategoryEntity>, 'category_id'>>(
        'SELECT category_id FROM catalog_product_category WHERE tenant = $1 AND product_id = $2 ORDER BY category_id',
        [tenant, productId],
      )
      .then((rows) => rows.map((row) => row.category_id));

  beforeAll(async () => {
    e2e = await startE2e();
    manage = await e2e.client([Scopes.segmentManage]);
    f = fixtures(e2e, manage);
    await f.segment('seg');
  });
  afterAll(() => e2e.server.close());

  it('upserts categories: 201 then 204, storing every field, readable back with GET', async () => {
    const category = {
      id: 'cat-1',
      parentId: 'later',
      code: 'C1',
      name: { en: 'Tools', de: 'Werkzeug' },
      localizedDescription: { en: 'All tools' },
      localizedSlug: { en: 'tools' },
      ecn: ['E1', 'E2'],
      validity: { from: '2024-01-01T00:00:00.000Z', to: '2030-01-01T00:00:00.000Z' },
      position: 4,
      published: false,
      mixins: { extra: { a: 1 } },
      metadata: { mixins: { extra: 'https://example.com/extra.json' } },
    };
    const created = await putCategories([category, { id: 'cat-2' }]);
    expect(created.response.status).toBe(207);
    expect(created.data).toEqual([
      { index: 0, code: 201, status: 'Created', id: 'cat-1' },
      { index: 1, code: 201, status: 'Created', id: 'cat-2' },
    ]);
    const [row] = await f.sql('SELECT * FROM catalog_category WHERE tenant = $1 AND id = $2', [tenant, 'cat-1']);
    expect(row).toMatchObject({
      parent_id: 'later',
      code: 'C1',
      name: { en: 'Tools', de: 'Werkzeug' },
      description: { en: 'All tools' },
      slug: { en: 'tools' },
      ecn: ['E1', 'E2'],
      validity_from: new Date('2024-01-01T00:00:00.000Z'),
      validity_to: new Date('2030-01-01T00:00:00.000Z'),
      position: 4,
      published: false,
      mixins: { extra: { a: 1 } },
      metadata_mixins: { extra: 'https://example.com/extra.json' },
      version: 1,
    });

    const read = await manage.GET(CATEGORY, { params: { path: { tenant, categoryId: 'cat-1' } } });
    expect(read.data).toEqual({
      ...category,
      metadata: {
        version: 1,
        createdAt: expect.stringMatching(ISO),
        modifiedAt: expect.stringMatching(ISO),
        mixins: { extra: 'https://example.com/extra.json' },
      },
    });
    const bare = await manage.GET(CATEGORY, {
      params: { path: { tenant, categoryId: 'cat-2' }, header: { 'Accept-Language': 'en' } },
    });
    expect(bare.data).toEqual({
      id: 'cat-2',
      name: {},
      ecn: [],
      published: true,
      metadata: expect.objectContaining({ version: 1 }),
    });

    const updated = await putCategories([{ id: 'cat-1', name: { en: 'Tools!' }, metadata: { version: 1 } }]);
    expect(updated.data).toEqual([{ index: 0, code: 204, status: 'No Content', id: 'cat-1' }]);
    const [after] = await f.sql('SELECT * FROM catalog_category WHERE tenant = $1 AND id = $2', [tenant, 'cat-1']);
    expect(after).toMatchObject({
      parent_id: null,
      code: null,
      name: { en: 'Tools!' },
      ecn: [],
      position: null,
      published: true,
      mixins: {},
      version: 2,
    });
    expect(codes((await putCategories([{ id: 'cat-1', metadata: { version: 1 } }])).data)).toEqual([409]);
    expect((await manage.GET(CATEGORY, { params: { path: { tenant, categoryId: 'nope' } } })).response.status).toBe(
      404,
    );
  });

  it('merges a plain-string name into the stored map with Content-Language and localizes reads with Accept-Language', async () => {
    await putCategories([{ id: 'cat-lang', name: { en: 'Garden', fr: 'Jardin' } }]);
    const { data } = await putCategories([{ id: 'cat-lang', name: 'Garten', localizedSlug: 'garten' }], {
      'Content-Language': 'de',
    });
    expect(codes(data)).toEqual([204]);
    const [row] = await f.sql<{ name: unknown; slug: unknown }>(
      'SELECT name, slug FROM catalog_category WHERE tenant = $1 AND id = $2',
      [tenant, 'cat-lang'],
    );
    expect(row).toEqual({ name: { en: 'Garden', fr: 'Jardin', de: 'Garten' }, slug: { de: 'garten' } });
    const german = await manage.GET(CATEGORY, {
      params: { path: { tenant, categoryId: 'cat-lang' }, header: { 'Accept-Language': 'de' } },
    });
    expect(german.data).toMatchObject({ name: 'Garten', localizedSlug: 'garten' });
    expect(
      codes((await putCategories([{ id: 'cat-lang', name: { de: 'x' } }], { 'Content-Language': 'de' })).data),
    ).toEqual([400]);
    expect(codes((await putCategories([{ id: 'cat-lang', name: 'x' }])).data)).toEqual([400]);
  });

  it('lets a parent arrive later, and rejects an item whose parent would close a cycle (400 for that item only)', async () => {
    const first = await putCategories([
      { id: 'c', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(codes(first.data)).toEqual([201, 201]);
    expect(codes((await putCategories([{ id: 'a' }])).data)).toEqual([201]);

    const cycles = await putCategories([
      { id: 'a', parentId: 'c' },
      { id: 'self', parentId: 'self' },
      { id: 'b', parentId: 'a' },
      { id: 'a', parentId: 'b' },
      { id: 'd', parentId: 'c' },
    ]);
    expect(cycles.data).toEqual([
      expect.objectContaining({
        index: 0,
        code: 400,
        id: 'a',
        details: [expect.objectContaining({ field: 'parentId' })],
      }),
      expect.objectContaining({ index: 1, code: 400, id: 'self' }),
      { index: 2, code: 204, status: 'No Content', id: 'b' },
      expect.objectContaining({ index: 3, code: 400, id: 'a' }),
      { index: 4, code: 201, status: 'Created', id: 'd' },
    ]);
    expect(await parentOf('a')).toBeNull();
    expect(await parentOf('self')).toBeUndefined();

    const sameBatch = await putCategories([
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ]);
    expect(codes(sameBatch.data)).toEqual([201, 400]);
    // Moving a subtree elsewhere is fine.
    expect(codes((await putCategories([{ id: 'c', parentId: 'x' }])).data)).toEqual([204]);
  });

  it('rejects invalid items on their own and requests beyond 200 items as a whole', async () => {
    const { data } = await putCategories([
      { name: { en: 'no id' } },
      { id: 'i'.repeat(129) },
      { id: 'bad-ecn', ecn: 'E1' },
      { id: 'bad-validity', validity: { from: '2030-01-01T00:00:00Z', to: '2020-01-01T00:00:00Z' } },
      { id: 'bad-date', validity: { from: 'yesterday' } },
      { id: 'bad-position', position: 1.5 },
      { id: 'fine' },
    ]);
    expect(data?.map((result) => [result.code, result.details?.[0]?.field])).toEqual([
      [400, 'id'],
      [400, 'id'],
      [400, 'ecn'],
      [400, 'validity'],
      [400, 'validity.from'],
      [400, 'position'],
      [201, undefined],
    ]);
    const tooMany = await putCategories(Array.from({ length: 201 }, (_, i) => ({ id: `many-${i}` })));
    expect(tooMany.response.status).toBe(400);
    expect(await f.sql("SELECT 1 FROM catalog_category WHERE tenant = $1 AND id LIKE 'many-%'", [tenant])).toEqual([]);
    expect((await putCategories({ id: 'x' })).response.status).toBe(400);
    expect(
      (await manage.DELETE(CATEGORIES_BULK, { params: path, body: Array.from({ length: 201 }, (_, i) => `x${i}`) }))
        .response.status,
    ).toBe(400);
    expect(
      (
        await manage.PUT(PRODUCTS_BULK, {
          params: path,
          body: Array.from({ length: 201 }, (_, i) => ({ id: `many-${i}` })),
        })
      ).response.status,
    ).toBe(400);
    expect(
      (await manage.DELETE(PRODUCTS_BULK, { params: path, body: Array.from({ length: 201 }, (_, i) => `x${i}`) }))
        .response.status,
    ).toBe(400);
  });

  it('upserts products with their categories (replacing the list), readable back with GET', async () => {
    const created = await manage.PUT(PRODUCTS_BULK, {
      params: path,
      body: [
        {
          id: 'prod-1',
          code: 'P1',
          name: { en: 'Hammer', de: 'Hammer DE' },
          categoryIds: ['cat-2', 'cat-1', 'cat-1'],
          mixins: { m: true },
        },
        { id: 'prod-2', categoryIds: [7] as never },
        { id: 'prod-3', name: ['x'] as never },
      ],
    });
    expect(created.response.status).toBe(207);
    expect(codes(created.data)).toEqual([201, 400, 400]);
    expect(await links('prod-1')).toEqual(['cat-1', 'cat-2']);
    const read = await manage.GET(PRODUCT, {
      params: { path: { tenant, productId: 'prod-1' }, header: { 'Accept-Language': 'de' } },
    });
    expect(read.data).toEqual({
      id: 'prod-1',
      code: 'P1',
      name: 'Hammer DE',
      categoryIds: ['cat-1', 'cat-2'],
      mixins: { m: true },
      metadata: expect.objectContaining({ version: 1 }),
    });

    const replaced = await manage.PUT(PRODUCTS_BULK, {
      params: { ...path, header: { 'Content-Language': 'en' } },
      body: [{ id: 'prod-1', code: 'P1', name: 'Big hammer', categoryIds: ['cat-lang'] }],
    });
    expect(codes(replaced.data)).toEqual([204]);
    expect(await links('prod-1')).toEqual(['cat-lang']);
    expect(
      (await f.sql('SELECT name FROM catalog_product WHERE tenant = $1 AND id = $2', [tenant, 'prod-1']))[0],
    ).toEqual({ name: { en: 'Big hammer', de: 'Hammer DE' } });
    expect(
      codes(
        (await manage.PUT(PRODUCTS_BULK, { params: path, body: [{ id: 'prod-1', metadata: { version: 9 } }] })).data,
      ),
    ).toEqual([409]);
    expect((await manage.GET(PRODUCT, { params: { path: { tenant, productId: 'nope' } } })).response.status).toBe(404);
  });

  it('deletes categories and products (204 per id, also unknown ones); assignments and links stay, enrichment and matches go', async () => {
    await f.categories([
      { id: 'del-parent', code: 'DP', name: { en: 'Parent' } },
      { id: 'del-child', parentId: 'del-parent' },
    ]);
    await f.products([
      { id: 'del-prod', code: 'DPR', name: { en: 'Doomed' }, categoryIds: ['del-parent'] },
      { id: 'keep-prod', categoryIds: ['del-parent', 'del-child'] },
    ]);
    await f.item('seg', 'CATEGORY', 'del-parent');
    await f.item('seg', 'PRODUCT', 'del-prod');
    const read = await e2e.client([Scopes.segmentRead]);
    const matchKeep = () =>
      manage.POST(MATCH, { params: path, body: { site: 'main', segmentIds: ['seg'], items: [{ id: 'keep-prod' }] } });
    expect((await matchKeep()).data).toEqual([{ id: 'keep-prod' }]);
    const enrichment = async (type: 'PRODUCT' | 'CATEGORY', itemId: string) =>
      (await read.GET(ITEM, { params: { path: { tenant, segmentId: 'seg', type, itemId } } })).data?.item;
    expect(await enrichment('CATEGORY', 'del-parent')).toEqual({
      id: 'del-parent',
      code: 'DP',
      name: { en: 'Parent' },
    });
    expect(await enrichment('PRODUCT', 'del-prod')).toEqual({ id: 'del-prod', code: 'DPR', name: { en: 'Doomed' } });

    const categories = await manage.DELETE(CATEGORIES_BULK, {
      params: path,
      body: ['del-parent', 'never-there', 5 as never],
    });
    expect(categories.response.status).toBe(207);
    expect(categories.data).toEqual([
      { index: 0, code: 204, status: 'No Content', id: 'del-parent' },
      { index: 1, code: 204, status: 'No Content', id: 'never-there' },
      expect.objectContaining({ index: 2, code: 400 }),
    ]);
    expect(await parentOf('del-parent')).toBeUndefined();
    expect(await parentOf('del-child')).toBe('del-parent');
    expect(await links('keep-prod')).toEqual(['del-child', 'del-parent']);
    expect((await matchKeep()).data).toEqual([]);
    await f.categories([{ id: 'del-parent' }]);
    expect((await matchKeep()).data).toEqual([{ id: 'keep-prod' }]);
    await manage.DELETE(CATEGORIES_BULK, { params: path, body: ['del-parent'] });

    const products = await manage.DELETE(PRODUCTS_BULK, { params: path, body: ['del-prod', 'never-there'] });
    expect(codes(products.data)).toEqual([204, 204]);
    expect(await links('del-prod')).toEqual([]);
    expect(await f.sql('SELECT 1 FROM catalog_product WHERE tenant = $1 AND id = $2', [tenant, 'del-prod'])).toEqual(
      [],
    );

    const assignments = await f.sql<Pick<Row<ItemAssignmentEntity>, 'type' | 'item_id'>>(
      "SELECT type, item_id FROM item_assignment WHERE tenant = $1 AND item_id LIKE 'del-%' ORDER BY type",
      [tenant],
    );
    expect(assignments).toEqual([
      { type: 'CATEGORY', item_id: 'del-parent' },
      { type: 'PRODUCT', item_id: 'del-prod' },
    ]);
    expect(await enrichment('PRODUCT', 'del-prod')).toEqual({ id: 'del-prod' });
    expect(await enrichment('CATEGORY', 'del-parent')).toEqual({ id: 'del-parent' });
  });

  it('answers 401 without a token and 403 without segment_manage', async () => {
    expect((await e2e.anonymous.PUT(CATEGORIES_BULK, { params: path, body: [{ id: 'z' }] })).response.status).toBe(401);
    const read = await e2e.client([Scopes.segmentRead]);
    const forbidden = await read.PUT(CATEGORIES_BULK, { params: path, body: [{ id: 'z' }] });
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error).toMatchObject({ code: 403, status: 'Forbidden' });
    expect((await read.GET(CATEGORY, { params: { path: { tenant, categoryId: 'cat-1' } } })).response.status).toBe(200);
    const customer = await e2e.client([Scopes.segmentReadOwn], { customerId: 'c1' });
    expect((await customer.GET(CATEGORY, { params: { path: { tenant, categoryId: 'cat-1' } } })).response.status).toBe(
      403,
    );
  });
});
