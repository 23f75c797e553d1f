import { startTestServer, TestServer, TokenOptions } from '@cs/api/testing';
import { ApiClient, createApiClient } from '@cs/client';
import { Scope } from '@cs/contracts';

export { TEST_TENANT } from '@cs/api/testing';

export interface E2e {
  server: TestServer;
  /** The generated client, authorised with a token holding `scopes` (for `options.tenant`, or a customer). */
  client(scopes: Scope[], options?: TokenOptions): Promise<ApiClient>;
  /** The generated client without any token. */
  anonymous: ApiClient;
}

/** One started server on its own database per test file. */
export async function startE2e(env: Record<string, string> = {}): Promise<E2e> {
  const server = await startTestServer(env);
  return {
    server,
    anonymous: createApiClient({ baseUrl: server.baseUrl }),
    async client(scopes, options) {
      return createApiClient({ baseUrl: server.baseUrl, token: await server.token(scopes, options) });
    },
  };
}
