import { Scopes } from '@cs/contracts';
import { RequiresScopes, startTestServer, TestServer } from '@cs/api/testing';
import { Controller, Get, Module } from '@nestjs/common';
import { SignJWT, generateKeyPair } from 'jose';
import { problemAbout } from './fixtures';

/** A probe route, standing in for any feature route: guarded by one scope, tenant in the path. */
@Controller('probe/:tenant')
class ProbeController {
  @Get()
  @RequiresScopes(Scopes.segmentRead)
  read(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('foundation: auth, errors, health, OpenAPI', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({}, [ProbeModule]);
  });
  afterAll(() => server.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers });

  it('issues Emporix-shaped tokens at POST /oauth/token (form and JSON bodies)', async () => {
    const form = await fetch(`${server.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=dev-client&client_secret=dev-secret&scope=${encodeURIComponent(`tenant=testtenant ${Scopes.segmentRead}`)}`,
    });
    expect(form.status).toBe(200);
    expect(await form.json()).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 14399,
      scope: `tenant=testtenant ${Scopes.segmentRead}`,
    });

    const json = await fetch(`${server.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('dev-client:dev-secret').toString('base64')}`,
      },
      body: JSON.stringify({ grant_type: 'client_credentials', scope: 'tenant=testtenant' }),
    });
    expect(json.status).toBe(200);

    const wrong = await fetch(`${server.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=dev-client&client_secret=wrong&scope=tenant%3Dtesttenant',
    });
    expect(wrong.status).toBe(401);
    // The token endpoint answers OAuth 2 errors (RFC 6749 5.2).
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('publishes the verification keys', async () => {
    const response = await get('/oauth/jwks');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { keys: object[] }).keys[0]).toMatchObject({
      kty: 'EC',
      alg: 'ES256',
      kid: expect.any(String),
    });
  });

  it('answers 401 with the gateway fault body for missing, malformed, forged and expired tokens', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ tenant: 'testtenant', scope: Scopes.segmentRead })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('urn:customer-segments:local-issuer')
      .setExpirationTime('1h')
      .sign(privateKey);
    const expired = await server.signToken(
      { tenant: 'testtenant', scope: Scopes.segmentRead },
      { expiresAt: Math.floor(Date.now() / 1000) - 60 },
    );
    const otherIssuer = await server.signToken(
      { tenant: 'testtenant', scope: Scopes.segmentRead },
      { issuer: 'https://elsewhere.example' },
    );
    const valid = await server.signToken({ tenant: 'testtenant', scope: Scopes.segmentRead });
    expect((await get('/probe/testtenant', { authorization: `Bearer ${valid}` })).status).toBe(200);
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer' },
      { authorization: 'Bearer abc.def.ghi' },
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${expired}` },
      { authorization: `Bearer ${otherIssuer}` },
      { authorization: 'Token x' },
    ];
    for (const headers of attempts) {
      const response = await get('/probe/testtenant', headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } },
      });
    }
  });

  it('lets a token with the scope through, and answers 403 for a missing scope or another tenant', async () => {
    const ok = await get('/probe/testtenant', { authorization: `Bearer ${await server.token([Scopes.segmentRead])}` });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });

    const noScope = await get('/probe/testtenant', {
      authorization: `Bearer ${await server.token([Scopes.segmentManage])}`,
    });
    expect(noScope.status).toBe(403);
    expect(await noScope.json()).toMatchObject({
      code: 403,
      status: 'Forbidden',
      message: expect.stringContaining(Scopes.segmentRead),
    });

    const otherTenant = await get('/probe/testtenant', {
      authorization: `Bearer ${await server.token([Scopes.segmentRead], { tenant: 'othertenant' })}`,
    });
    expect(otherTenant.status).toBe(403);
    expect(await otherTenant.json()).toMatchObject({ code: 403, resourceId: 'testtenant' });
  });

  it('answers 400 for an invalid tenant in the path', async () => {
    const response = await get('/probe/NOT_A_TENANT', {
      authorization: `Bearer ${await server.token([Scopes.segmentRead])}`,
    });
    expect(response.status).toBe(400);
    // Outside both contract files' paths, `details` is the list of strings.
    expect(await response.json()).toMatchObject({ code: 400, details: [problemAbout('tenant')] });
  });

  it('answers unknown routes with the Emporix error body, malformed JSON and oversized bodies at /oauth/token with OAuth errors', async () => {
    const unknown = await get('/no/such/route');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      code: 404,
      status: 'Not Found',
      message: 'The requested resource does not exist.',
    });

    const malformed = await fetch(`${server.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid_request' });

    const huge = await fetch(`${server.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'x'.repeat(11 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      error: 'invalid_request',
      error_description: expect.stringMatching(/too large/i),
    });
  });

  it('serves liveness and readiness without a token', async () => {
    expect(await (await get('/health')).json()).toEqual({ status: 'ok' });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    // With the event relay's state and backlog (events.e2e.spec.ts checks them).
    expect(await ready.json()).toEqual({
      status: 'ok',
      database: 'up',
      events: expect.objectContaining({ relay: 'on' }),
    });
  });

  it('echoes a caller request id, or makes one, in X-Request-Id', async () => {
    expect((await get('/health', { 'x-request-id': 'abc-123' })).headers.get('x-request-id')).toBe('abc-123');
    expect((await get('/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Swagger UI and the OpenAPI JSON with the OAuth2 client-credentials scheme', async () => {
    const ui = await get('/api-docs');
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const document = (await (await get('/api-docs-json')).json()) as {
      components: {
        securitySchemes: Record<
          string,
          { flows: { clientCredentials: { tokenUrl: string; scopes: Record<string, string> } } }
        >;
      };
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const flow = document.components.securitySchemes.OAuth2.flows.clientCredentials;
    expect(flow.tokenUrl).toBe('/oauth/token');
    expect(Object.keys(flow.scopes)).toEqual(
      expect.arrayContaining(['tenant=mytenant', Scopes.segmentRead, Scopes.locationManage]),
    );
    expect(document.paths['/oauth/token'].post.operationId).toBe('POST-oauth-token');
  });
});
