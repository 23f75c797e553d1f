import { ApiClient, components } from '@cs/client';
import { EventTypes, resourceId, Scopes } from '@cs/contracts';
import { database, fixtures, ISO, ITEM, ITEMS_BULK, SEGMENT, SEGMENTS, SEGMENTS_BULK, tenant } from './fixtures';
import { E2e, startE2e, withStatements } from './support';

type Event = components['schemas']['Event'];

/** One delivered event without what the relay adds (`id`, `sequence`) and the time. */
type Recorded = Pick<Event, 'type' | 'resource' | 'version' | 'data'>;

const EVENTS = '/customer-segment/{tenant}/events' as const;
const B2C = '/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}' as const;
const B2B = '/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/{legalEntityId}' as const;
const CUSTOMERS_BULK = '/customer-segment/{tenant}/segments/{segmentId}/customers/bulk' as const;
const LEGAL_ENTITIES = '/customer-management/{tenant}/legal-entities' as const;
const CUSTOMER_DATA = '/customer-management/{tenant}/customers/bulk' as const;

const segmentParams = (segmentId: string) => ({ params: { path: { tenant, segmentId } } });
const b2cParams = (segmentId: string, customerId: string) => ({ params: { path: { tenant, segmentId, customerId } } });
const b2bParams = (segmentId: string, customerId: string, legalEntityId: string) => ({
  params: { path: { tenant, segmentId, customerId, legalEntityId } },
});
const itemParams = (segmentId: string, type: 'PRODUCT' | 'CATEGORY', itemId: string) => ({
  params: { path: { tenant, segmentId, type, itemId } },
});
const itemsBulkParams = (segmentId: string, type: 'PRODUCT' | 'CATEGORY') => ({
  params: { path: { tenant, segmentId, type } },
});

const segmentResource = (id: string) => ({ type: 'segment', id });
const customerResource = (segmentId: string, customerId: string, legalEntityId?: string) => ({
  type: 'customer-assignment',
  id: resourceId(segmentId, customerId, ...(legalEntityId ? [legalEntityId] : [])),
});
const itemResource = (segmentId: string, type: string, itemId: string) => ({
  type: 'item-assignment',
  id: resourceId(segmentId, type, itemId),
});

