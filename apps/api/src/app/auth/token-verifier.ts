import { AccessTokenClaims, Principal, TENANT_PATTERN } from '@cs/contracts';
import { createLocalJWKSet, createRemoteJWKSet, JWK, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AppConfig } from '../config/config';

export class InvalidTokenError extends Error {}

/** Verifies bearer JWTs against a JWKS and turns their claims into a Principal. */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly auth: AppConfig['auth'],
    localJwks: JWK[],
  ) {
    this.keys = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : createLocalJWKSet({ keys: localJwks });
  }

  async verify(token: string): Promise<Principal> {
    let claims: AccessTokenClaims & { sub?: string; client_id?: string };
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.auth.issuer,
        audience: this.auth.audience,
        algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
        clockTolerance: 5,
        requiredClaims: ['exp'],
      });
      claims = payload as unknown as typeof claims;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    return principalFromClaims(claims);
  }
}

export function principalFromClaims(claims: AccessTokenClaims & { sub?: string; client_id?: string }): Principal {
  if (typeof claims.tenant !== 'string' || !TENANT_PATTERN.test(claims.tenant)) {
    throw new InvalidTokenError('token has no valid tenant claim');
  }
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : Array.isArray(claims.scp) ? claims.scp : [];
  const legalEntityIds = Array.isArray(claims.legal_entity_ids) ? claims.legal_entity_ids.filter((id) => typeof id === 'string') : undefined;
  return {
    tenant: claims.tenant,
    scopes: new Set(scopes),
    clientId: claims.client_id ?? claims.sub ?? 'unknown',
    ...(typeof claims.customer_id === 'string' && { customerId: claims.customer_id }),
    ...(legalEntityIds?.length && { legalEntityIds }),
  };
}
