import { ApiClient } from '@cs/client';
import { ErrorBody, Scopes } from '@cs/contracts';
import {
  database,
  SEGMENT,
  segmentBody,
  segmentPath,
  SEGMENTS,
  SEGMENTS_BULK,
  SEGMENTS_SEARCH,
  tenant,
} from './fixtures';
import { E2e, startE2e } from './support';

/**
 * Fixture: seven segments and c1/c2's assignments. Customer c1 is assigned B2C to gold, bronze
 * (INACTIVE), expired and future; B2B to b2b (legal entity le1) and silver (le2). c2 is B2C in silver.
 */
const SEGMENTS_FIXTURE = [
  segmentBody({
    id: 's-gold',
    name: { en: 'Gold', de: 'Gold DE' },
    description: { en: 'Premium customers' },
    status: 'ACTIVE',
    validity: { from: '2020-01-01T00:00:00Z', to: '2099-01-01T00:00:00Z' },
    mixins: { attrs: { tier: 'top', points: 10 } },
    metadata: { mixins: { attrs: 'https://example.com/attrs.json' } },
  }),
  segmentBody({
    id: 's-silver',
    name: { en: 'Silver' },
    status: 'ACTIVE',
    mixins: { attrs: { tier: 'mid', points: 5 } },
  }),
  segmentBody({ id: 's-bronze', name: { en: 'Bronze' }, status: 'INACTIVE', siteCode: 'other' }),
  segmentBody({ id: 's-expired', name: { en: 'Expired' }, status: 'ACTIVE', validity: { to: '2021-01-01T00:00:00Z' } }),
  segmentBody({ id: 's-future', name: { en: 'Future' }, status: 'ACTIVE', validity: { from: '2090-01-01T00:00:00Z' } }),
  segmentBody({ id: 's-b2b', name: { en: 'Business' }, status: 'ACTIVE' }),
  segmentBody({ id: 's-nobody', name: { en: 'Nobody' }, status: 'ACTIVE' }),
];
const ALL = ['s-b2b', 's-bronze', 's-expired', 's-future', 's-gold', 's-nobody', 's-silver'];

