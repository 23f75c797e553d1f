import { ApiClient, components, createApiClient } from '@cs/client';
import { EventTypes, Scopes } from '@cs/contracts';
import { fixtures, ISO, SEGMENT, tenant } from './fixtures';
import { E2e, startE2e } from './support';

type Event = components['schemas']['Event'];
type FeedQuery = { after?: string; types?: string; limit?: number; wait?: number };

const EVENTS = '/customer-segment/{tenant}/events' as const;
const OTHER_TENANT = 'othertenant';

describe('event feed: commit-ordered events after a cursor, long polls, scopes', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let events: ApiClient;
  let f: ReturnType<typeof fixtures>;

  const feed = async (query: FeedQuery = {}, client = events, path = tenant) => {
    const response = await client.GET(EVENTS, { params: { path: { tenant: path }, query } });
    return {
      status: response.response.status,
      data: response.data,
      error: response.error,
      headers: response.response.headers,
    };
  };
  /** The feed from `after` once it holds at least `count` events (the relay sequences them within its poll). */
  const eventually = async (count: number, query: FeedQuery = {}): Promise<Event[]> => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const { data } = await feed({ limit: 1000, ...query });
      if (data && data.length >= count) return data;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`fewer than ${count} events in the feed`);
  };
  const last = async () => (await eventually(0)).at(-1)?.id ?? '0';

  beforeAll(async () => {
    e2e = await startE2e({
      EVENTS_POLL_INTERVAL_MS: '200',
      EVENTS_FEED_MAX_WAIT_SECONDS: '5',
      EVENTS_FEED_MAX_WAITERS: '2',
    });
    manage = await e2e.client([Scopes.segmentManage]);
    events = await e2e.client([Scopes.eventRead]);
    f = fixtures(e2e, manage);
  });
  afterAll(() => e2e.server.close());

  it('returns every change as an envelope, in commit order, with per-resource sequence and version', async () => {
    const after = await last();
    await f.segment('ev-seg');
    await manage.PUT(SEGMENT, {
      params: { path: { tenant, segmentId: 'ev-seg' } },
      body: { name: { en: 'Renamed' }, status: 'INACTIVE', siteCode: 'main' },
    });
    await manage.PUT('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}/{legalEntityId}', {
      params: { path: { tenant, segmentId: 'ev-seg', customerId: 'c/1', legalEntityId: 'le-1' } },
      body: {},
    });
    await manage.PUT('/customer-segment/{tenant}/segments/{segmentId}/items/{type}/{itemId}', {
      params: { path: { tenant, segmentId: 'ev-seg', type: 'PRODUCT', itemId: 'sku-1' } },
      body: {},
    });
    await manage.DELETE(SEGMENT, {
      params: { path: { tenant, segmentId: 'ev-seg' }, query: { forceDelete: true } },
    });
    const got = await eventually(7, { after });
    expect(got.map((event) => [event.type, event.resource, event.sequence, event.version])).toEqual([
      [EventTypes.segmentCreated, { type: 'segment', id: 'ev-seg' }, 1, 1],
      [EventTypes.segmentUpdated, { type: 'segment', id: 'ev-seg' }, 2, 2],
      [EventTypes.customerAssignmentCreated, { type: 'customer-assignment', id: 'ev-seg/c%2F1/le-1' }, 1, 1],
      [EventTypes.itemAssignmentCreated, { type: 'item-assignment', id: 'ev-seg/PRODUCT/sku-1' }, 1, 1],
      // forceDelete: the assignments' deletions, then the segment's.
      [EventTypes.customerAssignmentDeleted, { type: 'customer-assignment', id: 'ev-seg/c%2F1/le-1' }, 2, null],
      [EventTypes.itemAssignmentDeleted, { type: 'item-assignment', id: 'ev-seg/PRODUCT/sku-1' }, 2, null],
      [EventTypes.segmentDeleted, { type: 'segment', id: 'ev-seg' }, 3, null],
    ]);
    const updated = got[1];
    expect(updated).toMatchObject({ tenant, occurredAt: expect.stringMatching(ISO) });
    if (updated.type !== 'customer-segment.segment-updated') throw new Error('not an update');
    expect(updated.data).toMatchObject({ id: 'ev-seg', name: { en: 'Renamed' }, previousStatus: 'ACTIVE' });
    expect(updated.data.metadata.version).toBe(2);
    const ids = got.map((event) => BigInt(event.id));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
  });

  it('pages by cursor without overlap or gap, and filters by type and family', async () => {
    const after = await last();
    for (const id of ['p1', 'p2', 'p3']) await f.segment(id);
    await manage.PUT('/customer-segment/{tenant}/segments/{segmentId}/items/{type}/{itemId}', {
      params: { path: { tenant, segmentId: 'p1', type: 'CATEGORY', itemId: 'cat-1' } },
      body: {},
    });
    const all = await eventually(4, { after });
    const paged: Event[] = [];
    for (let cursor = after; ;) {
      const { data = [] } = await feed({ after: cursor, limit: 1 });
      if (!data.length) break;
      expect(data).toHaveLength(1);
      paged.push(...data);
      cursor = data[0].id;
    }
    expect(paged).toEqual(all);
    const created = await feed({ after, types: EventTypes.segmentCreated });
    expect(created.data?.map((event) => event.resource.id)).toEqual(['p1', 'p2', 'p3']);
    const items = await feed({ after, types: `${EventTypes.itemAssignmentCreated},${EventTypes.segmentDeleted}` });
    expect(items.data?.map((event) => event.type)).toEqual([EventTypes.itemAssignmentCreated]);
    expect((await feed({ after, types: 'customer-segment.*' })).data).toEqual(all);
    expect((await feed({ after, limit: 2 })).data).toEqual(all.slice(0, 2));
  });

  it('answers bad parameters with 400 and the Emporix error body', async () => {
    for (const query of [
      { limit: 0 },
      { limit: 1001 },
      { after: 'abc' },
      { after: '-1' },
      { after: '99999999999999999999' },
      { types: 'customer-segment.nothing' },
      { types: 'nothing.*' },
      { wait: 6 },
    ] as FeedQuery[]) {
      const answer = await feed(query);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(answer.error).toMatchObject({ code: 400, details: { field: Object.keys(query)[0] } });
    }
  });

  it('long-polls: a write wakes a waiting request; without one it answers [] after wait seconds', async () => {
    const after = await last();
    const started = Date.now();
    const waiting = feed({ after, wait: 5 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await f.segment('woken');
    const woken = await waiting;
    expect(woken.data?.map((event) => event.resource.id)).toEqual(['woken']);
    expect(Date.now() - started).toBeLessThan(3_000);

    const cursor = woken.data?.[0].id;
    const quiet = Date.now();
    expect((await feed({ after: cursor, wait: 1 })).data).toEqual([]);
    expect(Date.now() - quiet).toBeGreaterThanOrEqual(950);
  });

  it('bounds the waiting requests: beyond EVENTS_FEED_MAX_WAITERS 503 with Retry-After', async () => {
    const after = await last();
    const waiters = [feed({ after, wait: 2 }), feed({ after, wait: 2 })];
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The client's own retries would wait for a free place; this one shows the 503.
    const once = createApiClient({
      baseUrl: e2e.server.baseUrl,
      token: await e2e.server.token([Scopes.eventRead]),
      retry: false,
    });
    const refused = await feed({ after, wait: 2 }, once);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    // Without `wait` a request waits for nothing and is always served.
    expect((await feed({ after })).status).toBe(200);
    expect((await Promise.all(waiters)).map((answer) => answer.data)).toEqual([[], []]);
  });

  it("shows only the token's tenant, and only to event_read", async () => {
    await f.segment('mine');
    const other = await e2e.client([Scopes.eventRead, Scopes.segmentManage], { tenant: OTHER_TENANT });
    await other.PUT(SEGMENT, {
      params: { path: { tenant: OTHER_TENANT, segmentId: 'theirs' } },
      body: { name: { en: 'Theirs' }, siteCode: 'main' },
    });
    const theirs = await (async () => {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
        const { data = [] } = await feed({}, other, OTHER_TENANT);
        if (data.length) return data;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return [];
    })();
    expect(theirs.map((event) => [event.tenant, event.resource.id])).toEqual([[OTHER_TENANT, 'theirs']]);
    expect((await eventually(1)).every((event) => event.tenant === tenant)).toBe(true);
    expect((await feed({}, other)).status).toBe(403);
    expect((await feed({}, manage)).status).toBe(403);
    expect((await feed({}, await e2e.client([Scopes.segmentRead]))).status).toBe(403);
    expect((await feed({}, e2e.anonymous)).status).toBe(401);
    const customer = await e2e.client([Scopes.segmentReadOwn], { customerId: 'c-1' });
    expect((await feed({}, customer)).status).toBe(403);
    // A customer token cannot carry the scope at all.
    await expect(e2e.server.token([Scopes.eventRead], { customerId: 'c-1' })).rejects.toThrow(/invalid_scope/);
  });

  it('relays over a pool of its own, so its statements never wait behind the requests for a connection', async () => {
    const after = await last();
    await f.segment('ev-pool');
    await eventually(1, { after });
    const [{ sessions }] = await e2e.server.db.query(
      `SELECT count(*)::int AS sessions FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'customer-segments-relay'`,
    );
    // At most EVENTS_RELAY_POOL_SIZE (2): the readiness probe's backlog count may run beside the relay's round.
    expect(sessions).toBeGreaterThanOrEqual(1);
    expect(sessions).toBeLessThanOrEqual(2);
  });

  it('reports the relay and its backlog in the readiness detail', async () => {
    const ready = await fetch(`${e2e.server.baseUrl}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', events: { relay: 'on', backlog: expect.any(Number) } });
  });
});

describe('EVENTS_RELAY=false', () => {
  let e2e: E2e;
  beforeAll(async () => (e2e = await startE2e({ EVENTS_RELAY: 'false', EVENTS_POLL_INTERVAL_MS: '100' })));
  afterAll(() => e2e.server.close());

  it('records events but leaves them to another relay: not sequenced, not in the feed, counted as backlog', async () => {
    const manage = await e2e.client([Scopes.segmentManage]);
    await fixtures(e2e, manage).segment('unrelayed');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await e2e.server.db.query('SELECT position, sequence FROM outbox WHERE tenant = $1', [tenant]);
    expect(rows).toEqual([{ position: null, sequence: null }]);
    const events = await e2e.client([Scopes.eventRead]);
    const { data } = await events.GET(EVENTS, { params: { path: { tenant }, query: {} } });
    expect(data).toEqual([]);
    const ready = await fetch(`${e2e.server.baseUrl}/health/ready`);
    expect(await ready.json()).toMatchObject({ events: { relay: 'off', backlog: 1 } });
    const [{ sessions }] = await e2e.server.db.query(
      `SELECT count(*)::int AS sessions FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'customer-segments-relay'`,
    );
    expect(sessions).toBe(0);
  });
});
