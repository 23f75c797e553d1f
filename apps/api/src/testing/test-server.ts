import { Scope } from '@cs/contracts';
import { createTestDatabase } from '@cs/postgres';
import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SignJWT } from 'jose';
import { createApp } from '../app/app.factory';
import { SIGNING_ALGORITHM, SigningKey } from '../app/auth/signing-key';
import { DEV_CLIENT, loadConfig } from '../app/config/config';

export interface TokenOptions {
  tenant?: string;
  customerId?: string;
  legalEntityIds?: string[];
}

export interface TestServer {
  baseUrl: string;
  app: NestFastifyApplication;
  /** Direct access to the test's own database, for asserting what is stored. */
  db: DataSource;
  /** A token from the server's own `/oauth/token` for the given scopes. */
  token(scopes: Scope[], options?: TokenOptions): Promise<string>;
  /** A JWT signed with the server's own key but with any claims (expired, other issuer, ...): for hostile-token tests. */
  signToken(
    claims: Record<string, unknown>,
    options?: { issuer?: string; audience?: string; expiresAt?: number },
  ): Promise<string>;
  close(): Promise<void>;
}

export const TEST_TENANT = 'testtenant';

/**
 * Starts the real service on a free local port against a fresh scratch database of the test
 * run's Postgres server (migrations applied on start, as in production). With `DATABASE_URL` in
 * `env` it uses that database instead (e.g. a dedicated Postgres a fault test stops and starts),
 * and leaves it in place on close.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  extraModules: Type[] = [],
): Promise<TestServer> {
  const database = env.DATABASE_URL
    ? { url: env.DATABASE_URL, drop: async () => undefined }
    : await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-test-data-'));
  // Reads may take as long as writes here: test files share two busy cores, and a deep page that waits
  // for the CPU past the production default of 3 s would be a 503. The read timeout has its own test (faults).
  const config = loadConfig({
    // A passing run prints nothing: what tests provoke on purpose (4xx, 503s, failed statements, retried
    // deadlocks) is logged at `warn` or below. An unexpected 500 is an `error` and prints with its stack.
    // LOG_LEVEL in the environment (e.g. `LOG_LEVEL=info npx jest ...`) shows more.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    DB_READ_STATEMENT_TIMEOUT_MS: env.DB_STATEMENT_TIMEOUT_MS ?? '10000',
    ...env,
  });
  const app = await createApp({ ...config, db: { ...config.db, url: database.url } }, { extraModules });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();

  return {
    baseUrl,
    app,
    db: app.get(DataSource),
    async token(scopes, options = {}) {
      const scope = [
        `tenant=${options.tenant ?? TEST_TENANT}`,
        ...scopes,
        ...(options.customerId ? [`customer_id=${options.customerId}`] : []),
        ...(options.legalEntityIds ?? []).map((id) => `legal_entity_id=${id}`),
      ].join(' ');
      const cached = tokens.get(scope);
      if (cached) return cached;
      const response = await fetch(`${baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: DEV_CLIENT.clientId,
          client_secret: DEV_CLIENT.clientSecret,
          scope,
        }),
      });
      if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
      const { access_token } = (await response.json()) as { access_token: string };
      tokens.set(scope, access_token);
      return access_token;
    },
    async signToken(claims, options = {}) {
      const key = app.get(SigningKey);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid })
        .setIssuer(options.issuer ?? config.auth.issuer)
        .setAudience(options.audience ?? config.auth.issuer)
        .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
        .sign(key.privateKey);
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
