import { startTestServer, TestServer } from '@cs/api/testing';

/**
 * Swagger UI on the first "Try it out": every operation of the service's own OpenAPI document runs with what
 * Swagger UI pre-fills (the examples and defaults of the parameters, the example of the request body) and a
 * token of the Authorize dialog, in the order the document's description gives, and must succeed. A new route
 * without a working example fails here.
 */
const SWAGGER_TENANT = 'swaggerdemo';
const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);
const WRITES = new Set(['POST', 'PUT', 'PATCH']);
/**
 * Path parameters naming a generated id, by the path whose POST answers it: as the document says, the user pastes
 * the `id` the create (or the test message, for an attempt) answered, which the run does too.
 */
const GENERATED_IDS: Record<string, string> = {
  endpointId: '/webhooks/{tenant}/endpoints',
  attemptId: '/webhooks/{tenant}/endpoints/{endpointId}/test',
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  example?: unknown;
  schema?: { example?: unknown; default?: unknown; minimum?: number; maximum?: number };
}

interface Operation {
  operationId: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  security?: unknown[];
}

interface OpenApiDocument {
  info: { description: string };
  tags: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: {
      OAuth2: { flows: { clientCredentials: { tokenUrl: string; scopes: Record<string, string> } } };
    };
  };
}

interface Step {
  method: string;
  path: string;
  operation: Operation;
}

/** What Swagger UI pre-fills for a parameter: its example, else the example or default of its schema. */
const prefilled = (parameter: Parameter): unknown =>
  parameter.example ?? parameter.schema?.example ?? parameter.schema?.default;

/**
 * The order of the document's description: Swagger UI shows the operations by section (the document's tags, in
 * their order) and within one in document order; the writes run top to bottom, then the reads, then the deletes
 * bottom to top.
 */
function tryItOutOrder(document: OpenApiDocument): Step[] {
  const sections = document.tags.map((tag) => tag.name);
  const section = (step: Step) => sections.indexOf(step.operation.tags?.[0] ?? '');
  const shown = Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    )
    .sort((a, b) => section(a) - section(b));
  return [
    ...shown.filter((step) => WRITES.has(step.method)),
    ...shown.filter((step) => step.method === 'GET'),
    ...shown.filter((step) => step.method === 'DELETE').reverse(),
  ];
}

/**
 * The request Swagger UI sends for `step` (with `query` replacing pre-filled query values and `ids` the generated
 * ids pasted into their path parameters), or what it lacks.
 */
