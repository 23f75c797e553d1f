import type { Middleware } from 'openapi-fetch';

/** An operation with `tenant` removed from its path parameters. */
type WithoutTenant<Operation> = Operation extends { parameters: { path: infer Path } }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Operation['parameters'], 'path'> & { path: Omit<Path, 'tenant'> };
    }
  : Operation;

/** The client's paths as seen with a configured tenant: no call needs to name it. */
export type TenantScoped<Paths> = {
  [P in keyof Paths]: {
    [M in keyof Paths[P]]: M extends 'parameters' ? Paths[P][M] : WithoutTenant<Paths[P][M]>;
  };
};

const PLACEHOLDER = /%7Btenant%7D|\{tenant\}/g;

/** Fills the `{tenant}` path segment that calls leave out with the configured tenant. */
export function tenantMiddleware(tenant: string): Middleware {
  return {
    onRequest({ request }) {
      if (!PLACEHOLDER.test(request.url)) return request;
      PLACEHOLDER.lastIndex = 0;
      return new Request(request.url.replace(PLACEHOLDER, encodeURIComponent(tenant)), request);
    },
  };
}
