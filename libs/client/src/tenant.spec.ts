import { createTenantClient, unwrap } from './index';

/**
 * Type tests: `npx tsc -p libs/client/tsconfig.spec.json` (the project's typecheck) fails when a call
 * below stops compiling, or when an `@ts-expect-error` line starts compiling.
 */
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function recordingClient() {
  const urls: string[] = [];
  const api = createTenantClient({
    baseUrl: 'http://svc',
    tenant: 'acme',
    token: 'tok',
    fetch: (async (request: Request) => {
      urls.push(request.url);
      return json(request.method === 'POST' ? 201 : 200, request.method === 'POST' ? { id: 'new' } : []);
    }) as typeof fetch,
  });
  return { api, urls };
}

describe('tenant-bound calls', () => {
  it('need no params when the tenant is their only path parameter', async () => {
    const { api, urls } = recordingClient();
    const segments = await unwrap(api.GET('/customer-segment/{tenant}/segments'));
    const names: string[] = segments.map((segment) => segment.id);
    expect(names).toEqual([]);
    await api.GET('/customer-segment/{tenant}/segments', { params: { query: { pageSize: 5 } } });
    await api.POST('/customer-segment/{tenant}/segments', { body: { name: { en: 'VIP' }, siteCode: 'main' } });
    await api.GET('/customer-management/{tenant}/legal-entities');
    expect(urls).toEqual([
      'http://svc/customer-segment/acme/segments',
      'http://svc/customer-segment/acme/segments?pageSize=5',
      'http://svc/customer-segment/acme/segments',
      'http://svc/customer-management/acme/legal-entities',
    ]);
  });

  it('still require the path parameters besides the tenant, and never the tenant', async () => {
    const { api, urls } = recordingClient();
    await api.GET('/customer-segment/{tenant}/segments/{segmentId}', { params: { path: { segmentId: 'vip' } } });
    await api.GET('/customer-segment/{tenant}/segments', { params: { path: {} } });
    // @ts-expect-error segmentId is required
    await api.GET('/customer-segment/{tenant}/segments/{segmentId}');
    // @ts-expect-error segmentId is required
    await api.GET('/customer-segment/{tenant}/segments/{segmentId}', { params: { path: {} } });
    // @ts-expect-error the tenant is the configured one
    await api.GET('/customer-segment/{tenant}/segments', { params: { path: { tenant: 'other' } } });
    expect(urls[0]).toBe('http://svc/customer-segment/acme/segments/vip');
  });
});
