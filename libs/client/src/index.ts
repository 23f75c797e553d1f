import createFetchClient, { Client, Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';
import { retryingFetch, RetrySetting } from './retry';
import { TenantScoped, tenantMiddleware } from './tenant';
import { clientCredentialsProvider, ClientCredentials, TokenProvider } from './token-provider';

export type { components, operations, paths } from './generated/schema';
export { ApiError, TokenError, unwrap } from './errors';
export type { OAuthErrorBody } from './errors';
export { retryDelay, retryingFetch } from './retry';
export type { RetryOptions, RetrySetting } from './retry';
export { allPages } from './pages';
export type { PageResult } from './pages';
export { bulkInChunks } from './bulk';
export type { BulkCallResult } from './bulk';
export { clientCredentialsProvider } from './token-provider';
export type { ClientCredentials, TokenProvider } from './token-provider';
export type { TenantScoped } from './tenant';
// The shared shapes a caller of the service meets (bundled into the published package).
export { ItemTypes, MAX_BULK_ITEMS, Scopes, SegmentStatuses } from '@cs/contracts';
export type {
  BulkItemResult,
  ErrorBody,
  ErrorDetail,
  ItemType,
  Scope,
  SegmentStatus,
  TokenResponse,
  UnauthorizedBody,
} from '@cs/contracts';

export type ApiClient = Client<paths>;
export type TenantClient = Client<TenantScoped<paths>>;

export interface ApiClientOptions {
  /** Where the service runs, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** A bearer token, or a function returning a current one (see `clientCredentialsProvider`). */
  token?: string | TokenProvider | (() => string);
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
  /**
   * Retries of answers 503 and 429, after the server's `Retry-After`: on by default (5 tries, at
   * most 60 s of waiting per call), tuned with an object, off with `false`. See `RetryOptions`.
   */
  retry?: RetrySetting;
}

/** The fetch every call goes through: the given one (the global one when called), with retries. */
const transport = (options: Pick<ApiClientOptions, 'fetch' | 'retry'>): typeof fetch =>
  retryingFetch(options.fetch ?? ((input, init) => fetch(input, init)), options.retry);

function authMiddleware(token: NonNullable<ApiClientOptions['token']>): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${typeof token === 'string' ? token : await token()}`);
      return request;
    },
  };
}

/** A typed client of every route in the service's OpenAPI document; calls name the tenant themselves. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createFetchClient<paths>({ baseUrl: options.baseUrl, fetch: transport(options) });
  if (options.token !== undefined) client.use(authMiddleware(options.token));
  return client;
}

export interface TenantClientOptions extends Omit<ApiClientOptions, 'token'> {
  tenant: string;
  /** A token, a token provider, or client credentials to fetch and renew tokens with. */
  token?: ApiClientOptions['token'];
  credentials?: Omit<ClientCredentials, 'tenant' | 'baseUrl' | 'fetch' | 'retry'>;
}

/**
 * A typed client bound to one tenant: base URL, tenant and credentials are configured once, and
 * calls leave `tenant` out of their path parameters.
 *
 *     const api = createTenantClient({ baseUrl, tenant: 'acme', credentials: { clientId, clientSecret } });
 *     const segment = await unwrap(api.GET('/customer-segment/{tenant}/segments/{segmentId}', { params: { path: { segmentId } } }));
 *     const segments = await unwrap(api.GET('/customer-segment/{tenant}/segments'));
 */
export function createTenantClient(options: TenantClientOptions): TenantClient {
  const token =
    options.token ??
    (options.credentials
      ? clientCredentialsProvider({
          ...options.credentials,
          tenant: options.tenant,
          baseUrl: options.baseUrl,
          fetch: options.fetch,
          retry: options.retry,
        })
      : undefined);
  const client = createFetchClient<TenantScoped<paths>>({ baseUrl: options.baseUrl, fetch: transport(options) });
  client.use(tenantMiddleware(options.tenant));
  if (token !== undefined) client.use(authMiddleware(token));
  return client;
}
