import { ApiClient } from '@cs/client';
import { Scopes } from '@cs/contracts';
import { database, expectBadRequest, SEGMENT, SEGMENTS, SEGMENTS_BULK, tenant } from './fixtures';
import { memberships } from './memberships';
import { E2e, startE2e } from './support';

const CUSTOMER_DATA = '/customer-management/{tenant}/customers/bulk' as const;
const LEGAL_ENTITIES = '/customer-management/{tenant}/legal-entities' as const;
const LEGAL_ENTITY = '/customer-management/{tenant}/legal-entities/{legalEntityId}' as const;
const CONTACTS = '/customer-management/{tenant}/contact-assignments' as const;
const CONTACT = '/customer-management/{tenant}/contact-assignments/{contactAssignmentId}' as const;
const B2C = '/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}' as const;
const MEMBERS_BULK = '/customer-segment/{tenant}/segments/{segmentId}/customers/bulk' as const;
const PREVIEW = '/customer-segment/{tenant}/segments/criteria/preview' as const;
const EXPLANATION = '/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/explanation' as const;

const path = { params: { path: { tenant } } };

const segmentPath = (segmentId: string) => ({ params: { path: { tenant, segmentId } } });

describe('automatic segments: membership computed from criteria', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let customers: ApiClient;
  let db: ReturnType<typeof database>;
  let membership: ReturnType<typeof memberships>;

  async function sync(items: Array<Record<string, unknown>>): Promise<void> {
    const { data } = await customers.PUT(CUSTOMER_DATA, { ...path, body: items as never });
    expect(data?.map((r) => r.code).every((code) => code < 300)).toBe(true);
  }

  async function createSegment(id: string, criteria?: string | null): Promise<void> {
    const { response, error } = await manage.POST(SEGMENTS, {
      ...path,
      body: { id, name: { en: id }, siteCode: 'main', status: 'ACTIVE', ...(criteria !== undefined && { criteria }) },
    });
    expect([response.status, error]).toEqual([201, undefined]);
  }

  beforeAll(async () => {
    e2e = await startE2e();
    manage = await e2e.client([Scopes.segmentManage, Scopes.segmentRead]);
    customers = await e2e.client([Scopes.contactAssignmentManage, Scopes.legalEntityManage]);
    db = database(e2e);
    membership = memberships(manage, db);
    await sync([
      { id: 'ann', firstName: 'Ann', email: 'ann@acme.com', mixins: { tier: 'gold', points: 120 } },
      { id: 'bob', firstName: 'Bob', email: 'bob@acme.com', mixins: { tier: 'silver', points: 40 } },
      { id: 'cid', firstName: 'Cid', email: 'cid@other.org', mixins: { tier: 'gold', points: 300 } },
    ]);
  });

  afterAll(() => e2e?.server.close());

  it('a segment created with criteria gets its matching customers as AUTOMATIC members, with events', async () => {
    const after = await membership.lastEvent();
    await createSegment('acme', 'customer.email:~"@acme\\.com$"');
    expect(await membership.members('acme')).toEqual(['ann:AUTOMATIC', 'bob:AUTOMATIC']);
    expect(await membership.membershipEvents('acme', after)).toEqual([
      'created ann AUTOMATIC criteria-changed',
      'created bob AUTOMATIC criteria-changed',
    ]);
    const { data } = await manage.GET(SEGMENT, segmentPath('acme'));
    expect(data?.criteria).toBe('customer.email:~"@acme\\.com$"');
    // Every read sees them: the segments of a customer.
    const { data: ofAnn } = await manage.GET(SEGMENTS, { params: { path: { tenant }, query: { customerId: 'ann' } } });
    expect(ofAnn?.map((s) => s.id)).toEqual(['acme']);
  });

  it('changing the criteria is one diff: leavers are deleted, newcomers inserted, the rest untouched', async () => {
    await createSegment('gold', 'customer.mixins.tier:gold');
    expect(await membership.members('gold')).toEqual(['ann:AUTOMATIC', 'cid:AUTOMATIC']);
    const [before] = await db.sql<{ created_at: Date }>(
      "SELECT created_at FROM customer_assignment WHERE tenant = $1 AND segment_id = 'gold' AND customer_id = 'ann'",
      [tenant],
    );
    const after = await membership.lastEvent();
    const { response } = await manage.PATCH(SEGMENT, {
      ...segmentPath('gold'),
      body: [{ op: 'replace', path: '/criteria', value: 'customer.mixins.points:>=100' }] as never,
    });
    expect(response.status).toBe(204);
    expect(await membership.members('gold')).toEqual(['ann:AUTOMATIC', 'cid:AUTOMATIC']);
    expect(await membership.membershipEvents('gold', after)).toEqual([]);
    const [kept] = await db.sql<{ created_at: Date }>(
      "SELECT created_at FROM customer_assignment WHERE tenant = $1 AND segment_id = 'gold' AND customer_id = 'ann'",
      [tenant],
    );
    expect(kept.created_at).toEqual(before.created_at);

    const put = await manage.PUT(SEGMENT, {
      ...segmentPath('gold'),
      body: { name: { en: 'gold' }, siteCode: 'main', criteria: 'customer.mixins.points:<200' },
    });
    expect(put.response.status).toBe(204);
    expect(await membership.members('gold')).toEqual(['ann:AUTOMATIC', 'bob:AUTOMATIC']);
    expect(await membership.membershipEvents('gold', after)).toEqual([
      'created bob AUTOMATIC criteria-changed',
      'deleted cid AUTOMATIC criteria-changed',
    ]);
  });

  it('removing the criteria makes the segment manual: automatic members leave, manual ones stay', async () => {
    await createSegment('temp', 'customer.firstName:(Ann,Bob)');
    const { response } = await manage.PUT(B2C, {
      params: { path: { tenant, segmentId: 'temp', customerId: 'cid' } },
      body: {},
    });
    expect(response.status).toBe(201);
    const after = await membership.lastEvent();
    // A PUT without the field keeps the criteria (a client unaware of it must not empty the segment); null removes them.
    await manage.PUT(SEGMENT, { ...segmentPath('temp'), body: { name: { en: 'temp' }, siteCode: 'main' } });
    expect(await membership.members('temp')).toEqual(['ann:AUTOMATIC', 'bob:AUTOMATIC', 'cid:MANUAL']);
    expect(await membership.membershipEvents('temp', after)).toEqual([]);
    await manage.PUT(SEGMENT, {
      ...segmentPath('temp'),
      body: { name: { en: 'temp' }, siteCode: 'main', criteria: null },
    });
    expect(await membership.members('temp')).toEqual(['cid:MANUAL']);
    expect(await membership.membershipEvents('temp', after)).toEqual([
      'deleted ann AUTOMATIC criteria-changed',
      'deleted bob AUTOMATIC criteria-changed',
    ]);
  });

  it('a customer sync re-evaluates the changed customers in every automatic segment of the tenant', async () => {
    await createSegment('org', 'customer.email:~"\\.org$"');
    expect(await membership.members('org')).toEqual(['cid:AUTOMATIC']);
    const after = await membership.lastEvent();
    await sync([
      { id: 'bob', firstName: 'Bob', email: 'bob@bob.org', mixins: { tier: 'silver', points: 40 } },
      { id: 'dan', firstName: 'Dan', email: 'dan@acme.com', mixins: {} },
    ]);
    expect(await membership.members('org')).toEqual(['bob:AUTOMATIC', 'cid:AUTOMATIC']);
    expect(await membership.members('acme')).toEqual(['ann:AUTOMATIC', 'dan:AUTOMATIC']);
    expect(await membership.membershipEvents('acme', after)).toEqual([
      'created dan AUTOMATIC data-changed',
      'deleted bob AUTOMATIC data-changed',
    ]);
    // Forgetting a customer's data ends its automatic memberships.
    const { data } = await customers.DELETE(CUSTOMER_DATA, { ...path, body: ['dan'] as never });
    expect(data?.map((r) => r.code)).toEqual([204]);
    expect(await membership.members('acme')).toEqual(['ann:AUTOMATIC']);
  });

  it('B2B criteria yield (customer, legal entity) memberships through contact assignments, kept current', async () => {
    await customers.POST(LEGAL_ENTITIES, {
      ...path,
      body: { id: 'le1', name: 'Widgets Inc', customerGroups: [{ id: 'vip' }] },
    });
    await customers.POST(LEGAL_ENTITIES, { ...path, body: { id: 'le2', name: 'Gadgets Ltd' } });
    await createSegment('vip-billing', 'legalEntity.customerGroups.id:vip contactType:BILLING');
    expect(await membership.members('vip-billing')).toEqual([]);
    const contact = async (id: string, customerId: string, legalEntityId: string, type: string) => {
      const { response } = await customers.POST(CONTACTS, {
        ...path,
        body: { id, customer: { id: customerId }, legalEntity: { id: legalEntityId }, type } as never,
      });
      expect(response.status).toBe(201);
    };
    await contact('c1', 'ann', 'le1', 'BILLING');
    await contact('c2', 'bob', 'le1', 'LOGISTICS');
    await contact('c3', 'cid', 'le2', 'BILLING');
    expect(await membership.members('vip-billing')).toEqual(['ann/le1:AUTOMATIC']);
    // The legal entity joins the group: its billing contacts join.
    const after = await membership.lastEvent();
    const { response, error } = await customers.PUT(LEGAL_ENTITY, {
      params: { path: { tenant, legalEntityId: 'le2' } },
      body: { name: 'Gadgets Ltd', type: 'COMPANY', customerGroups: [{ id: 'vip' }] } as never,
    });
    expect([response.status, error]).toEqual([204, undefined]);
    expect(await membership.members('vip-billing')).toEqual(['ann/le1:AUTOMATIC', 'cid/le2:AUTOMATIC']);
    expect(await membership.membershipEvents('vip-billing', after)).toEqual(['created cid/le2 AUTOMATIC data-changed']);
    // A contact assignment changes its type, another is deleted.
    await customers.PUT(CONTACT, {
      params: { path: { tenant, contactAssignmentId: 'c2' } },
      body: { customer: { id: 'bob' }, legalEntity: { id: 'le1' }, type: 'BILLING' } as never,
    });
    await customers.DELETE(CONTACT, { params: { path: { tenant, contactAssignmentId: 'c1' } } });
    expect(await membership.members('vip-billing')).toEqual(['bob/le1:AUTOMATIC', 'cid/le2:AUTOMATIC']);
    // Deleting a legal entity ends the memberships in it.
    await customers.DELETE(LEGAL_ENTITY, { params: { path: { tenant, legalEntityId: 'le2' } } });
    expect(await membership.members('vip-billing')).toEqual(['bob/le1:AUTOMATIC']);
  });

  it('a manual assignment keeps its customer whatever the rule says; deleting it lets the rule decide', async () => {
    await createSegment('pinned', 'customer.firstName:Ann');
    const { response } = await manage.PUT(B2C, {
      params: { path: { tenant, segmentId: 'pinned', customerId: 'bob' } },
      body: {},
    });
    expect(response.status).toBe(201);
    await manage.PATCH(SEGMENT, {
      ...segmentPath('pinned'),
      body: [{ op: 'replace', path: '/criteria', value: 'customer.firstName:(Ann,Bob)' }] as never,
    });
    expect(await membership.members('pinned')).toEqual(['ann:AUTOMATIC', 'bob:MANUAL']);
    const after = await membership.lastEvent();
    const deleted = await manage.DELETE(B2C, { params: { path: { tenant, segmentId: 'pinned', customerId: 'bob' } } });
    expect(deleted.response.status).toBe(204);
    expect(await membership.members('pinned')).toEqual(['ann:AUTOMATIC', 'bob:AUTOMATIC']);
    expect(await membership.membershipEvents('pinned', after)).toEqual([
      'deleted bob MANUAL manual',
      'created bob AUTOMATIC manual',
    ]);
  });

  it('clients cannot replace or delete AUTOMATIC assignments: 400 naming the exclusions route', async () => {
    const params = { params: { path: { tenant, segmentId: 'acme', customerId: 'ann' } } };
    const exclusions = `/customer-segment/${tenant}/segments/acme/exclusions`;
    const put = await manage.PUT(B2C, { ...params, body: {} });
    expectBadRequest(put, 'assignmentType', /cannot be replaced; use the exclusions route/);
    expect((put.error as { message: string }).message).toContain(exclusions);
    const del = await manage.DELETE(B2C, params);
    expectBadRequest(del, 'assignmentType', /cannot be deleted; use the exclusions route/);
    expect((del.error as { message: string }).message).toContain(exclusions);
    const bulk = await manage.PUT(MEMBERS_BULK, {
      ...segmentPath('acme'),
      body: [{ customerId: 'ann' }, { customerId: 'zed' }],
    });
    expect(bulk.data?.map((r) => r.code)).toEqual([400, 201]);
    const removeBulk = await manage.DELETE(MEMBERS_BULK, { ...segmentPath('acme'), body: [{ customerId: 'ann' }] });
    expect(removeBulk.data?.map((r) => r.code)).toEqual([400]);
    expect(await membership.members('acme')).toEqual(['ann:AUTOMATIC', 'zed:MANUAL']);
  });

  it('reads the fields of the Emporix customer model the sync carries', async () => {
    await sync([
      {
        id: 'eve',
        firstName: 'Eve',
        active: true,
        preferredSite: 'de',
        preferredCurrency: 'EUR',
        businessModel: 'B2B',
        customerNumber: 'N-100',
        b2b: { companyRegistrationId: 'REG-1' },
        metadata: { createdAt: '2024-05-01T00:00:00.000Z' },
      },
      {
        id: 'fay',
        firstName: 'Fay',
        active: false,
        preferredSite: 'de',
        metadata: { createdAt: '2020-01-01T00:00:00.000Z' },
      },
    ]);
    await createSegment(
      'de-recent',
      'customer.preferredSite:de customer.active:true customer.metadata.createdAt:>2023-01-01T00:00:00Z',
    );
    expect(await membership.members('de-recent')).toEqual(['eve:AUTOMATIC']);
    await createSegment('registered', 'customer.b2b.companyRegistrationId:exists customer.businessModel:B2B');
    expect(await membership.members('registered')).toEqual(['eve:AUTOMATIC']);
    await createSegment('numbered', 'customer.customerNumber:~"^N-" customer.preferredCurrency:EUR');
    expect(await membership.members('numbered')).toEqual(['eve:AUTOMATIC']);
  });

  it('invalid criteria are a 400 naming the position, as list q; nothing is written', async () => {
    const cases: Array<[string, RegExp]> = [
      ['customer.nope:1', /Unknown field 'customer\.nope' at position 0/],
      ['customer.active:maybe', /customer\.active.*at position 16/],
      ['customer.email:(a,b', /at position/],
      ['', /at least one condition/],
    ];
    for (const [criteria, message] of cases) {
      const answer = await manage.POST(SEGMENTS, {
        ...path,
        body: { id: 'bad', name: { en: 'x' }, siteCode: 'main', criteria },
      });
      expectBadRequest(answer, 'criteria', message);
    }
    expect(await db.stored('bad')).toBeUndefined();
    const bulk = await manage.POST(SEGMENTS_BULK, {
      ...path,
      body: [
        { id: 'bad1', name: { en: 'x' }, siteCode: 'main', criteria: 'contactType:BOSS' },
        { id: 'good1', name: { en: 'x' }, siteCode: 'main', criteria: 'contactType:PRIMARY' },
      ],
    });
    expect(bulk.data?.map((r) => r.code)).toEqual([400, 201]);
  });

  it('customer tokens do not see criteria', async () => {
    const own = await e2e.client([Scopes.segmentReadOwn], { customerId: 'ann' });
    const { data } = await own.GET(SEGMENTS, path);
    expect(data?.map((s) => s.id)).toContain('acme');
    expect(data?.every((s) => s.criteria === undefined)).toBe(true);
  });

  it('previews a criteria: the count and one page of matches, saving nothing', async () => {
    const before = await membership.lastEvent();
    const { data, response } = await manage.POST(PREVIEW, {
      params: { path: { tenant }, query: { pageSize: 1, pageNumber: 2 } },
      body: { criteria: 'customer.mixins.tier:gold' },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({
      totalCount: 2,
      b2b: false,
      matches: [{ customer: { id: 'cid', firstName: 'Cid', email: 'cid@other.org' } }],
    });
    const b2b = await manage.POST(PREVIEW, { ...path, body: { criteria: 'legalEntity.name:~widgets' } });
    expect(b2b.data).toEqual({
      totalCount: 1,
      b2b: true,
      matches: [
        {
          customer: { id: 'bob', firstName: 'Bob', email: 'bob@bob.org' },
          legalEntity: { id: 'le1', name: 'Widgets Inc' },
        },
      ],
    });
    expect(await membership.lastEvent()).toBe(before);
    expectBadRequest(
      await manage.POST(PREVIEW, { ...path, body: { criteria: 'customer.email:>' } }),
      'criteria',
      /at position/,
    );
    expectBadRequest(
      await manage.POST(PREVIEW, {
        params: { path: { tenant }, query: { pageSize: 0 } },
        body: { criteria: 'customer.id:x' },
      }),
      'pageSize',
    );
  });

  it('explains a membership: assignments, exclusions and each term with the customer value', async () => {
    const explain = (segmentId: string, customerId: string, client = manage) =>
      client.GET(EXPLANATION, { params: { path: { tenant, segmentId, customerId } } });
    const gold = await explain('gold', 'cid');
    expect(gold.data).toEqual({
      segmentId: 'gold',
      customerId: 'cid',
      member: false,
      memberships: [],
      exclusions: [],
      criteria: 'customer.mixins.points:<200',
      customerKnown: true,
      evaluations: [
        {
          matched: false,
          excluded: false,
          terms: [{ term: 'customer.mixins.points:<200', field: 'customer.mixins.points', value: 300, matched: false }],
        },
      ],
    });
    const b2b = await explain('vip-billing', 'bob');
    expect(b2b.data).toMatchObject({
      member: true,
      memberships: [{ legalEntityId: 'le1', assignmentType: 'AUTOMATIC' }],
      evaluations: [
        {
          legalEntity: { id: 'le1', name: 'Widgets Inc' },
          contactType: 'BILLING',
          matched: true,
          terms: [
            { term: 'legalEntity.customerGroups.id:vip', value: [{ id: 'vip' }], matched: true },
            { term: 'contactType:BILLING', value: 'BILLING', matched: true },
          ],
        },
      ],
    });
    const manual = await explain('pinned', 'bob');
    expect(manual.data?.memberships).toEqual([{ assignmentType: 'AUTOMATIC' }]);
    const unknown = await explain('acme', 'nobody');
    expect(unknown.data).toMatchObject({ member: false, customerKnown: false, evaluations: [] });
    expect((await explain('no-such-segment', 'ann')).response.status).toBe(404);
    // Customer tokens read their own, of visible segments only.
    const ann = await e2e.client([Scopes.segmentReadOwn], { customerId: 'ann' });
    const own = await explain('acme', 'ann', ann);
    expect(own.data?.member).toBe(true);
    // Without the rule's text: each term's field, the customer's value and the outcome.
    expect(own.data?.criteria).toBeUndefined();
    expect(own.data?.evaluations[0].terms).toEqual([{ field: 'customer.email', value: 'ann@acme.com', matched: true }]);
    // A customer token previews nothing (every matching customer's data).
    const preview = await ann.POST(PREVIEW, { ...path, body: { criteria: 'customer.id:ann' } });
    expect(preview.response.status).toBe(403);
    expect((await explain('acme', 'bob', ann)).response.status).toBe(403);
    await manage.PATCH(SEGMENT, {
      ...segmentPath('acme'),
      body: [{ op: 'replace', path: '/status', value: 'INACTIVE' }] as never,
    });
    expect((await explain('acme', 'ann', ann)).response.status).toBe(404);
  });
});
