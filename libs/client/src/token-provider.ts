import type { TokenResponse } from '@cs/contracts';
import { TokenError } from './errors';
import { retryingFetch, RetrySetting } from './retry';

export interface ClientCredentials {
  /** Base URL of the service (its `/oauth/token`), or a full token URL. */
  baseUrl?: string;
  tokenUrl?: string;
  clientId: string;
  clientSecret: string;
  tenant: string;
  /** Scopes to request; none means every scope the client may have. */
  scopes?: string[];
  /** Mint a customer token (own scopes only) for this customer. */
  customerId?: string;
  legalEntityIds?: string[];
  /** Renew this many seconds before expiry (default 60, at most half the lifetime). */
  renewBeforeSeconds?: number;
  fetch?: typeof fetch;
  /** Retries of token requests answered 503 or 429 (on by default; `false` turns them off). */
  retry?: RetrySetting;
  now?: () => number;
}

export type TokenProvider = () => Promise<string>;

/**
 * Fetches client-credentials tokens and renews them shortly before they expire. Concurrent callers
 * share one request; a failed request is not cached and throws a `TokenError`.
 */
export function clientCredentialsProvider(options: ClientCredentials): TokenProvider {
  const fetchFn = retryingFetch(options.fetch ?? ((input, init) => fetch(input, init)), options.retry);
  const now = options.now ?? Date.now;
  const url = options.tokenUrl ?? `${(options.baseUrl ?? '').replace(/\/$/, '')}/oauth/token`;
  const scope = [
    `tenant=${options.tenant}`,
    ...(options.scopes ?? []),
    ...(options.customerId ? [`customer_id=${options.customerId}`] : []),
    ...(options.legalEntityIds ?? []).map((id) => `legal_entity_id=${id}`),
  ].join(' ');
  let current: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function request(): Promise<string> {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope,
      }).toString(),
    });
    if (!response.ok) throw await TokenError.of(response);
    const body = (await response.json()) as Partial<TokenResponse>;
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number')
      throw new TokenError(response.status, body);
    const lifetime = body.expires_in * 1000;
    const margin = Math.min((options.renewBeforeSeconds ?? 60) * 1000, lifetime / 2);
    current = { token: body.access_token, renewAt: now() + lifetime - margin };
    return body.access_token;
  }

  return async () => {
    if (current && now() < current.renewAt) return current.token;
    pending ??= request().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
