import { ApiClient } from '@cs/client';
import { EventTypes, Scopes } from '@cs/contracts';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@cs/postgres';
import { SEGMENTS } from './fixtures';
import { E2e, startE2e } from './support';
import { Received, WebhookReceiver } from './webhook-receiver';

const ATTEMPTS = '/webhooks/{tenant}/endpoints/{endpointId}/attempts' as const;
const TEST = '/webhooks/{tenant}/endpoints/{endpointId}/test' as const;
const REPLAY = '/webhooks/{tenant}/endpoints/{endpointId}/replay' as const;
const RETRY = '/webhooks/{tenant}/endpoints/{endpointId}/attempts/{attemptId}/retry' as const;
const EVENTS = '/customer-segment/{tenant}/events' as const;
const ENDPOINTS = '/webhooks/{tenant}/endpoints' as const;
const ENDPOINT = '/webhooks/{tenant}/endpoints/{endpointId}' as const;
const ROTATE = '/webhooks/{tenant}/endpoints/{endpointId}/secret/rotate' as const;

interface Endpoint {
  id: string;
  secret: string;
  path: string;
}

describe('webhooks: signed deliveries, retries, disabling, replay', () => {
  let e2e: E2e;
  let receiver: WebhookReceiver;
  const clients = new Map<string, { manage: ApiClient; read: ApiClient; writer: ApiClient }>();

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    e2e = await startE2e({
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOKS_RETRY_SCHEDULE: '200ms,200ms,200ms,200ms',
      WEBHOOKS_ATTEMPT_TIMEOUT: '3s',
      WEBHOOKS_ENDPOINT_CONCURRENCY: '4',
      EVENTS_POLL_INTERVAL_MS: '200',
    });
  });
  afterAll(async () => {
    await e2e.server.close();
    await receiver.stop();
  });

  /** Each test has a tenant of its own: an endpoint takes every event of its tenant. */
  const clientsOf = async (tenant: string) => {
    let found = clients.get(tenant);
    if (!found) {
      found = {
        manage: await e2e.client([Scopes.webhookEndpointManage, Scopes.webhookEndpointRead], { tenant }),
        read: await e2e.client([Scopes.webhookEndpointRead, Scopes.eventRead], { tenant }),
        writer: await e2e.client([Scopes.segmentManage], { tenant }),
      };
      clients.set(tenant, found);
    }
    return found;
  };

  const createEndpoint = async (tenant: string, path: string, eventTypes: string[] = []): Promise<Endpoint> => {
    const { manage } = await clientsOf(tenant);
    const { data, response } = await manage.POST(ENDPOINTS, {
      params: { path: { tenant } },
      body: { url: receiver.url(path), eventTypes },
    });
    expect(response.status).toBe(201);
    return { id: data?.id ?? '', secret: data?.secret ?? '', path };
  };

  const writeSegments = async (tenant: string, count: number, prefix = 'seg') => {
    const { writer } = await clientsOf(tenant);
    for (let i = 0; i < count; i++) {
      const { response } = await writer.POST(SEGMENTS, {
        params: { path: { tenant } },
        body: { id: `${prefix}-${i}`, name: { en: `Segment ${i}` }, siteCode: 'main' },
      });
      expect(response.status).toBe(201);
    }
  };

  const attemptsOf = async (tenant: string, endpoint: Endpoint, query: Record<string, string> = {}) => {
    const { read } = await clientsOf(tenant);
    const { data, response } = await read.GET(ATTEMPTS, {
      params: { path: { tenant, endpointId: endpoint.id }, query: { pageSize: 1000, ...query } },
    });
    expect(response.status).toBe(200);
    return data ?? [];
  };

  /** The attempts once at least `count` are recorded (the worker records them after the answer). */
  const eventuallyAttempts = async (tenant: string, endpoint: Endpoint, count: number, query = {}) => {
    for (const deadline = Date.now() + 10_000; ;) {
      const attempts = await attemptsOf(tenant, endpoint, query);
      if (attempts.length >= count || Date.now() > deadline) return attempts;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const stored = async (endpoint: Endpoint) =>
    (
      await e2e.server.db.query(`SELECT active, disabled_reason, failing_since FROM webhook_endpoint WHERE id = $1`, [
        endpoint.id,
      ])
    )[0];

  const ids = (messages: Received[]) => messages.map((message) => message.id);

  it('delivers every event of a burst once, signed per Standard Webhooks, with the envelope as body', async () => {
    const tenant = 'whburst';
    const endpoint = await createEndpoint(tenant, '/burst');
    await writeSegments(tenant, 25);
    const messages = await receiver.waitFor('/burst', 25);
    expect(messages).toHaveLength(25);
    for (const message of messages) {
      const envelope = receiver.verify(message, endpoint.secret) as { id: string; type: string; tenant: string };
      expect(envelope).toMatchObject({ id: message.id, type: EventTypes.segmentCreated, tenant, sequence: 1 });
      expect(message.headers['content-type']).toBe('application/json');
      expect(Math.abs(Number(message.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    }
    expect(new Set(ids(messages)).size).toBe(25);
    const { read } = await clientsOf(tenant);
    const { data: feed } = await read.GET(EVENTS, { params: { path: { tenant }, query: { limit: 100 } } });
    expect(ids(messages).sort()).toEqual((feed ?? []).map((event) => event.id).sort());
    const attempts = await eventuallyAttempts(tenant, endpoint, 25);
    expect(attempts).toHaveLength(25);
    expect(attempts.every((attempt) => attempt.succeeded && attempt.responseStatus === 200)).toBe(true);
    expect(attempts.map((attempt) => Number(attempt.id))).toEqual(
      [...attempts.map((attempt) => Number(attempt.id))].sort((a, b) => b - a),
    );
  });

  it('only sends the event types an endpoint asks for, exact or by family', async () => {
    const tenant = 'whfilter';
    const exact = await createEndpoint(tenant, '/filter-exact', [EventTypes.segmentDeleted]);
    const family = await createEndpoint(tenant, '/filter-family', ['customer-segment.*']);
    const other = await createEndpoint(tenant, '/filter-other', ['catalog.*']);
    await writeSegments(tenant, 2);
    const { writer } = await clientsOf(tenant);
    await writer.DELETE('/customer-segment/{tenant}/segments/{segmentId}', {
      params: { path: { tenant, segmentId: 'seg-0' } },
    });
    await receiver.waitFor(family.path, 3);
    const [deleted] = await receiver.waitFor(exact.path, 1);
    expect(receiver.verify(deleted, exact.secret)).toMatchObject({ type: EventTypes.segmentDeleted });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.on(exact.path)).toHaveLength(1);
    expect(receiver.on(other.path)).toHaveLength(0);
  });

  it('retries while the receiver is down, and delivers everything once it is up, with the attempts recorded', async () => {
    const tenant = 'whdown';
    const endpoint = await createEndpoint(tenant, '/down');
    receiver.answer('/down', { status: 503 });
    await writeSegments(tenant, 3);
    await receiver.waitFor('/down', 6);
    expect((await stored(endpoint)).failing_since).not.toBeNull();
    receiver.answer('/down', { status: 204 });
    const eventIds = new Set<string>();
    for (const deadline = Date.now() + 10_000; eventIds.size < 3 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const attempts = await attemptsOf(tenant, endpoint, { q: 'succeeded:true' });
      attempts.forEach((attempt) => eventIds.add(attempt.eventId));
    }
    expect(eventIds.size).toBe(3);
    const attempts = await attemptsOf(tenant, endpoint);
    const failed = attempts.filter((attempt) => !attempt.succeeded);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    for (const attempt of failed) {
      expect(attempt).toMatchObject({ responseStatus: 503, error: 'answered 503' });
      expect(Date.parse(attempt.nextAttemptAt ?? '')).toBeGreaterThan(Date.parse(attempt.attemptedAt));
    }
    const [{ count }] = await e2e.server.db.query(
      `SELECT count(*)::int AS count FROM webhook_delivery WHERE endpoint_id = $1 AND status = 'succeeded'`,
      [endpoint.id],
    );
    expect(count).toBe(3);
    expect((await stored(endpoint)).failing_since).toBeNull();
  });

  it('gives a delivery up after the schedule, and retries it on request with the same webhook-id', async () => {
    const tenant = 'whgiveup';
    const endpoint = await createEndpoint(tenant, '/giveup');
    receiver.answer('/giveup', { status: 500 });
    await writeSegments(tenant, 1);
    const messages = await receiver.waitFor('/giveup', 5);
    const attempts = await eventuallyAttempts(tenant, endpoint, 5);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.on('/giveup')).toHaveLength(5);
    expect(attempts.map((attempt) => attempt.attempt)).toEqual([5, 4, 3, 2, 1]);
    // The attempts of one event, as the attempts route documents it.
    const ofEvent = await attemptsOf(tenant, endpoint, { q: `eventId:"${messages[0].id}"`, sort: 'attempt' });
    expect(ofEvent.map((attempt) => [attempt.eventId, attempt.attempt])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [messages[0].id, n]),
    );
    expect(await attemptsOf(tenant, endpoint, { q: 'eventId:"none"' })).toEqual([]);
    expect(attempts[0].nextAttemptAt).toBeNull();
    receiver.answer('/giveup', { status: 200 });
    const { manage } = await clientsOf(tenant);
    const { response } = await manage.POST(RETRY, {
      params: { path: { tenant, endpointId: endpoint.id, attemptId: attempts[0].id } },
    });
    expect(response.status).toBe(202);
    const [, , , , , again] = await receiver.waitFor('/giveup', 6);
    expect(again.id).toBe(messages[0].id);
    expect(again.body).toBe(messages[0].body);
    const missing = await manage.POST(RETRY, {
      params: { path: { tenant, endpointId: endpoint.id, attemptId: '999999999' } },
    });
    expect(missing.response.status).toBe(404);
  });

  it('disables an endpoint that answers 410 Gone, records webhook.endpoint-disabled, and sends it nothing more', async () => {
    const tenant = 'whgone';
    const endpoint = await createEndpoint(tenant, '/gone');
    const live = await createEndpoint(tenant, '/gone-watcher', ['webhook.*']);
    receiver.answer('/gone', { status: 410 });
    await writeSegments(tenant, 1, 'first');
    await receiver.waitFor('/gone', 1);
    const [disabled] = await receiver.waitFor(live.path, 1);
    expect(receiver.verify(disabled, live.secret)).toMatchObject({
      type: EventTypes.endpointDisabled,
      resource: { type: 'webhook-endpoint', id: endpoint.id },
      data: { id: endpoint.id, reason: 'gone', failingSince: expect.any(String) },
    });
    const { read } = await clientsOf(tenant);
    const { data: after } = await read.GET(ENDPOINT, { params: { path: { tenant, endpointId: endpoint.id } } });
    expect(after).toMatchObject({ active: false, disabledReason: 'gone', metadata: { version: 2 } });
    await writeSegments(tenant, 2, 'later');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(receiver.on('/gone')).toHaveLength(1);
  });

  it('disables an endpoint that fails for the whole failing period', async () => {
    const server = await startE2e({
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOKS_RETRY_SCHEDULE: '100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms',
      WEBHOOKS_DISABLE_AFTER: '1s',
      EVENTS_POLL_INTERVAL_MS: '200',
    });
    try {
      const tenant = 'whfailing';
      const id = randomUUID();
      await server.server.db.query(
        `INSERT INTO webhook_endpoint (tenant, id, url, secret, version) VALUES ($1, $2, $3, $4, 1)`,
        [tenant, id, receiver.url('/failing'), `whsec_${randomBytes(32).toString('base64')}`],
      );
      receiver.answer('/failing', { status: 500 });
      const writer = await server.client([Scopes.segmentManage], { tenant });
      await writer.POST(SEGMENTS, { params: { path: { tenant } }, body: { name: { en: 'S' }, siteCode: 'main' } });
      const events = await server.client([Scopes.eventRead], { tenant });
      let disabled: unknown;
      for (const deadline = Date.now() + 10_000; !disabled && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { data } = await events.GET(EVENTS, { params: { path: { tenant }, query: { types: 'webhook.*' } } });
        disabled = data?.[0];
      }
      expect(disabled).toMatchObject({ data: { id, reason: 'failing', failingSince: expect.any(String) } });
      const sent = receiver.on('/failing').length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.on('/failing')).toHaveLength(sent);
    } finally {
      await server.server.close();
    }
  });

  it('waits for Retry-After of a 429 before the next attempt', async () => {
    const tenant = 'whslow';
    await createEndpoint(tenant, '/slow');
    receiver.answer('/slow', { status: 429, headers: { 'retry-after': '2' } });
    await writeSegments(tenant, 1);
    const [first] = await receiver.waitFor('/slow', 1);
    receiver.answer('/slow', { status: 200 });
    const [, second] = await receiver.waitFor('/slow', 2);
    expect(second.at - first.at).toBeGreaterThanOrEqual(2_000);
    expect(second.id).toBe(first.id);
  });

  it("keeps a live endpoint's deliveries flowing beside one that never answers", async () => {
    const tenant = 'whfair';
    const dead = await createEndpoint(tenant, '/dead');
    const live = await createEndpoint(tenant, '/live');
    receiver.answer('/dead', 'hang');
    await writeSegments(tenant, 20);
    await receiver.waitFor(live.path, 20);
    // Every live delivery arrived while the dead endpoint's first attempts still hang (3 s timeout), and those
    // are at most its per-endpoint share.
    expect(await attemptsOf(tenant, dead)).toHaveLength(0);
    expect(receiver.on('/dead').length).toBeLessThanOrEqual(4);
  });

  it('sends a signed webhook.ping on test and answers with the outcome', async () => {
    const tenant = 'whping';
    const endpoint = await createEndpoint(tenant, '/ping');
    const { manage } = await clientsOf(tenant);
    const { data, response } = await manage.POST(TEST, { params: { path: { tenant, endpointId: endpoint.id } } });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ succeeded: true, responseStatus: 200, attempt: 1, eventType: 'webhook.ping' });
    const [ping] = receiver.on('/ping');
    expect(receiver.verify(ping, endpoint.secret)).toMatchObject({
      id: data?.eventId,
      type: 'webhook.ping',
      tenant,
      data: { endpointId: endpoint.id },
    });
    receiver.answer('/ping', { status: 418 });
    const failed = await manage.POST(TEST, { params: { path: { tenant, endpointId: endpoint.id } } });
    expect(failed.data).toMatchObject({ succeeded: false, responseStatus: 418, error: 'answered 418' });
    expect((await eventuallyAttempts(tenant, endpoint, 2)).map((attempt) => attempt.eventType)).toEqual([
      'webhook.ping',
      'webhook.ping',
    ]);
    const unknown = await manage.POST(TEST, { params: { path: { tenant, endpointId: randomUUID() } } });
    expect(unknown.response.status).toBe(404);
    const notUuid = await manage.POST(TEST, { params: { path: { tenant, endpointId: 'nope' } } });
    expect(notUuid.response.status).toBe(404);
  });

  it('replays the events of a time range with their ids, for that endpoint only', async () => {
    const tenant = 'whreplay';
    const endpoint = await createEndpoint(tenant, '/replay', [EventTypes.segmentCreated]);
    const bystander = await createEndpoint(tenant, '/replay-bystander');
    const since = new Date().toISOString();
    await writeSegments(tenant, 5);
    const first = await receiver.waitFor('/replay', 5);
    await receiver.waitFor(bystander.path, 5);
    const { manage } = await clientsOf(tenant);
    const { data, response } = await manage.POST(REPLAY, {
      params: { path: { tenant, endpointId: endpoint.id } },
      body: { since, until: new Date(Date.now() + 1_000).toISOString() },
    });
    expect(response.status).toBe(202);
    expect(data).toEqual({ queued: 5 });
    const all = await receiver.waitFor('/replay', 10);
    expect(ids(all.slice(5)).sort()).toEqual(ids(first).sort());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.on(bystander.path)).toHaveLength(5);
    const none = await manage.POST(REPLAY, {
      params: { path: { tenant, endpointId: endpoint.id } },
      body: { since, until: new Date().toISOString(), eventTypes: ['catalog.*'] },
    });
    expect(none.data).toEqual({ queued: 0 });
    const backwards = await manage.POST(REPLAY, {
      params: { path: { tenant, endpointId: endpoint.id } },
      body: { since: new Date().toISOString(), until: since },
    });
    expect(backwards.response.status).toBe(400);
    const unknownType = await manage.POST(REPLAY, {
      params: { path: { tenant, endpointId: endpoint.id } },
      body: { since, until: new Date().toISOString(), eventTypes: ['nope'] },
    });
    expect(unknownType.response.status).toBe(400);
  });

  it('signs with both secrets during a rotation overlap, so either verifies', async () => {
    const tenant = 'whrotate';
    const endpoint = await createEndpoint(tenant, '/rotate');
    const { manage } = await clientsOf(tenant);
    const { data: rotated, response } = await manage.POST(ROTATE, {
      params: { path: { tenant, endpointId: endpoint.id } },
    });
    expect(response.status).toBe(200);
    await writeSegments(tenant, 1);
    const [message] = await receiver.waitFor('/rotate', 1);
    expect(String(message.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated?.secret ?? ''])
      expect(receiver.verify(message, secret)).toMatchObject({ type: EventTypes.segmentCreated });
    expect(() => receiver.verify(message, `whsec_${randomBytes(32).toString('base64')}`)).toThrow();
  });

  it("the README's receiver example verifies the deliveries and takes each event once", async () => {
    const tenant = 'whexample';
    const port = await freePort();
    const { manage } = await clientsOf(tenant);
    const { data: created } = await manage.POST(ENDPOINTS, {
      params: { path: { tenant } },
      body: { url: `http://127.0.0.1:${port}/hooks` },
    });
    const example = spawn(process.execPath, [join(__dirname, '../../../docs/examples/webhook-receiver.js')], {
      env: { ...process.env, WEBHOOK_SECRET: created?.secret ?? '', PORT: String(port) },
    });
    let output = '';
    example.stdout.on('data', (chunk) => (output += chunk));
    try {
      await writeSegments(tenant, 2);
      for (const deadline = Date.now() + 10_000; output.split('\n').length < 3 && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(output.trim().split('\n').sort()).toEqual([
        'customer-segment.segment-created seg-0 1',
        'customer-segment.segment-created seg-1 1',
      ]);
    } finally {
      example.kill();
    }
  });

  it('refuses the routes to tokens without the webhook scopes and to other tenants', async () => {
    const tenant = 'whscopes';
    const endpoint = await createEndpoint(tenant, '/scopes');
    const { read } = await clientsOf(tenant);
    const readOnly = await read.POST(TEST, { params: { path: { tenant, endpointId: endpoint.id } } });
    expect(readOnly.response.status).toBe(403);
    const other = await clientsOf('whother');
    const foreign = await other.read.GET(ATTEMPTS, {
      params: { path: { tenant: 'whother', endpointId: endpoint.id } },
    });
    expect(foreign.response.status).toBe(404);
    const crossTenant = await other.read.GET(ATTEMPTS, { params: { path: { tenant, endpointId: endpoint.id } } });
    expect(crossTenant.response.status).toBe(403);
    expect(receiver.on('/scopes')).toHaveLength(0);
  });
});

