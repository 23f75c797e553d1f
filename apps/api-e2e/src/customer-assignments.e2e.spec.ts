import { ApiClient, components } from '@cs/client';
import { Scopes } from '@cs/contracts';
import { fixtures, ISO, tenant } from './fixtures';
import { E2e, startE2e, withStatements } from './support';

type Assignment = components['schemas']['CustomerAssignmentResponse'];

/** `customerId` for B2C, `customerId/legalEntityId` for B2B. */
const keyOf = (assignment: Partial<Assignment>) =>
  assignment.legalEntity ? `${assignment.customer?.id}/${assignment.legalEntity.id}` : assignment.customer?.id;

describe('customer assignments: single and bulk writes, reads, events, access', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let read: ApiClient;
  let f: ReturnType<typeof fixtures>;

  const stored = (segmentId: string, customerId: string) =>
    f.sql<{
      legal_entity_id: string;
      assignment_type: string;
      mixins: unknown;
      metadata_mixins: unknown;
      version: number;
    }>(
      'SELECT legal_entity_id, assignment_type, mixins, metadata_mixins, version FROM customer_assignment WHERE tenant = $1 AND segment_id = $2 AND customer_id = $3 ORDER BY legal_entity_id',
      [tenant, segmentId, customerId],
    );
  const events = (customerId: string) =>
    f.sql<{ type: string; payload: Record<string, unknown> }>(
      "SELECT type, payload FROM outbox WHERE tenant = $1 AND (payload->>'customerId' = $2 OR payload->'customer'->>'id' = $2) ORDER BY id",
      [tenant, customerId],
    );
  const b2c = (segmentId: string, customerId: string) => ({ params: { path: { tenant, segmentId, customerId } } });
  const b2b = (segmentId: string, customerId: string, legalEntityId: string) => ({
    params: { path: { tenant, segmentId, customerId, legalEntityId } },
  });
  const B2C_PATH = '/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}' as const;
  const B2B_PATH = '/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/{legalEntityId}' as const;
  const BULK_PATH = '/customer-segment/{tenant}/segments/{segmentId}/customers/bulk' as const;
  const LIST_PATH = '/customer-segment/{tenant}/segments/{segmentId}/customers' as const;
  const SEARCH_PATH = '/customer-segment/{tenant}/segments/{segmentId}/customers/search' as const;
  const bulk = (segmentId: string) => ({ tenant, segmentId });

  beforeAll(async () => {
    // Without the relay: its statements would mix into the round trips counted below (events are read from the outbox).
    e2e = await startE2e({ EVENTS_RELAY: 'false' });
    manage = await e2e.client([Scopes.segmentManage]);
    read = await e2e.client([Scopes.segmentRead]);
    f = fixtures(e2e, manage);
    for (const id of ['seg1', 'seg2', 'seg3']) await f.segment(id);
  });
  afterAll(() => e2e.server.close());

  it('PUT B2C creates (201), updates (204) and checks metadata.version (409); GET returns what was sent', async () => {
    const mixins = { attrs: { tier: 'gold', points: 7 } };
    const metadataMixins = { attrs: 'https://example.com/attrs.json' };
    const created = await manage.PUT(B2C_PATH, {
      ...b2c('seg1', 'c1'),
      body: { mixins, metadata: { mixins: metadataMixins } },
    });
    expect(created.response.status).toBe(201);
    expect(await created.response.clone().text()).toBe('');
    expect(await stored('seg1', 'c1')).toEqual([
      { legal_entity_id: '', assignment_type: 'MANUAL', mixins, metadata_mixins: metadataMixins, version: 1 },
    ]);

    const first = await read.GET(B2C_PATH, b2c('seg1', 'c1'));
    expect(first.response.status).toBe(200);
    expect(first.data).toEqual({
      customer: { id: 'c1' },
      assignmentType: 'MANUAL',
      mixins,
      metadata: {
        createdAt: expect.stringMatching(ISO),
        modifiedAt: expect.stringMatching(ISO),
        version: 1,
        mixins: metadataMixins,
      },
    });

    const updated = await manage.PUT(B2C_PATH, {
      ...b2c('seg1', 'c1'),
      body: { mixins: { attrs: { tier: 'silver' } }, metadata: { version: 1 } },
    });
    expect(updated.response.status).toBe(204);
    const second = await read.GET(B2C_PATH, b2c('seg1', 'c1'));
    expect(second.data).toMatchObject({
      mixins: { attrs: { tier: 'silver' } },
      metadata: { version: 2, mixins: {}, createdAt: first.data?.metadata.createdAt },
    });

    const stale = await manage.PUT(B2C_PATH, {
      ...b2c('seg1', 'c1'),
      body: { mixins: { lost: true }, metadata: { version: 1 } },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({
      code: 409,
      status: 'Conflict',
      message: expect.stringMatching(/version/),
      resourceId: 'c1',
    });
    expect(await stored('seg1', 'c1')).toMatchObject([{ version: 2, mixins: { attrs: { tier: 'silver' } } }]);

    const unchecked = await manage.PUT(B2C_PATH, { ...b2c('seg1', 'c1'), body: {} });
    expect(unchecked.response.status).toBe(204);
    expect(await stored('seg1', 'c1')).toMatchObject([{ version: 3, mixins: {}, metadata_mixins: {} }]);
  });

  it('keeps the B2C and the B2B assignment of one customer as separate documents', async () => {
    expect(
      (await manage.PUT(B2C_PATH, { ...b2c('seg1', 'c2'), body: { mixins: { kind: 'b2c' } } })).response.status,
    ).toBe(201);
    expect(
      (await manage.PUT(B2B_PATH, { ...b2b('seg1', 'c2', 'le1'), body: { mixins: { kind: 'b2b' } } })).response.status,
    ).toBe(201);
    expect(
      (await manage.PUT(B2B_PATH, { ...b2b('seg1', 'c2', 'le1'), body: { mixins: { kind: 'b2b', again: true } } }))
        .response.status,
    ).toBe(204);

    const consumer = await read.GET(B2C_PATH, b2c('seg1', 'c2'));
    expect(consumer.data).toMatchObject({ customer: { id: 'c2' }, mixins: { kind: 'b2c' }, metadata: { version: 1 } });
    expect(consumer.data).not.toHaveProperty('legalEntity');
    const business = await read.GET(B2B_PATH, b2b('seg1', 'c2', 'le1'));
    expect(business.response.status).toBe(200);
    expect(business.data).toMatchObject({
      customer: { id: 'c2' },
      legalEntity: { id: 'le1' },
      assignmentType: 'MANUAL',
      mixins: { kind: 'b2b', again: true },
      metadata: { version: 2 },
    });
    expect((await stored('seg1', 'c2')).map((row) => row.legal_entity_id)).toEqual(['', 'le1']);

    expect((await manage.DELETE(B2B_PATH, b2b('seg1', 'c2', 'le1'))).response.status).toBe(204);
    expect((await read.GET(B2B_PATH, b2b('seg1', 'c2', 'le1'))).response.status).toBe(404);
    expect((await read.GET(B2C_PATH, b2c('seg1', 'c2'))).response.status).toBe(200);
    expect((await stored('seg1', 'c2')).map((row) => row.legal_entity_id)).toEqual(['']);

    expect((await manage.DELETE(B2C_PATH, b2c('seg1', 'c2'))).response.status).toBe(204);
    expect(await stored('seg1', 'c2')).toEqual([]);
  });

  it('answers 404 for writes into a missing segment and reads of absent assignments, 204 for deletes of absent ones', async () => {
    for (const call of [
      manage.PUT(B2C_PATH, { ...b2c('nosuchsegment', 'c3'), body: { mixins: { a: 1 } } }),
      manage.PUT(B2B_PATH, { ...b2b('nosuchsegment', 'c3', 'le1'), body: {} }),
      manage.PUT(B2C_PATH, { ...b2c('s'.repeat(80), 'c3'), body: {} }),
    ]) {
      const { response, error } = await call;
      expect(response.status).toBe(404);
      expect(error).toEqual({
        code: 404,
        status: 'Not Found',
        message: expect.stringContaining('not found'),
        resourceId: expect.stringMatching(/^(nosuchsegment|s+)$/),
      });
    }
    expect(await f.sql("SELECT 1 FROM customer_assignment WHERE customer_id = 'c3'")).toEqual([]);
    expect(await events('c3')).toEqual([]);

    for (const call of [
      read.GET(B2C_PATH, b2c('seg1', 'nobody')),
      read.GET(B2B_PATH, b2b('seg1', 'c1', 'le1')),
      read.GET(B2C_PATH, b2c('nosuchsegment', 'c1')),
    ]) {
      const { response, error } = await call;
      expect(response.status).toBe(404);
      expect(error).toMatchObject({ code: 404, status: 'Not Found', message: expect.stringContaining('segment') });
    }
    expect((await manage.DELETE(B2C_PATH, b2c('seg1', 'nobody'))).response.status).toBe(204);
    expect((await manage.DELETE(B2B_PATH, b2b('nosuchsegment', 'nobody', 'le1'))).response.status).toBe(204);
    expect(await events('nobody')).toEqual([]);
  });

  it('rejects invalid bodies and ids with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ mixins: 'nope' }, 'mixins'],
      [{ metadata: { version: 'one' } }, 'metadata.version'],
      [{ metadata: { version: 0 } }, 'metadata.version'],
      [{ metadata: { mixins: ['x'] } }, 'metadata.mixins'],
    ];
    for (const [body, field] of cases) {
      const { response, error } = await manage.PUT(B2C_PATH, { ...b2c('seg1', 'c4'), body: body as never });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({
        code: 400,
        status: 'Bad Request',
        details: expect.objectContaining({ field }),
      });
    }
    const token = await e2e.server.token([Scopes.segmentManage]);
    for (const raw of ['[]', '[{}]', '"text"', '42']) {
      const response = await fetch(`${e2e.server.baseUrl}/customer-segment/${tenant}/segments/seg1/customers/c4`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: raw,
      });
      expect({ raw, status: response.status }).toEqual({ raw, status: 400 });
      expect(await response.json()).toMatchObject({ code: 400, status: 'Bad Request' });
    }
    const longId = await manage.PUT(B2B_PATH, { ...b2b('seg1', 'c4', 'l'.repeat(129)), body: {} });
    expect(longId.response.status).toBe(400);
    expect(longId.error).toMatchObject({ details: { field: 'legalEntityId' } });
    expect(await stored('seg1', 'c4')).toEqual([]);
  });

  it('projects GET by id with fields', async () => {
    const { data } = await read.GET(B2C_PATH, {
      params: {
        path: { tenant, segmentId: 'seg1', customerId: 'c1' },
        query: { fields: 'customer.id,metadata.version' },
      },
    });
    expect(data).toEqual({ customer: { id: 'c1' }, metadata: { version: 3 } });
  });

  it('records created, updated and deleted events in the outbox, and none for failed writes', async () => {
    await manage.PUT(B2B_PATH, {
      ...b2b('seg1', 'c5', 'le5'),
      body: { mixins: { a: 1 }, metadata: { mixins: { a: 'https://s/a.json' } } },
    });
    await manage.PUT(B2B_PATH, { ...b2b('seg1', 'c5', 'le5'), body: { mixins: { a: 2 } } });
    await manage.PUT(B2B_PATH, { ...b2b('seg1', 'c5', 'le5'), body: { metadata: { version: 1 } } }); // 409
    await manage.DELETE(B2B_PATH, b2b('seg1', 'c5', 'le5'));
    await manage.DELETE(B2B_PATH, b2b('seg1', 'c5', 'le5')); // absent: no event
    await manage.PUT(B2C_PATH, b2c('seg1', 'c5'));
    await manage.DELETE(B2C_PATH, b2c('seg1', 'c5'));

    const metadata = (version: number, mixins: object) => ({
      version,
      mixins,
      createdAt: expect.stringMatching(ISO),
      modifiedAt: expect.stringMatching(ISO),
    });
    expect(await events('c5')).toEqual([
      {
        type: 'customer-segment.customer-assignment-created',
        payload: {
          segmentId: 'seg1',
          tenant,
          customer: { id: 'c5' },
          legalEntity: { id: 'le5' },
          assignmentType: 'MANUAL',
          mixins: { a: 1 },
          metadata: metadata(1, { a: 'https://s/a.json' }),
          reason: 'manual',
        },
      },
      {
        type: 'customer-segment.customer-assignment-updated',
        payload: {
          segmentId: 'seg1',
          tenant,
          customer: { id: 'c5' },
          legalEntity: { id: 'le5' },
          assignmentType: 'MANUAL',
          mixins: { a: 2 },
          metadata: metadata(2, {}),
          reason: 'manual',
        },
      },
      {
        type: 'customer-segment.customer-assignment-deleted',
        payload: {
          segmentId: 'seg1',
          customerId: 'c5',
          legalEntityId: 'le5',
          assignmentType: 'MANUAL',
          tenant,
          reason: 'manual',
        },
      },
      {
        type: 'customer-segment.customer-assignment-created',
        payload: {
          segmentId: 'seg1',
          tenant,
          customer: { id: 'c5' },
          assignmentType: 'MANUAL',
          mixins: {},
          metadata: metadata(1, {}),
          reason: 'manual',
        },
      },
      {
        type: 'customer-segment.customer-assignment-deleted',
        payload: { segmentId: 'seg1', customerId: 'c5', assignmentType: 'MANUAL', tenant, reason: 'manual' },
      },
    ]);
  });

  it('bulk PUT answers 207 per item: created, updated, invalid, version conflict, and a repeated item updates the earlier one', async () => {
    await manage.PUT(B2C_PATH, b2c('seg2', 'b3'));
    const body = [
      { customerId: 'b1', mixins: { n: 1 } },
      { customerId: 'b1', legalEntityId: 'le9', metadata: { mixins: { n: 'https://s/n.json' } } },
      { legalEntityId: 'le9' },
      'not an object',
      { customerId: 'b1', mixins: { n: 2 } },
      { customerId: 'b3', metadata: { version: 7 } },
      { customerId: 'b3', mixins: 'nope' },
    ];
    const { response, data } = await manage.PUT(BULK_PATH, { params: { path: bulk('seg2') }, body: body as never });
    expect(response.status).toBe(207);
    expect(data).toEqual([
      { index: 0, code: 201, status: 'Created' },
      { index: 1, code: 201, status: 'Created' },
      {
        index: 2,
        code: 400,
        status: 'Bad Request',
        message: expect.stringContaining('customerId'),
        details: expect.objectContaining({ field: 'customerId' }),
      },
      { index: 3, code: 400, status: 'Bad Request', message: expect.stringContaining('JSON object') },
      { index: 4, code: 204, status: 'No Content' },
      { index: 5, code: 409, status: 'Conflict', message: expect.stringMatching(/version/), id: 'b3' },
      {
        index: 6,
        code: 400,
        status: 'Bad Request',
        message: expect.any(String),
        details: expect.objectContaining({ field: 'mixins' }),
      },
    ]);
    expect(await stored('seg2', 'b1')).toEqual([
      { legal_entity_id: '', assignment_type: 'MANUAL', mixins: { n: 2 }, metadata_mixins: {}, version: 2 },
      {
        legal_entity_id: 'le9',
        assignment_type: 'MANUAL',
        mixins: {},
        metadata_mixins: { n: 'https://s/n.json' },
        version: 1,
      },
    ]);
    expect(await stored('seg2', 'b3')).toMatchObject([{ version: 1 }]);
    const metadata = (version: number, mixins: object) => ({
      version,
      mixins,
      createdAt: expect.stringMatching(ISO),
      modifiedAt: expect.stringMatching(ISO),
    });
    expect(await events('b1')).toEqual([
      {
        type: 'customer-segment.customer-assignment-created',
        payload: {
          segmentId: 'seg2',
          tenant,
          customer: { id: 'b1' },
          assignmentType: 'MANUAL',
          mixins: { n: 1 },
          metadata: metadata(1, {}),
          reason: 'manual',
        },
      },
      {
        type: 'customer-segment.customer-assignment-created',
        payload: {
          segmentId: 'seg2',
          tenant,
          customer: { id: 'b1' },
          legalEntity: { id: 'le9' },
          assignmentType: 'MANUAL',
          mixins: {},
          metadata: metadata(1, { n: 'https://s/n.json' }),
          reason: 'manual',
        },
      },
      {
        type: 'customer-segment.customer-assignment-updated',
        payload: {
          segmentId: 'seg2',
          tenant,
          customer: { id: 'b1' },
          assignmentType: 'MANUAL',
          mixins: { n: 2 },
          metadata: metadata(2, {}),
          reason: 'manual',
        },
      },
    ]);
  });

  it('bulk PUT into a missing segment answers 404 for every item and stores nothing', async () => {
    const { response, data } = await manage.PUT(BULK_PATH, {
      params: { path: bulk('nosuchsegment') },
      body: [{ customerId: 'm1' }, { customerId: 'm2', legalEntityId: 'le1' }],
    });
    expect(response.status).toBe(207);
    expect(data).toEqual(
      [0, 1].map((index) => ({
        index,
        code: 404,
        status: 'Not Found',
        message: expect.stringContaining('nosuchsegment'),
        id: 'nosuchsegment',
      })),
    );
    expect(await f.sql("SELECT 1 FROM customer_assignment WHERE customer_id IN ('m1', 'm2')")).toEqual([]);
  });

  it('bulk requests that are not an array of 1 to 200 items are a 400 and apply nothing', async () => {
    const tooMany = Array.from({ length: 201 }, (_, i) => ({ customerId: `many${i}` }));
    const put = await manage.PUT(BULK_PATH, { params: { path: bulk('seg3') }, body: tooMany });
    expect(put.response.status).toBe(400);
    expect(put.error).toMatchObject({ code: 400, message: expect.stringContaining('200') });
    expect(await f.sql("SELECT 1 FROM customer_assignment WHERE segment_id = 'seg3'")).toEqual([]);

    await manage.PUT(B2C_PATH, b2c('seg3', 'many0'));
    const del = await manage.DELETE(BULK_PATH, { params: { path: bulk('seg3') }, body: tooMany });
    expect(del.response.status).toBe(400);
    expect(await stored('seg3', 'many0')).toHaveLength(1);

    for (const body of [[], { customerId: 'x' }]) {
      expect(
        (await manage.PUT(BULK_PATH, { params: { path: bulk('seg3') }, body: body as never })).response.status,
      ).toBe(400);
      expect(
        (await manage.DELETE(BULK_PATH, { params: { path: bulk('seg3') }, body: body as never })).response.status,
      ).toBe(400);
    }
  });

  it('bulk DELETE answers 204 per item, also for absent and repeated items, and 400 for invalid ones', async () => {
    const { response, data } = await manage.DELETE(BULK_PATH, {
      params: { path: bulk('seg2') },
      body: [
        { customerId: 'b1' },
        { customerId: 'b1', legalEntityId: 'le9' },
        { customerId: 'ghost' },
        { legalEntityId: 'le9' },
        { customerId: 'b1' },
      ] as never,
    });
    expect(response.status).toBe(207);
    expect(data).toEqual([
      { index: 0, code: 204, status: 'No Content' },
      { index: 1, code: 204, status: 'No Content' },
      { index: 2, code: 204, status: 'No Content' },
      {
        index: 3,
        code: 400,
        status: 'Bad Request',
        message: expect.stringContaining('customerId'),
        details: expect.objectContaining({ field: 'customerId' }),
      },
      { index: 4, code: 204, status: 'No Content' },
    ]);
    expect(
      await f.sql<{ customer_id: string }>("SELECT customer_id FROM customer_assignment WHERE segment_id = 'seg2'"),
    ).toEqual([{ customer_id: 'b3' }]);
    expect(
      (await events('b1')).filter((event) => event.type.endsWith('deleted')).map((event) => event.payload),
    ).toEqual([
      { segmentId: 'seg2', customerId: 'b1', assignmentType: 'MANUAL', tenant, reason: 'manual' },
      { segmentId: 'seg2', customerId: 'b1', legalEntityId: 'le9', assignmentType: 'MANUAL', tenant, reason: 'manual' },
    ]);

    const missing = await manage.DELETE(BULK_PATH, {
      params: { path: bulk('nosuchsegment') },
      body: [{ customerId: 'b3' }],
    });
    expect(missing.data).toEqual([{ index: 0, code: 204, status: 'No Content' }]);
  });

  it('answers 401 without a token and 403 without the scope, for another tenant or for a customer token on a manager route', async () => {
    const anonymous = await e2e.anonymous.PUT(B2C_PATH, { ...b2c('seg1', 'c6'), body: {} });
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error).toEqual({
      fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } },
    });

    const readOnly = await read.PUT(B2C_PATH, { ...b2c('seg1', 'c6'), body: {} });
    expect(readOnly.response.status).toBe(403);
    expect(readOnly.error).toMatchObject({
      code: 403,
      status: 'Forbidden',
      message: expect.stringContaining(Scopes.segmentManage),
    });

    const otherTenant = await (
      await e2e.client([Scopes.segmentManage], { tenant: 'othertenant' })
    ).PUT(B2C_PATH, { ...b2c('seg1', 'c6'), body: {} });
    expect(otherTenant.response.status).toBe(403);

    const customer = await e2e.client([Scopes.segmentReadOwn], { customerId: 'c1' });
    expect((await customer.GET(B2C_PATH, b2c('seg1', 'c1'))).response.status).toBe(403);
    expect(
      (
        await customer.POST('/customer-segment/{tenant}/segments/{segmentId}/customers/search', {
          params: { path: bulk('seg1') },
          body: {},
        })
      ).response.status,
    ).toBe(403);
    expect(await stored('seg1', 'c6')).toEqual([]);
  });

  describe('lists and search', () => {
    const DEFAULT_ORDER = ['u01', 'u01/leA', 'u02', 'u03', 'u04/leB', 'u05'];
    const list = (
      query: Record<string, string | number> = {},
      headers: Record<string, boolean> = {},
      client = read,
      segmentId = 'list1',
    ) => client.GET(LIST_PATH, { params: { path: { tenant, segmentId }, query, header: headers } });
    const keys = async (query: Record<string, string | number> = {}, client = read, segmentId = 'list1') => {
      const { response, data, error } = await list(query, {}, client, segmentId);
      expect({ status: response.status, error }).toEqual({ status: 200, error: undefined });
      return data?.map(keyOf);
    };

    beforeAll(async () => {
      await f.segment('list1');
      const { data } = await manage.PUT(BULK_PATH, {
        params: { path: bulk('list1') },
        body: [
          { customerId: 'u03', mixins: { tier: 'bronze' } },
          { customerId: 'u01', mixins: { tier: 'gold' }, metadata: { mixins: { tier: 'https://s/tier.json' } } },
          { customerId: 'u02' },
          { customerId: 'u01', legalEntityId: 'leA', mixins: { tier: 'gold' } },
          { customerId: 'u04', legalEntityId: 'leB' },
          { customerId: 'u02', mixins: { tier: 'silver' } },
        ],
      });
      expect(data?.map((result) => result.code)).toEqual([201, 201, 201, 201, 201, 204]);
      await f.sql(
        "INSERT INTO customer_assignment (tenant, segment_id, customer_id, assignment_type, version) VALUES ($1, 'list1', 'u05', 'AUTOMATIC', 1)",
        [tenant],
      );
      await f.sql(
        "UPDATE customer_assignment SET created_at = '2020-01-01T00:00:00Z', modified_at = '2020-01-02T00:00:00Z' WHERE customer_id = 'u03'",
      );
      await f.sql(
        `INSERT INTO customer (tenant, id, first_name, last_name, email, version) VALUES ($1, 'u01', 'Ann', 'Lee', 'ann@example.com', 1), ($1, 'u04', 'Bob', NULL, NULL, 1)`,
        [tenant],
      );
      await f.sql(`INSERT INTO legal_entity (tenant, id, name, version) VALUES ($1, 'leA', 'ACME', 1)`, [tenant]);
    });

    it('lists B2C and B2B assignments in primary-key order, enriched with the customer and legal entity data the service holds', async () => {
      const { response, data } = await list();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-total-count')).toBeNull();
      expect(data?.map(keyOf)).toEqual(DEFAULT_ORDER);
      const [u01, u01leA, u02, u03, u04leB, u05] = data ?? [];
      expect(u01).toEqual({
        customer: { id: 'u01', firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' },
        assignmentType: 'MANUAL',
        mixins: { tier: 'gold' },
        metadata: {
          createdAt: expect.stringMatching(ISO),
          modifiedAt: expect.stringMatching(ISO),
          version: 1,
          mixins: { tier: 'https://s/tier.json' },
        },
      });
      expect(u01leA).toMatchObject({
        customer: { id: 'u01', firstName: 'Ann' },
        legalEntity: { id: 'leA', name: 'ACME' },
      });
      expect(u02).toMatchObject({ mixins: { tier: 'silver' }, metadata: { version: 2 } });
      expect(u02.customer).toEqual({ id: 'u02' });
      expect(u03.metadata).toEqual({
        createdAt: '2020-01-01T00:00:00.000Z',
        modifiedAt: '2020-01-02T00:00:00.000Z',
        version: 1,
        mixins: {},
      });
      expect(u04leB.customer).toEqual({ id: 'u04', firstName: 'Bob' });
      expect(u04leB.legalEntity).toEqual({ id: 'leB' });
      expect(u05).toMatchObject({ customer: { id: 'u05' }, assignmentType: 'AUTOMATIC', mixins: {} });

      expect((await read.GET(B2B_PATH, b2b('list1', 'u01', 'leA'))).data).toEqual(u01leA);
      expect((await read.GET(B2C_PATH, b2c('list1', 'u01'))).data).toEqual(u01);
      expect((await list({}, {}, read, 'nosuchsegment')).data).toEqual([]);
    });

    it('pages, sorts, projects and counts', async () => {
      expect(await keys({ pageSize: 2, pageNumber: 2 })).toEqual(['u02', 'u03']);
      expect(await keys({ pageSize: 4, pageNumber: 2 })).toEqual(['u04/leB', 'u05']);
      expect(await keys({ pageSize: 4, pageNumber: 3 })).toEqual([]);
      expect(await keys({ sort: 'customer.id:desc' })).toEqual(['u05', 'u04/leB', 'u03', 'u02', 'u01', 'u01/leA']);
      expect(await keys({ sort: 'customer.firstName' })).toEqual(['u01', 'u01/leA', 'u04/leB', 'u02', 'u03', 'u05']);
      expect(await keys({ sort: 'legalEntity.name:desc,metadata.createdAt' })).toEqual([
        'u03',
        'u01',
        'u02',
        'u04/leB',
        'u05',
        'u01/leA',
      ]);
      expect(await keys({ sort: 'mixins.tier,customer.id:desc' })).toEqual([
        'u03',
        'u01',
        'u01/leA',
        'u02',
        'u05',
        'u04/leB',
      ]);

      const counted = await list({ pageSize: 2, q: 'mixins.tier:exists' }, { 'X-Total-Count': true });
      expect(counted.response.headers.get('x-total-count')).toBe('4');
      expect(counted.data?.map(keyOf)).toEqual(['u01', 'u01/leA']);

      const projected = await list({ fields: 'customer.id,legalEntity.name', pageSize: 2 });
      expect(projected.data).toEqual([
        { customer: { id: 'u01' } },
        { customer: { id: 'u01' }, legalEntity: { name: 'ACME' } },
      ]);

      for (const query of [{ sort: 'nosuch' }, { pageSize: 0 }, { pageNumber: 'x' }, { sort: 'mixins' }] as Array<
        Record<string, string | number>
      >) {
        const { response, error } = await list(query);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(error).toMatchObject({ code: 400, status: 'Bad Request' });
      }
    });

    it('filters with q on every field, in the GET list and the search POST alike', async () => {
      const cases: Array<[string, string[]]> = [
        ['customer.id:u02', ['u02']],
        ['customer.id:(u02,u03)', ['u02', 'u03']],
        ['customer.firstName:Ann', ['u01', 'u01/leA']],
        ['customer.firstName:null', ['u02', 'u03', 'u05']],
        ['customer.lastName:~Le', ['u01', 'u01/leA']],
        ['customer.email:"ann@example.com"', ['u01', 'u01/leA']],
        ['legalEntity.id:leA', ['u01/leA']],
        ['legalEntity.id:null', ['u01', 'u02', 'u03', 'u05']],
        ['legalEntity.id:exists', ['u01/leA', 'u04/leB']],
        ['legalEntity.name:ACME', ['u01/leA']],
        ['legalEntity.name:missing customer.id:u04', ['u04/leB']],
        ['assignmentType:AUTOMATIC', ['u05']],
        ['assignmentType:MANUAL customer.id:u01', ['u01', 'u01/leA']],
        ['mixins.tier:gold', ['u01', 'u01/leA']],
        ['mixins.tier:(bronze,silver)', ['u02', 'u03']],
        ['metadata.mixins.tier:"https://s/tier.json"', ['u01']],
        ['metadata.version:>1', ['u02']],
        ['metadata.createdAt:<"2021-01-01T00:00:00Z"', ['u03']],
        ['metadata.modifiedAt:(>="2020-01-02T00:00:00Z" AND <"2020-01-03T00:00:00Z")', ['u03']],
        ['metadata.modifiedAt:>"2021-01-01T00:00:00Z"', ['u01', 'u01/leA', 'u02', 'u04/leB', 'u05']],
      ];
      for (const [q, expected] of cases) {
        expect({ q, keys: await keys({ q }) }).toEqual({ q, keys: expected });
        const searched = await read.POST(SEARCH_PATH, {
          params: { path: bulk('list1'), header: { 'X-Total-Count': true } },
          body: { q },
        });
        expect({ q, status: searched.response.status, keys: searched.data?.map(keyOf) }).toEqual({
          q,
          status: 200,
          keys: expected,
        });
        expect(searched.response.headers.get('x-total-count')).toBe(String(expected.length));
      }
      const everything = await read.POST(SEARCH_PATH, {
        params: { path: bulk('list1'), query: { pageSize: 3, sort: 'customer.id:desc' } },
        body: {},
      });
      expect(everything.data?.map(keyOf)).toEqual(['u05', 'u04/leB', 'u03']);

      for (const q of ['nosuch:1', 'assignmentType:FOO', 'customer.id:(', 'customer:u01']) {
        const viaGet = await list({ q });
        expect({ q, status: viaGet.response.status }).toEqual({ q, status: 400 });
        expect(viaGet.error).toMatchObject({ code: 400, status: 'Bad Request', message: expect.any(String) });
        const viaPost = await read.POST(SEARCH_PATH, { params: { path: bulk('list1') }, body: { q } });
        expect({ q, status: viaPost.response.status }).toEqual({ q, status: 400 });
      }
      expect(
        (await read.POST(SEARCH_PATH, { params: { path: bulk('list1') }, body: { q: 42 } as never })).response.status,
      ).toBe(400);
    });

    it('refuses a costly ~ pattern with a 400 naming the field and the position, in the GET list and the search POST alike', async () => {
      const q = `customer.id:~${'.*'.repeat(99)}z`;
      const expected = {
        code: 400,
        status: 'Bad Request',
        message: expect.stringMatching(
          /^Invalid pattern: too costly: more than 10 variable-length repetitions .* at position 34$/,
        ),
        details: expect.objectContaining({ field: 'customer.id' }),
      };
      const viaGet = await list({ q });
      expect(viaGet.response.status).toBe(400);
      expect(viaGet.error).toEqual(expected);
      const viaPost = await read.POST(SEARCH_PATH, { params: { path: bulk('list1') }, body: { q } });
      expect(viaPost.response.status).toBe(400);
      expect(viaPost.error).toEqual(expected);
      expect((await list({ q: 'customer.id:~"(u0)+1"' })).response.status).toBe(200);
      expect((await list({ q: 'customer.id:~"(u0+)+"' })).error).toMatchObject({
        code: 400,
        message: expect.stringContaining('nested repetition'),
      });
    });

    it('shows a customer token only its own assignments, and only of ACTIVE, currently valid segments', async () => {
      const day = 24 * 3600 * 1000;
      const past = new Date(Date.now() - day).toISOString();
      const future = new Date(Date.now() + day).toISOString();
      await f.segment('ownactive');
      await f.segment('ownwindow', { validity: { from: past, to: future } });
      await f.segment('owninactive', { status: 'INACTIVE' });
      await f.segment('ownexpired', { validity: { to: past } });
      await f.segment('ownfuture', { validity: { from: future } });
      for (const segmentId of ['ownactive', 'ownwindow', 'owninactive', 'ownexpired', 'ownfuture']) {
        expect((await manage.PUT(B2C_PATH, b2c(segmentId, 'cown'))).response.status).toBe(201);
      }
      await manage.PUT(BULK_PATH, {
        params: { path: bulk('ownactive') },
        body: [
          { customerId: 'cown', legalEntityId: 'leX' },
          { customerId: 'cown', legalEntityId: 'leY' },
          { customerId: 'other' },
        ],
      });
      const own = await e2e.client([Scopes.segmentReadOwn], { customerId: 'cown' });

      const active = await list({}, { 'X-Total-Count': true }, own, 'ownactive');
      expect(active.response.status).toBe(200);
      expect(active.data?.map(keyOf)).toEqual(['cown', 'cown/leX', 'cown/leY']);
      expect(active.response.headers.get('x-total-count')).toBe('3');
      expect(await keys({ q: 'customer.id:other' }, own, 'ownactive')).toEqual([]);
      expect(await keys({ q: 'legalEntity.id:leY' }, own, 'ownactive')).toEqual(['cown/leY']);
      expect(await keys({}, own, 'ownwindow')).toEqual(['cown']);
      for (const segmentId of ['owninactive', 'ownexpired', 'ownfuture', 'list1', 'nosuchsegment']) {
        expect({ segmentId, keys: await keys({}, own, segmentId) }).toEqual({ segmentId, keys: [] });
      }

      const forLegalEntity = await e2e.client([Scopes.segmentReadOwn], { customerId: 'cown', legalEntityIds: ['leX'] });
      expect(await keys({}, forLegalEntity, 'ownactive')).toEqual(['cown', 'cown/leX']);
      const stranger = await e2e.client([Scopes.segmentReadOwn], { customerId: 'stranger' });
      expect(await keys({}, stranger, 'ownactive')).toEqual([]);
      const noCustomer = await e2e.client([Scopes.segmentReadOwn]);
      expect(await keys({}, noCustomer, 'ownactive')).toEqual([]);
      expect(await keys({}, read, 'ownactive')).toEqual(['cown', 'cown/leX', 'cown/leY', 'other']);
    });

    it('serves the default page from the primary-key index without sorting, and one assignment by primary key', async () => {
      await f.segment('big');
      await f.sql(
        `INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, assignment_type, version)
         SELECT $1, s.id, 'cust' || lpad(i::text, 5, '0'), CASE WHEN i % 3 = 0 THEN 'le' || i ELSE '' END, 'MANUAL', 1
         FROM generate_series(1, 5000) i CROSS JOIN (VALUES ('big'), ('seg2'), ('seg3')) AS s(id)`,
        [tenant],
      );
      await f.sql(
        `INSERT INTO customer (tenant, id, first_name, version) SELECT $1, 'cust' || lpad(i::text, 5, '0'), 'N' || i, 1 FROM generate_series(1, 3000) i`,
        [tenant],
      );
      await f.sql(
        `INSERT INTO legal_entity (tenant, id, name, version) SELECT $1, 'le' || i, 'L' || i, 1 FROM generate_series(3, 3000, 3) i`,
        [tenant],
      );
      await f.sql('ANALYZE customer_assignment, customer, legal_entity');

      // The logger sees every statement the service sends, with its parameters.
      const spy = jest.spyOn(e2e.server.db.logger, 'logQuery');
      let page, single, calls;
      try {
        page = await list({ pageNumber: 3 }, {}, read, 'big');
        single = await read.GET(B2B_PATH, b2b('big', 'cust00033', 'le33'));
        calls = [...spy.mock.calls];
      } finally {
        spy.mockRestore();
      }
      const expectedKeys = Array.from({ length: 16 }, (_, n) => 33 + n).map(
        (i) => `cust${String(i).padStart(5, '0')}${i % 3 === 0 ? `/le${i}` : ''}`,
      );
      expect(page.data?.map(keyOf)).toEqual(expectedKeys);
      expect(single.data).toMatchObject({
        customer: { id: 'cust00033', firstName: 'N33' },
        legalEntity: { id: 'le33', name: 'L33' },
      });

      const selects = calls.filter(([text]) => String(text).includes('FROM customer_assignment a'));
      expect(selects).toHaveLength(2);
      const explain = async ([text, params]: unknown[]) =>
        (await f.sql<{ 'QUERY PLAN': string }>(`EXPLAIN ${String(text)}`, params as unknown[]))
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      const listPlan = await explain(selects[0]);
      expect(listPlan).toMatch(/Index Scan using "?PK_db12bad24774e60d1085703b080"? on customer_assignment/);
      expect(listPlan).not.toMatch(/Sort/);
      expect(await explain(selects[1])).toMatch(
        /Index Scan using "?PK_db12bad24774e60d1085703b080"? on customer_assignment/,
      );
    });
  });

  it('serves deep pages (offset >= 1,000) with the same rows and enrichment, also sorted by metadata.createdAt and with a q on joined fields', async () => {
    await f.segment('deep');
    // d0000..d1029, created one second apart in reverse id order; two of them with customer data.
    await f.sql(
      `INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, assignment_type, mixins, metadata_mixins, version, created_at, modified_at)
       SELECT $1, 'deep', 'd' || lpad(n::text, 4, '0'), '', 'MANUAL', '{}', '{}', 1, timestamptz '2026-01-01' - n * interval '1 second', now() FROM generate_series(0, 1029) AS n`,
      [tenant],
    );
    await f.sql(
      "INSERT INTO customer (tenant, id, first_name, mixins, metadata_mixins, version, created_at, modified_at) SELECT $1, id, 'Deep', '{}', '{}', 1, now(), now() FROM unnest(ARRAY['d1021', 'd0005']) AS id",
      [tenant],
    );
    const page = async (query: Record<string, unknown>) => {
      const { response, data } = await read.GET(LIST_PATH, {
        params: { path: { tenant, segmentId: 'deep' }, query: { pageSize: 10, pageNumber: 103, ...query } as never },
      });
      expect(response.status).toBe(200);
      return data ?? [];
    };
    const ids = (from: number, to: number) =>
      Array.from(
        { length: Math.abs(to - from) + 1 },
        (_, i) => `d${String(from < to ? from + i : from - i).padStart(4, '0')}`,
      );

    const { result: byKey, statements } = await withStatements(e2e, () => page({}));
    // The page's keys are found without the enriching joins, which then run for those rows only.
    expect(statements.filter((text) => text.includes('JOIN (SELECT'))).toHaveLength(1);
    expect(byKey.map((item) => item.customer.id)).toEqual(ids(1020, 1029));
    expect(byKey[1]).toEqual({
      customer: { id: 'd1021', firstName: 'Deep' },
      assignmentType: 'MANUAL',
      mixins: {},
      metadata: expect.objectContaining({ version: 1 }),
    });
    const byCreatedAt = await page({ sort: 'metadata.createdAt', q: 'metadata.createdAt:<"2026-01-01T00:00:00Z"' });
    expect(byCreatedAt.map((item) => item.customer.id)).toEqual(ids(9, 1));
    expect(byCreatedAt.find((item) => item.customer.id === 'd0005')?.customer).toEqual({
      id: 'd0005',
      firstName: 'Deep',
    });
    // q and sort on joined fields keep the plain query.
    expect((await page({ sort: 'customer.firstName:desc,customer.id' })).map((item) => item.customer.id)).toEqual([
      ...ids(1022, 1029),
      'd0005',
      'd1021',
    ]);
    expect((await page({ q: 'customer.firstName:null' })).map((item) => item.customer.id)).toEqual(ids(1022, 1029));
  });

  it('writes in few round trips: a PUT in 2 statements (the AUTOMATIC check, then the write), a bulk of 200 in 4', async () => {
    const spy = jest.spyOn(e2e.server.db.logger, 'logQuery');
    const statements = async (call: () => Promise<{ response: Response }>, status: number) => {
      spy.mockClear();
      expect((await call()).response.status).toBe(status);
      return spy.mock.calls.map(([text]) => String(text).split(/\s/)[0]);
    };
    try {
      expect(await statements(() => manage.PUT(B2C_PATH, { ...b2c('seg1', 'rt1'), body: {} }), 201)).toEqual([
        'BEGIN;',
        'SELECT',
        'WITH',
        'COMMIT',
      ]);
      const changed = { mixins: { round: 2 } };
      expect(
        await statements(
          () => manage.PUT(B2C_PATH, { ...b2c('seg1', 'rt1'), body: { ...changed, metadata: { version: 1 } } }),
          204,
        ),
      ).toEqual(['BEGIN;', 'SELECT', 'WITH', 'COMMIT']);
      // Unchanged: without a version one statement; with one, a read tells "unchanged" from a conflict.
      expect(await statements(() => manage.PUT(B2C_PATH, { ...b2c('seg1', 'rt1'), body: changed }), 204)).toEqual([
        'BEGIN;',
        'SELECT',
        'WITH',
        'COMMIT',
      ]);
      expect(
        await statements(
          () => manage.PUT(B2C_PATH, { ...b2c('seg1', 'rt1'), body: { ...changed, metadata: { version: 2 } } }),
          204,
        ),
      ).toEqual(['BEGIN;', 'SELECT', 'WITH', 'SELECT', 'COMMIT']);
      expect(
        await statements(
          () => manage.PUT(B2C_PATH, { ...b2c('seg1', 'rt1'), body: { metadata: { version: 1 } } }),
          409,
        ),
      ).toEqual(['BEGIN;', 'SELECT', 'WITH', 'SELECT', 'ROLLBACK']);
      expect(await statements(() => manage.PUT(B2C_PATH, { ...b2c('nosuchsegment', 'rt1'), body: {} }), 404)).toEqual([
        'BEGIN;',
        'SELECT',
        'WITH',
        'ROLLBACK',
      ]);

      const body = Array.from({ length: 200 }, (_, i) => ({
        customerId: `rt${i}`,
        ...(i % 10 === 0 && { metadata: { version: 5 } }),
      }));
      spy.mockClear();
      const { data } = await manage.PUT(BULK_PATH, { params: { path: bulk('seg1') }, body });
      expect(spy.mock.calls.map(([text]) => String(text).split(/\s/)[0])).toEqual([
        'BEGIN;',
        'SELECT',
        'SELECT',
        'WITH',
        'COMMIT',
      ]);
      // New rows are created whatever version they expect (as with a single PUT); rt1 exists already.
      expect(data?.filter((item) => item.code === 201)).toHaveLength(199);
      expect(data?.[1]).toEqual({ index: 1, code: 204, status: 'No Content' });
      expect(data?.[0]).toEqual({ index: 0, code: 201, status: 'Created' });
      // The same bulk again: 180 unchanged, 20 left alone despite a version, told from conflicts by one read.
      spy.mockClear();
      const again = await manage.PUT(BULK_PATH, { params: { path: bulk('seg1') }, body });
      expect(spy.mock.calls.map(([text]) => String(text).split(/\s/)[0])).toEqual([
        'BEGIN;',
        'SELECT',
        'SELECT',
        'WITH',
        'SELECT',
        'COMMIT',
      ]);
      expect(again.data?.filter((item) => item.code === 409).map((item) => item.id)).toEqual(
        body.filter((_, i) => i % 10 === 0).map((item) => item.customerId),
      );
      expect(again.data?.filter((item) => item.code === 204)).toHaveLength(180);
    } finally {
      spy.mockRestore();
    }
  });
});
