import { ApiClient } from '@cs/client';
import { EventTypes, Scopes } from '@cs/contracts';
import { database, ISO, ITEM, SEGMENT, segmentBody, segmentPath, SEGMENTS, tenant } from './fixtures';
import { E2e, startE2e } from './support';

describe('segments: create, get, upsert, patch, delete, events, access', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let db: ReturnType<typeof database>;

  beforeAll(async () => {
    e2e = await startE2e();
    manage = await e2e.client([Scopes.segmentManage, Scopes.segmentRead]);
    db = database(e2e);
  });
  afterAll(() => e2e.server.close());

  const create = (body: object, language?: string) =>
    manage.POST(SEGMENTS, {
      params: { path: { tenant }, ...(language && { header: { 'Content-Language': language } }) },
      body: body as never,
    });
  const get = (segmentId: string, header: Record<string, string> = {}, query: Record<string, string> = {}) =>
    manage.GET(SEGMENT, { params: { ...segmentPath(segmentId), header, query } });
  const put = (segmentId: string, body: object, language?: string) =>
    manage.PUT(SEGMENT, {
      params: { ...segmentPath(segmentId), ...(language && { header: { 'Content-Language': language } }) },
      body: body as never,
    });
  const patch = (segmentId: string, body: unknown, language?: string) =>
    manage.PATCH(SEGMENT, {
      params: { ...segmentPath(segmentId), ...(language && { header: { 'Content-Language': language } }) },
      body: body as never,
    });
  const remove = (segmentId: string, forceDelete?: boolean | string) =>
    manage.DELETE(SEGMENT, {
      params: {
        ...segmentPath(segmentId),
        query: forceDelete === undefined ? {} : { forceDelete: forceDelete as boolean },
      },
    });

  describe('POST create', () => {
    it('creates with a generated 24-hex id, INACTIVE by default, version 1, and records segment-created', async () => {
      const { data, response } = await create(segmentBody());
      expect(response.status).toBe(201);
      expect(data).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/) });
      const id = String(data?.id);
      const row = await db.stored(id);
      expect(row).toMatchObject({
        name: { en: 'Gold' },
        description: null,
        status: 'INACTIVE',
        site_code: 'main',
        validity_from: null,
        validity_to: null,
        mixins: {},
        metadata_mixins: {},
        version: 1,
      });
      expect(await db.events(id)).toEqual([
        {
          type: EventTypes.segmentCreated,
          payload: {
            id,
            name: { en: 'Gold' },
            status: 'INACTIVE',
            siteCode: 'main',
            metadata: { createdAt: expect.stringMatching(ISO), modifiedAt: expect.stringMatching(ISO), version: 1 },
            tenant,
          },
        },
      ]);
    });

    it('stores every field as sent and returns it from GET; omits absent optional fields', async () => {
      const body = {
        id: 'full_Seg.1:a-b',
        name: { en: 'Golden Segment', de: 'Goldenes Segment' },
        description: { en: 'For the best' },
        validity: { from: '2024-04-17T08:00:00.000Z', to: '2035-04-17T08:00:00.000Z' },
        status: 'ACTIVE' as const,
        siteCode: 'main',
        mixins: { segmentAttributes: { membershipStatus: 'PREMIUM', level: 3 } },
        metadata: { mixins: { segmentAttributes: 'https://example.com/segmentAttributes.json' } },
      };
      expect((await create(body)).data).toEqual({ id: 'full_Seg.1:a-b' });
      const { data, response } = await get('full_Seg.1:a-b');
      expect(response.status).toBe(200);
      const { metadata, ...fields } = body;
      expect(data).toEqual({
        ...fields,
        metadata: {
          createdAt: expect.stringMatching(ISO),
          modifiedAt: expect.stringMatching(ISO),
          version: 1,
          mixins: metadata.mixins,
        },
      });

      await create(segmentBody({ id: 'bare' }));
      const bare = (await get('bare')).data;
      expect(Object.keys(bare ?? {}).sort()).toEqual(['id', 'metadata', 'name', 'siteCode', 'status']);
      expect(Object.keys(bare?.metadata ?? {}).sort()).toEqual(['createdAt', 'modifiedAt', 'version']);
    });

    it('treats ids case-sensitively and answers 409 for an existing id without changing it', async () => {
      expect((await create(segmentBody({ id: 'caseSeg', name: { en: 'lower' } }))).response.status).toBe(201);
      expect((await create(segmentBody({ id: 'CASESEG', name: { en: 'upper' } }))).response.status).toBe(201);
      expect((await get('caseSeg')).data?.name).toEqual({ en: 'lower' });
      expect((await get('CASESEG')).data?.name).toEqual({ en: 'upper' });

      const { error, response } = await create(segmentBody({ id: 'caseSeg', name: { en: 'again' } }));
      expect(response.status).toBe(409);
      expect(error).toMatchObject({ code: 409, status: 'Conflict', resourceId: 'caseSeg' });
      expect((await db.stored('caseSeg'))?.name).toEqual({ en: 'lower' });
      expect(await db.events('caseSeg')).toHaveLength(1);
    });

    it.each([
      ['name missing', { siteCode: 'main' }, 'name'],
      ['empty name map', { name: {}, siteCode: 'main' }, 'name'],
      ['name not a map', { name: ['x'], siteCode: 'main' }, 'name'],
      ['plain name without Content-Language', { name: 'Gold', siteCode: 'main' }, 'name'],
      ['siteCode missing', { name: { en: 'x' } }, 'siteCode'],
      ['unknown status', { name: { en: 'x' }, siteCode: 'main', status: 'DRAFT' }, 'status'],
      ['id too long', { id: 'x'.repeat(67), name: { en: 'x' }, siteCode: 'main' }, 'id'],
      ['id with a slash', { id: 'a/b', name: { en: 'x' }, siteCode: 'main' }, 'id'],
      ['id with a space', { id: 'a b', name: { en: 'x' }, siteCode: 'main' }, 'id'],
      ['id that is a route word (items)', { id: 'items', name: { en: 'x' }, siteCode: 'main' }, 'id'],
      ['id that is a route word (bulk)', { id: 'bulk', name: { en: 'x' }, siteCode: 'main' }, 'id'],
      [
        'validity.from not a date-time',
        { name: { en: 'x' }, siteCode: 'main', validity: { from: 'tomorrow' } },
        'validity.from',
      ],
      [
        'validity.from after validity.to',
        { name: { en: 'x' }, siteCode: 'main', validity: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } },
        'validity.from',
      ],
      ['mixins not an object', { name: { en: 'x' }, siteCode: 'main', mixins: 'x' }, 'mixins'],
      [
        'metadata.mixins not an object',
        { name: { en: 'x' }, siteCode: 'main', metadata: { mixins: 3 } },
        'metadata.mixins',
      ],
    ])('answers 400 naming the field for %s, storing nothing', async (_, body, field) => {
      const before = await db.sql('SELECT count(*) FROM segment');
      const { error, response } = await create(body);
      expect(response.status).toBe(400);
      expect(error).toMatchObject({
        code: 400,
        status: 'Bad Request',
        details: expect.objectContaining({ field }),
      });
      expect(await db.sql('SELECT count(*) FROM segment')).toEqual(before);
    });

    it('answers 400 for a route word as the id of a PUT, and takes words that only contain one', async () => {
      for (const id of ['match', 'search']) {
        const { error, response } = await put(id, segmentBody());
        expect(response.status).toBe(400);
        expect(error).toMatchObject({ code: 400, details: expect.objectContaining({ field: 'segmentId' }) });
        expect(await db.stored(id)).toBeUndefined();
      }
      expect((await create(segmentBody({ id: 'items2' }))).response.status).toBe(201);
      expect((await put('Bulk', segmentBody())).response.status).toBe(201);
      expect((await get('Bulk')).data?.id).toBe('Bulk');
    });

    it('accepts the 66-character id limit and equal validity ends', async () => {
      const id = 'A'.repeat(66);
      expect(
        (await create(segmentBody({ id, validity: { from: '2025-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } })))
          .response.status,
      ).toBe(201);
      expect((await get(id)).data?.validity).toEqual({
        from: '2025-01-01T00:00:00.000Z',
        to: '2025-01-01T00:00:00.000Z',
      });
    });
  });

  describe('localization', () => {
    it('takes plain strings with Content-Language and answers plain strings with Accept-Language', async () => {
      expect(
        (await create({ id: 'loc', name: 'Gold DE', description: 'Beschreibung', siteCode: 'main' }, 'de')).response
          .status,
      ).toBe(201);
      expect(await db.stored('loc')).toMatchObject({ name: { de: 'Gold DE' }, description: { de: 'Beschreibung' } });

      // PUT in another language merges into the stored maps.
      expect(
        (await put('loc', { name: 'Gold EN', description: 'Description', siteCode: 'main' }, 'en')).response.status,
      ).toBe(204);
      expect(await db.stored('loc')).toMatchObject({
        name: { de: 'Gold DE', en: 'Gold EN' },
        description: { de: 'Beschreibung', en: 'Description' },
      });

      expect((await get('loc')).data).toMatchObject({
        name: { de: 'Gold DE', en: 'Gold EN' },
        description: { de: 'Beschreibung', en: 'Description' },
      });
      expect((await get('loc', { 'Accept-Language': 'de' })).data).toMatchObject({
        name: 'Gold DE',
        description: 'Beschreibung',
      });
      expect((await get('loc', { 'Accept-Language': 'fr, en;q=0.8, de;q=0.5' })).data).toMatchObject({
        name: 'Gold EN',
        description: 'Description',
      });
      expect((await get('loc', { 'Accept-Language': 'de-CH' })).data?.name).toBe('Gold DE');
      expect((await get('loc', { 'Accept-Language': '*' })).data?.name).toEqual({ de: 'Gold DE', en: 'Gold EN' });
    });

    it('answers 400 for a map with Content-Language', async () => {
      const { error, response } = await create(segmentBody(), 'en');
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ details: expect.objectContaining({ field: 'name' }) });
    });
  });

  describe('GET by id', () => {
    it('projects fields (id always kept), answers 404 for an absent id and 400 for bad fields', async () => {
      await create(segmentBody({ id: 'proj', status: 'ACTIVE' }));
      expect((await get('proj', {}, { fields: 'status,metadata.version' })).data).toEqual({
        id: 'proj',
        status: 'ACTIVE',
        metadata: { version: 1 },
      });

      const missing = await get('no-such-segment');
      expect(missing.response.status).toBe(404);
      expect(missing.error).toMatchObject({ code: 404, status: 'Not Found', resourceId: 'no-such-segment' });

      expect((await get('proj', {}, { fields: 'x'.repeat(5000) })).response.status).toBe(400);
    });
  });

  describe('PUT upsert', () => {
    it('creates (201 with id), replaces (204, version +1, createdAt kept) and records events with previousStatus', async () => {
      const created = await put(
        'upsert1',
        segmentBody({ status: 'ACTIVE', description: { en: 'd' }, mixins: { a: { b: 1 } } }),
      );
      expect(created.response.status).toBe(201);
      expect(created.data).toEqual({ id: 'upsert1' });
      const first = await db.row('upsert1');
      expect(first).toMatchObject({ version: 1, status: 'ACTIVE' });

      const updated = await put('upsert1', { name: { en: 'Gold 2' }, siteCode: 'other', metadata: { version: 1 } });
      expect(updated.response.status).toBe(204);
      expect(await updated.response.text()).toBe('');
      const second = await db.row('upsert1');
      // A PUT replaces: omitted optional fields are cleared, status falls back to INACTIVE.
      expect(second).toMatchObject({
        name: { en: 'Gold 2' },
        description: null,
        status: 'INACTIVE',
        site_code: 'other',
        mixins: {},
        version: 2,
      });
      expect(second.created_at).toEqual(first.created_at);
      expect(second.modified_at.getTime()).toBeGreaterThan(first.modified_at.getTime());

      const { data } = await get('upsert1');
      expect(data?.metadata).toEqual({
        createdAt: first.created_at.toISOString(),
        modifiedAt: second.modified_at.toISOString(),
        version: 2,
      });

      const events = await db.events('upsert1');
      expect(events.map((event) => event.type)).toEqual([EventTypes.segmentCreated, EventTypes.segmentUpdated]);
      expect(events[1].payload).toMatchObject({
        id: 'upsert1',
        name: { en: 'Gold 2' },
        status: 'INACTIVE',
        previousStatus: 'ACTIVE',
        metadata: { version: 2 },
      });
    });

    it('answers 409 for a different metadata.version and changes nothing; writes without a version unchecked', async () => {
      await put('upsert2', segmentBody());
      const conflict = await put('upsert2', { name: { en: 'changed' }, siteCode: 'main', metadata: { version: 7 } });
      expect(conflict.response.status).toBe(409);
      expect(conflict.error).toMatchObject({ code: 409, resourceId: 'upsert2' });
      expect(await db.stored('upsert2')).toMatchObject({ name: { en: 'Gold' }, version: 1 });

      expect((await put('upsert2', { name: { en: 'unchecked' }, siteCode: 'main' })).response.status).toBe(204);
      expect(await db.stored('upsert2')).toMatchObject({ name: { en: 'unchecked' }, version: 2 });
      expect(await db.events('upsert2')).toHaveLength(2);
    });

    it('accepts a GET-modify-PUT round trip', async () => {
      await put('roundtrip', segmentBody({ validity: { from: '2024-01-01T00:00:00Z' } }));
      const { data } = await get('roundtrip');
      expect((await put('roundtrip', { ...data, status: 'ACTIVE' })).response.status).toBe(204);
      expect(await db.stored('roundtrip')).toMatchObject({
        status: 'ACTIVE',
        version: 2,
        validity_from: new Date('2024-01-01T00:00:00Z'),
      });
    });

    it('answers 400 for an invalid body or path id, creating nothing', async () => {
      expect((await put('bad-body', { siteCode: 'main' })).response.status).toBe(400);
      expect(
        (await put('bad-body', { name: { en: 'x' }, siteCode: 'main', metadata: { version: 0 } })).response.status,
      ).toBe(400);
      expect(await db.stored('bad-body')).toBeUndefined();
      const longId = await put('y'.repeat(67), segmentBody());
      expect(longId.response.status).toBe(400);
      expect(longId.error).toMatchObject({ details: expect.objectContaining({ field: 'segmentId' }) });
    });

    it('lets exactly one of 20 concurrent PUTs with the same version win', async () => {
      await put('race', segmentBody());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          put('race', { name: { en: `writer ${i}` }, siteCode: 'main', metadata: { version: 1 } }),
        ),
      );
      const statuses = results.map((result) => result.response.status).sort();
      expect(statuses).toEqual([204, ...Array(19).fill(409)]);
      expect((await db.stored('race'))?.version).toBe(2);
      expect((await db.events('race')).map((event) => event.type)).toEqual([
        EventTypes.segmentCreated,
        EventTypes.segmentUpdated,
      ]);
    });
  });

  describe('PATCH', () => {
    beforeAll(async () => {
      await create(
        segmentBody({ id: 'p1', status: 'ACTIVE', description: { en: 'Desc' }, mixins: { attrs: { level: 1 } } }),
      );
    });

    it('applies add, remove and replace (204), bumps the version and records segment-updated with previousStatus', async () => {
      const { response } = await patch('p1', [
        { op: 'replace', path: '/status', value: 'INACTIVE' },
        { op: 'remove', path: '/description' },
        { op: 'add', path: '/mixins/attrs/tier', value: 'top' },
        { op: 'replace', path: '/name', value: { en: 'Patched' } },
        { op: 'add', path: '/validity', value: { to: '2030-01-01T00:00:00Z' } },
      ]);
      expect(response.status).toBe(204);
      expect(await db.stored('p1')).toMatchObject({
        status: 'INACTIVE',
        description: null,
        name: { en: 'Patched' },
        mixins: { attrs: { level: 1, tier: 'top' } },
        validity_to: new Date('2030-01-01T00:00:00Z'),
        version: 2,
      });
      const events = await db.events('p1');
      expect(events.at(-1)).toMatchObject({
        type: EventTypes.segmentUpdated,
        payload: { id: 'p1', status: 'INACTIVE', previousStatus: 'ACTIVE', metadata: { version: 2 } },
      });
    });

    it('with Content-Language sets or removes one language of /name and /description', async () => {
      expect(
        (
          await patch(
            'p1',
            [
              { op: 'replace', path: '/name', value: 'Gepatcht' },
              { op: 'add', path: '/description', value: 'Beschreibung' },
            ],
            'de',
          )
        ).response.status,
      ).toBe(204);
      expect(await db.stored('p1')).toMatchObject({
        name: { en: 'Patched', de: 'Gepatcht' },
        description: { de: 'Beschreibung' },
      });
      expect((await patch('p1', [{ op: 'remove', path: '/description' }], 'de')).response.status).toBe(204);
      expect((await db.stored('p1'))?.description).toBeNull();
    });

    it('answers 400 for other ops, bad paths and invalid results, changing nothing', async () => {
      const before = await db.stored('p1');
      const bad: unknown[] = [
        [{ op: 'move', from: '/status', path: '/siteCode' }],
        [{ op: 'copy', from: '/status', path: '/siteCode' }],
        [{ op: 'test', path: '/status', value: 'INACTIVE' }],
        [{ op: 'replace', path: '/mixins/none/deeper', value: 1 }],
        [{ op: 'replace', path: 'status', value: 'ACTIVE' }],
        [{ op: 'replace', path: '/status' }],
        [{ op: 'replace', path: '/status', value: 'DRAFT' }],
        [{ op: 'remove', path: '/name' }],
        [{ op: 'remove', path: '/siteCode' }],
        [{ op: 'replace', path: '/validity', value: { from: '2031-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' } }],
        [],
        { op: 'replace', path: '/status', value: 'ACTIVE' },
      ];
      for (const body of bad) {
        const { error, response } = await patch('p1', body);
        expect([response.status, body]).toEqual([400, body]);
        expect(error).toMatchObject({ code: 400, status: 'Bad Request' });
      }
      const invalidPath = await patch('p1', [{ op: 'remove', path: '/mixins/none' }]);
      expect(invalidPath.error).toMatchObject({ details: expect.objectContaining({ field: '/mixins/none' }) });
      expect(await db.stored('p1')).toEqual(before);
    });

    it('answers 404 for an absent segment', async () => {
      const { error, response } = await patch('no-such-segment', [{ op: 'replace', path: '/status', value: 'ACTIVE' }]);
      expect(response.status).toBe(404);
      expect(error).toMatchObject({ code: 404, resourceId: 'no-such-segment' });
      expect(await db.stored('no-such-segment')).toBeUndefined();
    });

    it('serialises concurrent patches: none is lost, each bumps the version once', async () => {
      await create(segmentBody({ id: 'p2' }));
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => patch('p2', [{ op: 'add', path: `/mixins/k${i}`, value: i }])),
      );
      expect(results.map((result) => result.response.status)).toEqual(Array(8).fill(204));
      const row = await db.row('p2');
      expect(row.version).toBe(9);
      expect(row.mixins).toEqual(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, i])));
    });
  });

  describe('DELETE', () => {
    it('deletes (204), records segment-deleted with the id, and answers 204 for an absent id without an event', async () => {
      await create(segmentBody({ id: 'd1' }));
      const { response } = await remove('d1');
      expect(response.status).toBe(204);
      expect(await db.stored('d1')).toBeUndefined();
      expect((await db.events('d1')).at(-1)).toEqual({
        type: EventTypes.segmentDeleted,
        payload: { id: 'd1', tenant },
      });

      expect((await remove('d1')).response.status).toBe(204);
      expect(await db.events('d1')).toHaveLength(2);
    });

    it('refuses (400) a segment with customer or item assignments unless forceDelete=true, which removes them too', async () => {
      await create(segmentBody({ id: 'd2' }));
      await create(segmentBody({ id: 'd3' }));
      await db.assignCustomer('d2', 'c1');
      await db.assignCustomer('d2', 'c2', 'le1');
      await db.assignItem('d3', 'p1');

      for (const [id, force] of [
        ['d2', undefined],
        ['d2', false],
        ['d3', undefined],
      ] as const) {
        const { error, response } = await remove(id, force);
        expect(response.status).toBe(400);
        expect(error).toMatchObject({
          code: 400,
          resourceId: id,
          details: expect.objectContaining({ field: 'forceDelete' }),
        });
      }
      expect(await db.stored('d2')).toBeDefined();
      expect(await db.assignments('d2')).toEqual({ customers: 2, items: 0 });

      expect((await remove('d2', true)).response.status).toBe(204);
      expect((await remove('d3', true)).response.status).toBe(204);
      expect(await db.count(['d2', 'd3'])).toBe(0);
      expect(await db.assignments('d2')).toEqual({ customers: 0, items: 0 });
      expect(await db.assignments('d3')).toEqual({ customers: 0, items: 0 });
      expect((await db.events('d2')).map((event) => event.type)).toEqual([
        EventTypes.segmentCreated,
        EventTypes.segmentDeleted,
      ]);
    });

    it('records with forceDelete a deleted event for every removed assignment, shaped like the event of deleting it alone', async () => {
      // The same assignments in two segments: one removed assignment by assignment, the other by forceDelete.
      const customers = Array.from({ length: 250 }, (_, i) => ({
        customerId: `c${i}`,
        ...(i % 5 === 0 && { legalEntityId: `le${i}` }),
      }));
      const items = Array.from({ length: 120 }, (_, i) => `p${i}`);
      for (const id of ['one-by-one', 'forced']) {
        await create(segmentBody({ id }));
        await db.sql(
          'INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, version) SELECT $1, $2, c, l, 1 FROM unnest($3::text[], $4::text[]) AS a(c, l)',
          [
            tenant,
            id,
            customers.map((customer) => customer.customerId),
            customers.map((customer) => customer.legalEntityId ?? ''),
          ],
        );
        await db.sql(
          "INSERT INTO item_assignment (tenant, segment_id, type, item_id, version) SELECT $1, $2, 'PRODUCT', i, 1 FROM unnest($3::text[]) AS a(i)",
          [tenant, id, items],
        );
      }
      const segmentId = 'one-by-one';
      for (const { customerId, legalEntityId } of customers) {
        const { response } = legalEntityId
          ? await manage.DELETE(
              '/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/{legalEntityId}',
              { params: { path: { tenant, segmentId, customerId, legalEntityId } } },
            )
          : await manage.DELETE('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}', {
              params: { path: { tenant, segmentId, customerId } },
            });
        expect(response.status).toBe(204);
      }
      for (const itemId of items)
        expect(
          (await manage.DELETE(ITEM, { params: { path: { tenant, segmentId, type: 'PRODUCT', itemId } } })).response
            .status,
        ).toBe(204);

      expect((await remove('forced', true)).response.status).toBe(204);
      const forced = await db.assignmentEvents('forced');
      expect(forced.filter((event) => event.type === EventTypes.customerAssignmentDeleted)).toHaveLength(250);
      expect(forced.filter((event) => event.type === EventTypes.itemAssignmentDeleted)).toHaveLength(120);
      const bySegment = (events: Array<{ type: string; payload: Record<string, unknown> }>, segmentId: string) =>
        events.map((event) => JSON.stringify({ ...event, payload: { ...event.payload, segmentId } })).sort();
      expect(bySegment(forced, '*')).toEqual(bySegment(await db.assignmentEvents('one-by-one'), '*'));
      expect(forced).toContainEqual({
        type: EventTypes.customerAssignmentDeleted,
        payload: {
          segmentId: 'forced',
          customerId: 'c5',
          legalEntityId: 'le5',
          assignmentType: 'MANUAL',
          tenant,
          reason: 'manual',
        },
      });
      expect(forced).toContainEqual({
        type: EventTypes.customerAssignmentDeleted,
        payload: { segmentId: 'forced', customerId: 'c1', assignmentType: 'MANUAL', tenant, reason: 'manual' },
      });
      expect(forced).toContainEqual({
        type: EventTypes.itemAssignmentDeleted,
        payload: { segmentId: 'forced', type: 'PRODUCT', itemId: 'p7', tenant },
      });
      // The segment's own event comes after its assignments'.
      const [segmentDeleted] = await db.sql<{ id: string }>(
        "SELECT id FROM outbox WHERE tenant = $1 AND type = $2 AND payload->>'id' = 'forced'",
        [tenant, EventTypes.segmentDeleted],
      );
      const [lastAssignment] = await db.sql<{ id: string }>(
        "SELECT max(id) AS id FROM outbox WHERE tenant = $1 AND payload->>'segmentId' = 'forced'",
        [tenant],
      );
      expect(BigInt(segmentDeleted.id)).toBeGreaterThan(BigInt(lastAssignment.id));
    });

    it('answers 400 for a forceDelete that is not a boolean', async () => {
      await create(segmentBody({ id: 'd4' }));
      expect((await remove('d4', 'yes')).response.status).toBe(400);
      expect(await db.stored('d4')).toBeDefined();
    });
  });

  describe('access', () => {
    it('answers 401 without a valid token and 403 without the scope, for another tenant, or for a customer token', async () => {
      const anonymous = await e2e.anonymous.POST(SEGMENTS, { params: { path: { tenant } }, body: segmentBody() });
      expect(anonymous.response.status).toBe(401);
      expect(anonymous.error).toEqual({
        fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } },
      });

      const reader = await e2e.client([Scopes.segmentRead]);
      for (const response of [
        (await reader.POST(SEGMENTS, { params: { path: { tenant } }, body: segmentBody({ id: 'nope' }) })).response,
        (await reader.DELETE(SEGMENT, { params: segmentPath('p1') })).response,
        (
          await (
            await e2e.client([Scopes.segmentReadOwn], { customerId: 'c1' })
          ).PUT(SEGMENT, { params: segmentPath('nope'), body: segmentBody() })
        ).response,
        (
          await (
            await e2e.client([Scopes.segmentManage], { tenant: 'othertenant' })
          ).PUT(SEGMENT, { params: segmentPath('nope'), body: segmentBody() })
        ).response,
        (await (await e2e.client([Scopes.segmentManage])).GET(SEGMENT, { params: segmentPath('p1') })).response,
      ]) {
        expect(response.status).toBe(403);
      }
      expect(await db.stored('nope')).toBeUndefined();
      expect(await db.stored('p1')).toBeDefined();
    });
  });
});
