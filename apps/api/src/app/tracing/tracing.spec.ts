import type * as OtelApi from '@opentelemetry/api';

type TracingModule = typeof import('./tracing');

/** What tracing.ts may load: everything of OpenTelemetry it requires. */
const OTEL_MODULES = [
  '@opentelemetry/api',
  '@opentelemetry/core',
  '@opentelemetry/resources',
  '@opentelemetry/sdk-trace-node',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/instrumentation',
  '@opentelemetry/instrumentation-http',
  '@opentelemetry/instrumentation-pg',
];

/** A fresh tracing.ts, with a record of the OpenTelemetry modules it loads from now on. */
function freshTracing(): { tracing: TracingModule; loaded: string[] } {
  const loaded: string[] = [];
  let tracing: TracingModule | undefined;
  jest.isolateModules(() => {
    for (const id of OTEL_MODULES)
      jest.doMock(id, () => {
        loaded.push(id);
        return jest.requireActual(id);
      });
    tracing = jest.requireActual<TracingModule>('./tracing');
  });
  return { tracing: tracing as TracingModule, loaded };
}

const TRACE_PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('startTracing', () => {
  afterEach(() => jest.resetModules());

  it('loads (and so patches) nothing of OpenTelemetry without an OTLP endpoint; the rest does nothing', () => {
    const { tracing, loaded } = freshTracing();
    expect(tracing.startTracing({ OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBeUndefined();
    expect(tracing.activeTraceParent()).toBeUndefined();
    expect(tracing.inTrace(TRACE_PARENT, () => tracing.activeTraceParent())).toBeUndefined();
    tracing.recordRoute('/customer-segment/:tenant/segments');
    expect(loaded).toEqual([]);
  });

  it('with an endpoint, starts the SDK and the instrumentations, and continues a stored trace', async () => {
    const { tracing, loaded } = freshTracing();
    const started = tracing.startTracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9/v1/traces' });
    const api = jest.requireActual<typeof OtelApi>('@opentelemetry/api');
    try {
      expect(started).toBeDefined();
      expect([...loaded].sort()).toEqual([...OTEL_MODULES].sort());
      // A continued trace: its spans' trace id, and the stored parent as the parent of the first.
      expect(tracing.inTrace(TRACE_PARENT, () => tracing.activeTraceParent())).toBe(TRACE_PARENT);
      const inSpan = api.trace.getTracer('test').startActiveSpan('request', (span) => {
        span.end();
        return { traceParent: tracing.activeTraceParent(), context: span.spanContext() };
      });
      expect(inSpan.traceParent).toBe(`00-${inSpan.context.traceId}-${inSpan.context.spanId}-01`);
      expect(tracing.activeTraceParent()).toBeUndefined();
    } finally {
      await started?.shutdown();
      api.trace.disable();
      api.context.disable();
      api.propagation.disable();
    }
  });
});

describe('span attributes', () => {
  const { queryWithoutValues, urlOrigin } = jest.requireActual<TracingModule>('./tracing');

  it('keep the names of query parameters, never their values', () => {
    expect(queryWithoutValues('/customer-segment/t/segments?q=email:ann%40example.com&pageSize=5')).toEqual({
      'url.query': 'q=REDACTED&pageSize=REDACTED',
    });
    expect(queryWithoutValues('/customer-segment/t/segments')).toEqual({});
  });

  it("keep the origin of an outgoing request, never its path or query (either may hold the receiver's token)", () => {
    const options = { protocol: 'https:', hostname: 'hooks.example.com', port: 8443, path: '/in?token=s3cret' };
    expect(urlOrigin(options)).toEqual({ 'url.full': 'https://hooks.example.com:8443/' });
    const inPath = { protocol: 'https:', hostname: 'hooks.slack.com', path: '/services/T0/B0/s3cret' };
    expect(urlOrigin(inPath)).toEqual({ 'url.full': 'https://hooks.slack.com/' });
    expect(urlOrigin({ hostname: '::1', path: '/' })).toEqual({ 'url.full': 'http://[::1]/' });
  });
});