describe('webhooks without WEBHOOKS_ALLOW_PRIVATE', () => {
  it('refuses, at the attempt, a host that resolves to a private address', async () => {
    const receiver = await new WebhookReceiver().start();
    const e2e = await startE2e({ WEBHOOKS_RETRY_SCHEDULE: '100ms', EVENTS_POLL_INTERVAL_MS: '200' });
    try {
      const tenant = 'whprivate';
      // A host name the URL check cannot tell from a public one: this machine's name, which resolves to loopback.
      const created = await (
        await e2e.client([Scopes.webhookEndpointManage], { tenant })
      ).POST(ENDPOINTS, {
        params: { path: { tenant } },
        body: { url: `https://${hostname()}:1/private` },
      });
      expect(created.response.status).toBe(201);
      const id = created.data?.id ?? '';
      const writer = await e2e.client([Scopes.segmentManage], { tenant });
      await writer.POST(SEGMENTS, { params: { path: { tenant } }, body: { name: { en: 'S' }, siteCode: 'main' } });
      const read = await e2e.client([Scopes.webhookEndpointRead], { tenant });
      let attempts: Array<{ error: string | null }> = [];
      for (const deadline = Date.now() + 10_000; attempts.length < 2 && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        attempts = (await read.GET(ATTEMPTS, { params: { path: { tenant, endpointId: id } } })).data ?? [];
      }
      expect(attempts.map((attempt) => attempt.error)).toEqual([
        `${hostname()} resolves to a refused address`,
        `${hostname()} resolves to a refused address`,
      ]);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await e2e.server.close();
      await receiver.stop();
    }
  });
});