describe('segments: list, search, get by id, q, paging, localization, own-scope visibility', () => {
  let e2e: E2e;
  let read: ApiClient;

  beforeAll(async () => {
    e2e = await startE2e();
    read = await e2e.client([Scopes.segmentRead]);
    const manage = await e2e.client([Scopes.segmentManage]);
    const { data } = await manage.POST(SEGMENTS_BULK, { params: { path: { tenant } }, body: SEGMENTS_FIXTURE });
    expect(data?.map((result) => result.code)).toEqual(Array(SEGMENTS_FIXTURE.length).fill(201));
    // One update that changes silver (a PUT of the same document would keep version 1), so that it has
    // version 2; then fixed timestamps for the date queries.
    const silver = SEGMENTS_FIXTURE[1];
    expect(
      (
        await manage.PUT(SEGMENT, {
          params: segmentPath('s-silver'),
          body: { ...silver, mixins: { attrs: { tier: 'mid', points: 5, updated: true } }, metadata: { version: 1 } },
        })
      ).response.status,
    ).toBe(204);
    const db = database(e2e);
    await db.sql(`UPDATE segment SET created_at = '2020-05-01T00:00:00Z' WHERE tenant = $1 AND id = 's-gold'`, [
      tenant,
    ]);
    await db.sql(`UPDATE segment SET modified_at = '2030-01-01T00:00:00Z' WHERE tenant = $1 AND id = 's-silver'`, [
      tenant,
    ]);
    for (const id of ['s-gold', 's-bronze', 's-expired', 's-future']) await db.assignCustomer(id, 'c1');
    await db.assignCustomer('s-b2b', 'c1', 'le1');
    await db.assignCustomer('s-silver', 'c1', 'le2');
    await db.assignCustomer('s-silver', 'c2');
  });
  afterAll(() => e2e.server.close());

  type Query = {
    q?: string;
    sort?: string;
    fields?: string;
    pageSize?: number;
    pageNumber?: number;
    customerId?: string;
    legalEntityId?: string;
  };
  const list = (client: ApiClient, query: Query = {}, header: Record<string, string> = {}) =>
    client.GET(SEGMENTS, { params: { path: { tenant }, query, header } });
  const search = (
    client: ApiClient,
    q: string | undefined,
    query: Omit<Query, 'q'> = {},
    header: Record<string, string> = {},
  ) =>
    client.POST(SEGMENTS_SEARCH, { params: { path: { tenant }, query, header }, body: q === undefined ? {} : { q } });
  const ids = async (client: ApiClient, query: Query = {}) => {
    const { data, response } = await list(client, query);
    expect(response.status).toBe(200);
    return data?.map((segment) => segment.id);
  };
  const customer = (customerId: string, legalEntityIds?: string[]) =>
    e2e.client([Scopes.segmentReadOwn], { customerId, legalEntityIds });

  describe('list and search', () => {
    it('lists every segment ordered by id, in the SegmentResponse shape', async () => {
      expect(await ids(read)).toEqual(ALL);
      const { data } = await list(read, { q: 'id:s-gold' });
      expect(data).toEqual([
        {
          id: 's-gold',
          name: { en: 'Gold', de: 'Gold DE' },
          description: { en: 'Premium customers' },
          status: 'ACTIVE',
          siteCode: 'main',
          validity: { from: '2020-01-01T00:00:00.000Z', to: '2099-01-01T00:00:00.000Z' },
          mixins: { attrs: { tier: 'top', points: 10 } },
          metadata: {
            createdAt: '2020-05-01T00:00:00.000Z',
            modifiedAt: expect.any(String),
            version: 1,
            mixins: { attrs: 'https://example.com/attrs.json' },
          },
        },
      ]);
    });

    it.each([
      ['id:s-gold', ['s-gold']],
      ['id:(s-gold,s-silver,none)', ['s-gold', 's-silver']],
      ['id:~^s-b', ['s-b2b', 's-bronze']],
      ['name.en:~^gol', ['s-gold']],
      ['name.de:"Gold DE"', ['s-gold']],
      ['name:Silver', ['s-silver']],
      ['name.de:exists', ['s-gold']],
      ['description.en:~premium', ['s-gold']],
      ['description:exists', ['s-gold']],
      ['status:INACTIVE', ['s-bronze']],
      ['status:ACTIVE siteCode:main', ['s-b2b', 's-expired', 's-future', 's-gold', 's-nobody', 's-silver']],
      ['siteCode:other', ['s-bronze']],
      ['validity.from:<"2021-01-01T00:00:00Z"', ['s-gold']],
      ['validity.from:>="2090-01-01T00:00:00Z"', ['s-future']],
      ['validity.to:(>"2020-01-01T00:00:00Z" AND <"2022-01-01T00:00:00Z")', ['s-expired']],
      ['validity.to:exists', ['s-expired', 's-gold']],
      ['mixins.attrs.tier:top', ['s-gold']],
      ['mixins.attrs.points:>6', ['s-gold']],
      ['mixins.attrs.points:(>=5 AND <=10)', ['s-gold', 's-silver']],
      ['mixins.attrs:missing', ['s-b2b', 's-bronze', 's-expired', 's-future', 's-nobody']],
      ['metadata.mixins.attrs:exists', ['s-gold']],
      ['metadata.createdAt:<"2021-01-01T00:00:00Z"', ['s-gold']],
      ['metadata.modifiedAt:>"2029-01-01T00:00:00Z"', ['s-silver']],
      ['metadata.version:2', ['s-silver']],
      ['metadata.version:>=1', ALL],
    ])('q %s', async (q, expected) => {
      expect(await ids(read, { q })).toEqual(expected);
      const searched = await search(read, q);
      expect(searched.response.status).toBe(200);
      expect(searched.data?.map((segment) => segment.id)).toEqual(expected);
    });

    it.each([
      'unknown:x',
      'status:DRAFT',
      'name:(',
      'metadata.version:abc',
      'validity.from:>"not a date"',
      'metadata:x',
    ])('answers 400 for q %s', async (q) => {
      const listed = await list(read, { q });
      expect(listed.response.status).toBe(400);
      expect(listed.error).toMatchObject({ code: 400, status: 'Bad Request' });
      expect((await search(read, q)).response.status).toBe(400);
    });

    it('sorts, pages, counts and projects', async () => {
      expect(await ids(read, { sort: 'name.en:desc' })).toEqual([
        's-silver',
        's-nobody',
        's-gold',
        's-future',
        's-expired',
        's-b2b',
        's-bronze',
      ]);
      // Bulk-created in one transaction, so equal createdAt (but gold's, set earlier): the id decides.
      expect(await ids(read, { sort: 'status:desc,metadata.createdAt' })).toEqual([
        's-bronze',
        's-gold',
        's-b2b',
        's-expired',
        's-future',
        's-nobody',
        's-silver',
      ]);
      expect(await ids(read, { pageSize: 3, pageNumber: 2 })).toEqual(ALL.slice(3, 6));
      expect(await ids(read, { pageSize: 3, pageNumber: 4 })).toEqual([]);

      const counted = await list(read, { q: 'status:ACTIVE', pageSize: 2 }, { 'X-Total-Count': 'true' });
      expect(counted.data).toHaveLength(2);
      expect(counted.response.headers.get('x-total-count')).toBe('6');
      expect((await list(read, { pageSize: 2 })).response.headers.get('x-total-count')).toBeNull();

      const projected = await list(read, { q: 'id:s-gold', fields: 'name.en,metadata.version' });
      expect(projected.data).toEqual([{ id: 's-gold', name: { en: 'Gold' }, metadata: { version: 1 } }]);

      const searched = await search(
        read,
        'status:ACTIVE',
        { sort: 'id:desc', pageSize: 2, pageNumber: 1, fields: 'status' },
        { 'X-Total-Count': 'true' },
      );
      expect(searched.data).toEqual([
        { id: 's-silver', status: 'ACTIVE' },
        { id: 's-nobody', status: 'ACTIVE' },
      ]);
      expect(searched.response.headers.get('x-total-count')).toBe('6');
      expect((await search(read, undefined)).data?.map((segment) => segment.id)).toEqual(ALL);
    });

    it.each([
      ['pageSize 0', { pageSize: 0 }],
      ['pageNumber 0', { pageNumber: 0 }],
      ['pageSize over 1000', { pageSize: 5000 }],
      ['an unknown sort field', { sort: 'nothing' }],
      ['sorting by all languages', { sort: 'name' }],
      ['too long fields', { fields: 'a'.repeat(5000) }],
    ])('answers 400 for %s', async (_, query) => {
      expect((await list(read, query as Query)).response.status).toBe(400);
    });

    it('returns plain strings with Accept-Language, falling back to another language', async () => {
      const { data } = await list(read, { q: 'id:(s-gold,s-silver)' }, { 'Accept-Language': 'de' });
      expect(data?.map((segment) => [segment.name, segment.description])).toEqual([
        ['Gold DE', 'Premium customers'],
        ['Silver', undefined],
      ]);
      const searched = await search(read, 'id:s-gold', {}, { 'Accept-Language': 'de' });
      expect(searched.data?.[0].name).toBe('Gold DE');
    });
  });

  describe('customerId and legalEntityId filters (segment_read)', () => {
    it.each([
      [{ customerId: 'c1' }, ['s-b2b', 's-bronze', 's-expired', 's-future', 's-gold', 's-silver']],
      [{ customerId: 'c1', legalEntityId: 'le2' }, ['s-silver']],
      [{ customerId: 'c2' }, ['s-silver']],
      [{ customerId: 'c3' }, []],
      [{ legalEntityId: 'le1' }, ['s-b2b']],
      [{ customerId: 'c1', q: 'status:ACTIVE' }, ['s-b2b', 's-expired', 's-future', 's-gold', 's-silver']],
    ])('%j', async (query, expected) => {
      expect(await ids(read, query)).toEqual(expected);
      const { q, ...rest } = query as Query;
      expect((await search(read, q, rest)).data?.map((segment) => segment.id)).toEqual(expected);
    });

    it('narrows GET by id with legalEntityId', async () => {
      expect(
        (await read.GET(SEGMENT, { params: { ...segmentPath('s-b2b'), query: { legalEntityId: 'le1' } } })).response
          .status,
      ).toBe(200);
      expect(
        (await read.GET(SEGMENT, { params: { ...segmentPath('s-gold'), query: { legalEntityId: 'le1' } } })).response
          .status,
      ).toBe(404);
    });
  });

  describe('customer tokens (segment_read_own)', () => {
    it('see only ACTIVE, currently valid segments they are assigned to (B2C and, without legal entities in the token, any B2B)', async () => {
      const c1 = await customer('c1');
      expect(await ids(c1)).toEqual(['s-b2b', 's-gold', 's-silver']);
      expect((await search(c1, undefined)).data?.map((segment) => segment.id)).toEqual(['s-b2b', 's-gold', 's-silver']);
      expect(await ids(await customer('c2'))).toEqual(['s-silver']);
      expect(await ids(await customer('c3'))).toEqual([]);
    });

    it('count B2B assignments only for the legal entities in the token', async () => {
      const c1 = await customer('c1', ['le1']);
      expect(await ids(c1)).toEqual(['s-b2b', 's-gold']);
      expect((await c1.GET(SEGMENT, { params: segmentPath('s-silver') })).response.status).toBe(404);
      expect(await ids(await customer('c1', ['le2']))).toEqual(['s-gold', 's-silver']);
    });

    it('answer 403 for a legalEntityId the token does not act for, whatever the memberships there', async () => {
      const c1 = await customer('c1', ['le1']);
      for (const id of ['s-silver', 's-gold', 'absent']) {
        const { response, error } = await c1.GET(SEGMENT, {
          params: { ...segmentPath(id), query: { legalEntityId: 'le2' } },
        });
        expect([id, response.status, (error as ErrorBody | undefined)?.resourceId]).toEqual([id, 403, 'le2']);
      }
      expect((await list(c1, { legalEntityId: 'le2' })).response.status).toBe(403);
      expect(
        (await c1.GET(SEGMENT, { params: { ...segmentPath('s-b2b'), query: { legalEntityId: 'le1' } } })).response
          .status,
      ).toBe(200);
    });

    it('ignore customerId, honour legalEntityId and q, and count only what they see', async () => {
      const c1 = await customer('c1');
      expect(await ids(c1, { customerId: 'c2' })).toEqual(['s-b2b', 's-gold', 's-silver']);
      expect(await ids(c1, { legalEntityId: 'le1' })).toEqual(['s-b2b']);
      expect(await ids(c1, { q: 'name.en:~^s' })).toEqual(['s-silver']);
      const counted = await list(c1, { pageSize: 1 }, { 'X-Total-Count': 'true' });
      expect(counted.response.headers.get('x-total-count')).toBe('3');
      expect((await search(c1, 'status:INACTIVE')).data).toEqual([]);
    });

    it('get a visible segment by id, and 404 for inactive, expired, future, unassigned and absent ones', async () => {
      const c1 = await customer('c1');
      const { data, response } = await c1.GET(SEGMENT, {
        params: { ...segmentPath('s-gold'), header: { 'Accept-Language': 'de' } },
      });
      expect(response.status).toBe(200);
      expect(data).toMatchObject({ id: 's-gold', name: 'Gold DE', status: 'ACTIVE' });
      for (const id of ['s-bronze', 's-expired', 's-future', 's-nobody', 'absent']) {
        const hidden = await c1.GET(SEGMENT, { params: segmentPath(id) });
        expect([id, hidden.response.status]).toEqual([id, 404]);
      }
      expect(
        (await c1.GET(SEGMENT, { params: { ...segmentPath('s-silver'), query: { legalEntityId: 'le2' } } })).response
          .status,
      ).toBe(200);
      expect(
        (await c1.GET(SEGMENT, { params: { ...segmentPath('s-gold'), query: { legalEntityId: 'le2' } } })).response
          .status,
      ).toBe(404);
    });

    it('a read_own token without a customer sees nothing', async () => {
      expect(await ids(await e2e.client([Scopes.segmentReadOwn]))).toEqual([]);
    });
  });

  describe('access', () => {
    it('answers 401 without a token and 403 without a read scope or for another tenant', async () => {
      expect((await list(e2e.anonymous)).response.status).toBe(401);
      expect((await list(await e2e.client([Scopes.segmentManage]))).response.status).toBe(403);
      expect((await search(await e2e.client([Scopes.segmentManage]), undefined)).response.status).toBe(403);
      const otherTenant = await e2e.client([Scopes.segmentRead], { tenant: 'othertenant' });
      expect((await otherTenant.GET(SEGMENT, { params: segmentPath('s-gold') })).response.status).toBe(403);
    });
  });
});