function requestOf(
  step: Step,
  token: string,
  query: Record<string, string> = {},
  ids: Record<string, string> = {},
): { url: string; init: RequestInit } | { missing: string[] } {
  const parameters = step.operation.parameters ?? [];
  const missing: string[] = [];
  const path = step.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
    const value = ids[name] ?? (parameter && prefilled(parameter));
    if (value === undefined) missing.push(`path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of parameters) {
    const value = prefilled(parameter);
    if (value === undefined) continue;
    if (parameter.in === 'query') search.set(parameter.name, String(value));
    if (parameter.in === 'header') headers[parameter.name] = String(value);
  }
  for (const [name, value] of Object.entries(query)) search.set(name, value);
  if (step.operation.security?.length) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (step.operation.requestBody) {
    // Swagger UI offers the first media type.
    const [contentType, media] = Object.entries(step.operation.requestBody.content)[0];
    if (media.example === undefined) missing.push('request body example');
    headers['content-type'] = contentType;
    body =
      contentType === 'application/x-www-form-urlencoded'
        ? new URLSearchParams(media.example as Record<string, string>).toString()
        : JSON.stringify(media.example);
  }
  if (missing.length) return { missing };
  return { url: `${path}${search.size ? `?${search}` : ''}`, init: { method: step.method, headers, body } };
}

describe('Swagger UI: every example succeeds on the first "Try it out"', () => {
  let server: TestServer;
  let document: OpenApiDocument;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ SWAGGER_TENANT });
    document = (await (await fetch(`${server.baseUrl}/api-docs-json`)).json()) as OpenApiDocument;
    // As the Authorize dialog asks for it: the client of the local configuration, every scope ticked.
    const flow = document.components.securitySchemes.OAuth2.flows.clientCredentials;
    const issued = await fetch(`${server.baseUrl}${flow.tokenUrl}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'dev-client',
        client_secret: 'dev-secret',
        scope: Object.keys(flow.scopes).join(' '),
      }),
    });
    token = ((await issued.json()) as { access_token: string }).access_token;
  });
  afterAll(() => server.close());

  const send = (request: { url: string; init: RequestInit }) => fetch(`${server.baseUrl}${request.url}`, request.init);

  it('pre-fills the tenant of every operation with SWAGGER_TENANT, the tenant of the Authorize dialog', () => {
    const tenants = Object.values(document.paths).flatMap((item) =>
      Object.values(item).flatMap((operation) =>
        (operation.parameters ?? []).filter((parameter) => parameter.in === 'path' && parameter.name === 'tenant'),
      ),
    );
    expect(tenants.length).toBeGreaterThanOrEqual(50);
    expect(new Set(tenants.map(prefilled))).toEqual(new Set([SWAGGER_TENANT]));
    const flow = document.components.securitySchemes.OAuth2.flows.clientCredentials;
    expect(Object.keys(flow.scopes)).toContain(`tenant=${SWAGGER_TENANT}`);
    expect(document.info.description).toContain(`\`${SWAGGER_TENANT}\``);
  });

  it('runs every operation with its examples in the documented order, each answering 2xx (207: every item)', async () => {
    const steps = tryItOutOrder(document);
    const problems: string[] = [];
    const ids: Record<string, string> = {};
    for (const step of steps) {
      const label = `${step.method} ${step.path} (${step.operation.operationId})`;
      const request = requestOf(step, token, {}, ids);
      if ('missing' in request) {
        problems.push(`${label}: no ${request.missing.join(', ')}`);
        continue;
      }
      const response = await send(request);
      const text = await response.text();
      if (response.status < 200 || response.status > 299) {
        problems.push(`${label}: ${response.status} ${text}`);
      } else if (step.method === 'POST' && Object.values(GENERATED_IDS).includes(step.path)) {
        for (const [name, path] of Object.entries(GENERATED_IDS))
          if (path === step.path) ids[name] = (JSON.parse(text) as { id: string }).id;
      } else if (response.status === 207) {
        const failed = (JSON.parse(text) as Array<{ code: number }>).filter((item) => item.code > 299);
        if (failed.length) problems.push(`${label}: 207 with failed items ${JSON.stringify(failed)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(steps.length).toBeGreaterThanOrEqual(59);
  });

  it('declares the real bounds of pageSize: its maximum is served, one more or less than the bounds is a 400', async () => {
    const lists = tryItOutOrder(document).filter((step) =>
      step.operation.parameters?.some((parameter) => parameter.name === 'pageSize'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(10);
    // The attempts list is of an endpoint: one created with the documented example.
    const create = tryItOutOrder(document).find(
      (step) => step.method === 'POST' && step.path === GENERATED_IDS.endpointId,
    );
    const created = create && requestOf(create, token);
    if (!created || 'missing' in created) throw new Error('no endpoint create to run');
    const ids = { endpointId: ((await (await send(created)).json()) as { id: string }).id };
    for (const step of lists) {
      const pageSize = step.operation.parameters?.find((parameter) => parameter.name === 'pageSize');
      const { minimum = NaN, maximum = NaN } = pageSize?.schema ?? {};
      expect([minimum, maximum]).toEqual([1, 1000]);
      for (const [size, status] of [
        [maximum, 200],
        [maximum + 1, 400],
        [minimum - 1, 400],
      ]) {
        const request = requestOf(step, token, { pageSize: String(size) }, ids);
        if ('missing' in request) throw new Error(`${step.path}: no ${request.missing.join(', ')}`);
        expect([step.path, size, (await send(request)).status]).toEqual([step.path, size, status]);
      }
    }
  });

  it('redirects / to Swagger UI', async () => {
    const root = await fetch(`${server.baseUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/api-docs');
    expect((await fetch(`${server.baseUrl}/`)).url).toBe(`${server.baseUrl}/api-docs`);
  });

  it('answers / with the 404 of any unknown path when Swagger UI is off', async () => {
    const off = await startTestServer({ SWAGGER_ENABLED: 'false' });
    try {
      const root = await fetch(`${off.baseUrl}/`, { redirect: 'manual' });
      const unknown = await fetch(`${off.baseUrl}/nowhere`);
      expect(root.status).toBe(404);
      expect(await root.json()).toEqual({
        ...((await unknown.json()) as object),
        message: expect.any(String),
      });
    } finally {
      await off.close();
    }
  });
});
