/** Who is calling, as read from a verified bearer token. */
export interface Principal {
  tenant: string;
  scopes: ReadonlySet<string>;
  /** OAuth client that obtained the token. */
  clientId: string;
  /** Set on customer tokens: the customer the token acts for. */
  customerId?: string;
  /** Set on customer tokens of B2B customers: the legal entities the customer acts for. */
  legalEntityIds?: readonly string[];
}

/** Claims of the tokens the service accepts, beside the registered ones (iss, sub, aud, exp, iat). */
export interface AccessTokenClaims {
  tenant: string;
  /** Space-separated scopes; tokens from other issuers may use `scp` (array) instead. */
  scope?: string;
  scp?: string[];
  customer_id?: string;
  legal_entity_ids?: string[];
}

/** Answer of `POST /oauth/token` (Emporix token shape). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** The error codes of a failed token request (RFC 6749 5.2). */
export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

/** Answer of a failed `POST /oauth/token` (RFC 6749 5.2), which OAuth clients and Swagger UI display. */
export interface OAuthErrorBody {
  error: OAuthErrorCode;
  error_description?: string;
}
