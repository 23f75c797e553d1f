import type { Middleware } from 'openapi-fetch';

/**
 * The path parameters left once the configured tenant fills `tenant`. With none left, `path` is
 * optional (an empty object, as older callers wrote it, still type-checks), so a call such as
 * `GET /customer-segment/{tenant}/segments` needs no `params` at all.
 */
type PathWithoutTenant<Path> = keyof Omit<Path, 'tenant'> extends never
  ? { path?: Record<string, never> }
  : { path: Omit<Path, 'tenant'> };

/** An operation with `tenant` removed from its path parameters. */
type WithoutTenant<Operation> = Operation extends { parameters: { path: infer Path } }
  ? Omit<Operation, 'parameters'> & {
      parameters: Omit<Operation['parameters'], 'path'> & PathWithoutTenant<Path>;
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
