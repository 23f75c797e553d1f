import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { ALL_SCOPES, INVALID_TOKEN_BODY, isOwnScope, Scope } from '@cs/contracts';
import { generateKeyPair, SignJWT } from 'jose';
import {
  CallResult,
  DUMMY_PATH_VALUES,
  fillPath,
  inParallel,
  isErrorBody,
  Operation,
  operations,
  Recorder,
  report,
  sampleBody,
} from './harness';

/**
 * The scope matrix, generated from the OpenAPI document: every operation is called with every kind
 * of hostile credential (401 with the gateway fault body), with a token of another tenant (403),
 * with each single scope and with a customer token (403 exactly when the operation's `x-scopes`
 * do not list it; otherwise never 401/403). Bodies are the document's samples and ids name
 * nothing, so allowed calls may well end in 400/404: the point is who gets past the guard.
 */
const AUDIENCE = 'urn:customer-segments:reliability-audience';
const OTHER_TENANT = 'othertenant';
const CUSTOMER = 'dummy-customer';
const OWN_SCOPES = ALL_SCOPES.filter(isOwnScope);
/** The token endpoint authenticates by client credentials, not by bearer token: give it valid ones. */
const BODY_OVERRIDES: Record<string, unknown> = {
  'POST-oauth-token': {
    grant_type: 'client_credentials',
    client_id: 'dev-client',
    client_secret: 'dev-secret',
    scope: `tenant=${TEST_TENANT}`,
  },
};

type Expectation = 'unauthenticated' | 'forbidden' | 'allowed';

interface Credential {
  name: string;
  authorization?: string;
  /** What the credential may do, given an operation. */
  expect(operation: Operation): Expectation;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('reliability: access control matrix', () => {
  let server: TestServer;
  const recorder = new Recorder(() => server.baseUrl);
  const credentials: Credential[] = [];
  const guarded = operations.filter((operation) => !operation.isPublic);

  beforeAll(async () => {
    server = await startTestServer({ AUTH_AUDIENCE: AUDIENCE });
    const claims = { tenant: TEST_TENANT, scope: ALL_SCOPES.join(' '), client_id: 'dev-client', sub: 'dev-client' };
    const now = Math.floor(Date.now() / 1000);
    const stranger = await generateKeyPair('ES256');
    const valid = await server.signToken(claims, { audience: AUDIENCE });
    const [header, payload] = valid.split('.');
    const unauthenticated = (): Expectation => 'unauthenticated';
    const hostile: Array<[string, string | undefined]> = [
      ['no token', undefined],
      ['empty bearer', 'Bearer '],
      ['not a bearer scheme', `Basic ${Buffer.from('dev-client:dev-secret').toString('base64')}`],
      ['malformed token', 'Bearer not.a.jwt'],
      [
        'bad signature',
        `Bearer ${await new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid: JSON.parse(Buffer.from(header, 'base64url').toString()).kid })
          .setIssuer('urn:customer-segments:local-issuer')
          .setAudience(AUDIENCE)
          .setExpirationTime(now + 600)
          .sign(stranger.privateKey)}`,
      ],
      [
        'tampered payload',
        `Bearer ${header}.${base64url({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), tenant: OTHER_TENANT })}.${valid.split('.')[2]}`,
      ],
      ['alg none', `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`],
      ['expired', `Bearer ${await server.signToken(claims, { audience: AUDIENCE, expiresAt: now - 3600 })}`],
      [
        'issued in the future',
        `Bearer ${await server.signToken({ ...claims, iat: now + 3600 }, { audience: AUDIENCE, expiresAt: now + 7200 })}`,
      ],
      [
        'wrong issuer',
        `Bearer ${await server.signToken(claims, { audience: AUDIENCE, issuer: 'https://attacker.example' })}`,
      ],
      ['wrong audience', `Bearer ${await server.signToken(claims, { audience: 'urn:another-service' })}`],
      [
        'no tenant claim',
        `Bearer ${await server.signToken({ scope: claims.scope, sub: 'dev-client' }, { audience: AUDIENCE })}`,
      ],
    ];
    credentials.push(...hostile.map(([name, authorization]) => ({ name, authorization, expect: unauthenticated })));
    credentials.push({
      name: 'token of another tenant',
      authorization: `Bearer ${await server.token(
        ALL_SCOPES.filter((scope) => !isOwnScope(scope)),
        { tenant: OTHER_TENANT },
      )}`,
      expect: () => 'forbidden',
    });
    for (const scope of ALL_SCOPES) {
      // `*_read_own` scopes belong to customer tokens.
      const token = await server.token([scope], isOwnScope(scope) ? { customerId: CUSTOMER } : {});
      credentials.push({
        name: `only ${scope}`,
        authorization: `Bearer ${token}`,
        expect: (operation) => (operation.scopes.includes(scope) ? 'allowed' : 'forbidden'),
      });
    }
    credentials.push({
      name: 'customer token',
      authorization: `Bearer ${await server.token([...OWN_SCOPES] as Scope[], { customerId: CUSTOMER })}`,
      expect: (operation) => (operation.scopes.some((scope) => isOwnScope(scope as Scope)) ? 'allowed' : 'forbidden'),
    });
  });
  afterAll(() => server.close());

  function verdict(expected: Expectation, result: CallResult): string | undefined {
    const wwwAuthenticate = result.headers.get('www-authenticate');
    switch (expected) {
      case 'unauthenticated':
        if (result.status !== 401) return `expected 401, got ${result.status}`;
        if (JSON.stringify(result.json) !== JSON.stringify(INVALID_TOKEN_BODY))
          return `401 without the fault body: ${result.text}`;
        return wwwAuthenticate === 'Bearer' ? undefined : `401 without WWW-Authenticate: Bearer (${wwwAuthenticate})`;
      case 'forbidden':
        return result.status === 403 && isErrorBody(result.json, 403)
          ? undefined
          : `expected 403 with the error body, got ${result.status} ${result.text.slice(0, 200)}`;
      case 'allowed':
        return [401, 403].includes(result.status)
          ? `allowed caller got ${result.status} ${result.text.slice(0, 200)}`
          : undefined;
    }
  }

  it('admits exactly the scopes each operation declares, and nothing without a valid token of the tenant', async () => {
    const calls = operations.flatMap((operation) => credentials.map((credential) => ({ operation, credential })));
    await inParallel(calls, 8, async ({ operation, credential }) => {
      const result = await recorder.send(operation.operationId, {
        method: operation.method,
        path: fillPath(operation.path, DUMMY_PATH_VALUES),
        headers: credential.authorization ? { authorization: credential.authorization } : {},
        body: BODY_OVERRIDES[operation.operationId] ?? sampleBody(operation.bodySchema),
      });
      const expected = operation.isPublic ? 'allowed' : credential.expect(operation);
      recorder.expectThat(
        operation.operationId,
        `${operation.method} ${operation.path} with ${credential.name}`,
        verdict(expected, result),
      );
    });
    const totals = recorder.totals();
    report(
      recorder.summary('Access control matrix', {
        'credentials per operation': credentials.length,
        'guarded operations': guarded.length,
        'public operations': operations.length - guarded.length,
      }),
    );
    expect(totals.operations).toBe(operations.length);
    expect(totals.requests).toBe(operations.length * credentials.length);
    expect(recorder.problems).toEqual([]);
  });

  it('covers every operation of both reference contracts and every extension', () => {
    expect(operations.length).toBeGreaterThanOrEqual(59);
    expect(guarded.every((operation) => operation.scopes.length > 0)).toBe(true);
  });
});
