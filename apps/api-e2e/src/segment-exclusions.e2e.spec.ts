import { ApiClient } from '@cs/client';
import { Scopes } from '@cs/contracts';
import { database, ISO, SEGMENT, SEGMENTS, tenant } from './fixtures';
import { memberships } from './memberships';
import { E2e, startE2e } from './support';

const CUSTOMER_DATA = '/customer-management/{tenant}/customers/bulk' as const;
const LEGAL_ENTITIES = '/customer-management/{tenant}/legal-entities' as const;
const CONTACTS = '/customer-management/{tenant}/contact-assignments' as const;
const MEMBER = '/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}' as const;
const LIST = '/customer-segment/{tenant}/segments/{segmentId}/exclusions' as const;
const SEARCH = '/customer-segment/{tenant}/segments/{segmentId}/exclusions/search' as const;
const BULK = '/customer-segment/{tenant}/segments/{segmentId}/exclusions/bulk' as const;
const ALL = '/customer-segment/{tenant}/segments/{segmentId}/exclusions/{customerId}' as const;
const ONE = '/customer-segment/{tenant}/segments/{segmentId}/exclusions/{customerId}/{legalEntityId}' as const;

const OTHER_TENANT = 'exclusionsother';
const path = { params: { path: { tenant } } };
const all = (segmentId: string, customerId: string) => ({ params: { path: { tenant, segmentId, customerId } } });
const one = (segmentId: string, customerId: string, legalEntityId: string) => ({
  params: { path: { tenant, segmentId, customerId, legalEntityId } },
});
const segmentPath = (segmentId: string) => ({ params: { path: { tenant, segmentId } } });

