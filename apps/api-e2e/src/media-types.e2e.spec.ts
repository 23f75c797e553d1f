import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { Scopes } from '@cs/contracts';

/** Which media types a body may have: JSON everywhere, JSON Patch on PATCH routes, forms only at /oauth/token. */
describe('request media types', () => {
  let server: TestServer;
  let token: string;
  const segments = `/customer-segment/${TEST_TENANT}/segments`;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.token([Scopes.segmentRead, Scopes.segmentManage]);
  });
  afterAll(() => server.close());

  /** Sends `body` as `contentType` with the token; its status and JSON body. */
  async function send(method: string, path: string, contentType: string, body: string) {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  const segment = JSON.stringify({ name: { en: 'Media' }, status: 'ACTIVE', siteCode: 'main' });

  it('takes a JSON Patch document as application/json-patch+json on PATCH, like application/json', async () => {
    expect((await send('PUT', `${segments}/media-1`, 'application/json', segment)).status).toBe(201);
    const patch = (name: string) => JSON.stringify([{ op: 'replace', path: '/name', value: { en: name } }]);

    expect((await send('PATCH', `${segments}/media-1`, 'application/json-patch+json', patch('Patched'))).status).toBe(
      204,
    );
    const read = await fetch(`${server.baseUrl}${segments}/media-1`, { headers: { authorization: `Bearer ${token}` } });
    expect(await read.json()).toMatchObject({ name: { en: 'Patched' }, metadata: { version: 2 } });

    expect(
      (await send('PATCH', `${segments}/media-1`, 'application/json-patch+json; charset=utf-8', patch('Again'))).status,
    ).toBe(204);
    // The JSON body limits apply to it as to application/json.
    expect((await send('PATCH', `${segments}/media-1`, 'application/json-patch+json', '[{"op":')).status).toBe(400);
  });

  it('refuses application/merge-patch+json, and JSON Patch on other methods, with 415', async () => {
    const mergePatch = await send(
      'PATCH',
      `${segments}/media-1`,
      'application/merge-patch+json',
      '{"status":"INACTIVE"}',
    );
    expect(mergePatch).toEqual({
      status: 415,
      json: { code: 415, status: 'Unsupported Media Type', message: expect.stringContaining('application/json') },
    });
    const put = await send('PUT', `${segments}/media-2`, 'application/json-patch+json', segment);
    expect(put).toEqual({
      status: 415,
      json: {
        code: 415,
        status: 'Unsupported Media Type',
        message: expect.stringContaining("'application/json-patch+json' on this route"),
      },
    });
  });

  it('refuses form bodies with 415 on every route but /oauth/token', async () => {
    // What `curl -d name=x` sends without a Content-Type header.
    const form = await send('PUT', `${segments}/media-3`, 'application/x-www-form-urlencoded', 'name=x&status=ACTIVE');
    expect(form).toEqual({
      status: 415,
      json: {
        code: 415,
        status: 'Unsupported Media Type',
        message:
          "Unsupported content type 'application/x-www-form-urlencoded' on this route: send the body as application/json.",
      },
    });
    const search = await send('POST', `${segments}/search`, 'application/x-www-form-urlencoded; charset=utf-8', 'q=x');
    expect(search.status).toBe(415);
    const legalEntity = await send(
      'POST',
      `/customer-management/${TEST_TENANT}/legal-entities`,
      'application/x-www-form-urlencoded',
      'name=x',
    );
    expect(legalEntity.status).toBe(415);
    // Nothing was written.
    const absent = await fetch(`${server.baseUrl}${segments}/media-3`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(absent.status).toBe(404);

    const tokenForm = await fetch(`${server.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=dev-client&client_secret=dev-secret&scope=tenant%3D${TEST_TENANT}`,
    });
    expect(tokenForm.status).toBe(200);
  });

  it('answers a form body without a token with 401, and an unknown route with 404, not 415', async () => {
    const unauthenticated = await fetch(`${server.baseUrl}${segments}/media-4`, {
      method: 'PUT',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    });
    expect(unauthenticated.status).toBe(401);
    const unknown = await send('POST', '/no/such/route', 'application/x-www-form-urlencoded', 'name=x');
    expect(unknown.status).toBe(404);
  });
});
