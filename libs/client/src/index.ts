import createFetchClient, { Client, Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';

export type { components, operations, paths } from './generated/schema';

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Where the service runs, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** A bearer token, or a function returning a fresh one for each request. */
  token?: string | (() => string | Promise<string>);
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

/** A typed client of every route in the service's OpenAPI document. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createFetchClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  if (options.token !== undefined) {
    const token = options.token;
    const auth: Middleware = {
      async onRequest({ request }) {
        request.headers.set('Authorization', `Bearer ${typeof token === 'string' ? token : await token()}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}