describe('segment exclusions: CRUD, bulk, list, and their effect on automatic membership', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let read: ApiClient;
  let customers: ApiClient;
  let db: ReturnType<typeof database>;
  let membership: ReturnType<typeof memberships>;

  async function createSegment(id: string, criteria?: string): Promise<void> {
    const { response, error } = await manage.POST(SEGMENTS, {
      ...path,
      body: { id, name: { en: id }, siteCode: 'main', status: 'ACTIVE', ...(criteria !== undefined && { criteria }) },
    });
    expect([response.status, error]).toEqual([201, undefined]);
  }

  /** The segment's exclusions as `customer[/legalEntity]`, in list order. */
  async function exclusions(segmentId: string, query: Record<string, unknown> = {}): Promise<string[]> {
    const { data, error } = await read.GET(LIST, { params: { path: { tenant, segmentId }, query } });
    if (!data) throw new Error(JSON.stringify(error));
    return data.map((x) => `${x.customerId}${x.legalEntityId ? `/${x.legalEntityId}` : ''}`);
  }

  beforeAll(async () => {
    e2e = await startE2e({ EVENTS_RELAY: 'false' });
    manage = await e2e.client([Scopes.segmentManage, Scopes.segmentRead]);
    read = await e2e.client([Scopes.segmentRead]);
    customers = await e2e.client([Scopes.contactAssignmentManage, Scopes.legalEntityManage]);
    db = database(e2e);
    membership = memberships(manage, db);
    const { data } = await customers.PUT(CUSTOMER_DATA, {
      ...path,
      body: [
        { id: 'ann', firstName: 'Ann' },
        { id: 'bob', firstName: 'Bob' },
        { id: 'cid', firstName: 'Cid' },
      ] as never,
    });
    expect(data?.map((r) => r.code)).toEqual([201, 201, 201]);
  });
  afterAll(() => e2e?.server.close());

  it('PUT creates (201), updates (204), checks metadata.version (409); GET returns it; DELETE is 204, also when absent', async () => {
    await createSegment('crud');
    const created = await manage.PUT(ALL, {
      ...all('crud', 'x1'),
      body: { mixins: { why: 'asked' }, metadata: { mixins: { why: 'https://example.com/why.json' } } },
    });
    expect(created.response.status).toBe(201);
    const got = await read.GET(ALL, all('crud', 'x1'));
    expect(got.data).toEqual({
      customerId: 'x1',
      mixins: { why: 'asked' },
      metadata: {
        version: 1,
        createdAt: expect.stringMatching(ISO),
        modifiedAt: expect.stringMatching(ISO),
        mixins: { why: 'https://example.com/why.json' },
      },
    });
    const updated = await manage.PUT(ALL, {
      ...all('crud', 'x1'),
      body: { mixins: { why: 'again' }, metadata: { version: 1 } },
    });
    expect(updated.response.status).toBe(204);
    const stale = await manage.PUT(ALL, { ...all('crud', 'x1'), body: { metadata: { version: 1 } } });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 409, status: 'Conflict' });
    expect((await read.GET(ALL, all('crud', 'x1'))).data).toMatchObject({
      mixins: { why: 'again' },
      metadata: { version: 2 },
    });

    // The legal entity form is another exclusion.
    expect((await manage.PUT(ONE, { ...one('crud', 'x1', 'le1'), body: {} })).response.status).toBe(201);
    expect((await read.GET(ONE, one('crud', 'x1', 'le1'))).data).toMatchObject({
      customerId: 'x1',
      legalEntityId: 'le1',
      mixins: {},
    });
    const projected = await read.GET(ONE, {
      params: {
        path: { tenant, segmentId: 'crud', customerId: 'x1', legalEntityId: 'le1' },
        query: { fields: 'legalEntityId' },
      },
    });
    expect(projected.data).toEqual({ legalEntityId: 'le1' });

    expect((await manage.DELETE(ONE, one('crud', 'x1', 'le1'))).response.status).toBe(204);
    expect((await read.GET(ONE, one('crud', 'x1', 'le1'))).response.status).toBe(404);
    expect((await read.GET(ALL, all('crud', 'x1'))).response.status).toBe(200);
    expect((await manage.DELETE(ALL, all('crud', 'x1'))).response.status).toBe(204);
    const gone = await read.GET(ALL, all('crud', 'x1'));
    expect(gone.response.status).toBe(404);
    expect(gone.error).toMatchObject({ code: 404, message: expect.stringContaining('x1') });
    expect((await manage.DELETE(ALL, all('crud', 'x1'))).response.status).toBe(204);
    expect((await manage.DELETE(ONE, one('nosuchsegment', 'x1', 'le1'))).response.status).toBe(204);
  });

  it('a missing segment is a 404, a bad body or id a 400, and only segment_manage writes', async () => {
    const missing = await manage.PUT(ALL, { ...all('nosuchsegment', 'x1'), body: {} });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 404, message: expect.stringContaining('nosuchsegment') });
    await createSegment('bad');
    const badMixins = await manage.PUT(ALL, { ...all('bad', 'x1'), body: { mixins: 'no' } as never });
    expect(badMixins.response.status).toBe(400);
    const badVersion = await manage.PUT(ONE, { ...one('bad', 'x1', 'le1'), body: { metadata: { version: 0 } } });
    expect(badVersion.response.status).toBe(400);
    const longId = await manage.PUT(ALL, { ...all('bad', 'x'.repeat(129)), body: {} });
    expect(longId.response.status).toBe(400);
    expect((await read.PUT(ALL, { ...all('bad', 'x1'), body: {} })).response.status).toBe(403);
    expect((await read.DELETE(ALL, all('bad', 'x1'))).response.status).toBe(403);
    expect(await exclusions('bad')).toEqual([]);
  });

  it('bulk PUT and DELETE answer 207 per item; 1 to 200 items', async () => {
    await createSegment('bulks');
    await manage.PUT(ALL, { ...all('bulks', 'b3'), body: {} });
    const put = await manage.PUT(BULK, {
      params: { path: { tenant, segmentId: 'bulks' } },
      body: [
        { customerId: 'b1' },
        { customerId: 'b1', legalEntityId: 'le1', mixins: { k: 1 } },
        { legalEntityId: 'le1' },
        { customerId: 'b1' },
        { customerId: 'b3', metadata: { version: 7 } },
      ] as never,
    });
    expect(put.response.status).toBe(207);
    expect(put.data).toEqual([
      { index: 0, code: 201, status: 'Created' },
      { index: 1, code: 201, status: 'Created' },
      expect.objectContaining({ index: 2, code: 400, status: 'Bad Request' }),
      { index: 3, code: 204, status: 'No Content' },
      expect.objectContaining({ index: 4, code: 409, status: 'Conflict', id: 'b3' }),
    ]);
    expect(await exclusions('bulks')).toEqual(['b1', 'b1/le1', 'b3']);

    const missing = await manage.PUT(BULK, {
      params: { path: { tenant, segmentId: 'nosuchsegment' } },
      body: [{ customerId: 'b1' }],
    });
    expect(missing.data).toEqual([expect.objectContaining({ index: 0, code: 404 })]);
    for (const body of [[], Array.from({ length: 201 }, (_, i) => ({ customerId: `c${i}` })), { customerId: 'b1' }]) {
      const refused = await manage.PUT(BULK, { params: { path: { tenant, segmentId: 'bulks' } }, body: body as never });
      expect(refused.response.status).toBe(400);
    }

    const removed = await manage.DELETE(BULK, {
      params: { path: { tenant, segmentId: 'bulks' } },
      body: [{ customerId: 'b1', legalEntityId: 'le1' }, { customerId: 'nobody' }, { customerId: 7 }] as never,
    });
    expect(removed.response.status).toBe(207);
    expect(removed.data).toEqual([
      { index: 0, code: 204, status: 'No Content' },
      { index: 1, code: 204, status: 'No Content' },
      expect.objectContaining({ index: 2, code: 400, status: 'Bad Request' }),
    ]);
    expect(await exclusions('bulks')).toEqual(['b1', 'b3']);
    const tooMany = await manage.DELETE(BULK, {
      params: { path: { tenant, segmentId: 'bulks' } },
      body: Array.from({ length: 201 }, (_, i) => ({ customerId: `c${i}` })),
    });
    expect(tooMany.response.status).toBe(400);
  });

  it('lists with q, sort, paging, fields and X-Total-Count; POST search takes q in the body', async () => {
    await createSegment('list');
    const { data } = await manage.PUT(BULK, {
      params: { path: { tenant, segmentId: 'list' } },
      body: [
        { customerId: 'l3' },
        { customerId: 'l1', legalEntityId: 'le2', mixins: { tier: 'gold' } },
        { customerId: 'l1' },
        { customerId: 'l2', legalEntityId: 'le1', mixins: { tier: 'silver' } },
      ],
    });
    expect(data?.every((r) => r.code === 201)).toBe(true);
    expect(await exclusions('list')).toEqual(['l1', 'l1/le2', 'l2/le1', 'l3']);
    expect(await exclusions('list', { q: 'legalEntityId:null' })).toEqual(['l1', 'l3']);
    expect(await exclusions('list', { q: 'mixins.tier:gold' })).toEqual(['l1/le2']);
    expect(await exclusions('list', { sort: 'customerId:desc' })).toEqual(['l3', 'l2/le1', 'l1', 'l1/le2']);
    expect(await exclusions('list', { pageSize: 2, pageNumber: 2 })).toEqual(['l2/le1', 'l3']);
    const counted = await read.GET(LIST, {
      params: {
        path: { tenant, segmentId: 'list' },
        query: { pageSize: 1, fields: 'customerId' },
        header: { 'X-Total-Count': true },
      },
    });
    expect(counted.response.headers.get('x-total-count')).toBe('4');
    expect(counted.data).toEqual([{ customerId: 'l1' }]);
    const badQ = await read.GET(LIST, {
      params: { path: { tenant, segmentId: 'list' }, query: { q: 'nosuchfield:1' } },
    });
    expect(badQ.response.status).toBe(400);
    const searched = await read.POST(SEARCH, {
      params: { path: { tenant, segmentId: 'list' } },
      body: { q: 'customerId:(l1,l2) legalEntityId:exists' },
    });
    expect(searched.response.status).toBe(200);
    expect(searched.data?.map((x) => `${x.customerId}/${x.legalEntityId}`)).toEqual(['l1/le2', 'l2/le1']);
    expect(await exclusions('nosuchsegment')).toEqual([]);
  });

  it('an exclusion removes an AUTOMATIC member (reason excluded); deleting it brings the member back (included)', async () => {
    await createSegment('auto', 'customer.firstName:(Ann,Bob)');
    expect(await membership.members('auto')).toEqual(['ann:AUTOMATIC', 'bob:AUTOMATIC']);
    const after = await membership.lastEvent();
    expect((await manage.PUT(ALL, { ...all('auto', 'ann'), body: {} })).response.status).toBe(201);
    expect(await membership.members('auto')).toEqual(['bob:AUTOMATIC']);
    expect(await membership.membershipEvents('auto', after)).toEqual(['deleted ann AUTOMATIC excluded']);
    // Writing it again changes nothing.
    expect((await manage.PUT(ALL, { ...all('auto', 'ann'), body: {} })).response.status).toBe(204);
    expect(await membership.membershipEvents('auto', after)).toEqual(['deleted ann AUTOMATIC excluded']);
    // A customer data change keeps the exclusion.
    await customers.PUT(CUSTOMER_DATA, { ...path, body: [{ id: 'ann', firstName: 'Ann', lastName: 'A' }] as never });
    expect(await membership.members('auto')).toEqual(['bob:AUTOMATIC']);

    expect((await manage.DELETE(ALL, all('auto', 'ann'))).response.status).toBe(204);
    expect(await membership.members('auto')).toEqual(['ann:AUTOMATIC', 'bob:AUTOMATIC']);
    expect(await membership.membershipEvents('auto', after)).toEqual([
      'deleted ann AUTOMATIC excluded',
      'created ann AUTOMATIC included',
    ]);

    // In bulk: both leave, and both come back.
    const bulkAfter = await membership.lastEvent();
    const put = await manage.PUT(BULK, {
      params: { path: { tenant, segmentId: 'auto' } },
      body: [{ customerId: 'bob' }, { customerId: 'ann' }, { customerId: 'cid' }],
    });
    expect(put.data?.map((r) => r.code)).toEqual([201, 201, 201]);
    expect(await membership.members('auto')).toEqual([]);
    const removed = await manage.DELETE(BULK, {
      params: { path: { tenant, segmentId: 'auto' } },
      body: [{ customerId: 'ann' }, { customerId: 'bob' }, { customerId: 'cid' }],
    });
    expect(removed.data?.map((r) => r.code)).toEqual([204, 204, 204]);
    expect(await membership.members('auto')).toEqual(['ann:AUTOMATIC', 'bob:AUTOMATIC']);
    expect(await membership.membershipEvents('auto', bulkAfter)).toEqual([
      'deleted ann AUTOMATIC excluded',
      'deleted bob AUTOMATIC excluded',
      'created ann AUTOMATIC included',
      'created bob AUTOMATIC included',
    ]);
    // Exclusions record no events of their own.
    const own = await db.sql("SELECT 1 FROM outbox WHERE tenant = $1 AND type LIKE '%exclusion%'", [tenant]);
    expect(own).toEqual([]);
  });

  it('an exclusion keeps a customer out when the criteria are set later; a MANUAL assignment stays', async () => {
    await createSegment('later');
    await manage.PUT(ALL, { ...all('later', 'ann'), body: {} });
    expect((await manage.PUT(MEMBER, { ...all('later', 'bob'), body: {} })).response.status).toBe(201);
    await manage.PUT(ALL, { ...all('later', 'bob'), body: {} });
    const patched = await manage.PATCH(SEGMENT, {
      ...segmentPath('later'),
      body: [{ op: 'add', path: '/criteria', value: 'customer.firstName:(Ann,Bob,Cid)' }] as never,
    });
    expect([patched.response.status, patched.error]).toEqual([204, undefined]);
    expect(await membership.members('later')).toEqual(['bob:MANUAL', 'cid:AUTOMATIC']);
    await manage.DELETE(ALL, all('later', 'bob'));
    expect(await membership.members('later')).toEqual(['bob:MANUAL', 'cid:AUTOMATIC']);
  });

  it('an exclusion for a legal entity affects only that B2B membership; one of every legal entity all of them', async () => {
    await customers.POST(LEGAL_ENTITIES, { ...path, body: { id: 'le1', name: 'Widgets Inc' } });
    await customers.POST(LEGAL_ENTITIES, { ...path, body: { id: 'le2', name: 'Gadgets Ltd' } });
    for (const [id, legalEntityId] of [
      ['ca1', 'le1'],
      ['ca2', 'le2'],
    ]) {
      const { response } = await customers.POST(CONTACTS, {
        ...path,
        body: { id, customer: { id: 'cid' }, legalEntity: { id: legalEntityId }, type: 'PRIMARY' } as never,
      });
      expect(response.status).toBe(201);
    }
    await createSegment('b2b', 'contactType:PRIMARY');
    expect(await membership.members('b2b')).toEqual(['cid/le1:AUTOMATIC', 'cid/le2:AUTOMATIC']);
    const after = await membership.lastEvent();
    expect((await manage.PUT(ONE, { ...one('b2b', 'cid', 'le1'), body: {} })).response.status).toBe(201);
    expect(await membership.members('b2b')).toEqual(['cid/le2:AUTOMATIC']);
    expect(await membership.membershipEvents('b2b', after)).toEqual(['deleted cid/le1 AUTOMATIC excluded']);
    expect((await manage.PUT(ALL, { ...all('b2b', 'cid'), body: {} })).response.status).toBe(201);
    expect(await membership.members('b2b')).toEqual([]);
    await manage.DELETE(ALL, all('b2b', 'cid'));
    expect(await membership.members('b2b')).toEqual(['cid/le2:AUTOMATIC']);
    await manage.DELETE(ONE, one('b2b', 'cid', 'le1'));
    expect(await membership.members('b2b')).toEqual(['cid/le1:AUTOMATIC', 'cid/le2:AUTOMATIC']);
    expect((await membership.membershipEvents('b2b', after)).slice(-3)).toEqual([
      'deleted cid/le2 AUTOMATIC excluded',
      'created cid/le2 AUTOMATIC included',
      'created cid/le1 AUTOMATIC included',
    ]);
  });

  it("another tenant's exclusions are invisible", async () => {
    const other = await e2e.client([Scopes.segmentManage, Scopes.segmentRead], { tenant: OTHER_TENANT });
    const created = await other.POST(SEGMENTS, {
      params: { path: { tenant: OTHER_TENANT } },
      body: { id: 'shared', name: { en: 'x' }, siteCode: 'main' },
    });
    expect(created.response.status).toBe(201);
    const theirs = await other.PUT(ALL, {
      params: { path: { tenant: OTHER_TENANT, segmentId: 'shared', customerId: 'ann' } },
      body: {},
    });
    expect(theirs.response.status).toBe(201);
    await createSegment('shared');
    expect(await exclusions('shared')).toEqual([]);
    expect((await read.GET(ALL, all('shared', 'ann'))).response.status).toBe(404);
    // A token of this tenant cannot reach the other one's.
    const foreign = await read.GET(ALL, {
      params: { path: { tenant: OTHER_TENANT, segmentId: 'shared', customerId: 'ann' } },
    });
    expect(foreign.response.status).toBe(403);
    const { data } = await other.GET(LIST, { params: { path: { tenant: OTHER_TENANT, segmentId: 'shared' } } });
    expect(data?.map((x) => x.customerId)).toEqual(['ann']);
  });

  it('deleting the segment deletes its exclusions; a new segment of that id starts without', async () => {
    await createSegment('gone');
    await manage.PUT(ALL, { ...all('gone', 'ann'), body: {} });
    await manage.PUT(ONE, { ...one('gone', 'bob', 'le1'), body: {} });
    const removed = await manage.DELETE(SEGMENT, {
      params: { path: { tenant, segmentId: 'gone' }, query: { forceDelete: true } },
    });
    expect(removed.response.status).toBe(204);
    const left = await db.sql("SELECT 1 FROM segment_exclusion WHERE tenant = $1 AND segment_id = 'gone'", [tenant]);
    expect(left).toEqual([]);
    await createSegment('gone');
    expect(await exclusions('gone')).toEqual([]);
  });
});
