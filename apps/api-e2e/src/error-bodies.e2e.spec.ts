import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { ALL_SCOPES, isOwnScope } from '@cs/contracts';
import { ResponseValidator } from './response-validator';

const S = `/customer-segment/${TEST_TENANT}`;
const CM = `/customer-management/${TEST_TENANT}`;

/**
 * Error `details` in the form each contract file declares for its routes: one object on the
 * customer-segment routes, a list of strings on the customer-management routes (and elsewhere).
 * Every answer is also checked against the OpenAPI document and the reference file's error schema.
 */
describe('error bodies per contract file', () => {
  let server: TestServer;
  let staff: string;
  const validator = new ResponseValidator();

  beforeAll(async () => {
    server = await startTestServer();
    staff = await server.token(ALL_SCOPES.filter((scope) => !isOwnScope(scope)));
  });
  afterAll(() => server.close());

  async function send(method: string, path: string, body: unknown) {
    const url = `${server.baseUrl}${path}`;
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await validator.check(method, url, response);
    return { status: response.status, json: await response.json() };
  }

  it('answers customer-segment routes with the first problem as one object, the message naming every one', async () => {
    const answer = await send('POST', `${S}/segments`, { id: 'eb-1', name: 5, siteCode: 'main', status: 'SOMETIMES' });
    expect(answer).toEqual({
      status: 400,
      json: {
        code: 400,
        status: 'Bad Request',
        message: expect.stringMatching(/^Invalid request: name, status\. name: .*; status: status must be one of/),
        details: { field: 'name', type: expect.any(String), message: expect.any(String) },
      },
    });

    // The service's own extension under /customer-segment (the catalog sync) follows the same file.
    const catalog = await send('PUT', `${S}/catalog/products/bulk`, [{ id: 'eb-p1', name: 7 }, { id: 'eb-p2' }]);
    expect(catalog).toEqual({
      status: 207,
      json: [
        {
          index: 0,
          code: 400,
          status: 'Bad Request',
          message: expect.stringContaining('name'),
          details: expect.objectContaining({ field: 'name' }),
        },
        expect.objectContaining({ index: 1, code: 201 }),
      ],
    });
  });

  it('answers customer-management routes with every problem as a "<field>: <message>" string', async () => {
    const answer = await send('POST', `${CM}/legal-entities`, { id: 'eb-le', type: 'PARTNERSHIP' });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      code: 400,
      status: 'Bad Request',
      message: expect.stringMatching(/^Invalid request: /),
      details: expect.arrayContaining([expect.stringMatching(/^name: /), expect.stringMatching(/^type: /)]),
    });
    expect((answer.json as { details: unknown[] }).details.every((detail) => typeof detail === 'string')).toBe(true);

    const bulk = await send('PUT', `${CM}/customers/bulk`, [{ id: 'eb-c1', firstName: 3 }]);
    expect(bulk).toEqual({
      status: 207,
      json: [
        {
          index: 0,
          code: 400,
          status: 'Bad Request',
          message: expect.stringContaining('firstName'),
          details: expect.arrayContaining(['firstName: firstName must be a string']),
        },
      ],
    });
  });

  it('documents each route with the error schema of its file', async () => {
    const document = (await (await fetch(`${server.baseUrl}/api-docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const schemaOf = (path: string, method: string, status: string) =>
      JSON.stringify(document.paths[path][method].responses[status].content);
    expect(schemaOf('/customer-segment/{tenant}/segments', 'post', '400')).toContain('SegmentErrorResponse');
    expect(schemaOf('/customer-segment/{tenant}/catalog/products/bulk', 'put', '207')).toContain(
      'SegmentBulkItemResponse',
    );
    expect(schemaOf('/customer-management/{tenant}/legal-entities', 'post', '400')).toContain(
      '#/components/schemas/ErrorResponse"',
    );
    expect(schemaOf('/customer-management/{tenant}/customers/bulk', 'put', '207')).toContain(
      '#/components/schemas/BulkItemResponse"',
    );
  });

  it('fails an error body that drifts from the route file: the response validator checks it', async () => {
    const listOfObjects = {
      code: 400,
      status: 'Bad Request',
      message: 'x',
      details: [{ field: 'name', message: 'x' }],
    };
    const answer = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } });
    await expect(validator.check('POST', `${server.baseUrl}${S}/segments`, answer(listOfObjects))).rejects.toThrow(
      /does not match customer-segment\.api\.yml Error/,
    );
    await expect(
      validator.check('POST', `${server.baseUrl}${CM}/legal-entities`, answer(listOfObjects)),
    ).rejects.toThrow(/does not match customer-management\.api\.yml errorMessage/);
    await expect(
      validator.check('POST', `${server.baseUrl}${CM}/legal-entities`, answer({ ...listOfObjects, details: ['x'] })),
    ).resolves.toBeUndefined();
  });
});
