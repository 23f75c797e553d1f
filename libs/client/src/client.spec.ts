import {
  allPages,
  ApiError,
  bulkInChunks,
  clientCredentialsProvider,
  createApiClient,
  createTenantClient,
  TokenError,
  unwrap,
} from './index';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('clientCredentialsProvider', () => {
  it('fetches a token once, shares it between concurrent callers, and renews it before expiry', async () => {
    let clock = 0;
    const requests: string[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      requests.push(String(init.body));
      return json(200, {
        access_token: `token-${requests.length}`,
        token_type: 'Bearer',
        expires_in: 600,
        scope: 'tenant=acme',
      });
    }) as unknown as typeof fetch;
    const provider = clientCredentialsProvider({
      baseUrl: 'http://svc',
      clientId: 'id',
      clientSecret: 'secret',
      tenant: 'acme',
      scopes: ['a.b'],
      customerId: 'c1',
      fetch: fakeFetch,
      now: () => clock,
    });

    expect(await Promise.all([provider(), provider(), provider()])).toEqual(['token-1', 'token-1', 'token-1']);
    expect(new URLSearchParams(requests[0]).get('scope')).toBe('tenant=acme a.b customer_id=c1');
    clock = 539_000; // 60 s before expiry of a 600 s token: still fresh
    expect(await provider()).toBe('token-1');
    clock = 541_000; // inside the renewal margin
    expect(await provider()).toBe('token-2');
  });

  it('does not cache a failed token request', async () => {
    let fail = true;
    const fakeFetch = (async () =>
      fail
        ? new Response('nope', { status: 401 })
        : json(200, { access_token: 't', token_type: 'Bearer', expires_in: 60, scope: '' })) as unknown as typeof fetch;
    const provider = clientCredentialsProvider({
      baseUrl: 'http://svc',
      clientId: 'id',
      clientSecret: 'bad',
      tenant: 'acme',
      fetch: fakeFetch,
    });
    await expect(provider()).rejects.toThrow(/401/);
    fail = false;
    await expect(provider()).resolves.toBe('t');
  });
});

describe('TokenError', () => {
  const failingProvider = (response: () => Response) =>
    clientCredentialsProvider({
      baseUrl: 'http://svc',
      clientId: 'id',
      clientSecret: 'bad',
      tenant: 'acme',
      fetch: (async () => response()) as unknown as typeof fetch,
    });

  it('carries the OAuth 2 error and error_description of the token endpoint', async () => {
    const body = { error: 'invalid_client', error_description: 'Invalid client credentials.' };
    const failure = failingProvider(() => json(401, body))();
    await expect(failure).rejects.toBeInstanceOf(TokenError);
    await expect(failure).rejects.toMatchObject({
      name: 'TokenError',
      status: 401,
      error: 'invalid_client',
      errorDescription: 'Invalid client credentials.',
      body,
      message: 'Token request failed with 401: invalid_client: Invalid client credentials.',
    });
  });

  it('reads the Emporix error body, and a body that is not JSON', async () => {
    const emporix = { code: 400, status: 'Bad Request', message: "Unknown scope parameter 'x'." };
    await expect(failingProvider(() => json(400, emporix))()).rejects.toMatchObject({
      status: 400,
      error: undefined,
      errorDescription: "Unknown scope parameter 'x'.",
      message: "Token request failed with 400: Unknown scope parameter 'x'.",
    });
    await expect(
      failingProvider(() => new Response('<html>Bad gateway</html>', { status: 502 }))(),
    ).rejects.toMatchObject({
      status: 502,
      body: '<html>Bad gateway</html>',
      message: 'Token request failed with 502: <html>Bad gateway</html>',
    });
    await expect(failingProvider(() => json(200, { token_type: 'Bearer' }))()).rejects.toMatchObject({ status: 200 });
  });
});

