import { ALL_SCOPES, isOwnScope, TENANT_PATTERN, TokenResponse } from '@cs/contracts';
import { SignJWT } from 'jose';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig, OAuthClient } from '../config/config';
import { OAuthError } from '../errors/oauth-error';
import { SIGNING_ALGORITHM, SigningKey } from './signing-key';

export interface TokenRequest {
  grant_type?: string;
  client_id?: string;
  client_secret?: string;
  /** `tenant=<tenant> <scope> ... [customer_id=<id>] [legal_entity_id=<id> ...]` */
  scope?: string;
}

interface RequestedScope {
  tenant: string;
  scopes: string[];
  customerId?: string;
  legalEntityIds: string[];
}

/**
 * The built-in OAuth 2 client-credentials issuer for local use and tests. Tokens are ES256 JWTs
 * with the Emporix scope string; customer tokens carry only `*_read_own` scopes.
 */
export class TokenIssuer {
  constructor(
    private readonly auth: AppConfig['auth'],
    private readonly key: SigningKey,
  ) {}

  async issue(request: TokenRequest): Promise<TokenResponse> {
    if (request.grant_type === undefined) throw new OAuthError('invalid_request', 'grant_type is required.');
    if (request.grant_type !== 'client_credentials')
      throw new OAuthError('unsupported_grant_type', "grant_type must be 'client_credentials'.");
    const client = this.authenticate(request.client_id, request.client_secret);
    const requested = parseScope(request.scope);
    if (client.tenants !== '*' && !client.tenants.includes(requested.tenant)) {
      throw new OAuthError(
        'invalid_scope',
        `Client '${client.clientId}' may not request tokens for tenant '${requested.tenant}'.`,
      );
    }
    const allowed = (client.scopes === '*' ? ALL_SCOPES : client.scopes).filter((scope) =>
      requested.customerId ? isOwnScope(scope) : true,
    );
    if (requested.customerId && !client.customerTokens) {
      throw new OAuthError('unauthorized_client', `Client '${client.clientId}' may not mint customer tokens.`);
    }
    const denied = requested.scopes.filter((scope) => !allowed.includes(scope as never));
    if (denied.length)
      throw new OAuthError('invalid_scope', `Scopes not allowed for this client or token type: ${denied.join(', ')}.`);
    const scopes = requested.scopes.length ? requested.scopes : [...allowed];

    const token = await new SignJWT({
      tenant: requested.tenant,
      scope: scopes.join(' '),
      client_id: client.clientId,
      ...(requested.customerId && { customer_id: requested.customerId }),
      ...(requested.legalEntityIds.length && { legal_entity_ids: requested.legalEntityIds }),
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: this.key.kid, typ: 'JWT' })
      .setIssuer(this.auth.issuer)
      .setSubject(requested.customerId ?? client.clientId)
      .setIssuedAt()
      .setExpirationTime(`${this.auth.tokenTtlSeconds}s`)
      .setAudience(this.auth.audience ?? this.auth.issuer)
      .sign(this.key.privateKey);

    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: this.auth.tokenTtlSeconds,
      scope: [`tenant=${requested.tenant}`, ...scopes].join(' '),
    };
  }

  private authenticate(clientId: string | undefined, secret: string | undefined): OAuthClient {
    const client = this.auth.clients.find((candidate) => candidate.clientId === clientId);
    if (!client || secret === undefined || !sameText(client.clientSecret, secret)) {
      throw new OAuthError('invalid_client', 'Invalid client credentials.', 401);
    }
    return client;
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Longest accepted scope string: every scope and a few dozen legal entities fit; the token stays a header's size. */
export const MAX_SCOPE_LENGTH = 4096;

/** The scope string's parts; a scope or legal entity named twice counts once. */
export function parseScope(scope: string | undefined): RequestedScope {
  if (scope !== undefined && scope.length > MAX_SCOPE_LENGTH)
    throw new OAuthError('invalid_scope', `The scope must be at most ${MAX_SCOPE_LENGTH} characters long.`);
  const result: RequestedScope = { tenant: '', scopes: [], legalEntityIds: [] };
  const scopes = new Set<string>();
  const legalEntityIds = new Set<string>();
  for (const part of (scope ?? '').split(/\s+/).filter(Boolean)) {
    const [name, value] = part.includes('=')
      ? [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]
      : [part, undefined];
    if (value === undefined) scopes.add(name);
    else if (name === 'tenant') result.tenant = value;
    else if (name === 'customer_id' && value) result.customerId = value;
    else if (name === 'legal_entity_id' && value) legalEntityIds.add(value);
    else throw new OAuthError('invalid_scope', `Unknown scope parameter '${name}'.`);
  }
  result.scopes = [...scopes];
  result.legalEntityIds = [...legalEntityIds];
  if (!TENANT_PATTERN.test(result.tenant)) {
    throw new OAuthError('invalid_scope', "The scope must name a valid tenant: 'tenant=<tenant> <scope> ...'.");
  }
  return result;
}
