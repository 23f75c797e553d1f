import { createTenantClient, TenantClient, unwrap } from '@cs/client';
import { Scopes } from '@cs/contracts';
import { startTestServer, TestServer } from '@cs/api/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { E2e, startE2e, TEST_TENANT } from './support';

// Child processes run asynchronously: the service under test answers from this process's event loop.
const run = promisify(execFile);
const workspace = resolve(__dirname, '..', '..', '..');

/** A sibling app: the packed client installed from its tarball into an empty folder outside the workspace. */
const CONSUMER_CJS = `
const { ApiError, createTenantClient, Scopes, TokenError, unwrap } = require('@customer-segments/client');
const [baseUrl, tenant] = process.argv.slice(2);
const credentials = { clientId: 'dev-client', clientSecret: 'dev-secret', scopes: [Scopes.segmentManage, Scopes.segmentRead] };
const failure = (call) => call.then(() => undefined, (error) => error);

(async () => {
  const api = createTenantClient({ baseUrl, tenant, credentials });
  const created = await unwrap(
    api.POST('/customer-segment/{tenant}/segments', { body: { id: 'installed', name: { en: 'From the package' }, siteCode: 'main' } }),
  );
  const listed = await unwrap(api.GET('/customer-segment/{tenant}/segments'));
  const missing = await failure(unwrap(api.GET('/customer-segment/{tenant}/segments/{segmentId}', { params: { path: { segmentId: 'nope' } } })));
  const wrongSecret = createTenantClient({ baseUrl, tenant, credentials: { ...credentials, clientSecret: 'wrong' } });
  const refused = await failure(wrongSecret.GET('/customer-segment/{tenant}/segments'));
  console.log(JSON.stringify({
    created,
    listed: listed.map((segment) => [segment.id, segment.name]),
    missing: { isApiError: missing instanceof ApiError, status: missing.status, code: missing.body.code },
    refused: { isTokenError: refused instanceof TokenError, status: refused.status, description: refused.errorDescription },
    openapi: require('@customer-segments/client/openapi.json').openapi,
  }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

const CONSUMER_ESM = `
import { createTenantClient, unwrap } from '@customer-segments/client';
const [baseUrl, tenant] = process.argv.slice(2);
const api = createTenantClient({ baseUrl, tenant, credentials: { clientId: 'dev-client', clientSecret: 'dev-secret' } });
const segment = await unwrap(api.GET('/customer-segment/{tenant}/segments/{segmentId}', { params: { path: { segmentId: 'installed' } } }));
console.log(segment.id);
`;

/**
 * Compiled with the consumer's own resolution (node16, the package's exports map). Each `@ts-expect-error`
 * fails the compilation if its line compiles, i.e. if a type came out as `any` (the declarations are not
 * checked themselves, `skipLibCheck`, which saves ~8 s here).
 */
const CONSUMER_TS = `
import { ApiError, createTenantClient, Scopes, TenantClient, unwrap } from '@customer-segments/client';
const api: TenantClient = createTenantClient({ baseUrl: 'http://localhost:3000', tenant: 'mytenant', token: 't' });
export const ids: Promise<string[]> = unwrap(api.GET('/customer-segment/{tenant}/segments')).then((all) => all.map((s) => s.id));
export const status = (error: unknown): number | undefined => (error instanceof ApiError ? error.status : undefined);
// @ts-expect-error segmentId is required: the paths are typed
void api.GET('/customer-segment/{tenant}/segments/{segmentId}');
// @ts-expect-error the body is the Emporix error body or the 401 fault: the bundled contracts resolve
export const code: number = new ApiError(404, undefined).body?.code;
// @ts-expect-error scopes are string literals
export const scope: number = Scopes.segmentRead;
`;

describe('the client package installed outside the workspace', () => {
  let e2e: E2e;
  const consumer = mkdtempSync(join(tmpdir(), 'client-consumer-'));

  beforeAll(async () => {
    const [server, tarball] = await Promise.all([
      startE2e(),
      run(process.execPath, [join(workspace, 'tools', 'pack-client.js'), '--pack', consumer]).then(({ stdout }) =>
        stdout.trim(),
      ),
    ]);
    e2e = server;
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball], {
      cwd: consumer,
    });
  }, 180_000);
  afterAll(async () => {
    await e2e?.server.close();
    rmSync(consumer, { recursive: true, force: true });
  });

  it('gets a token, creates a segment and lists it from plain Node (CommonJS)', async () => {
    writeFileSync(join(consumer, 'check.cjs'), CONSUMER_CJS);
    const { stdout } = await run(process.execPath, ['check.cjs', e2e.server.baseUrl, TEST_TENANT], { cwd: consumer });
    const result = JSON.parse(stdout);
    expect(result).toEqual({
      created: { id: 'installed' },
      listed: [['installed', { en: 'From the package' }]],
      missing: { isApiError: true, status: 404, code: 404 },
      refused: { isTokenError: true, status: 401, description: expect.any(String) },
      openapi: expect.stringMatching(/^3\./),
    });
  });

  it('imports by name from an ES module', async () => {
    writeFileSync(join(consumer, 'check.mjs'), CONSUMER_ESM);
    const { stdout } = await run(process.execPath, ['check.mjs', e2e.server.baseUrl, TEST_TENANT], { cwd: consumer });
    expect(stdout.trim()).toBe('installed');
  });

  it("ships type declarations that resolve through the package's exports map", async () => {
    writeFileSync(join(consumer, 'check.ts'), CONSUMER_TS);
    const compilerOptions = {
      strict: true,
      noEmit: true,
      module: 'node16',
      moduleResolution: 'node16',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: [],
      skipLibCheck: true,
    };
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.ts'] }));
    const tsc = join(workspace, 'node_modules', 'typescript', 'bin', 'tsc');
    await expect(run(process.execPath, [tsc, '-p', consumer])).resolves.toMatchObject({ stdout: '' });
  });
});

describe('client retries against a rate-limited service', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_MAX: '2', RATE_LIMIT_WINDOW_MS: '2000' });
  });
  afterAll(() => server.close());

  it("retries answers 429 after the service's Retry-After until every call succeeds", async () => {
    const token = await server.token([Scopes.segmentRead]);
    const list = (api: TenantClient) => api.GET('/customer-segment/{tenant}/segments');

    // Without retries the third call of a 2-call window is turned away.
    const noRetry = createTenantClient({ baseUrl: server.baseUrl, tenant: TEST_TENANT, token, retry: false });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await list(noRetry)).response.status);
    expect(statuses).toEqual([200, 200, 429]);

    // With them (the default), 4 calls into the full window wait as long as Retry-After says (1-2 s) and succeed:
    // 2 in the next window, 2 in the one after.
    const retries: Array<[number, number]> = [];
    const api = createTenantClient({
      baseUrl: server.baseUrl,
      tenant: TEST_TENANT,
      token,
      retry: { onRetry: (status, delayMs) => retries.push([status, delayMs]) },
    });
    const answers = await Promise.all(Array.from({ length: 4 }, () => unwrap(list(api))));
    expect(answers).toEqual(Array(4).fill([]));
    expect(retries.length).toBeGreaterThanOrEqual(6);
    for (const [status, delayMs] of retries) {
      expect(status).toBe(429);
      expect(delayMs).toBeGreaterThanOrEqual(1000);
      expect(delayMs).toBeLessThanOrEqual(2000);
    }
  }, 30_000);
});
