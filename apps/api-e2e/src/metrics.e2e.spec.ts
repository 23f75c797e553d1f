import { ApiClient } from '@cs/client';
import { EventTypes, Scopes } from '@cs/contracts';
import { MetricsServer } from '@cs/api/testing';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { SEGMENT, SEGMENTS, SEGMENTS_BULK, segmentBody, tenant } from './fixtures';
import { E2e, startE2e } from './support';
import { WebhookReceiver } from './webhook-receiver';

const CUSTOMER_DATA = '/customer-management/{tenant}/customers/bulk' as const;
const ENDPOINTS = '/webhooks/{tenant}/endpoints' as const;
const path = { params: { path: { tenant } } };

/** One scrape: every sample by its name and labels (`name{a="1",b="2"}`, as the exposition writes them). */
interface Scrape {
  text: string;
  /** The sum of the samples of `name` whose labels include `labels`; undefined when there is none. */
  value(name: string, labels?: Record<string, string>): number | undefined;
  /** The label sets of the samples of `name`. */
  labelsOf(name: string): Array<Record<string, string>>;
}

function parseScrape(text: string): Scrape {
  const samples = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labelText, value] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line) ?? [];
      const labels = Object.fromEntries([...(labelText ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
      return { name, labels, value: Number(value) };
    });
  const matching = (name: string, labels: Record<string, string> = {}) =>
    samples.filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    );
  return {
    text,
    value: (name, labels) => {
      const found = matching(name, labels);
      return found.length ? found.reduce((sum, sample) => sum + sample.value, 0) : undefined;
    },
    labelsOf: (name) => matching(name).map((sample) => sample.labels),
  };
}

