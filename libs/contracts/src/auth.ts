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
