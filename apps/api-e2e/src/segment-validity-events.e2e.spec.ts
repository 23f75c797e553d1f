import { ApiClient, components } from '@cs/client';
import { EventTypes, Scopes } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { SEGMENT, SEGMENTS, segmentPath, tenant } from './fixtures';
import { E2e, startE2e } from './support';

type Event = components['schemas']['Event'];

const EVENTS = '/customer-segment/{tenant}/events' as const;
const REACHED = EventTypes.segmentValidityReached;
/** How late an announcement may come after its boundary. */
const PUNCTUAL_MS = 1_000;

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One service (or several on one database): a client that writes segments and one that reads the feed. */
async function clients(e2e: E2e): Promise<{ manage: ApiClient; events: ApiClient }> {
  return {
    manage: await e2e.client([Scopes.segmentManage, Scopes.segmentRead]),
    events: await e2e.client([Scopes.eventRead]),
  };
}

/** The validity events of the feed after `after`, once `count` are there or `waitMs` has passed. */
async function reached(events: ApiClient, after: string, count: number, waitMs: number): Promise<Event[]> {
  const found: Event[] = [];
  for (let cursor = after, deadline = Date.now() + waitMs; found.length < count && Date.now() < deadline;) {
    const wait = Math.max(1, Math.ceil((deadline - Date.now()) / 1000));
    const { data = [] } = await events.GET(EVENTS, {
      params: { path: { tenant }, query: { after: cursor, types: REACHED, wait } },
    });
    found.push(...data);
    cursor = data.at(-1)?.id ?? cursor;
  }
  return found;
}

/** The feed's last position now. */
async function feedEnd(events: ApiClient): Promise<string> {
  let last = '0';
  for (let page: Event[] = []; ; last = page.at(-1)?.id ?? last) {
    page = (await events.GET(EVENTS, { params: { path: { tenant }, query: { after: last, limit: 1000 } } })).data ?? [];
    if (!page.length) return last;
  }
}

/** How long after `boundary` the event was recorded. */
const lateMs = (event: Event, boundary: string) => Date.parse(event.occurredAt) - Date.parse(boundary);

describe('segment-validity-reached: recorded once when a boundary of an ACTIVE segment passes, without a write', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let events: ApiClient;
  const body = { name: { en: 'Timed' }, siteCode: 'main', status: 'ACTIVE' as const };

  // The default poll (5 s): punctual announcements come from the timer the writes arm.
  beforeAll(async () => {
    e2e = await startE2e();
    ({ manage, events } = await clients(e2e));
  });
  afterAll(() => e2e.server.close());

  it('announces validity.from and validity.to at their instants, each once, with the segment as it is', async () => {
    const after = await feedEnd(events);
    const validity = { from: inMs(1_000), to: inMs(2_000) };
    const created = await manage.POST(SEGMENTS, {
      params: { path: { tenant } },
      body: { ...body, id: 'timed', validity },
    });
    expect(created.response.status).toBe(201);

    const announced = await reached(events, after, 2, 2_000 + 3_000);
    const stored = (await manage.GET(SEGMENT, { params: segmentPath('timed') })).data;
    expect(announced.map(({ type, resource, version, data }) => ({ type, resource, version, data }))).toEqual(
      (['from', 'to'] as const).map((boundary) => ({
        type: REACHED,
        resource: { type: 'segment', id: 'timed' },
        version: 1,
        data: {
          id: 'timed',
          siteCode: 'main',
          status: 'ACTIVE',
          validity,
          boundary,
          at: validity[boundary],
          active: boundary === 'from',
          tenant,
        },
      })),
    );
    // The segment is unchanged: no write, no new version.
    expect(stored?.metadata?.version).toBe(1);
    for (const event of announced) {
      const boundary = event.data as { at: string };
      expect(lateMs(event, boundary.at)).toBeGreaterThanOrEqual(0);
      expect(lateMs(event, boundary.at)).toBeLessThan(PUNCTUAL_MS);
    }
    // Nothing more comes.
    expect(await reached(events, announced[1].id, 1, 1_000)).toEqual([]);
  });

  it('announces nothing for INACTIVE segments and for boundaries a write set in the past; a moved boundary anew', async () => {
    const after = await feedEnd(events);
    const soon = { from: inMs(800) };
    await manage.POST(SEGMENTS, {
      params: { path: { tenant } },
      body: { ...body, id: 'off', status: 'INACTIVE', validity: soon },
    });
    await manage.POST(SEGMENTS, { params: { path: { tenant } }, body: { ...body, id: 'moved', validity: soon } });
    await manage.POST(SEGMENTS, { params: { path: { tenant } }, body: { ...body, id: 'started', validity: soon } });
    // Before they pass: 'moved' gets a later start, 'started' one in the past (its update event shows it).
    const later = inMs(1_600);
    expect(
      (await manage.PUT(SEGMENT, { params: segmentPath('moved'), body: { ...body, validity: { from: later } } }))
        .response.status,
    ).toBe(204);
    expect(
      (
        await manage.PUT(SEGMENT, {
          params: segmentPath('started'),
          body: { ...body, validity: { from: '2020-01-01T00:00:00.000Z' } },
        })
      ).response.status,
    ).toBe(204);

    const announced = await reached(events, after, 2, 1_600 + 2_000);
    expect(announced.map((event) => [event.resource.id, (event.data as { at: string }).at])).toEqual([
      ['moved', later],
    ]);
    expect(lateMs(announced[0], later)).toBeLessThan(PUNCTUAL_MS);
  });
});

describe('segment-validity-reached with two service processes on one database', () => {
  let database: ScratchDatabase;
  let replicas: E2e[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Both look every 100 ms, so both race for every boundary.
    for (let i = 0; i < 2; i++)
      replicas.push(await startE2e({ DATABASE_URL: database.url, EVENTS_VALIDITY_POLL_INTERVAL_MS: '100' }));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.server.close()));
    replicas = [];
    await database.drop();
  });

  it('records every boundary exactly once, at its instant', async () => {
    const [first, second] = await Promise.all(replicas.map(clients));
    const after = await feedEnd(first.events);
    const segments = Array.from({ length: 20 }, (_, i) => ({ id: `r-${i}`, validity: { from: inMs(1_000 + i * 20) } }));
    await Promise.all(
      segments.map((segment, i) =>
        (i % 2 ? second : first).manage.POST(SEGMENTS, {
          params: { path: { tenant } },
          body: { name: { en: 'R' }, siteCode: 'main', status: 'ACTIVE', ...segment },
        }),
      ),
    );

    const announced = await reached(first.events, after, segments.length, 1_400 + 3_000);
    // A second copy would come within the poll interval; the other process's feed (the same outbox) has none.
    await sleep(500);
    const { data: all } = await second.events.GET(EVENTS, {
      params: { path: { tenant }, query: { after, types: REACHED, limit: 1000 } },
    });
    expect(all?.map((event) => event.id)).toEqual(announced.map((event) => event.id));
    expect(announced.map((event) => event.resource.id).sort()).toEqual(segments.map((segment) => segment.id).sort());
    for (const event of announced) {
      const { at } = event.data as { at: string };
      expect(lateMs(event, at)).toBeGreaterThanOrEqual(0);
      expect(lateMs(event, at)).toBeLessThan(PUNCTUAL_MS);
    }
  });
});