describe('customer-segment events: every write records exactly one event per changed document', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let events: ApiClient;
  let db: ReturnType<typeof database>;

  /** The feed after `after` once it holds `count` events (the relay sequences them shortly after commit). */
  async function feedAfter(after: string, count: number): Promise<Event[]> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const { data = [] } = await events.GET(EVENTS, { params: { path: { tenant }, query: { after, limit: 1000 } } });
      if (data.length >= count) return data;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`fewer than ${count} events in the feed after ${after}`);
  }

  /** The position of the tenant's last event once every recorded event has one (is in the feed). */
  async function feedEnd(): Promise<string> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const [{ waiting, last }] = await db.sql<{ waiting: string; last: string }>(
        'SELECT count(*) FILTER (WHERE position IS NULL) AS waiting, COALESCE(max(position), 0) AS last FROM outbox WHERE tenant = $1',
        [tenant],
      );
      if (waiting === '0') return last;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('events stay unsequenced');
  }

  /**
   * Sends one request and returns its answer and the events it recorded, as the feed delivers them. Every event
   * must be written by the statement of its change: no statement of the request writes only the outbox. Each
   * envelope's `sequence` counts its resource's events up to it, so a consumer sees no gap.
   */
  async function recording<T>(request: () => Promise<T>): Promise<{ answer: T; events: Recorded[] }> {
    const after = await feedEnd();
    const [{ last }] = await db.sql<{ last: string }>(
      'SELECT COALESCE(max(id), 0) AS last FROM outbox WHERE tenant = $1',
      [tenant],
    );
    const { result, statements } = await withStatements(e2e, request);
    const [{ written }] = await db.sql<{ written: string }>(
      'SELECT count(*) AS written FROM outbox WHERE tenant = $1 AND id > $2',
      [tenant, last],
    );
    // The statements that wrote the events are seen, and none of them writes only the outbox.
    if (written !== '0') expect(statements.some((text) => text.includes('INSERT INTO outbox'))).toBe(true);
    expect(statements.filter((text) => /^\s*INSERT INTO outbox/i.test(text))).toEqual([]);
    const delivered = await feedAfter(after, Number(written));
    expect(delivered).toHaveLength(Number(written));
    for (const event of delivered) {
      const [{ before }] = await db.sql<{ before: string }>(
        'SELECT count(*) AS before FROM outbox WHERE tenant = $1 AND resource_type = $2 AND resource_id = $3 AND position < $4',
        [tenant, event.resource.type, event.resource.id, event.id],
      );
      expect([event.tenant, event.occurredAt, event.sequence]).toEqual([
        tenant,
        expect.stringMatching(ISO),
        Number(before) + 1,
      ]);
    }
    return {
      answer: result,
      events: delivered.map(({ type, resource, version, data }) => ({ type, resource, version, data })),
    };
  }

  /** The documents as GET shows them now (localized fields as maps), as events carry them. */
  const segment = async (id: string) => ({ ...(await manage.GET(SEGMENT, segmentParams(id))).data, tenant });
  const b2c = async (segmentId: string, customerId: string) => ({
    segmentId,
    ...(await manage.GET(B2C, b2cParams(segmentId, customerId))).data,
    tenant,
    reason: 'manual',
  });
  const b2b = async (segmentId: string, customerId: string, legalEntityId: string) => ({
    segmentId,
    ...(await manage.GET(B2B, b2bParams(segmentId, customerId, legalEntityId))).data,
    tenant,
    reason: 'manual',
  });
  const item = async (segmentId: string, type: 'PRODUCT' | 'CATEGORY', itemId: string) => ({
    ...(await manage.GET(ITEM, itemParams(segmentId, type, itemId))).data,
    tenant,
  });

  beforeAll(async () => {
    e2e = await startE2e({ EVENTS_POLL_INTERVAL_MS: '200' });
    manage = await e2e.client([Scopes.segmentManage, Scopes.segmentRead]);
    events = await e2e.client([Scopes.eventRead]);
    db = database(e2e);
    const f = fixtures(e2e, manage);
    const customerManagement = await e2e.client([Scopes.legalEntityManage, Scopes.contactAssignmentManage]);
    const path = { params: { path: { tenant } } };
    expect(
      (await customerManagement.POST(LEGAL_ENTITIES, { ...path, body: { id: 'acme', name: 'ACME' } })).response.status,
    ).toBe(201);
    const customers = await customerManagement.PUT(CUSTOMER_DATA, {
      ...path,
      body: [
        { id: 'ann', firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' },
        { id: 'bob', firstName: 'Bob' },
      ],
    });
    expect(customers.data?.map((result) => result.code)).toEqual([201, 201]);
    await f.products([{ id: 'sku-1', code: 'SKU-1', name: { en: 'Drill', de: 'Bohrer' } }]);
    await f.categories([{ id: 'tools', code: 'T', name: { en: 'Tools' } }]);
  });
  afterAll(() => e2e.server.close());

  describe('segments', () => {
    const body = { name: { en: 'VIP' }, siteCode: 'main', status: 'ACTIVE' as const };

    it('POST records segment-created with the stored document, version 1, under the given or the generated id', async () => {
      const full = {
        ...body,
        id: 'ev-post',
        description: { en: 'Our best', de: 'Unsere besten' },
        validity: { from: '2020-01-01T00:00:00.000Z', to: '2090-01-01T00:00:00.000Z' },
        mixins: { tier: { level: 3, tags: ['a', null] } },
        metadata: { mixins: { tier: 'https://example.com/tier.json' } },
      };
      const given = await recording(() => manage.POST(SEGMENTS, { params: { path: { tenant } }, body: full }));
      expect(given.answer.response.status).toBe(201);
      expect(given.events).toEqual([
        {
          type: EventTypes.segmentCreated,
          resource: segmentResource('ev-post'),
          version: 1,
          data: await segment('ev-post'),
        },
      ]);
      expect(given.events[0].data).toMatchObject({ description: full.description, mixins: full.mixins });

      const generated = await recording(() => manage.POST(SEGMENTS, { params: { path: { tenant } }, body }));
      const id = generated.answer.data?.id ?? '';
      expect(generated.events).toEqual([
        { type: EventTypes.segmentCreated, resource: segmentResource(id), version: 1, data: await segment(id) },
      ]);

      const taken = await recording(() => manage.POST(SEGMENTS, { params: { path: { tenant } }, body: full }));
      expect(taken.answer.response.status).toBe(409);
      expect(taken.events).toEqual([]);
    });

    it('PUT records created, then updated with the new version and previousStatus; an unchanged or refused PUT none', async () => {
      const created = await recording(() => manage.PUT(SEGMENT, { ...segmentParams('ev-put'), body }));
      expect(created.answer.response.status).toBe(201);
      expect(created.events).toEqual([
        {
          type: EventTypes.segmentCreated,
          resource: segmentResource('ev-put'),
          version: 1,
          data: await segment('ev-put'),
        },
      ]);

      const updated = await recording(() =>
        manage.PUT(SEGMENT, { ...segmentParams('ev-put'), body: { ...body, status: 'INACTIVE' } }),
      );
      expect(updated.answer.response.status).toBe(204);
      expect(updated.events).toEqual([
        {
          type: EventTypes.segmentUpdated,
          resource: segmentResource('ev-put'),
          version: 2,
          data: { ...(await segment('ev-put')), previousStatus: 'ACTIVE' },
        },
      ]);

      const unchanged = await recording(() =>
        manage.PUT(SEGMENT, { ...segmentParams('ev-put'), body: { ...body, status: 'INACTIVE' } }),
      );
      expect(unchanged.answer.response.status).toBe(204);
      expect(unchanged.events).toEqual([]);

      const stale = await recording(() =>
        manage.PUT(SEGMENT, { ...segmentParams('ev-put'), body: { ...body, metadata: { version: 1 } } }),
      );
      expect(stale.answer.response.status).toBe(409);
      expect(stale.events).toEqual([]);
    });

    it('PATCH records segment-updated with the patched document and the status before it', async () => {
      await manage.PUT(SEGMENT, { ...segmentParams('ev-patch'), body });
      const patched = await recording(() =>
        manage.PATCH(SEGMENT, {
          ...segmentParams('ev-patch'),
          body: [
            { op: 'replace', path: '/status', value: 'INACTIVE' },
            { op: 'add', path: '/mixins/extra', value: { on: true } },
          ] as never,
        }),
      );
      expect(patched.answer.response.status).toBe(204);
      expect(patched.events).toEqual([
        {
          type: EventTypes.segmentUpdated,
          resource: segmentResource('ev-patch'),
          version: 2,
          data: { ...(await segment('ev-patch')), previousStatus: 'ACTIVE' },
        },
      ]);
      expect(patched.events[0].data).toMatchObject({ status: 'INACTIVE', mixins: { extra: { on: true } } });

      const noop = await recording(() =>
        manage.PATCH(SEGMENT, {
          ...segmentParams('ev-patch'),
          body: [{ op: 'replace', path: '/status', value: 'INACTIVE' }],
        }),
      );
      expect(noop.events).toEqual([]);
    });

    it('bulk POST and PUT record one event per created or changed segment, none for failed or unchanged items', async () => {
      await manage.PUT(SEGMENT, { ...segmentParams('ev-bulk-old'), body });
      const posted = await recording(() =>
        manage.POST(SEGMENTS_BULK, {
          params: { path: { tenant } },
          body: [
            { ...body, id: 'ev-bulk-1' },
            { ...body, id: 'ev-bulk-old' },
            { ...body, id: 'ev-bulk-2' },
          ],
        }),
      );
      expect(posted.answer.data?.map((result) => result.code)).toEqual([201, 409, 201]);
      expect(posted.events).toEqual([
        {
          type: EventTypes.segmentCreated,
          resource: segmentResource('ev-bulk-1'),
          version: 1,
          data: await segment('ev-bulk-1'),
        },
        {
          type: EventTypes.segmentCreated,
          resource: segmentResource('ev-bulk-2'),
          version: 1,
          data: await segment('ev-bulk-2'),
        },
      ]);

      const put = await recording(() =>
        manage.PUT(SEGMENTS_BULK, {
          params: { path: { tenant } },
          body: [
            { ...body, id: 'ev-bulk-1', status: 'INACTIVE' },
            { ...body, id: 'ev-bulk-2' },
            { ...body, id: 'ev-bulk-3' },
            { ...body, id: 'ev-bulk-old', metadata: { version: 7 } },
          ],
        }),
      );
      expect(put.answer.data?.map((result) => result.code)).toEqual([204, 204, 201, 409]);
      expect(put.events).toEqual([
        {
          type: EventTypes.segmentUpdated,
          resource: segmentResource('ev-bulk-1'),
          version: 2,
          data: { ...(await segment('ev-bulk-1')), previousStatus: 'ACTIVE' },
        },
        {
          type: EventTypes.segmentCreated,
          resource: segmentResource('ev-bulk-3'),
          version: 1,
          data: await segment('ev-bulk-3'),
        },
      ]);
    });

    it('DELETE records segment-deleted without a version; an absent or refused delete records none', async () => {
      await manage.PUT(SEGMENT, { ...segmentParams('ev-del'), body });
      const removed = await recording(() => manage.DELETE(SEGMENT, segmentParams('ev-del')));
      expect(removed.answer.response.status).toBe(204);
      expect(removed.events).toEqual([
        {
          type: EventTypes.segmentDeleted,
          resource: segmentResource('ev-del'),
          version: null,
          data: { id: 'ev-del', tenant },
        },
      ]);
      expect((await recording(() => manage.DELETE(SEGMENT, segmentParams('ev-del')))).events).toEqual([]);

      await manage.PUT(SEGMENT, { ...segmentParams('ev-del-used'), body });
      await manage.PUT(B2C, { ...b2cParams('ev-del-used', 'ann'), body: {} });
      const refused = await recording(() => manage.DELETE(SEGMENT, segmentParams('ev-del-used')));
      expect(refused.answer.response.status).toBe(400);
      expect(refused.events).toEqual([]);
    });

    it('DELETE with forceDelete records one deleted event per removed assignment, then the segment’s', async () => {
      await manage.PUT(SEGMENT, { ...segmentParams('ev-force'), body });
      await manage.PUT(B2C, { ...b2cParams('ev-force', 'ann'), body: {} });
      await manage.PUT(B2B, { ...b2bParams('ev-force', 'bob', 'acme'), body: {} });
      await manage.PUT(ITEM, { ...itemParams('ev-force', 'PRODUCT', 'sku-1'), body: {} });
      const removed = await recording(() =>
        manage.DELETE(SEGMENT, { params: { path: { tenant, segmentId: 'ev-force' }, query: { forceDelete: true } } }),
      );
      expect(removed.answer.response.status).toBe(204);
      const assignmentEvents = removed.events.slice(0, -1);
      expect(assignmentEvents).toHaveLength(3);
      expect(assignmentEvents).toEqual(
        expect.arrayContaining([
          {
            type: EventTypes.customerAssignmentDeleted,
            resource: customerResource('ev-force', 'ann'),
            version: null,
            data: { segmentId: 'ev-force', customerId: 'ann', assignmentType: 'MANUAL', tenant, reason: 'manual' },
          },
          {
            type: EventTypes.customerAssignmentDeleted,
            resource: customerResource('ev-force', 'bob', 'acme'),
            version: null,
            data: {
              segmentId: 'ev-force',
              customerId: 'bob',
              legalEntityId: 'acme',
              assignmentType: 'MANUAL',
              tenant,
              reason: 'manual',
            },
          },
          {
            type: EventTypes.itemAssignmentDeleted,
            resource: itemResource('ev-force', 'PRODUCT', 'sku-1'),
            version: null,
            data: { segmentId: 'ev-force', type: 'PRODUCT', itemId: 'sku-1', tenant },
          },
        ]),
      );
      expect(removed.events.at(-1)).toEqual({
        type: EventTypes.segmentDeleted,
        resource: segmentResource('ev-force'),
        version: null,
        data: { id: 'ev-force', tenant },
      });
    });

    it('bulk DELETE records one segment-deleted per removed segment, with forceDelete its assignments’ too', async () => {
      for (const id of ['ev-bd-1', 'ev-bd-2']) await manage.PUT(SEGMENT, { ...segmentParams(id), body });
      await manage.PUT(ITEM, { ...itemParams('ev-bd-2', 'CATEGORY', 'tools'), body: {} });
      const removed = await recording(() =>
        manage.DELETE(SEGMENTS_BULK, {
          params: { path: { tenant }, query: { forceDelete: true } },
          body: ['ev-bd-1', 'ev-bd-absent', 'ev-bd-2'],
        }),
      );
      expect(removed.answer.data?.map((result) => result.code)).toEqual([204, 204, 204]);
      expect(removed.events).toEqual([
        {
          type: EventTypes.segmentDeleted,
          resource: segmentResource('ev-bd-1'),
          version: null,
          data: { id: 'ev-bd-1', tenant },
        },
        {
          type: EventTypes.itemAssignmentDeleted,
          resource: itemResource('ev-bd-2', 'CATEGORY', 'tools'),
          version: null,
          data: { segmentId: 'ev-bd-2', type: 'CATEGORY', itemId: 'tools', tenant },
        },
        {
          type: EventTypes.segmentDeleted,
          resource: segmentResource('ev-bd-2'),
          version: null,
          data: { id: 'ev-bd-2', tenant },
        },
      ]);
    });
  });

  describe('customer assignments', () => {
    beforeAll(async () => {
      await manage.PUT(SEGMENT, { ...segmentParams('ev-ca'), body: { name: { en: 'CA' }, siteCode: 'main' } });
    });

    it('PUT B2C and B2B record created and updated with the customer’s and legal entity’s data; unchanged none', async () => {
      const mixins = { prefs: { newsletter: true } };
      const b2cCreated = await recording(() =>
        manage.PUT(B2C, {
          ...b2cParams('ev-ca', 'ann'),
          body: { mixins, metadata: { mixins: { prefs: 'https://x/p.json' } } },
        }),
      );
      expect(b2cCreated.answer.response.status).toBe(201);
      expect(b2cCreated.events).toEqual([
        {
          type: EventTypes.customerAssignmentCreated,
          resource: customerResource('ev-ca', 'ann'),
          version: 1,
          data: await b2c('ev-ca', 'ann'),
        },
      ]);
      expect(b2cCreated.events[0].data).toMatchObject({
        customer: { id: 'ann', firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' },
        mixins,
      });
      expect(b2cCreated.events[0].data).not.toHaveProperty('legalEntity');

      const b2bCreated = await recording(() => manage.PUT(B2B, { ...b2bParams('ev-ca', 'bob', 'acme'), body: {} }));
      expect(b2bCreated.events).toEqual([
        {
          type: EventTypes.customerAssignmentCreated,
          resource: customerResource('ev-ca', 'bob', 'acme'),
          version: 1,
          data: await b2b('ev-ca', 'bob', 'acme'),
        },
      ]);
      expect(b2bCreated.events[0].data).toMatchObject({
        customer: { id: 'bob', firstName: 'Bob' },
        legalEntity: { id: 'acme', name: 'ACME' },
      });

      const updated = await recording(() =>
        manage.PUT(B2B, { ...b2bParams('ev-ca', 'bob', 'acme'), body: { mixins, metadata: { version: 1 } } }),
      );
      expect(updated.answer.response.status).toBe(204);
      expect(updated.events).toEqual([
        {
          type: EventTypes.customerAssignmentUpdated,
          resource: customerResource('ev-ca', 'bob', 'acme'),
          version: 2,
          data: await b2b('ev-ca', 'bob', 'acme'),
        },
      ]);

      const unchanged = await recording(() =>
        manage.PUT(B2B, { ...b2bParams('ev-ca', 'bob', 'acme'), body: { mixins } }),
      );
      expect(unchanged.answer.response.status).toBe(204);
      expect(unchanged.events).toEqual([]);
      const conflict = await recording(() =>
        manage.PUT(B2B, { ...b2bParams('ev-ca', 'bob', 'acme'), body: { metadata: { version: 1 } } }),
      );
      expect(conflict.answer.response.status).toBe(409);
      expect(conflict.events).toEqual([]);
      const noSegment = await recording(() => manage.PUT(B2C, { ...b2cParams('ev-none', 'ann'), body: {} }));
      expect(noSegment.answer.response.status).toBe(404);
      expect(noSegment.events).toEqual([]);
    });

    it('DELETE B2C and B2B record customer-assignment-deleted with the ids; an absent assignment none', async () => {
      await manage.PUT(B2C, { ...b2cParams('ev-ca', 'del-1'), body: {} });
      await manage.PUT(B2B, { ...b2bParams('ev-ca', 'del-1', 'acme'), body: {} });
      const b2cRemoved = await recording(() => manage.DELETE(B2C, b2cParams('ev-ca', 'del-1')));
      expect(b2cRemoved.events).toEqual([
        {
          type: EventTypes.customerAssignmentDeleted,
          resource: customerResource('ev-ca', 'del-1'),
          version: null,
          data: { segmentId: 'ev-ca', customerId: 'del-1', assignmentType: 'MANUAL', tenant, reason: 'manual' },
        },
      ]);
      const b2bRemoved = await recording(() => manage.DELETE(B2B, b2bParams('ev-ca', 'del-1', 'acme')));
      expect(b2bRemoved.events).toEqual([
        {
          type: EventTypes.customerAssignmentDeleted,
          resource: customerResource('ev-ca', 'del-1', 'acme'),
          version: null,
          data: {
            segmentId: 'ev-ca',
            customerId: 'del-1',
            legalEntityId: 'acme',
            assignmentType: 'MANUAL',
            tenant,
            reason: 'manual',
          },
        },
      ]);
      expect((await recording(() => manage.DELETE(B2C, b2cParams('ev-ca', 'del-1')))).events).toEqual([]);
    });

    it('bulk PUT records one event per changed assignment in request order, bulk DELETE per removed one', async () => {
      await manage.PUT(B2C, { ...b2cParams('ev-ca', 'bulk-old'), body: {} });
      const odd = 'a/b%c';
      const put = await recording(() =>
        manage.PUT(CUSTOMERS_BULK, {
          ...segmentParams('ev-ca'),
          body: [
            { customerId: odd },
            { customerId: 'bulk-old', mixins: { n: { v: 1 } } },
            { customerId: 'ann', legalEntityId: 'acme' },
            // As stored already: unchanged.
            {
              customerId: 'ann',
              mixins: { prefs: { newsletter: true } },
              metadata: { mixins: { prefs: 'https://x/p.json' } },
            },
            { customerId: '' },
          ],
        }),
      );
      expect(put.answer.data?.map((result) => result.code)).toEqual([201, 204, 201, 204, 400]);
      expect(put.events).toEqual([
        {
          type: EventTypes.customerAssignmentCreated,
          resource: { type: 'customer-assignment', id: 'ev-ca/a%2Fb%25c' },
          version: 1,
          data: {
            segmentId: 'ev-ca',
            customer: { id: odd },
            assignmentType: 'MANUAL',
            mixins: {},
            metadata: expect.objectContaining({ version: 1 }),
            tenant,
            reason: 'manual',
          },
        },
        {
          type: EventTypes.customerAssignmentUpdated,
          resource: customerResource('ev-ca', 'bulk-old'),
          version: 2,
          data: await b2c('ev-ca', 'bulk-old'),
        },
        {
          type: EventTypes.customerAssignmentCreated,
          resource: customerResource('ev-ca', 'ann', 'acme'),
          version: 1,
          data: await b2b('ev-ca', 'ann', 'acme'),
        },
      ]);

      const removed = await recording(() =>
        manage.DELETE(CUSTOMERS_BULK, {
          ...segmentParams('ev-ca'),
          body: [{ customerId: 'ann', legalEntityId: 'acme' }, { customerId: 'never' }, { customerId: odd }],
        }),
      );
      expect(removed.answer.data?.map((result) => result.code)).toEqual([204, 204, 204]);
      // A bulk delete removes its items in lock order (by key), so their events come in that order.
      expect(removed.events).toEqual([
        {
          type: EventTypes.customerAssignmentDeleted,
          resource: { type: 'customer-assignment', id: 'ev-ca/a%2Fb%25c' },
          version: null,
          data: { segmentId: 'ev-ca', customerId: odd, assignmentType: 'MANUAL', tenant, reason: 'manual' },
        },
        {
          type: EventTypes.customerAssignmentDeleted,
          resource: customerResource('ev-ca', 'ann', 'acme'),
          version: null,
          data: {
            segmentId: 'ev-ca',
            customerId: 'ann',
            legalEntityId: 'acme',
            assignmentType: 'MANUAL',
            tenant,
            reason: 'manual',
          },
        },
      ]);
    });
  });

  describe('item assignments', () => {
    beforeAll(async () => {
      await manage.PUT(SEGMENT, { ...segmentParams('ev-ia'), body: { name: { en: 'IA' }, siteCode: 'main' } });
    });

    it('PUT records created and updated with the catalog’s code and name of the item; unchanged or refused none', async () => {
      const created = await recording(() => manage.PUT(ITEM, { ...itemParams('ev-ia', 'PRODUCT', 'sku-1'), body: {} }));
      expect(created.answer.response.status).toBe(201);
      expect(created.events).toEqual([
        {
          type: EventTypes.itemAssignmentCreated,
          resource: itemResource('ev-ia', 'PRODUCT', 'sku-1'),
          version: 1,
          data: await item('ev-ia', 'PRODUCT', 'sku-1'),
        },
      ]);
      expect(created.events[0].data).toMatchObject({
        item: { id: 'sku-1', code: 'SKU-1', name: { en: 'Drill', de: 'Bohrer' } },
      });

      const category = await recording(() =>
        manage.PUT(ITEM, { ...itemParams('ev-ia', 'CATEGORY', 'tools'), body: {} }),
      );
      expect(category.events).toEqual([
        {
          type: EventTypes.itemAssignmentCreated,
          resource: itemResource('ev-ia', 'CATEGORY', 'tools'),
          version: 1,
          data: await item('ev-ia', 'CATEGORY', 'tools'),
        },
      ]);
      expect(category.events[0].data).toMatchObject({ item: { id: 'tools', code: 'T', name: { en: 'Tools' } } });

      const mixins = { placement: { slot: 2 } };
      const updated = await recording(() =>
        manage.PUT(ITEM, { ...itemParams('ev-ia', 'PRODUCT', 'sku-1'), body: { mixins, metadata: { version: 1 } } }),
      );
      expect(updated.answer.response.status).toBe(204);
      expect(updated.events).toEqual([
        {
          type: EventTypes.itemAssignmentUpdated,
          resource: itemResource('ev-ia', 'PRODUCT', 'sku-1'),
          version: 2,
          data: await item('ev-ia', 'PRODUCT', 'sku-1'),
        },
      ]);
      expect(updated.events[0].data).toMatchObject({ mixins });

      expect(
        (await recording(() => manage.PUT(ITEM, { ...itemParams('ev-ia', 'PRODUCT', 'sku-1'), body: { mixins } })))
          .events,
      ).toEqual([]);
      const conflict = await recording(() =>
        manage.PUT(ITEM, { ...itemParams('ev-ia', 'PRODUCT', 'sku-1'), body: { metadata: { version: 1 } } }),
      );
      expect(conflict.answer.response.status).toBe(409);
      expect(conflict.events).toEqual([]);
    });

    it('DELETE records item-assignment-deleted naming the item by itemId; an absent assignment none', async () => {
      await manage.PUT(ITEM, { ...itemParams('ev-ia', 'PRODUCT', 'gone'), body: {} });
      const removed = await recording(() => manage.DELETE(ITEM, itemParams('ev-ia', 'PRODUCT', 'gone')));
      expect(removed.answer.response.status).toBe(204);
      expect(removed.events).toEqual([
        {
          type: EventTypes.itemAssignmentDeleted,
          resource: itemResource('ev-ia', 'PRODUCT', 'gone'),
          version: null,
          data: { segmentId: 'ev-ia', type: 'PRODUCT', itemId: 'gone', tenant },
        },
      ]);
      expect((await recording(() => manage.DELETE(ITEM, itemParams('ev-ia', 'PRODUCT', 'gone')))).events).toEqual([]);
    });

    it('bulk PUT records one event per changed assignment in request order, bulk DELETE per removed one', async () => {
      const put = await recording(() =>
        manage.PUT(ITEMS_BULK, {
          ...itemsBulkParams('ev-ia', 'PRODUCT'),
          body: [
            { id: 'b-1' },
            { id: 'sku-1', mixins: { placement: { slot: 3 } } },
            { id: 'b-1' },
            { id: 42 as never },
          ],
        }),
      );
      expect(put.answer.data?.map((result) => result.code)).toEqual([201, 204, 204, 400]);
      expect(put.events).toEqual([
        {
          type: EventTypes.itemAssignmentCreated,
          resource: itemResource('ev-ia', 'PRODUCT', 'b-1'),
          version: 1,
          data: await item('ev-ia', 'PRODUCT', 'b-1'),
        },
        {
          type: EventTypes.itemAssignmentUpdated,
          resource: itemResource('ev-ia', 'PRODUCT', 'sku-1'),
          version: 3,
          data: await item('ev-ia', 'PRODUCT', 'sku-1'),
        },
      ]);

      const removed = await recording(() =>
        manage.DELETE(ITEMS_BULK, { ...itemsBulkParams('ev-ia', 'PRODUCT'), body: ['sku-1', 'absent', 'b-1'] }),
      );
      expect(removed.answer.data?.map((result) => result.code)).toEqual([204, 204, 204]);
      // In lock order (by item id), as the bulk removes them.
      expect(removed.events).toEqual(
        ['b-1', 'sku-1'].map((itemId) => ({
          type: EventTypes.itemAssignmentDeleted,
          resource: itemResource('ev-ia', 'PRODUCT', itemId),
          version: null,
          data: { segmentId: 'ev-ia', type: 'PRODUCT', itemId, tenant },
        })),
      );
    });
  });
});
