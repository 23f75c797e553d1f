import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { OAuthErrorBody, Scopes, TokenResponse } from '@cs/contracts';
import { ResponseValidator } from './response-validator';

/** `POST /oauth/token` refuses a token request with an RFC 6749 (5.2) error body, which OAuth clients display. */
describe('OAuth 2 errors at POST /oauth/token', () => {
  let server: TestServer;
  const validator = new ResponseValidator();
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  beforeAll(async () => {
    server = await startTestServer({
      AUTH_CLIENTS: JSON.stringify([
        { clientId: 'dev-client', clientSecret: 'dev-secret', scopes: '*', tenants: '*', customerTokens: true },
        {
          clientId: 'reader',
          clientSecret: 'reader-secret',
          scopes: [Scopes.segmentRead],
          tenants: [TEST_TENANT],
          customerTokens: false,
        },
      ]),
    });
  });
  afterAll(() => server.close());

  /** Posts `fields` as a form body (the OAuth way), checked against the OpenAPI document. */
  async function token(fields: Record<string, string>, headers: Record<string, string> = {}) {
    const url = `${server.baseUrl}/oauth/token`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields),
    });
    await validator.check('POST', url, response);
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as Partial<OAuthErrorBody & TokenResponse>,
    };
  }
  const dev = { grant_type: 'client_credentials', client_id: 'dev-client', client_secret: 'dev-secret' };
  const reader = { grant_type: 'client_credentials', client_id: 'reader', client_secret: 'reader-secret' };

  it('names a forgotten tenant pseudo-scope (invalid_scope), which Swagger UI shows', async () => {
    const answer = await token({ ...dev, scope: Scopes.segmentRead });
    expect(answer).toMatchObject({
      status: 400,
      json: {
        error: 'invalid_scope',
        error_description: "The scope must name a valid tenant: 'tenant=<tenant> <scope> ...'.",
      },
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses scopes, tenants and scope parameters the client may not have (invalid_scope)', async () => {
    for (const scope of [
      `tenant=${TEST_TENANT} ${Scopes.segmentManage}`,
      'tenant=othertenant',
      `tenant=${TEST_TENANT} colour=blue`,
      `tenant=${TEST_TENANT} ${'x'.repeat(5000)}`,
    ]) {
      const answer = await token({ ...reader, scope });
      expect([scope.slice(0, 40), answer.status, answer.json.error]).toEqual([
        scope.slice(0, 40),
        400,
        'invalid_scope',
      ]);
      expect(answer.json.error_description).toEqual(expect.any(String));
    }
  });

  it('refuses a customer token to a client that may not mint them (unauthorized_client)', async () => {
    const answer = await token({ ...reader, scope: `tenant=${TEST_TENANT} customer_id=c1` });
    expect(answer).toMatchObject({
      status: 400,
      json: { error: 'unauthorized_client', error_description: "Client 'reader' may not mint customer tokens." },
    });
  });

  it('refuses other grants (unsupported_grant_type) and a request without grant_type (invalid_request)', async () => {
    expect((await token({ ...dev, grant_type: 'password', scope: `tenant=${TEST_TENANT}` })).json).toEqual({
      error: 'unsupported_grant_type',
      error_description: "grant_type must be 'client_credentials'.",
    });
    const { grant_type: _, ...withoutGrant } = dev;
    expect(await token({ ...withoutGrant, scope: `tenant=${TEST_TENANT}` })).toMatchObject({
      status: 400,
      json: { error: 'invalid_request', error_description: 'grant_type is required.' },
    });
  });

  it('answers wrong client credentials with 401 invalid_client, challenging only HTTP Basic callers', async () => {
    const inBody = await token({ ...dev, client_secret: 'wrong', scope: `tenant=${TEST_TENANT}` });
    expect(inBody).toMatchObject({
      status: 401,
      json: { error: 'invalid_client', error_description: 'Invalid client credentials.' },
    });
    expect(inBody.headers.get('www-authenticate')).toBeNull();

    const viaBasic = await token(
      { grant_type: 'client_credentials', scope: `tenant=${TEST_TENANT}` },
      { authorization: basic('dev-client', 'wrong') },
    );
    expect(viaBasic).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(viaBasic.headers.get('www-authenticate')).toBe('Basic realm="oauth"');
  });

  it('answers malformed, oversized and non-form bodies as invalid_request', async () => {
    const post = async (contentType: string, body: string) => {
      const response = await fetch(`${server.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      });
      return { status: response.status, json: await response.json() };
    };
    expect(await post('application/json', '{"grant_type":')).toEqual({
      status: 400,
      json: { error: 'invalid_request', error_description: expect.stringContaining('not valid JSON') },
    });
    expect(await post('text/plain', 'grant_type=client_credentials')).toEqual({
      status: 415,
      json: { error: 'invalid_request', error_description: expect.stringContaining('Unsupported content type') },
    });
    expect(await post('application/json', JSON.stringify({ scope: 'x'.repeat(11 * 1024 * 1024) }))).toEqual({
      status: 413,
      json: { error: 'invalid_request', error_description: expect.stringMatching(/too large/i) },
    });
  });

  it('still issues tokens to valid requests, form or JSON', async () => {
    expect((await token({ ...reader, scope: `tenant=${TEST_TENANT}` })).json).toMatchObject({
      token_type: 'Bearer',
      scope: `tenant=${TEST_TENANT} ${Scopes.segmentRead}`,
    });
  });
});