describe('retries of the clients', () => {
  /** A fetch that answers `busy` times 503 (Retry-After: 0), then 200 with `{}` or a token. */
  function flakyFetch(busy: number) {
    const calls: string[] = [];
    const fetchFn = (async (input: Request | string, init?: RequestInit) => {
      const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
      const url = input instanceof Request ? input.url : input;
      calls.push(`${method} ${new URL(url).pathname}`);
      if (calls.filter((call) => call.endsWith(new URL(url).pathname)).length <= busy)
        return json(503, { code: 503, status: 'Service Unavailable', message: 'busy' });
      return url.endsWith('/oauth/token')
        ? json(200, { access_token: 't', token_type: 'Bearer', expires_in: 600, scope: '' })
        : json(201, { id: 'vip' });
    }) as unknown as typeof fetch;
    return { fetchFn, calls };
  }
  const fast = { sleep: async () => undefined };

  it('retry the token request and the call on 503 by default, POST included', async () => {
    const { fetchFn, calls } = flakyFetch(2);
    const api = createTenantClient({
      baseUrl: 'http://svc',
      tenant: 'acme',
      credentials: { clientId: 'id', clientSecret: 'secret' },
      fetch: fetchFn,
      retry: fast,
    });
    const created = await unwrap(
      api.POST('/customer-segment/{tenant}/segments', { body: { name: 'VIP', siteCode: 'main' } }),
    );
    expect(created).toEqual({ id: 'vip' });
    expect(calls).toEqual([
      'POST /oauth/token',
      'POST /oauth/token',
      'POST /oauth/token',
      'POST /customer-segment/acme/segments',
      'POST /customer-segment/acme/segments',
      'POST /customer-segment/acme/segments',
    ]);
  });

  it('are off with retry: false', async () => {
    const { fetchFn, calls } = flakyFetch(1);
    const api = createApiClient({ baseUrl: 'http://svc', token: 'tok', fetch: fetchFn, retry: false });
    const { response } = await api.GET('/customer-segment/{tenant}/segments', { params: { path: { tenant: 'acme' } } });
    expect(response.status).toBe(503);
    expect(calls).toHaveLength(1);
    const provider = clientCredentialsProvider({
      baseUrl: 'http://svc',
      clientId: 'i',
      clientSecret: 's',
      tenant: 'acme',
      fetch: fetchFn,
      retry: false,
    });
    await expect(provider()).rejects.toMatchObject({ status: 503, errorDescription: 'busy' });
  });
});

describe('createTenantClient', () => {
  it('fills in the tenant and the bearer token on every call', async () => {
    const seen: Request[] = [];
    const fakeFetch = (async (request: Request) => {
      seen.push(request);
      return json(200, { id: 's1' });
    }) as unknown as typeof fetch;
    const api = createTenantClient({ baseUrl: 'http://svc', tenant: 'acme', token: 'tok', fetch: fakeFetch });
    const segment = await unwrap(
      api.GET('/customer-segment/{tenant}/segments/{segmentId}', { params: { path: { segmentId: 's 1' } } }),
    );
    expect(segment).toEqual({ id: 's1' });
    expect(seen[0].url).toBe('http://svc/customer-segment/acme/segments/s%201');
    expect(seen[0].headers.get('authorization')).toBe('Bearer tok');
  });
});

describe('unwrap and ApiError', () => {
  it('throws the error body of non-2xx answers', async () => {
    const body = { code: 404, status: 'Not Found', message: 'Segment s1 not found.' };
    const failure = unwrap({ error: body, response: json(404, body) });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 404, error: body, message: '404: Segment s1 not found.' });
    const fault = {
      fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } },
    };
    await expect(unwrap({ error: fault, response: json(401, fault) })).rejects.toMatchObject({
      status: 401,
      error: undefined,
      message: '401: Invalid access token',
    });
  });
});

describe('allPages', () => {
  it('follows pages until a short page', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => i);
    const calls: number[] = [];
    const seen: number[] = [];
    for await (const row of allPages(async (page, size) => {
      calls.push(page);
      return { data: rows.slice((page - 1) * size, page * size), response: json(200, []) };
    }, 3)) {
      seen.push(row);
    }
    expect(seen).toEqual(rows);
    expect(calls).toEqual([1, 2, 3]);
  });

  it('throws ApiError when a page fails', async () => {
    const pages = allPages(async () => ({
      error: { code: 400, status: 'Bad Request', message: 'bad q' },
      response: json(400, {}),
    }));
    await expect(pages.next()).rejects.toMatchObject({ status: 400 });
  });
});

describe('bulkInChunks', () => {
  it('splits into requests of at most 200 and maps indices back to the original array', async () => {
    const items = Array.from({ length: 450 }, (_, i) => `item-${i}`);
    const sizes: number[] = [];
    const results = await bulkInChunks(items, async (chunk) => {
      sizes.push(chunk.length);
      const data = chunk.map((item, index) =>
        item === 'item-201'
          ? { index, code: 400, status: 'Bad Request', message: 'invalid' }
          : { index, code: 201, status: 'Created', id: item },
      );
      return { data, response: json(207, data) };
    });
    expect(sizes).toEqual([200, 200, 50]);
    expect(results).toHaveLength(450);
    expect(results[201]).toMatchObject({ index: 201, code: 400 });
    expect(results[449]).toMatchObject({ index: 449, code: 201, id: 'item-449' });
  });

  it('reports every item of a request that failed as a whole', async () => {
    const results = await bulkInChunks(
      ['a', 'b', 'c'],
      async (chunk) =>
        chunk[0] === 'c'
          ? { error: { status: 'Service Unavailable', message: 'retry' }, response: json(503, {}) }
          : {
              data: chunk.map((id, index) => ({ index, code: 204, status: 'No Content', id })),
              response: json(207, []),
            },
      2,
    );
    expect(results.map((r) => [r.index, r.code])).toEqual([
      [0, 204],
      [1, 204],
      [2, 503],
    ]);
    expect(results[2].message).toBe('retry');
  });
});
