import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { Scopes } from '@cs/contracts';
import { generateKeyPair, SignJWT } from 'jose';
import { document, isErrorBody } from './harness';

/**
 * Production hardening, each setting exercised on a started server: security headers, CORS closed
 * by default and open only to configured origins, body size and nesting caps, list parameter caps,
 * per-client rate limiting with the Emporix 429 body, Swagger UI and the built-in issuer switched
 * off (tokens then come from an external issuer's JWKS), and no route outside the OpenAPI document.
 */
const SEGMENTS = `/customer-segment/${TEST_TENANT}/segments`;

describe('reliability: production hardening', () => {
  describe('default configuration', () => {
    let server: TestServer;
    let token: string;
    beforeAll(async () => {
      server = await startTestServer();
      token = await server.token([Scopes.segmentRead, Scopes.segmentManage]);
    });
    afterAll(() => server.close());

    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

    it('sends security headers on answers and errors, and no-store on authenticated answers and tokens', async () => {
      for (const response of [
        await get(SEGMENTS),
        await get(`${SEGMENTS}/missing`),
        await fetch(`${server.baseUrl}${SEGMENTS}`),
      ]) {
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
        expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
      expect((await get(SEGMENTS)).headers.get('cache-control')).toBe('no-store');
      const issued = await fetch(`${server.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'dev-client',
          client_secret: 'dev-secret',
          scope: `tenant=${TEST_TENANT}`,
        }),
      });
      expect(issued.headers.get('cache-control')).toBe('no-store');
    });

    it('keeps CORS closed without CORS_ORIGINS', async () => {
      const simple = await get(SEGMENTS, { origin: 'https://shop.example' });
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${server.baseUrl}${SEGMENTS}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('caps page size, q, sort and fields lengths, bulk sizes and JSON nesting with 400s', async () => {
      const refusals = [
        await get(`${SEGMENTS}?pageSize=1001`),
        await get(`${SEGMENTS}?q=${'a'.repeat(4001)}`),
        await get(`${SEGMENTS}?sort=${'name,'.repeat(201)}`),
        await get(`${SEGMENTS}?fields=${'id,'.repeat(1334)}`),
        await fetch(`${server.baseUrl}${SEGMENTS}/bulk`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(
            Array.from({ length: 201 }, (_, i) => ({ id: `s${i}`, name: { en: 'x' }, siteCode: 'main' })),
          ),
        }),
        await fetch(`${server.baseUrl}${SEGMENTS}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: `{"name":{"en":"x"},"siteCode":"main","mixins":${'{"a":'.repeat(64)}1${'}'.repeat(64)}}`,
        }),
      ];
      for (const response of refusals) {
        expect(response.status).toBe(400);
        expect(isErrorBody(await response.json(), 400)).toBe(true);
      }
      // More objects and arrays than HTTP_MAX_JSON_CONTAINERS (100,000) would cost ~64 bytes of heap each once parsed: 413 before parsing.
      const containers = await fetch(`${server.baseUrl}${SEGMENTS}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'dense',
          name: { en: 'x' },
          siteCode: 'main',
          mixins: { a: Array.from({ length: 100_000 }, () => ({})) },
        }),
      });
      expect(containers.status).toBe(413);
      expect(await containers.json()).toMatchObject({
        code: 413,
        message: 'The request body holds more than 100000 objects and arrays.',
      });
      // Braces inside strings are text, not structure.
      const braces = await fetch(`${server.baseUrl}${SEGMENTS}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'braces',
          name: { en: 'x' },
          siteCode: 'main',
          mixins: { text: '{['.repeat(100_000), quoted: '\\"{[' },
        }),
      });
      expect(braces.status).toBe(201);
      // 63 levels of mixins (64 with the body itself) are within the cap.
      const deepest = await fetch(`${server.baseUrl}${SEGMENTS}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: `{"id":"deep","name":{"en":"x"},"siteCode":"main","mixins":${'{"a":'.repeat(62)}1${'}'.repeat(62)}}`,
      });
      expect(deepest.status).toBe(201);
    });

    it('answers HEAD like GET, guard included', async () => {
      expect((await fetch(`${server.baseUrl}${SEGMENTS}`, { method: 'HEAD' })).status).toBe(401);
      expect(
        (await fetch(`${server.baseUrl}${SEGMENTS}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(200);
    });

    it('serves no route outside the OpenAPI document, so the route-access snapshot and the scope matrix see every one', () => {
      const tree = server.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
      const served = new Set<string>();
      const stack: string[] = [];
      for (const line of tree.split('\n')) {
        const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
        if (!match) continue;
        const depth = match[1].length / 4;
        stack.length = depth;
        stack.push(match[2]);
        const path = stack.join('').replace(/:(\w+)/g, '{$1}');
        // Swagger UI's own routes (`/api-docs...` and the redirect of `/` to it) and the metrics are not API routes.
        const notApi = path.startsWith('/api-docs') || path === '/' || path === '/metrics';
        for (const method of (match[3] ?? '').split(',').map((entry) => entry.trim())) {
          if (method && method !== 'HEAD' && method !== 'OPTIONS' && !notApi) served.add(`${method} ${path}`);
        }
      }
      const documented = new Set(
        Object.entries(document.paths).flatMap(([path, item]) =>
          Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
        ),
      );
      expect(served.size).toBeGreaterThanOrEqual(59);
      expect([...served].filter((route) => !documented.has(route))).toEqual([]);
      expect([...documented].filter((route) => !served.has(route))).toEqual([]);
    });
  });

  describe('production switches: CORS origins, rate limit, body limit, Swagger off', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({
        CORS_ORIGINS: 'https://shop.example, https://admin.example',
        RATE_LIMIT_MAX: '5',
        RATE_LIMIT_WINDOW_MS: '60000',
        HTTP_BODY_LIMIT_BYTES: '4096',
        SWAGGER_ENABLED: 'false',
      });
    });
    afterAll(() => server.close());

    it('allows exactly the configured origins', async () => {
      const token = await server.token([Scopes.segmentRead], { tenant: 'corstenant' });
      const allowed = await fetch(`${server.baseUrl}/customer-segment/corstenant/segments`, {
        headers: { authorization: `Bearer ${token}`, origin: 'https://shop.example' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
      const other = await fetch(`${server.baseUrl}/customer-segment/corstenant/segments`, {
        headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await fetch(`${server.baseUrl}/customer-segment/corstenant/segments`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://admin.example',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://admin.example');
    });

    it('limits each client separately and answers 429 with the Emporix error body and Retry-After', async () => {
      // Each token is its own client (tokens are issued before the limits are spent; the token endpoint is limited by IP).
      const staff = await server.token([Scopes.segmentRead], { tenant: 'ratetenant' });
      const customer = await server.token([Scopes.segmentReadOwn], { tenant: 'ratetenant', customerId: 'c1' });
      const list = (bearer?: string, ip = '203.0.113.1') =>
        fetch(`${server.baseUrl}/customer-segment/ratetenant/segments`, {
          headers: { 'x-forwarded-for': ip, ...(bearer && { authorization: `Bearer ${bearer}` }) },
        });
      const staffStatuses = [];
      for (let i = 0; i < 6; i++) staffStatuses.push((await list(staff)).status);
      expect(staffStatuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await list(staff);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('x-ratelimit-limit')).toBe('5');
      const body = await limited.json();
      expect(body).toMatchObject({ code: 429, status: 'Too Many Requests' });
      expect(isErrorBody(body, 429)).toBe(true);
      // Another client (a customer of the same tenant) has its own budget.
      expect((await list(customer)).status).toBe(200);
      // Callers without a valid token share the budget of their IP address (behind the trusted proxy: X-Forwarded-For).
      const anonymous = [];
      for (let i = 0; i < 6; i++) anonymous.push((await list(undefined, '203.0.113.2')).status);
      expect(anonymous).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await list('not-a-token', '203.0.113.2')).status).toBe(429);
      expect((await list(undefined, '203.0.113.3')).status).toBe(401);
      // Health probes are never limited.
      for (let i = 0; i < 8; i++) expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);
      // Nor are the metrics, even for an address over its limit.
      const scrape = () => fetch(`${server.baseUrl}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.2' } });
      for (let i = 0; i < 8; i++) expect((await scrape()).status).toBe(200);
    });

    it('refuses bodies over HTTP_BODY_LIMIT_BYTES with 413 (the token is checked first)', async () => {
      const token = await server.token([Scopes.segmentManage], { tenant: 'bodytenant' });
      const post = (headers: Record<string, string>) =>
        fetch(`${server.baseUrl}/customer-segment/bodytenant/segments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.10', ...headers },
          body: JSON.stringify({ name: { en: 'x'.repeat(5000) } }),
        });
      const response = await post({ authorization: `Bearer ${token}` });
      expect(response.status).toBe(413);
      expect(isErrorBody(await response.json(), 413)).toBe(true);
      expect((await post({})).status).toBe(401);
    });

    it('serves no Swagger UI and no OpenAPI JSON with SWAGGER_ENABLED=false', async () => {
      const elsewhere = { headers: { 'x-forwarded-for': '203.0.113.11' } };
      expect((await fetch(`${server.baseUrl}/api-docs`, elsewhere)).status).toBe(404);
      expect((await fetch(`${server.baseUrl}/api-docs-json`, elsewhere)).status).toBe(404);
    });
  });

  // Two processes of one deployment behind a load balancer: alternating requests spend one budget.
  const sharedLimit = process.env.REDIS_URL ? describe : describe.skip;
  sharedLimit(`rate limit shared through Redis${process.env.REDIS_URL ? '' : ' (skipped: REDIS_URL unset)'}`, () => {
    const servers: TestServer[] = [];
    // A prefix of this run's own: other runs on the same Redis count apart.
    const keyPrefix = `cs-test-${process.pid}-${Date.now()}:`;
    beforeAll(async () => {
      for (let i = 0; i < 2; i++)
        servers.push(
          await startTestServer({
            RATE_LIMIT_MAX: '5',
            RATE_LIMIT_WINDOW_MS: '60000',
            REDIS_URL: process.env.REDIS_URL ?? '',
            REDIS_KEY_PREFIX: keyPrefix,
          }),
        );
    });
    afterAll(() => Promise.all(servers.map((server) => server.close())));

    it('counts the requests of one client through both processes against one limit', async () => {
      // Both tokens name the same client of the same tenant: one budget, whichever process verifies them.
      const tokens = await Promise.all(servers.map((server) => server.token([Scopes.segmentRead])));
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        const server = servers[i % 2];
        const response = await fetch(`${server.baseUrl}${SEGMENTS}`, {
          headers: { authorization: `Bearer ${tokens[i % 2]}`, 'x-forwarded-for': '203.0.113.20' },
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    });

    it('lets requests through, unlimited, while Redis is unreachable', async () => {
      // A port nothing listens on: every counter update fails at once.
      const unreachable = await startTestServer({
        RATE_LIMIT_MAX: '1',
        REDIS_URL: 'redis://127.0.0.1:1',
        LOG_LEVEL: 'silent',
      });
      try {
        const token = await unreachable.token([Scopes.segmentRead]);
        for (let i = 0; i < 3; i++) {
          const response = await fetch(`${unreachable.baseUrl}${SEGMENTS}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expect(response.status).toBe(200);
        }
      } finally {
        await unreachable.close();
      }
    });
  });

  describe('built-in issuer off: tokens of an external issuer', () => {
    let issuer: TestServer;
    let server: TestServer;
    beforeAll(async () => {
      // One test server plays the external identity provider: its /oauth/jwks is the JWKS URL.
      issuer = await startTestServer();
      server = await startTestServer({
        AUTH_ISSUER_ENABLED: 'false',
        AUTH_JWKS_URL: `${issuer.baseUrl}/oauth/jwks`,
        SWAGGER_ENABLED: 'false',
        NODE_ENV: 'production',
      });
    });
    afterAll(async () => {
      await server.close();
      await issuer.close();
    });

    it('has no token endpoint and no JWKS of its own', async () => {
      const token = await fetch(`${server.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      expect(token.status).toBe(404);
      expect((await fetch(`${server.baseUrl}/oauth/jwks`)).status).toBe(404);
    });

    it("accepts the external issuer's tokens and nothing else", async () => {
      const external = await issuer.token([Scopes.segmentRead]);
      expect(
        (await fetch(`${server.baseUrl}${SEGMENTS}`, { headers: { authorization: `Bearer ${external}` } })).status,
      ).toBe(200);
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ tenant: TEST_TENANT, scope: Scopes.segmentRead })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('urn:customer-segments:local-issuer')
        .setAudience('urn:customer-segments:local-issuer')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect(
        (await fetch(`${server.baseUrl}${SEGMENTS}`, { headers: { authorization: `Bearer ${forged}` } })).status,
      ).toBe(401);
    });
  });
});