async function scrape(baseUrl: string): Promise<Scrape> {
  const response = await fetch(`${baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseScrape(await response.text());
}

/** The Fastify template of an OpenAPI path: what the route label holds. */
const template = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');

describe('Prometheus metrics on the service port', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    e2e = await startE2e({ WEBHOOKS_ALLOW_PRIVATE: 'true', EVENTS_POLL_INTERVAL_MS: '200' });
    manage = await e2e.client([
      Scopes.segmentManage,
      Scopes.segmentRead,
      Scopes.contactAssignmentManage,
      Scopes.webhookEndpointManage,
    ]);
  });
  afterAll(async () => {
    await e2e?.server.close();
    await receiver?.stop();
  });

  it('counts requests by route template, method and status, statements by name, pools, events and memberships', async () => {
    const { response: hook } = await manage.POST(ENDPOINTS, {
      ...path,
      body: { url: receiver.url('/created'), eventTypes: [EventTypes.segmentCreated] },
    });
    expect(hook.status).toBe(201);
    const before = await scrape(e2e.server.baseUrl);
    const requests = (route: string, method: string, status: number) =>
      (after.value('customer_segments_http_requests_total', { route, method, status: String(status) }) ?? 0) -
      (before.value('customer_segments_http_requests_total', { route, method, status: String(status) }) ?? 0);

    // Customer data in a tenant without automatic segments: nothing to evaluate, nothing counted.
    await manage.PUT(CUSTOMER_DATA, {
      ...path,
      body: [
        { id: 'ann', mixins: { tier: 'gold' } },
        { id: 'bob', mixins: { tier: 'gold' } },
        { id: 'cid', mixins: { tier: 'silver' } },
      ] as never,
    });
    const { response: put } = await manage.PUT(SEGMENT, {
      params: { path: { tenant, segmentId: 'metrics-vip' } },
      body: segmentBody(),
    });
    expect(put.status).toBe(201);
    for (let i = 0; i < 2; i++) expect((await manage.GET(SEGMENTS, path)).response.status).toBe(200);
    const { response: absent } = await manage.GET(SEGMENT, { params: { path: { tenant, segmentId: 'no-such' } } });
    expect(absent.status).toBe(404);
    expect((await fetch(`${e2e.server.baseUrl}/no/such/route/metrics-vip`)).status).toBe(404);
    const { response: bulk } = await manage.POST(SEGMENTS_BULK, {
      ...path,
      body: [
        { ...segmentBody(), id: 'metrics-b1' },
        { ...segmentBody(), id: 'metrics-b2' },
      ],
    });
    expect(bulk.status).toBe(207);
    // An automatic segment: created with criteria (2 join), then a customer's data change (ann leaves).
    const { response: automatic } = await manage.POST(SEGMENTS, {
      ...path,
      body: { ...segmentBody(), id: 'metrics-gold', criteria: 'customer.mixins.tier:gold' },
    });
    expect(automatic.status).toBe(201);
    await manage.PUT(CUSTOMER_DATA, { ...path, body: [{ id: 'ann', mixins: { tier: 'bronze' } }] as never });
    // The endpoint takes the 4 segment-created events.
    await receiver.waitFor('/created', 4);

    let after = await scrape(e2e.server.baseUrl);
    expect(requests(template(SEGMENT), 'PUT', 201)).toBe(1);
    expect(requests(template(SEGMENTS), 'GET', 200)).toBe(2);
    expect(requests(template(SEGMENT), 'GET', 404)).toBe(1);
    expect(requests('unmatched', 'GET', 404)).toBe(1);
    expect(requests(template(SEGMENTS_BULK), 'POST', 207)).toBe(1);
    expect(requests(template(SEGMENTS), 'POST', 201)).toBe(1);
    expect(requests(template(CUSTOMER_DATA), 'PUT', 207)).toBe(2);
    const durations = (scrape: Scrape) =>
      scrape.value('customer_segments_http_request_duration_seconds_count', {
        route: template(SEGMENTS),
        method: 'GET',
      });
    expect((durations(after) ?? 0) - (durations(before) ?? 0)).toBe(2);
    // Labels hold templates and fixed names only: no raw path, id or tenant anywhere.
    expect(after.text).not.toMatch(/metrics-vip|no-such|testtenant|\/no\/such/);

    // Statements by name, e.g. `INSERT segment#0123456789`, with their durations.
    const statements = after.labelsOf('customer_segments_db_statement_duration_seconds_count').map((l) => l.statement);
    expect(statements).toEqual(expect.arrayContaining([expect.stringMatching(/^\w+ segment#[0-9a-f]{10}$/)]));
    expect(statements.every((name) => /^[A-Z]+( \w+)?(#[0-9a-f]{10})?$/.test(name))).toBe(true);
    expect(after.value('customer_segments_db_statement_duration_seconds_count')).toBeGreaterThan(
      before.value('customer_segments_db_statement_duration_seconds_count') ?? 0,
    );

    // The three pools, read at scrape time.
    expect(after.labelsOf('customer_segments_db_pool_connections').map((l) => l.pool)).toEqual(
      expect.arrayContaining(['requests', 'relay', 'webhooks']),
    );
    expect(after.value('customer_segments_db_pool_connections_max', { pool: 'requests' })).toBe(10);
    expect(after.value('customer_segments_db_pool_connections_max', { pool: 'relay' })).toBe(2);
    expect(after.value('customer_segments_db_pool_connections', { pool: 'requests' })).toBeGreaterThan(0);
    expect(after.value('customer_segments_db_pool_waiting', { pool: 'requests' })).toBe(0);

    // Memberships: one evaluation of the new criteria (2 joined), one of ann's data change (1 left).
    const memberships = (name: string, labels: Record<string, string>) =>
      (after.value(name, labels) ?? 0) - (before.value(name, labels) ?? 0);
    expect(memberships('customer_segments_membership_evaluations_total', { reason: 'criteria-changed' })).toBe(1);
    expect(memberships('customer_segments_membership_evaluations_total', { reason: 'data-changed' })).toBe(1);
    const changes = { reason: 'criteria-changed', change: 'joined' };
    expect(memberships('customer_segments_membership_changes_total', changes)).toBe(2);
    expect(memberships('customer_segments_membership_changes_total', { ...changes, change: 'left' })).toBe(0);
    const leaves = { reason: 'data-changed', change: 'left' };
    expect(memberships('customer_segments_membership_changes_total', leaves)).toBe(1);

    // Events: every one in the outbox is published to the webhook sink (the relay runs on its own, so wait).
    const [{ events }] = await e2e.server.db.query('SELECT count(*)::int AS events FROM outbox');
    const published = { sink: 'webhooks', outcome: 'published' };
    for (let wait = 0; after.value('customer_segments_events_published_total', published) !== events; wait++) {
      expect(wait).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await scrape(e2e.server.baseUrl);
    }
    expect(after.value('customer_segments_events_published_total', { outcome: 'failed' }) ?? 0).toBe(0);
    expect(after.value('customer_segments_webhook_attempts_total', { outcome: 'succeeded' })).toBe(4);
    expect(after.value('customer_segments_events_backlog')).toBeGreaterThanOrEqual(0);
    expect(after.value('customer_segments_events_backlog_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    // The process's own series, on the app's registry.
    expect(after.value('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(after.value('nodejs_eventloop_lag_seconds')).toBeDefined();
  });
});

describe('Prometheus metrics on METRICS_PORT', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e({ METRICS_PORT: '0' });
  });
  afterAll(() => e2e?.server.close());

  it('serves them on their own port only: 404 on the service port, and 404 for other paths there', async () => {
    const port = e2e.server.app.get(MetricsServer).port;
    expect(port).toBeGreaterThan(0);
    const metricsUrl = `http://127.0.0.1:${port}`;
    expect((await fetch(`${e2e.server.baseUrl}/health`)).status).toBe(200);
    const scraped = await scrape(metricsUrl);
    expect(scraped.value('customer_segments_http_requests_total', { route: '/health', method: 'GET' })).toBe(1);
    expect((await fetch(`${e2e.server.baseUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${metricsUrl}/health`)).status).toBe(404);
  });
});

describe('Prometheus metrics off', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e({ METRICS_ENABLED: 'false' });
  });
  afterAll(() => e2e?.server.close());

  it('does not serve them on the service port with METRICS_ENABLED=false', async () => {
    expect((await fetch(`${e2e.server.baseUrl}/metrics`)).status).toBe(404);
  });
});

describe('Prometheus metrics of read replicas', () => {
  let database: ScratchDatabase;
  let e2e: E2e;
  beforeAll(async () => {
    // The database stands in for its own replica: reads without a consistency token go to any replica that answers.
    database = await createTestDatabase();
    e2e = await startE2e({ DATABASE_URL: database.url, DATABASE_REPLICA_URLS: database.url });
  });
  afterAll(async () => {
    await e2e?.server.close();
    await database?.drop();
  });

  it('reports each replica pool as replica-<n> and times the reads it serves by statement name', async () => {
    const read = await e2e.client([Scopes.segmentRead]);
    const before = await scrape(e2e.server.baseUrl);
    const { response } = await read.GET(SEGMENTS, path);
    expect(response.status).toBe(200);
    const after = await scrape(e2e.server.baseUrl);
    expect(after.value('customer_segments_db_pool_connections_max', { pool: 'replica-1' })).toBe(10);
    expect(after.value('customer_segments_db_pool_connections', { pool: 'replica-1' })).toBeGreaterThan(0);
    // The list's page statement ran on the replica (its pool had no connection before) and was timed there.
    expect(before.value('customer_segments_db_pool_connections', { pool: 'replica-1' })).toBe(0);
    const count = (scrape: Scrape) =>
      Object.fromEntries(
        scrape
          .labelsOf('customer_segments_db_statement_duration_seconds_count')
          .map(({ statement }) => [
            statement,
            scrape.value('customer_segments_db_statement_duration_seconds_count', { statement }),
          ]),
      );
    const grown = Object.entries(count(after)).filter(([name, value]) => value !== count(before)[name]);
    expect(grown.map(([name]) => name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\w+ segment#[0-9a-f]{10}$/)]),
    );
  });
});
