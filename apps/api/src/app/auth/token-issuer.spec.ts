import { Scopes } from '@cs/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, SignJWT } from 'jose';
import { DEV_CLIENT, loadConfig } from '../config/config';
import { loadOrCreateSigningKey } from './signing-key';
import { MAX_SCOPE_LENGTH, TokenIssuer } from './token-issuer';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

describe('built-in issuer and verifier', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-issuer-'));
  const config = loadConfig({ DATA_DIR: dataDir });
  let issuer: TokenIssuer;
  let verifier: TokenVerifier;
  const credentials = {
    grant_type: 'client_credentials',
    client_id: DEV_CLIENT.clientId,
    client_secret: DEV_CLIENT.clientSecret,
  };

  /** The RFC 6749 error a refused request fails with. */
  const refusedWith = (error: string, status = 400) => expect.objectContaining({ name: 'OAuthError', error, status });

  beforeAll(async () => {
    const key = await loadOrCreateSigningKey(config.auth.signingKeyFile);
    issuer = new TokenIssuer(config.auth, key);
    verifier = new TokenVerifier(config.auth, [key.publicJwk]);
  });

  it('issues an Emporix-shaped token whose claims the verifier turns into a principal', async () => {
    const response = await issuer.issue({
      ...credentials,
      scope: `tenant=acme ${Scopes.segmentRead} ${Scopes.segmentManage}`,
    });
    expect(response).toMatchObject({
      token_type: 'Bearer',
      expires_in: 14_399,
      scope: `tenant=acme ${Scopes.segmentRead} ${Scopes.segmentManage}`,
    });
    const principal = await verifier.verify(response.access_token);
    expect(principal).toEqual({
      tenant: 'acme',
      scopes: new Set([Scopes.segmentRead, Scopes.segmentManage]),
      clientId: 'dev-client',
    });
  });

  it('grants every allowed scope when none is named', async () => {
    const response = await issuer.issue({ ...credentials, scope: 'tenant=acme' });
    expect(response.scope.split(' ')).toContain(Scopes.locationManage);
  });

  it('mints customer tokens with own scopes only', async () => {
    const response = await issuer.issue({ ...credentials, scope: `tenant=acme customer_id=c1 legal_entity_id=le1` });
    const principal = await verifier.verify(response.access_token);
    expect(principal.customerId).toBe('c1');
    expect(principal.legalEntityIds).toEqual(['le1']);
    expect([...principal.scopes].sort()).toEqual([Scopes.legalEntityReadOwn, Scopes.segmentReadOwn].sort());
    await expect(
      issuer.issue({ ...credentials, scope: `tenant=acme customer_id=c1 ${Scopes.segmentRead}` }),
    ).rejects.toEqual(refusedWith('invalid_scope'));
    const noCustomerTokens = new TokenIssuer(
      { ...config.auth, clients: [{ ...DEV_CLIENT, customerTokens: false }] },
      await loadOrCreateSigningKey(config.auth.signingKeyFile),
    );
    await expect(noCustomerTokens.issue({ ...credentials, scope: 'tenant=acme customer_id=c1' })).rejects.toEqual(
      refusedWith('unauthorized_client'),
    );
  });

  it('rejects wrong secrets, unknown clients, other grants, missing tenants and unknown scopes', async () => {
    await expect(issuer.issue({ ...credentials, client_secret: 'nope', scope: 'tenant=acme' })).rejects.toEqual(
      refusedWith('invalid_client', 401),
    );
    await expect(issuer.issue({ ...credentials, client_id: 'ghost', scope: 'tenant=acme' })).rejects.toEqual(
      refusedWith('invalid_client', 401),
    );
    await expect(issuer.issue({ ...credentials, grant_type: 'password', scope: 'tenant=acme' })).rejects.toEqual(
      refusedWith('unsupported_grant_type'),
    );
    await expect(issuer.issue({ ...credentials, grant_type: undefined, scope: 'tenant=acme' })).rejects.toEqual(
      refusedWith('invalid_request'),
    );
    await expect(issuer.issue({ ...credentials, scope: Scopes.segmentRead })).rejects.toEqual(
      refusedWith('invalid_scope'),
    );
    await expect(issuer.issue({ ...credentials, scope: 'tenant=acme made.up_scope' })).rejects.toEqual(
      refusedWith('invalid_scope'),
    );
    await expect(issuer.issue({ ...credentials, scope: 'tenant=acme colour=blue' })).rejects.toEqual(
      refusedWith('invalid_scope'),
    );
  });

  it('names a repeated scope or legal entity once, and refuses scope strings over the cap', async () => {
    const response = await issuer.issue({
      ...credentials,
      scope: `tenant=acme ${Scopes.segmentRead} ${Scopes.segmentRead} ${Scopes.segmentManage} ${Scopes.segmentRead}`,
    });
    expect(response.scope).toBe(`tenant=acme ${Scopes.segmentRead} ${Scopes.segmentManage}`);
    const customer = await issuer.issue({
      ...credentials,
      scope: 'tenant=acme customer_id=c1 legal_entity_id=le1 legal_entity_id=le1',
    });
    expect((await verifier.verify(customer.access_token)).legalEntityIds).toEqual(['le1']);
    const long = `tenant=acme ${`${Scopes.segmentRead} `.repeat(200)}`;
    expect(long.length).toBeGreaterThan(MAX_SCOPE_LENGTH);
    await expect(issuer.issue({ ...credentials, scope: long })).rejects.toThrow(
      `at most ${MAX_SCOPE_LENGTH} characters`,
    );
  });

  it('keeps its signing key across restarts, so issued tokens stay valid', async () => {
    const response = await issuer.issue({ ...credentials, scope: 'tenant=acme' });
    const reloaded = await loadOrCreateSigningKey(config.auth.signingKeyFile);
    await expect(
      new TokenVerifier(config.auth, [reloaded.publicJwk]).verify(response.access_token),
    ).resolves.toMatchObject({ tenant: 'acme' });
  });

  it('rejects expired tokens, tokens issued in the future, foreign signatures, other issuers and tokens without a tenant', async () => {
    const key = await loadOrCreateSigningKey(config.auth.signingKeyFile);
    const foreign = await loadOrCreateSigningKey(join(dataDir, 'other-key.json'));
    const sign = (claims: Record<string, unknown>, options: { key?: typeof key; issuer?: string; exp?: number } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: (options.key ?? key).kid })
        .setIssuer(options.issuer ?? config.auth.issuer)
        .setExpirationTime(options.exp ?? Math.floor(Date.now() / 1000) + 60)
        .sign((options.key ?? key).privateKey);
    await expect(
      verifier.verify(await sign({ tenant: 'acme' }, { exp: Math.floor(Date.now() / 1000) - 60 })),
    ).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await sign({ tenant: 'acme' }, { key: foreign }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await sign({ tenant: 'acme' }, { issuer: 'someone-else' }))).rejects.toThrow(
      InvalidTokenError,
    );
    await expect(verifier.verify(await sign({ scope: Scopes.segmentRead }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify('not-a-jwt')).rejects.toThrow(InvalidTokenError);
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await sign({ tenant: 'acme', iat: now + 3600 }))).rejects.toThrow(
      '"iat" claim is in the future',
    );
    await expect(verifier.verify(await sign({ tenant: 'acme', iat: now + 2 }))).resolves.toMatchObject({
      tenant: 'acme',
    });
    expect(decodeJwt(await sign({ tenant: 'acme', scp: [Scopes.segmentRead] }))).toMatchObject({
      scp: [Scopes.segmentRead],
    });
    await expect(verifier.verify(await sign({ tenant: 'acme', scp: [Scopes.segmentRead] }))).resolves.toMatchObject({
      scopes: new Set([Scopes.segmentRead]),
    });
  });

  it('remembers a verified token, but never past its expiry', async () => {
    const key = await loadOrCreateSigningKey(config.auth.signingKeyFile);
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ tenant: 'acme', scope: Scopes.segmentRead })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setIssuer(config.auth.issuer)
      .setExpirationTime(now + 30)
      .sign(key.privateKey);
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
    const later = jest.spyOn(Date, 'now').mockReturnValue((now + 60) * 1000);
    try {
      // Past its expiry the cached entry is not used: the token is verified again (and jose, on the
      // real clock, still finds it valid; what matters is that the cache did not answer).
      const again = await verifier.verify(token);
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
    } finally {
      later.mockRestore();
    }
  });
});
