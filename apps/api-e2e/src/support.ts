import { startTestServer, TestServer, TokenOptions } from '@cs/api/testing';
import { ApiClient, createApiClient } from '@cs/client';
import { Scope } from '@cs/contracts';

import { ResponseValidator } from './response-validator';

export { TEST_TENANT } from '@cs/api/testing';

/** Shared by every client of the run: loads and compiles the document once per test file. */
const validator = new ResponseValidator();

export interface E2e {
  server: TestServer;
  /** The generated client (every response checked against the OpenAPI document), authorised with a token holding `scopes` (for `options.tenant`, or a customer). */
  client(scopes: Scope[], options?: TokenOptions): Promise<ApiClient>;
  /** The generated client without any token. */
  anonymous: ApiClient;
}

/** One started server on its own database per test file. */
export async function startE2e(env: Record<string, string> = {}): Promise<E2e> {
  const server = await startTestServer(env);
  return {
    server,
    anonymous: createApiClient({ baseUrl: server.baseUrl, fetch: validator.fetch() }),
    async client(scopes, options) {
      return createApiClient({
        baseUrl: server.baseUrl,
        token: await server.token(scopes, options),
        fetch: validator.fetch(),
      });
    },
  };
}

/** What `work` returns, with the SQL statements the service sent meanwhile (seen through its query logger). */
export async function withStatements<T>(
  e2e: E2e,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const spy = jest.spyOn(e2e.server.db.logger, 'logQuery');
  try {
    const result = await work();
    return { result, statements: spy.mock.calls.map(([text]) => String(text)) };
  } finally {
    spy.mockRestore();
  }
}

/** A raw HTTP answer: its status and JSON body (undefined when empty). */
export interface JsonAnswer {
  status: number;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One request with a bearer token: `body` (if any) sent as JSON, with any extra headers. */
export function sendRequest(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** For tests that need the raw status and body rather than the typed client: `sendRequest`, its body parsed. */
export async function sendJson(...request: Parameters<typeof sendRequest>): Promise<JsonAnswer> {
  const response = await sendRequest(...request);
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}
