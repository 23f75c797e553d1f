import type * as OtelApi from '@opentelemetry/api';
import type { IncomingMessage, RequestOptions } from 'node:http';

/** `service.name` of the spans unless `OTEL_SERVICE_NAME` (or `OTEL_RESOURCE_ATTRIBUTES`) names another. */
export const DEFAULT_SERVICE_NAME = 'customer-segments';

/** The `traceparent` of W3C Trace Context version 00: trace id, parent span id, flags, all lower-case hex. */
const TRACE_PARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * Paths whose requests get no span: the orchestrator's probes and the Prometheus scrapes (on `PORT` or `METRICS_PORT`:
 * the instrumentation patches every HTTP server) would be most of the traces.
 */
const UNTRACED_PATH = /^\/(?:health(?:\/|\?|$)|metrics(?:\?|$))/;

/** What `main` keeps of started tracing. */
export interface Tracing {
  /** Exports the spans still buffered, then stops; resolves (never rejects) when done or when the export failed. */
  shutdown(): Promise<void>;
}

/** The OpenTelemetry API once tracing is on; undefined while it is off (the functions below then do nothing). */
let api: typeof OtelApi | undefined;
/** `getRPCMetadata` of @opentelemetry/core: where the HTTP instrumentation looks for the route of a request. */
let rpcMetadataOf: ((context: OtelApi.Context) => { route?: string } | undefined) | undefined;

/** Whether the environment asks for traces: an OTLP endpoint for all signals or for traces. */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * Starts exporting traces when `tracingRequested(env)`: a tracer provider with a batch processor and the OTLP/HTTP
 * exporter (which reads the standard `OTEL_EXPORTER_OTLP_*` variables itself), W3C Trace Context propagation, and
 * the instrumentation of incoming and outgoing HTTP and of `pg`. The instrumentations patch `http` and `pg` when
 * they are required, so this must run before anything requires them (main.ts imports it first). Off, nothing of
 * OpenTelemetry is loaded and nothing is patched; undefined.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing | undefined {
  if (!tracingRequested(env)) return undefined;
  const otel = load<typeof OtelApi>('@opentelemetry/api');
  const { NodeTracerProvider, BatchSpanProcessor } = load<typeof import('@opentelemetry/sdk-trace-node')>(
    '@opentelemetry/sdk-trace-node',
  );
  const { OTLPTraceExporter } = load<typeof import('@opentelemetry/exporter-trace-otlp-http')>(
    '@opentelemetry/exporter-trace-otlp-http',
  );
  const { resourceFromAttributes, detectResources, envDetector } =
    load<typeof import('@opentelemetry/resources')>('@opentelemetry/resources');
  const { registerInstrumentations } = load<typeof import('@opentelemetry/instrumentation')>(
    '@opentelemetry/instrumentation',
  );
  const { HttpInstrumentation } = load<typeof import('@opentelemetry/instrumentation-http')>(
    '@opentelemetry/instrumentation-http',
  );
  const { PgInstrumentation } = load<typeof import('@opentelemetry/instrumentation-pg')>(
    '@opentelemetry/instrumentation-pg',
  );
  const { getRPCMetadata } = load<typeof import('@opentelemetry/core')>('@opentelemetry/core');

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': DEFAULT_SERVICE_NAME }).merge(
      detectResources({ detectors: [envDetector] }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The AsyncLocalStorage context manager and the W3C `traceparent`/`tracestate` (and baggage) propagators.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Header values are recorded only when named in `headersToSpanAttributes` (none are: no Authorization).
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATH.test(request.url ?? ''),
        startIncomingSpanHook: (request: IncomingMessage) => queryWithoutValues(request.url ?? ''),
        startOutgoingSpanHook: (options: RequestOptions) => urlOrigin(options),
      }),
      // Statements without their parameter values (`enhancedDatabaseReporting` stays off); only those of a traced
      // request: the relay's and the webhook worker's polls would otherwise be a trace every second.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  api = otel;
  rpcMetadataOf = getRPCMetadata;
  return {
    shutdown: () => provider.shutdown().catch(() => undefined),
  };
}

/**
 * The W3C `traceparent` of the span in progress: the request being served. Undefined when tracing is off or no span
 * is (background work), and for anything that is not a well-formed `traceparent` (it is written into SQL text).
 */
export function activeTraceParent(): string | undefined {
  const span = api?.trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  const traceParent = `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`;
  return TRACE_PARENT.test(traceParent) ? traceParent : undefined;
}

/**
 * Runs `work` as a continuation of the trace `traceParent` names (a stored one), so spans it starts, and the
 * `traceparent` outgoing HTTP requests get, belong to that trace. Without tracing or a trace parent: just `work()`.
 */
export function inTrace<T>(traceParent: string | null, work: () => T): T {
  if (!api || !traceParent) return work();
  const parent = api.propagation.extract(api.ROOT_CONTEXT, { traceparent: traceParent });
  return api.context.with(parent, work);
}

/**
 * Tells the HTTP instrumentation the route template of the request being served (`/customer-segment/{tenant}/...`
 * as the router matched it), which names its server span `<method> <route>` and sets `http.route`.
 */
export function recordRoute(route: string | undefined): void {
  if (!api || !route) return;
  const metadata = rpcMetadataOf?.(api.context.active());
  if (metadata) metadata.route = route;
}

/**
 * `url.query` of a server span with every value replaced: values can be customer data (`q=email:...`), the names
 * say what the request asked. Nothing for a request without a query (the instrumentation then sets none).
 */
export function queryWithoutValues(url: string): Record<string, string> {
  const query = url.indexOf('?');
  if (query < 0) return {};
  const names = [...new URLSearchParams(url.slice(query + 1)).keys()];
  return { 'url.query': names.map((name) => `${encodeURIComponent(name)}=REDACTED`).join('&') };
}

/**
 * `url.full` of a client span (a webhook attempt): the origin only. Receivers put their token in the query or in the
 * path (`https://hooks.slack.com/services/T…/B…/<secret>`, Discord's, Teams'), and the spans leave the service.
 */
export function urlOrigin(options: RequestOptions): Record<string, string> {
  const host = options.hostname ?? options.host ?? 'localhost';
  const port = options.port ? `:${options.port}` : '';
  return { 'url.full': `${options.protocol ?? 'http:'}//${host.includes(':') ? `[${host}]` : host}${port}/` };
}

/** `require`, for what tracing needs: a static import would load it whether tracing is on or not. */
function load<T>(id: string): T {
  return require(id) as T;
}
