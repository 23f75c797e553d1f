import { createTenantClient, RetryOptions, TenantClient } from '@cs/client';

export interface ConnectionOptions {
  baseUrl?: string;
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  token?: string;
}

export class UsageError extends Error {}

/** Flags win over the environment (SEGMENTS_BASE_URL, SEGMENTS_TENANT, SEGMENTS_CLIENT_ID, SEGMENTS_CLIENT_SECRET, SEGMENTS_TOKEN). */
export function connect(
  options: ConnectionOptions,
  env: NodeJS.ProcessEnv = process.env,
  retry?: RetryOptions,
): TenantClient {
  const baseUrl = options.baseUrl ?? env.SEGMENTS_BASE_URL ?? 'http://localhost:3000';
  const tenant = options.tenant ?? env.SEGMENTS_TENANT;
  if (!tenant) throw new UsageError('A tenant is required: --tenant or SEGMENTS_TENANT.');
  const token = options.token ?? env.SEGMENTS_TOKEN;
  const clientId = options.clientId ?? env.SEGMENTS_CLIENT_ID;
  const clientSecret = options.clientSecret ?? env.SEGMENTS_CLIENT_SECRET;
  if (!token && !(clientId && clientSecret)) {
    throw new UsageError(
      'Credentials are required: --token (SEGMENTS_TOKEN), or --client-id and --client-secret (SEGMENTS_CLIENT_ID, SEGMENTS_CLIENT_SECRET).',
    );
  }
  return createTenantClient({
    baseUrl,
    tenant,
    token,
    credentials: token ? undefined : { clientId: clientId as string, clientSecret: clientSecret as string },
    retry,
  });
}
