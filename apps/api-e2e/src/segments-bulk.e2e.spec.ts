import { ApiClient } from '@cs/client';
import { EventTypes, Scopes } from '@cs/contracts';
import { database, SEGMENTS_BULK, segmentBody, tenant } from './fixtures';
import { E2e, startE2e } from './support';

describe('segments bulk: create, upsert, delete (207, per-item results, 200-item limit)', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let db: ReturnType<typeof database>;

  beforeAll(async () => {
    e2e = await startE2e();
    manage = await e2e.client([Scopes.segmentManage]);
    db = database(e2e);
  });
  afterAll(() => e2e.server.close());

  type Header = { 'Content-Language'?: string };
  const createBulk = (body: unknown, header: Header = {}) =>
    manage.POST(SEGMENTS_BULK, { params: { path: { tenant }, header }, body: body as never });
  const upsertBulk = (body: unknown, header: Header = {}) =>
    manage.PUT(SEGMENTS_BULK, { params: { path: { tenant }, header }, body: body as never });
  const removeBulk = (body: unknown, forceDelete?: boolean) =>
    manage.DELETE(SEGMENTS_BULK, { params: { path: { tenant }, query: { forceDelete } }, body: body as never });

  it('POST creates the valid items (201 with id) and reports the others (400, 409) without affecting them', async () => {
    expect((await createBulk([segmentBody({ id: 'b-existing', name: { en: 'Original' } })])).response.status).toBe(207);

    const { data, response } = await createBulk([
      segmentBody({ name: { en: 'Generated' } }),
      segmentBody({ id: 'b-1', status: 'ACTIVE' }),
      { id: 'b-2', siteCode: 'main' },
      segmentBody({ id: 'b-existing', name: { en: 'Overwrite?' } }),
      segmentBody({ id: 'b-1' }),
      'not an object',
      segmentBody({ id: 'b-3', validity: { from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } }),
    ]);
    expect(response.status).toBe(207);
    const generated = String(data?.[0].id);
    expect(generated).toMatch(/^[0-9a-f]{24}$/);
    expect(data).toEqual([
      { index: 0, code: 201, status: 'Created', id: generated },
      { index: 1, code: 201, status: 'Created', id: 'b-1' },
      {
        index: 2,
        code: 400,
        status: 'Bad Request',
        message: expect.any(String),
        details: expect.objectContaining({ field: 'name' }),
      },
      { index: 3, code: 409, status: 'Conflict', message: expect.any(String), id: 'b-existing' },
      { index: 4, code: 409, status: 'Conflict', message: expect.any(String), id: 'b-1' },
      { index: 5, code: 400, status: 'Bad Request', message: expect.any(String) },
      {
        index: 6,
        code: 400,
        status: 'Bad Request',
        message: expect.any(String),
        details: expect.objectContaining({ field: 'validity.from' }),
      },
    ]);
    expect(await db.stored(generated)).toMatchObject({ name: { en: 'Generated' }, version: 1 });
    expect(await db.stored('b-1')).toMatchObject({ status: 'ACTIVE', version: 1 });
    expect(await db.stored('b-existing')).toMatchObject({ name: { en: 'Original' }, version: 1 });
    expect(await db.count(['b-2', 'b-3'])).toBe(0);
    expect((await db.events('b-1')).map((event) => event.type)).toEqual([EventTypes.segmentCreated]);
    expect(await db.events('b-existing')).toHaveLength(1);
  });

  it('POST applies Content-Language to every item', async () => {
    const { data } = await createBulk(
      [{ id: 'b-de', name: 'Deutsch', description: 'Beschreibung', siteCode: 'main' }],
      { 'Content-Language': 'de' },
    );
    expect(data).toEqual([{ index: 0, code: 201, status: 'Created', id: 'b-de' }]);
    expect(await db.stored('b-de')).toMatchObject({ name: { de: 'Deutsch' }, description: { de: 'Beschreibung' } });
  });

  it('PUT creates (201), updates (204) and reports conflicts (409) and invalid items (400) one by one', async () => {
    await createBulk([segmentBody({ id: 'u-old', status: 'ACTIVE' }), segmentBody({ id: 'u-old2' })]);
    const { data, response } = await upsertBulk([
      segmentBody({ id: 'u-new' }),
      { ...segmentBody({ name: { en: 'Updated' } }), id: 'u-old', metadata: { version: 1 } },
      { ...segmentBody({ name: { en: 'Stale' } }), id: 'u-old2', metadata: { version: 5 } },
      segmentBody(),
      segmentBody({ id: 'bad id' }),
      segmentBody({ id: 'items' }),
    ]);
    expect(response.status).toBe(207);
    expect(data).toEqual([
      { index: 0, code: 201, status: 'Created', id: 'u-new' },
      { index: 1, code: 204, status: 'No Content', id: 'u-old' },
      { index: 2, code: 409, status: 'Conflict', message: expect.any(String), id: 'u-old2' },
      {
        index: 3,
        code: 400,
        status: 'Bad Request',
        message: expect.any(String),
        details: expect.objectContaining({ field: 'id' }),
      },
      {
        index: 4,
        code: 400,
        status: 'Bad Request',
        message: expect.any(String),
        details: expect.objectContaining({ field: 'id' }),
      },
      {
        index: 5,
        code: 400,
        status: 'Bad Request',
        message: expect.any(String),
        details: expect.objectContaining({ field: 'id' }),
      },
    ]);
    expect(await db.stored('u-new')).toMatchObject({ version: 1 });
    expect(await db.stored('items')).toBeUndefined();
    expect(await db.stored('u-old')).toMatchObject({ name: { en: 'Updated' }, status: 'INACTIVE', version: 2 });
    expect(await db.stored('u-old2')).toMatchObject({ name: { en: 'Gold' }, version: 1 });
    expect(await db.stored('bad id')).toBeUndefined();
    const events = await db.events('u-old');
    expect(events.at(-1)).toMatchObject({
      type: EventTypes.segmentUpdated,
      payload: { id: 'u-old', previousStatus: 'ACTIVE' },
    });
    expect((await db.events('u-new')).map((event) => event.type)).toEqual([EventTypes.segmentCreated]);
  });

  it('DELETE removes by id (204, also absent ones), refuses assigned segments without forceDelete and rejects non-ids', async () => {
    await createBulk([segmentBody({ id: 'del-1' }), segmentBody({ id: 'del-assigned' })]);
    await db.assignCustomer('del-assigned', 'c1');
    await db.assignItem('del-assigned', 'p1');

    const { data, response } = await removeBulk(['del-1', 'absent', 'del-assigned', 42, '']);
    expect(response.status).toBe(207);
    expect(data).toEqual([
      { index: 0, code: 204, status: 'No Content', id: 'del-1' },
      { index: 1, code: 204, status: 'No Content', id: 'absent' },
      {
        index: 2,
        code: 400,
        status: 'Bad Request',
        message: expect.stringContaining('forceDelete'),
        id: 'del-assigned',
        details: expect.objectContaining({ field: 'forceDelete' }),
      },
      { index: 3, code: 400, status: 'Bad Request', message: expect.any(String) },
      { index: 4, code: 400, status: 'Bad Request', message: expect.any(String) },
    ]);
    expect(await db.stored('del-1')).toBeUndefined();
    expect(await db.assignments('del-assigned')).toEqual({ customers: 1, items: 1 });
    expect((await db.events('del-1')).at(-1)).toEqual({
      type: EventTypes.segmentDeleted,
      payload: { id: 'del-1', tenant },
    });

    expect((await removeBulk(['del-assigned'], true)).data).toEqual([
      { index: 0, code: 204, status: 'No Content', id: 'del-assigned' },
    ]);
    expect(await db.stored('del-assigned')).toBeUndefined();
    expect(await db.assignments('del-assigned')).toEqual({ customers: 0, items: 0 });
    expect(await db.assignmentEvents('del-assigned')).toEqual([
      {
        type: EventTypes.customerAssignmentDeleted,
        payload: { segmentId: 'del-assigned', customerId: 'c1', assignmentType: 'MANUAL', tenant, reason: 'manual' },
      },
      {
        type: EventTypes.itemAssignmentDeleted,
        payload: { segmentId: 'del-assigned', type: 'PRODUCT', itemId: 'p1', tenant },
      },
    ]);
  });

  it('takes 200 items, and answers 400 for 201 items, an empty array or a non-array, applying nothing', async () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
    const created = await createBulk(ids('max', 200).map((id) => segmentBody({ id })));
    expect(created.response.status).toBe(207);
    expect(created.data?.map((result) => result.code)).toEqual(Array(200).fill(201));
    expect(await db.count(ids('max', 200))).toBe(200);

    for (const call of [
      () => createBulk(ids('over', 201).map((id) => segmentBody({ id }))),
      () => upsertBulk(ids('over', 201).map((id) => segmentBody({ id }))),
      () => removeBulk(ids('max', 201), true),
    ]) {
      const { error, response } = await call();
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ code: 400, message: expect.stringContaining('200') });
    }
    expect(await db.count(ids('over', 201))).toBe(0);
    expect(await db.count(ids('max', 200))).toBe(200);

    for (const body of [[], { id: 'x' }]) {
      expect((await createBulk(body)).response.status).toBe(400);
      expect((await upsertBulk(body)).response.status).toBe(400);
      expect((await removeBulk(body)).response.status).toBe(400);
    }
  });

  it('answers 403 to a token without segment_manage', async () => {
    const reader = await e2e.client([Scopes.segmentRead]);
    expect(
      (await reader.POST(SEGMENTS_BULK, { params: { path: { tenant } }, body: [segmentBody({ id: 'ro' })] })).response
        .status,
    ).toBe(403);
    expect((await reader.DELETE(SEGMENTS_BULK, { params: { path: { tenant } }, body: ['b-1'] })).response.status).toBe(
      403,
    );
    expect(await db.stored('ro')).toBeUndefined();
    expect(await db.stored('b-1')).toBeDefined();
  });
});
