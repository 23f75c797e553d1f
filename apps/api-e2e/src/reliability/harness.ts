import { TEST_TENANT } from '@cs/api/testing';
import { OAUTH_ERROR_CODES } from '@cs/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sample } from 'openapi-sampler';
import { ResponseValidator } from '../response-validator';

/**
 * Shared by the reliability suites: the operations of the committed OpenAPI document, requests
 * built from it, and a recorder that checks every response (documented status, schema, no 5xx,
 * no internal column) and keeps per-operation figures for the suites' printed summaries.
 */

export const DOCUMENT_FILE = join(__dirname, '../../../../libs/client/openapi.json');

interface Schema {
  $ref?: string;
  type?: string;
  [key: string]: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  'x-scopes'?: string[];
  'x-public'?: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operationId: string;
  /** Any one of them admits the caller; empty for public operations. */
  scopes: string[];
  isPublic: boolean;
  parameters: Parameter[];
  /** The JSON request body schema, when the operation takes one. */
  bodySchema?: Schema;
  bodyRequired: boolean;
  contentTypes: string[];
  statuses: number[];
}

export const document: OpenApiDocument = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8'));

export const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, raw]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      operationId: raw.operationId,
      scopes: raw['x-scopes'] ?? [],
      isPublic: raw['x-public'] === true,
      parameters: raw.parameters ?? [],
      bodySchema: raw.requestBody?.content['application/json']?.schema,
      bodyRequired: raw.requestBody?.required === true,
      contentTypes: Object.keys(raw.requestBody?.content ?? {}),
      statuses: Object.keys(raw.responses).map(Number),
    })),
);

const matchers = operations
  .map((operation) => ({
    operation,
    pattern: new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: (operation.path.match(/\{/g) ?? []).length,
  }))
  // Literal segments win over parameters (`/segments/search` before `/segments/{segmentId}`).
  .sort((a, b) => a.params - b.params);

/** The documented operation a concrete request path belongs to. */
export function findOperation(method: string, path: string): Operation | undefined {
  const pathname = path.split('?')[0];
  return matchers.find((matcher) => matcher.operation.method === method && matcher.pattern.test(pathname))?.operation;
}

/** Path parameter values that name nothing stored (the access matrix only cares about auth). */
export const DUMMY_PATH_VALUES: Record<string, string> = {
  tenant: TEST_TENANT,
  segmentId: 'dummy-segment',
  customerId: 'dummy-customer',
  legalEntityId: 'dummy-legal-entity',
  type: 'PRODUCT',
  itemId: 'dummy-item',
  categoryId: 'dummy-category',
  productId: 'dummy-product',
  locationId: 'dummy-location',
  contactAssignmentId: 'dummy-contact-assignment',
  // Webhook endpoint ids are uuids, attempt ids numbers: well-formed ones that name nothing.
  endpointId: '00000000-0000-4000-8000-000000000000',
  attemptId: '1',
};

/** The operation's path with its parameters filled in (URL-encoded). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${template}`);
    // Lone surrogates cannot be percent-encoded; they become U+FFFD as on any real client.
    return encodeURIComponent(
      value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
    );
  });
}

/** A schema-conforming body from the document (its examples where it has them). */
export function sampleBody(schema: Schema | undefined, options: { minimal?: boolean } = {}): unknown {
  if (!schema) return undefined;
  return sample(
    schema as never,
    { skipReadOnly: true, skipNonRequired: options.minimal ?? false, quiet: true } as never,
    document as never,
  );
}

/** Follows `$ref`s to the schema they name. */
export function resolveSchema(schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 20; hops++) {
    current = document.components.schemas[current.$ref.replace('#/components/schemas/', '')];
  }
  return current;
}

const INTERNAL_KEY = /^(tenant|[a-z][a-z0-9]*(_[a-z0-9]+)+)$/;
/** OAuth 2 and JWKS answers are snake_case by their own standards. */
const STANDARD_SNAKE_CASE = /^\/oauth\//;
/** Event envelopes name their tenant by design (docs/events.md), as Emporix's event payloads do. */
const NAMES_TENANT = /^\/customer-segment\/[^/]+\/events$/;

/**
 * Keys of a response body that look like storage internals: `tenant` or a snake_case column name
 * (`created_at`, `segment_id`, ...). Client-owned `mixins` objects are not looked into.
 */
