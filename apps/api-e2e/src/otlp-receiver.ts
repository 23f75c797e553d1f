import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** OTLP's span kinds (`SpanKind` of the protocol, not of the JS API). */
export const SPAN_KIND = { internal: 1, server: 2, client: 3 } as const;

/** One span as the OTLP/HTTP JSON encoding carries it (ids in hex), with its attributes flattened. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  /** The instrumentation that made it (`@opentelemetry/instrumentation-http`, ...-pg). */
  scope: string;
  /** `service.name` of its resource. */
  service: string;
  /** Attribute key -> its value as text (`flatten`). */
  attributes: Record<string, string>;
}

/** One of `stringValue`, `intValue`, `boolValue`, `doubleValue`, `arrayValue`, `kvlistValue`, `bytesValue`. */
type AnyValue = Record<string, unknown>;
interface KeyValue {
  key: string;
  value: AnyValue;
}
interface ExportRequest {
  resourceSpans: Array<{
    resource: { attributes: KeyValue[] };
    scopeSpans: Array<{
      scope: { name: string };
      spans: Array<Omit<ReceivedSpan, 'scope' | 'service' | 'attributes'> & { attributes?: KeyValue[] }>;
    }>;
  }>;
}

/** Attribute values as text: scalars as they are, arrays and maps as their JSON (so nothing in them is missed). */
const flatten = (attributes: KeyValue[] = []): Record<string, string> =>
  Object.fromEntries(
    attributes.map(({ key, value }) => {
      const [inner] = Object.values(value);
      return [key, typeof inner === 'object' ? JSON.stringify(inner) : String(inner)];
    }),
  );

/**
 * A real OTLP/HTTP collector on a local port, as far as traces in JSON go (`POST /v1/traces`, what
 * @opentelemetry/exporter-trace-otlp-http sends): keeps every span it is sent, answers 200.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  /** Export requests that were not traces in JSON (none expected). */
  readonly refused: string[] = [];
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (
        request.method !== 'POST' ||
        request.url !== '/v1/traces' ||
        !/json/.test(request.headers['content-type'] ?? '')
      ) {
        this.refused.push(`${request.method} ${request.url} ${request.headers['content-type']}`);
        return void response.writeHead(415).end();
      }
      for (const { resource, scopeSpans } of (JSON.parse(body) as ExportRequest).resourceSpans) {
        const service = flatten(resource.attributes)['service.name'];
        for (const { scope, spans } of scopeSpans)
          for (const span of spans)
            this.spans.push({ ...span, scope: scope.name, service, attributes: flatten(span.attributes) });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** What `OTEL_EXPORTER_OTLP_ENDPOINT` is set to (the exporter appends `/v1/traces`). */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The spans of trace `traceId` once `done(spans)` holds (polling, within `ms`). */
  async waitForTrace(traceId: string, done: (spans: ReceivedSpan[]) => boolean, ms = 15_000): Promise<ReceivedSpan[]> {
    const ofTrace = () => this.spans.filter((span) => span.traceId === traceId);
    for (const deadline = Date.now() + ms; Date.now() < deadline;) {
      if (done(ofTrace())) return ofTrace();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`trace ${traceId} is not complete: ${JSON.stringify(ofTrace().map((span) => span.name))}`);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
