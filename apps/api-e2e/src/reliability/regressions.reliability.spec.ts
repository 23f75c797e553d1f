import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { Scopes } from '@cs/contracts';
import { ResponseValidator } from '../response-validator';

/** Defects the reliability suites found (and that were fixed), each kept as a test of the right behaviour. */
describe('reliability: regressions', () => {
  let server: TestServer;
  const validator = new ResponseValidator();
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const token = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers a malformed HTTP Basic header at POST /oauth/token with 401, not 500', async () => {
    const response = await token(
      { grant_type: 'client_credentials', scope: `tenant=${TEST_TENANT}` },
      { authorization: `Basic ${Buffer.from('%E0%A4%A:secret').toString('base64')}` },
    );
    expect(response.status).toBe(401);
  });

  it('documents the 400 and 401 answers of POST /oauth/token', async () => {
    const response = await token({
      grant_type: 'client_credentials',
      client_id: 'dev-client',
      client_secret: 'wrong',
      scope: `tenant=${TEST_TENANT}`,
    });
    expect(response.status).toBe(401);
    await expect(validator.check('POST', `${server.baseUrl}/oauth/token`, response)).resolves.toBeUndefined();
  });

  it('refuses a 5 MB scope string at POST /oauth/token with 400 instead of signing a 7 MB token', async () => {
    const scope = `tenant=${TEST_TENANT} ${`${Scopes.segmentRead} `.repeat(180_000)}`;
    const response = await token({
      grant_type: 'client_credentials',
      client_id: 'dev-client',
      client_secret: 'dev-secret',
      scope,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'invalid_scope',
      error_description: expect.stringContaining('at most 4096 characters'),
    });
  });

  it('refuses a search body that is not a JSON object', async () => {
    const staff = await server.token([Scopes.segmentRead]);
    const response = await fetch(`${server.baseUrl}/customer-segment/${TEST_TENANT}/segments/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
      body: JSON.stringify('status:ACTIVE'),
    });
    expect(response.status).toBe(400);
  });

  it('documents the 400 of an invalid tenant on every operation', async () => {
    const staff = await server.token([Scopes.segmentRead]);
    const url = `${server.baseUrl}/customer-segment/NOT_A_TENANT/catalog/products/p1`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${staff}` } });
    expect(response.status).toBe(400);
    await expect(validator.check('GET', url, response)).resolves.toBeUndefined();
  });
});