export function internalKeys(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((entry, index) => internalKeys(entry, `${at}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(INTERNAL_KEY.test(key) ? [`${at}.${key}`] : []),
    ...(key === 'mixins' ? [] : internalKeys(child, `${at}.${key}`)),
  ]);
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined. */
  json: unknown;
  /** Milliseconds from sending to the full body. */
  elapsedMs: number;
}

export interface RequestSpec {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sent as JSON unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string | Buffer;
  /** Bearer token. */
  token?: string;
}

/**
 * Answers the framework gives to any operation before it runs (body too large, unsupported media
 * type, rate limit): they carry the Emporix error body but are not listed per operation in the
 * document, so the schema check accepts them undocumented.
 */
export const FRAMEWORK_STATUSES = [413, 415, 429];

/** A defect found by these suites that belongs to another owner; shown by an `it.failing` test. */
export interface KnownIssue {
  id: string;
  /** Whether a recorded problem is an instance of this issue. */
  matches(problem: string): boolean;
}

interface OperationFigures {
  requests: number;
  /** Requests with a violation that is not a known issue. */
  failed: number;
  /** Requests with a violation that is a known issue. */
  known: number;
  serverErrors: number;
}

export function isErrorBody(value: unknown, status: number): boolean {
  const body = value as { code?: unknown; status?: unknown; message?: unknown } | undefined;
  return (
    !!body &&
    body.code === status &&
    typeof body.status === 'string' &&
    typeof body.message === 'string' &&
    body.message.length > 0
  );
}

/** The body of a 4xx of the token endpoint (RFC 6749 5.2). */
export function isOAuthErrorBody(value: unknown): boolean {
  const body = value as { error?: unknown; error_description?: unknown } | undefined;
  return (
    !!body &&
    (OAUTH_ERROR_CODES as readonly unknown[]).includes(body.error) &&
    (body.error_description === undefined || typeof body.error_description === 'string')
  );
}

/**
 * Sends requests and checks what every suite expects of every answer: a documented status whose
 * body matches its schema, no internal column, and no 5xx (unless `allowUnavailable` for 503).
 * Callers add their own expectation per request with `expectThat`; every violation is kept in
 * `problems` and counted per operation.
 */
export class Recorder {
  /** Every violation, as `<operation>: <request>: <problem>`. */
  readonly problems: string[] = [];
  readonly figures = new Map<string, OperationFigures>();
  private readonly labelled: Array<{ label: string; problem: string }> = [];
  private known: KnownIssue[] = [];
  private readonly validator = new ResponseValidator();

  constructor(private readonly baseUrl: () => string) {}

  async send(
    label: string,
    spec: RequestSpec,
    options: { allowUnavailable?: boolean; documented?: boolean } = {},
  ): Promise<CallResult> {
    const url = new URL(`${this.baseUrl()}${spec.path}`);
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { ...spec.headers };
    let body: string | Buffer | undefined;
    if (spec.rawBody !== undefined) body = spec.rawBody;
    else if (spec.body !== undefined) {
      body = JSON.stringify(spec.body);
      headers['content-type'] ??= 'application/json';
    }
    if (spec.token) headers.authorization ??= `Bearer ${spec.token}`;
    const started = performance.now();
    const response = await fetch(url, { method: spec.method, headers, body });
    const problems: string[] = [];
    if (options.documented !== false) {
      try {
        await this.validator.check(spec.method, url.toString(), response);
      } catch (error) {
        const message = (error as Error).message;
        if (!(FRAMEWORK_STATUSES.includes(response.status) && message.endsWith('is not documented')))
          problems.push(message.slice(0, 600));
      }
    }
    const text = await response.text();
    const elapsedMs = performance.now() - started;
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const figures = this.figuresOf(label);
    figures.requests++;
    if (response.status >= 500) {
      figures.serverErrors++;
      if (!(options.allowUnavailable && response.status === 503))
        problems.push(`HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
    // 401s carry the gateway's fault body instead (checked exactly by the access matrix).
    if (url.pathname === '/oauth/token' && response.status >= 400 && response.status < 500) {
      if (!isOAuthErrorBody(json))
        problems.push(`HTTP ${response.status} without the OAuth error body: ${text.slice(0, 300)}`);
    } else if (response.status >= 400 && response.status !== 401 && !isErrorBody(json, response.status)) {
      problems.push(`HTTP ${response.status} without the error body: ${text.slice(0, 300)}`);
    }
    if (!STANDARD_SNAKE_CASE.test(url.pathname)) {
      const leaked = internalKeys(json).filter((key) => !NAMES_TENANT.test(url.pathname) || !/\.tenant$/.test(key));
      if (leaked.length) problems.push(`internal fields in the response: ${leaked.slice(0, 5).join(', ')}`);
    }
    const result = { status: response.status, headers: response.headers, text, json, elapsedMs };
    this.fail(label, `${spec.method} ${url.pathname}${url.search.slice(0, 200)}`, problems);
    return result;
  }

  /** `send`, labelled with the operationId the path belongs to. */
  call(spec: RequestSpec, options: { allowUnavailable?: boolean } = {}): Promise<CallResult> {
    const operation = findOperation(spec.method, spec.path);
    return this.send(operation?.operationId ?? `${spec.method} ${spec.path}`, spec, options);
  }

  /** Records a caller's expectation: `problem` undefined means it held. */
  expectThat(label: string, what: string, problem: string | undefined): void {
    this.fail(label, what, problem ? [problem] : []);
  }

  /** Known issues (found elsewhere, shown by `it.failing` tests) are counted apart, not as failures. */
  tolerate(known: KnownIssue[]): this {
    this.known = known;
    return this;
  }

  /** Violations that are not instances of a known issue. */
  get unexpected(): string[] {
    return this.problems.filter((problem) => !this.known.some((issue) => issue.matches(problem)));
  }

  /** How often each known issue showed. */
  knownCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const problem of this.problems) {
      const issue = this.known.find((candidate) => candidate.matches(problem));
      if (issue) counts[issue.id] = (counts[issue.id] ?? 0) + 1;
    }
    return counts;
  }

  private fail(label: string, what: string, problems: string[]): void {
    if (!problems.length) return;
    const texts = problems.map((problem) => `${label}: ${what}: ${problem}`);
    this.problems.push(...texts);
    const figures = this.figuresOf(label);
    if (texts.every((text) => this.known.some((issue) => issue.matches(text)))) figures.known++;
    else figures.failed++;
  }

  private figuresOf(label: string): OperationFigures {
    let figures = this.figures.get(label);
    if (!figures) this.figures.set(label, (figures = { requests: 0, failed: 0, known: 0, serverErrors: 0 }));
    return figures;
  }

  totals(): OperationFigures & { operations: number } {
    const all = [...this.figures.values()];
    return {
      operations: all.length,
      requests: all.reduce((sum, entry) => sum + entry.requests, 0),
      failed: all.reduce((sum, entry) => sum + entry.failed, 0),
      known: all.reduce((sum, entry) => sum + entry.known, 0),
      serverErrors: all.reduce((sum, entry) => sum + entry.serverErrors, 0),
    };
  }

  /** A table of the per-operation figures and the totals, for the suite's output. */
  summary(title: string, extra: Record<string, string | number> = {}): string {
    const width = Math.max(...[...this.figures.keys()].map((label) => label.length), 10);
    const rows = [...this.figures.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([label, entry]) =>
          `  ${label.padEnd(width)} ${String(entry.requests).padStart(6)} ${String(entry.failed).padStart(6)} ${String(entry.known).padStart(6)} ${String(entry.serverErrors).padStart(5)}`,
      );
    const totals = this.totals();
    const known = this.knownCounts();
    const lines = [
      `${title}`,
      `  ${'operation'.padEnd(width)} ${'reqs'.padStart(6)} ${'failed'.padStart(6)} ${'known'.padStart(6)} ${'5xx'.padStart(5)}`,
      ...rows,
      `  totals: ${totals.operations} operations, ${totals.requests} requests, ${totals.failed} failed, ${totals.known} known-issue hits, ${totals.serverErrors} 5xx`,
      ...(Object.keys(known).length
        ? [
            `  known issues (it.failing in known-issues.e2e.spec.ts): ${Object.entries(known)
              .map(([id, count]) => `${id} ×${count}`)
              .join(', ')}`,
          ]
        : []),
      ...Object.entries(extra).map(([name, value]) => `  ${name}: ${value}`),
    ];
    return lines.join('\n');
  }
}

/**
 * A numeric setting of the suites: the environment variable when set, else the CI value, or the
 * soak value under `npm run soak` (which sets SOAK=1).
 */
export function knob(name: string, ci: number, soak: number): number {
  const value = process.env[name];
  if (value !== undefined && value !== '') {
    if (!Number.isFinite(Number(value))) throw new Error(`${name} must be a number, not '${value}'`);
    return Number(value);
  }
  return process.env.SOAK === '1' ? soak : ci;
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Prints a suite's figures so they show in the test output (and can be quoted in the README). */
export function report(text: string): void {
  process.stdout.write(`\n${text}\n`);
}
