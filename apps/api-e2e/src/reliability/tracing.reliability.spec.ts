import { describeWithNats, natsForTests, NatsForTests, TEST_TENANT } from '@cs/api/testing';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { randomBytes } from 'node:crypto';
import { connect, MsgHdrs } from 'nats';
import { OtlpReceiver, ReceivedSpan, SPAN_KIND } from '../otlp-receiver';
import { buildService, Service, startService } from './processes';
import { webhookWorlds } from './webhook-world';

/**
 * Traces (README "Production"), against the built service in a child process with the real OTLP/HTTP exporter
 * posting to a local receiver: a write that comes with a `traceparent` continues the caller's trace in its spans
 * (the server span, its statements) and in its event, whose outbox row, webhook delivery and NATS message carry
 * that trace on; no span holds the token, a query value or a statement's parameter values. Without an endpoint
 * nothing is stored or sent.
 */
const WEBHOOK_PATH = '/hook';
/** Customer data in the write's body and the read's query: in no span attribute. */
const MARKER = 'ann.marker@example.com';

const newTraceParent = () => {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  return { traceId, parentId, header: `00-${traceId}-${parentId}-01` };
};
const ofTrace = (traceId: string) => new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`);

describe('reliability: traces', () => {
  const worlds = webhookWorlds();

  beforeAll(() => buildService(), 120_000);
  afterEach(() => worlds.tearDown());

  /** The service on a world of `webhookWorlds` with `env`, an endpoint taking every event, and SQL. */
  async function setUp(env: Record<string, string>) {
    const { sql, receiver: webhooks, start, createEndpoint } = await worlds.setUp(env);
    const service = await start();
    await createEndpoint(WEBHOOK_PATH);
    /** Creates a segment holding `MARKER`, sent with `traceparent`; the status. */
    const write = async (traceParent: string, id: string) => {
      const response = await fetch(`${service.baseUrl}/customer-segment/${TEST_TENANT}/segments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${service.token}`,
          'content-type': 'application/json',
          traceparent: traceParent,
        },
        body: JSON.stringify({ id, name: { en: MARKER }, siteCode: 'main' }),
      });
      return response.status;
    };
    const storedTraceParent = async (id: string) =>
      (
        await sql.query<{ trace_parent: string | null }>(
          `SELECT trace_parent FROM outbox WHERE tenant = $1 AND resource_id = $2`,
          [TEST_TENANT, id],
        )
      ).rows.map((row) => row.trace_parent);
    return { service, webhooks, write, storedTraceParent };
  }

  it('continues the caller’s trace in spans, outbox row and webhook delivery; no secrets in spans', async () => {
    const otlp = await new OtlpReceiver().start();
    worlds.defer(() => otlp.stop());
    const { service, webhooks, write, storedTraceParent } = await setUp({
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    const caller = newTraceParent();
    // Probes and scrapes are not traced (their spans would end before the write's, so they would be exported first).
    for (const path of ['/health/ready', '/metrics'])
      expect((await fetch(`${service.baseUrl}${path}`)).status).toBe(200);

    expect(await write(caller.header, 'traced')).toBe(201);
    const reader = newTraceParent();
    const read = await fetch(
      `${service.baseUrl}/customer-segment/${TEST_TENANT}/segments?q=${encodeURIComponent(`name:${MARKER}`)}`,
      { headers: { authorization: `Bearer ${service.token}`, traceparent: reader.header } },
    );
    expect(read.status).toBe(200);

    // The event: its row keeps the trace, its delivery sends it on (the attempt's span as the parent).
    expect(await storedTraceParent('traced')).toEqual([expect.stringMatching(ofTrace(caller.traceId))]);
    const [delivery] = await webhooks.waitFor(WEBHOOK_PATH, 1);
    expect(delivery.headers.traceparent).toMatch(ofTrace(caller.traceId));

    const isServer = (span: ReceivedSpan) => span.kind === SPAN_KIND.server;
    const isAttempt = (span: ReceivedSpan) => span.kind === SPAN_KIND.client && span.scope.endsWith('http');
    const spans = await otlp.waitForTrace(caller.traceId, (all) => all.some(isServer) && all.some(isAttempt));
    const server = spans.find(isServer) as ReceivedSpan;
    expect(server).toMatchObject({
      parentSpanId: caller.parentId,
      name: 'POST /customer-segment/:tenant/segments',
      service: 'customer-segments',
      attributes: expect.objectContaining({
        'http.route': '/customer-segment/:tenant/segments',
        'http.response.status_code': '201',
      }),
    });
    const statements = spans.filter((span) => span.scope.endsWith('pg') && span.attributes['db.query.text']);
    expect(statements.map((span) => span.attributes['db.query.text'])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^BEGIN/), expect.stringMatching(/INSERT INTO segment/)]),
    );
    const attempt = spans.find(isAttempt) as ReceivedSpan;
    // The receiver's origin only: its path, like its query, may hold its token.
    expect(attempt.attributes['url.full']).toBe(webhooks.url('/'));
    expect(delivery.headers.traceparent).toBe(`00-${caller.traceId}-${attempt.spanId}-01`);

    // The read is a trace of its own, its query's value replaced.
    const [readSpan] = (await otlp.waitForTrace(reader.traceId, (all) => all.some(isServer))).filter(isServer);
    expect(readSpan.attributes['url.query']).toBe('q=REDACTED');

    const values = otlp.spans.flatMap((span) =>
      Object.entries(span.attributes).map(([key, value]) => `${key}=${value}`),
    );
    expect(values.filter((value) => value.includes(service.token) || /bearer|authorization/i.test(value))).toEqual([]);
    expect(values.filter((value) => value.includes(MARKER) || value.includes('ann.marker'))).toEqual([]);
    expect(values.filter((value) => /^db\.(query|statement)\.param/.test(value))).toEqual([]);
    expect(otlp.spans.filter((span) => /^\/(health|metrics)/.test(String(span.attributes['url.path'])))).toEqual([]);
    expect(otlp.refused).toEqual([]);
  }, 120_000);

  it('exports the spans still buffered when it stops', async () => {
    const otlp = await new OtlpReceiver().start();
    worlds.defer(() => otlp.stop());
    // The batch would wait ten minutes: only the shutdown sends it.
    const { service, write } = await setUp({
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    const caller = newTraceParent();

    expect(await write(caller.header, 'flushed')).toBe(201);
    expect(otlp.spans).toEqual([]);
    service.process.child.kill('SIGTERM');
    expect(await service.process.exited).toEqual({ code: 0, signal: null });
    expect(otlp.spans.filter((span) => span.traceId === caller.traceId && span.kind === SPAN_KIND.server)).toHaveLength(
      1,
    );
  }, 120_000);

  it('stores and sends no traceparent without an OTLP endpoint, whatever the caller sends', async () => {
    const { webhooks, write, storedTraceParent } = await setUp({});
    const caller = newTraceParent();

    expect(await write(caller.header, 'untraced')).toBe(201);
    expect(await storedTraceParent('untraced')).toEqual([null]);
    const [delivery] = await webhooks.waitFor(WEBHOOK_PATH, 1);
    expect(delivery.headers).not.toHaveProperty('traceparent');
  }, 120_000);
});

describeWithNats(describe, 'any', 'reliability: traces through NATS JetStream', () => {
  let nats: NatsForTests;
  let database: ScratchDatabase;
  let service: Service | undefined;
  let otlp: OtlpReceiver;

  beforeAll(async () => {
    buildService();
    nats = await natsForTests();
    database = await createTestDatabase();
    otlp = await new OtlpReceiver().start();
  }, 120_000);
  afterAll(async () => {
    service?.process.child.kill('SIGKILL');
    await service?.process.exited;
    await otlp?.stop();
    await database?.drop();
    await nats?.dispose();
  });

  it('publishes each event with the traceparent of the write that recorded it', async () => {
    const prefix = `traces-${nats.unique}`;
    const subscriber = await connect({ servers: nats.url });
    const received: Array<{ subject: string; headers?: MsgHdrs }> = [];
    const subscription = subscriber.subscribe(`${prefix}.>`, {
      callback: (_, message) => received.push({ subject: message.subject, headers: message.headers }),
    });
    await subscriber.flush();
    try {
      service = await startService({
        DATABASE_URL: database.url,
        NATS_URL: nats.url,
        NATS_STREAM: `TRACES_${nats.unique}`,
        NATS_SUBJECT_PREFIX: prefix,
        EVENTS_POLL_INTERVAL_MS: '200',
        OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
      });
      const caller = newTraceParent();
      const response = await fetch(`${service.baseUrl}/customer-segment/${TEST_TENANT}/segments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${service.token}`,
          'content-type': 'application/json',
          traceparent: caller.header,
        },
        body: JSON.stringify({ id: 'published', name: { en: 'published' }, siteCode: 'main' }),
      });
      expect(response.status).toBe(201);
      for (const deadline = Date.now() + 30_000; !received.length && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received).toHaveLength(1);
      expect(received[0].headers?.get('traceparent')).toMatch(ofTrace(caller.traceId));
      // The header sits beside the deduplication id, not instead of it.
      expect(received[0].headers?.get('Nats-Msg-Id')).toMatch(/^\d+$/);
    } finally {
      subscription.unsubscribe();
      await subscriber.close();
    }
  }, 120_000);
});
