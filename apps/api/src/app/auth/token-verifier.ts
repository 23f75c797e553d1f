import { AccessTokenClaims, Principal, TENANT_PATTERN } from '@cs/contracts';
import { createLocalJWKSet, createRemoteJWKSet, JWK, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AppConfig } from '../config/config';

export class InvalidTokenError extends Error {}

/** Seconds by which the issuer's clock may be ahead of or behind ours (`exp`, `nbf`, `iat`). */
const CLOCK_TOLERANCE_S = 5;
/** How long a verified token is remembered at most (also bounded by its own expiry). */
const CACHE_TTL_MS = 5 * 60_000;
const CACHE_MAX_ENTRIES = 10_000;

/**
 * Verifies bearer JWTs against a JWKS and turns their claims into a Principal. A client sends the
 * same token with every request until it expires, so verified tokens are remembered: the signature
 * check, a large part of a simple request's CPU (tools/bench/results/history.md), runs once per token
 * and 5 minutes.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly verified = new Map<string, { principal: Principal; validUntil: number }>();

  constructor(
    private readonly auth: AppConfig['auth'],
    localJwks: JWK[],
  ) {
    this.keys = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : createLocalJWKSet({ keys: localJwks });
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const cached = this.verified.get(token);
    if (cached && cached.validUntil > now) return cached.principal;

    let claims: AccessTokenClaims & { sub?: string; client_id?: string; exp?: number };
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.auth.issuer,
        audience: this.auth.audience,
        algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp'],
      });
      // jose checks `iat` only against a maximum age; a token issued in the future is forged or from a broken clock.
      if (payload.iat !== undefined && payload.iat > now / 1000 + CLOCK_TOLERANCE_S)
        throw new Error('"iat" claim is in the future');
      claims = payload as unknown as typeof claims;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const principal = principalFromClaims(claims);
    if (this.verified.size >= CACHE_MAX_ENTRIES) this.verified.clear();
    this.verified.set(token, { principal, validUntil: Math.min((claims.exp ?? 0) * 1000, now + CACHE_TTL_MS) });
    return principal;
  }
}

export function principalFromClaims(claims: AccessTokenClaims & { sub?: string; client_id?: string }): Principal {
  if (typeof claims.tenant !== 'string' || !TENANT_PATTERN.test(claims.tenant)) {
    throw new InvalidTokenError('token has no valid tenant claim');
  }
  const scopes =
    typeof claims.scope === 'string'
      ? claims.scope.split(' ').filter(Boolean)
      : Array.isArray(claims.scp)
        ? claims.scp
        : [];
  const legalEntityIds = Array.isArray(claims.legal_entity_ids)
    ? claims.legal_entity_ids.filter((id) => typeof id === 'string')
    : undefined;
  return {
    tenant: claims.tenant,
    scopes: new Set(scopes),
    clientId: claims.client_id ?? claims.sub ?? 'unknown',
    ...(typeof claims.customer_id === 'string' && { customerId: claims.customer_id }),
    ...(legalEntityIds?.length && { legalEntityIds }),
  };
}
