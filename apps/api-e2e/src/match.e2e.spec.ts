import { ApiClient, components } from '@cs/client';
import { Scopes } from '@cs/contracts';
import { expectBadRequest, FUTURE, fixtures, MATCH, PAST, tenant } from './fixtures';
import { E2e, startE2e } from './support';

type MatchBody = components['schemas']['Match'];

describe('match: products assigned to segments directly or through categories', () => {
  let e2e: E2e;
  let manage: ApiClient;
  const match = (body: Partial<MatchBody>, client = manage) =>
    client.POST(MATCH, { params: { path: { tenant } }, body: body as MatchBody });
  const ids = (...values: string[]) => values.map((id) => ({ id }));
  const ALL_SEGMENTS = ['active', 'inactive', 'expired', 'future', 'elsewhere', 'unused'];

  beforeAll(async () => {
    e2e = await startE2e();
    manage = await e2e.client([Scopes.segmentManage]);
    const f = fixtures(e2e, manage);
    await f.categories([
      { id: 'root', name: { en: 'Root' } },
      { id: 'mid', parentId: 'root', name: { en: 'Mid' } },
      { id: 'leaf', parentId: 'mid', name: { en: 'Leaf' } },
      { id: 'side', parentId: 'root', name: { en: 'Side' } },
      { id: 'lonely', name: { en: 'Lonely' } },
    ]);
    await f.products([
      { id: 'p-leaf', categoryIds: ['leaf'] },
      { id: 'p-mid', categoryIds: ['mid'] },
      { id: 'p-side', categoryIds: ['side'] },
      { id: 'p-two', categoryIds: ['lonely', 'leaf'] },
      { id: 'p-lonely', categoryIds: ['lonely'] },
      { id: 'p-direct' },
      { id: 'p-not-yet', categoryIds: ['arrives-later'] },
    ]);
    await f.segment('active');
    await f.segment('inactive', { status: 'INACTIVE' });
    await f.segment('expired', { validity: PAST });
    await f.segment('future', { validity: FUTURE });
    await f.segment('elsewhere', { siteCode: 'other' });
    await f.segment('unused');
    await f.item('active', 'CATEGORY', 'mid');
    await f.item('active', 'PRODUCT', 'p-direct');
    await f.item('active', 'CATEGORY', 'arrives-later');
    await f.item('unused', 'CATEGORY', 'root');
    for (const segmentId of ['inactive', 'expired', 'future', 'elsewhere'])
      await f.item(segmentId, 'PRODUCT', 'p-lonely');
    await f.item('elsewhere', 'CATEGORY', 'root');
  });
  afterAll(() => e2e.server.close());

  it('matches through a grandparent or parent category and directly, in request order, each id once', async () => {
    const { data, response } = await match({
      site: 'main',
      segmentIds: ['active'],
      items: ids('p-direct', 'p-side', 'p-leaf', 'p-two', 'unknown', 'p-mid', 'p-leaf', 'p-lonely', 'p-not-yet'),
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(ids('p-direct', 'p-leaf', 'p-two', 'p-mid'));
  });

  it('ends the walk up on stored parents that form a cycle, matching through any category of the cycle', async () => {
    const f = fixtures(e2e, manage);
    await f.categories([
      { id: 'cycle-a', name: { en: 'A' } },
      { id: 'cycle-b', parentId: 'cycle-a', name: { en: 'B' } },
      { id: 'cycle-c', parentId: 'cycle-a', name: { en: 'C' } },
    ]);
    // The API refuses a cycle; stored data from elsewhere may still hold one.
    await f.sql("UPDATE catalog_category SET parent_id = 'cycle-b' WHERE tenant = $1 AND id = 'cycle-a'", [tenant]);
    await f.products([{ id: 'p-cycle', categoryIds: ['cycle-c'] }]);
    await f.segment('cyclic');
    const body = { site: 'main', segmentIds: ['cyclic'], items: ids('p-cycle', 'p-leaf') };
    expect((await match(body)).data).toEqual([]);
    await f.item('cyclic', 'CATEGORY', 'cycle-b');
    expect((await match(body)).data).toEqual(ids('p-cycle'));
  });

  it('counts a category only once the catalog holds it: links to it may arrive before it does', async () => {
    const body = { site: 'main', segmentIds: ['active'], items: ids('p-not-yet') };
    expect((await match(body)).data).toEqual([]);
    await fixtures(e2e, manage).categories([{ id: 'arrives-later', name: { en: 'Late' } }]);
    expect((await match(body)).data).toEqual(ids('p-not-yet'));
  });

  it('checks only the given segments, and only ACTIVE, currently valid ones of the given site', async () => {
    expect(
      (await match({ site: 'main', segmentIds: ['unused'], items: ids('p-leaf', 'p-side', 'p-lonely', 'p-direct') }))
        .data,
    ).toEqual(ids('p-leaf', 'p-side'));
    expect(
      (
        await match({
          site: 'main',
          segmentIds: ['inactive', 'expired', 'future', 'elsewhere', 'missing'],
          items: ids('p-lonely', 'p-leaf'),
        })
      ).data,
    ).toEqual([]);
    expect(
      (await match({ site: 'other', segmentIds: ALL_SEGMENTS, items: ids('p-lonely', 'p-leaf', 'p-direct') })).data,
    ).toEqual(ids('p-lonely', 'p-leaf'));
    expect((await match({ site: 'other', segmentIds: ['active'], items: ids('p-direct') })).data).toEqual([]);
  });

  it('accepts siteCode (the Emporix example) instead of site; site wins when both are given', async () => {
    expect((await match({ siteCode: 'main', segmentIds: ['active'], items: ids('p-direct') })).data).toEqual(
      ids('p-direct'),
    );
    expect(
      (await match({ site: 'other', siteCode: 'main', segmentIds: ['active'], items: ids('p-direct') })).data,
    ).toEqual([]);
  });

  it('answers [] for no items or no segments', async () => {
    expect((await match({ site: 'main', segmentIds: ['active'], items: [] })).data).toEqual([]);
    expect((await match({ site: 'main', segmentIds: [], items: ids('p-direct') })).data).toEqual([]);
  });

  it('answers 400 for a missing site, missing lists, malformed items and more than 200 items', async () => {
    const cases: Array<[Partial<MatchBody>, string]> = [
      [{ segmentIds: ['active'], items: ids('p-direct') }, 'site'],
      [{ site: 'main', items: ids('p-direct') }, 'segmentIds'],
      [{ site: 'main', segmentIds: ['active'] }, 'items'],
      [{ site: 'main', segmentIds: ['active'], items: ['p-direct'] as never }, 'items.0'],
      [{ site: 'main', segmentIds: ['active'], items: [{ id: 7 }] as never }, 'items.0.id'],
      [{ site: 'main', segmentIds: [7] as never, items: ids('p-direct') }, 'segmentIds'],
      [
        { site: 'main', segmentIds: ['active'], items: ids(...Array.from({ length: 201 }, (_, i) => `p${i}`)) },
        'items',
      ],
    ];
    for (const [body, field] of cases) {
      const { response, error } = await match(body);
      expect(response.status).toBe(400);
      expect(error).toMatchObject({
        code: 400,
        status: 'Bad Request',
        details: expect.objectContaining({ field }),
      });
    }
    // Every problem in one answer: the missing site beside a malformed item.
    const both = await match({ segmentIds: ['active'], items: [{ id: '' }] });
    expect(both.response.status).toBe(400);
    expect(both.error).toMatchObject({
      code: 400,
      // The first problem is the details object; the message names both.
      details: expect.objectContaining({ field: 'items.0.id' }),
      message: expect.stringMatching(/items\.0\.id: .*; site: site \(or siteCode\) must be given\.$/),
    });
    const exactly200 = await match({
      site: 'main',
      segmentIds: ['active'],
      items: ids(...Array.from({ length: 199 }, (_, i) => `p${i}`), 'p-direct'),
    });
    expect(exactly200.data).toEqual(ids('p-direct'));
  });

  it('follows catalog changes: a product moved out of an assigned category stops matching', async () => {
    const f = fixtures(e2e, manage);
    await f.products([{ id: 'p-moving', categoryIds: ['leaf'] }]);
    expect((await match({ site: 'main', segmentIds: ['active'], items: ids('p-moving') })).data).toEqual(
      ids('p-moving'),
    );
    await f.products([{ id: 'p-moving', categoryIds: ['lonely'] }]);
    expect((await match({ site: 'main', segmentIds: ['active'], items: ids('p-moving') })).data).toEqual([]);
  });

  it('explains each match with explain=true: the granting segments, directly or by the shortest category chain', async () => {
    const body = {
      site: 'main',
      segmentIds: ['unused', 'active', 'inactive', 'cyclic'],
      items: ids('p-side', 'p-direct', 'p-two', 'p-lonely', 'p-cycle', 'p-leaf'),
    };
    const explained = (explain?: boolean | string) =>
      manage.POST(MATCH, {
        params: { path: { tenant }, query: explain === undefined ? {} : { explain: explain as boolean } },
        body,
      });
    const { data, response } = await explained(true);
    expect(response.status).toBe(200);
    const chain = (segmentId: string, ...categoryChain: string[]) => ({ segmentId, type: 'CATEGORY', categoryChain });
    expect(data).toEqual([
      { id: 'p-side', matchedBy: [chain('unused', 'side', 'root')] },
      { id: 'p-direct', matchedBy: [{ segmentId: 'active', type: 'PRODUCT' }] },
      { id: 'p-two', matchedBy: [chain('active', 'leaf', 'mid'), chain('unused', 'leaf', 'mid', 'root')] },
      // The walk goes round the stored cycle once: cycle-c's parent is cycle-a, whose parent is cycle-b.
      { id: 'p-cycle', matchedBy: [chain('cyclic', 'cycle-c', 'cycle-a', 'cycle-b')] },
      { id: 'p-leaf', matchedBy: [chain('active', 'leaf', 'mid'), chain('unused', 'leaf', 'mid', 'root')] },
    ]);
    // Without it (or with false) the same products, ids only.
    const plain = (data ?? []).map(({ id }) => ({ id }));
    expect((await explained()).data).toEqual(plain);
    expect((await explained(false)).data).toEqual(plain);
    expectBadRequest(await explained('maybe'), 'explain', /true or false/);
  });

  it('answers 401 without a token and 403 without segment_manage', async () => {
    expect(
      (await match({ site: 'main', segmentIds: ['active'], items: ids('p-direct') }, e2e.anonymous)).response.status,
    ).toBe(401);
    const read = await e2e.client([Scopes.segmentRead]);
    expect((await match({ site: 'main', segmentIds: ['active'], items: ids('p-direct') }, read)).response.status).toBe(
      403,
    );
  });
});
