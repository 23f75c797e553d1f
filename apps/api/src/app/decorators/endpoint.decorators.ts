import { Scope } from '@cs/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public, RequiresScopes, RouteConfigEntry } from './auth.decorators';

/**
 * The OpenAPI entry of one operation, kept in the `<feature>.docs.ts` beside its controller.
 * `details` are the Swagger decorators of its parameters, body and answers (`ApiParam`, `ApiList`,
 * `ApiPage`, `ApiErrors`, ...), applied in this order (which orders the query and header parameters).
 */
export interface OperationDoc {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  details?: MethodDecorator[];
  /**
   * The request body Swagger UI's "Try it out" starts with (path parameters carry their own `example`).
   * It must succeed as shown, in the order the document's description gives: a test executes every example.
   */
  requestExample?: unknown;
  /** The answer 200 carries an `ETag`, and `If-None-Match` holding it gets 304 (common/revalidation.ts). */
  revalidated?: true;
}

/** Fastify route config of the reads that answer with an `ETag` and honour `If-None-Match` (common/revalidation.ts). */
export interface RevalidatedRouteConfig {
  revalidated?: true;
}

/**
 * The operation extension that carries `OperationDoc.requestExample` to the document builder (`openapi.ts`),
 * which moves it into the request body: `ApiBody` cannot add an example to a body it does not declare itself.
 */
export const REQUEST_EXAMPLE_EXTENSION = 'x-request-example';

/** The operations of one controller, all under the Swagger tag `tag`. */
export function operationDocs<K extends string>(
  tag: string,
  operations: Record<K, Omit<OperationDoc, 'tags'>>,
): Record<K, OperationDoc> {
  const entries = Object.entries<Omit<OperationDoc, 'tags'>>(operations);
  return Object.fromEntries(entries.map(([key, operation]) => [key, { ...operation, tags: [tag] }])) as Record<
    K,
    OperationDoc
  >;
}

function documented({
  tags,
  details = [],
  requestExample,
  revalidated,
  ...operation
}: OperationDoc): MethodDecorator[] {
  const example = requestExample === undefined ? [] : [ApiExtension(REQUEST_EXAMPLE_EXTENSION, requestExample)];
  return [ApiTags(...tags), ApiOperation(operation), ...example, ...details, ...(revalidated ? [Revalidated()] : [])];
}

/** See `OperationDoc.revalidated`: the route config of the revalidation hook, `If-None-Match` and the 304. */
function Revalidated(): MethodDecorator {
  return applyDecorators(
    RouteConfigEntry({ revalidated: true } satisfies RevalidatedRouteConfig),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description:
        'The `ETag` of an earlier answer (or several, comma-separated): when the answer would be the same, it is 304 ' +
        'without a body. Answers 200 carry `ETag` and `Cache-Control: private, no-cache`.',
    }),
    ApiResponse({
      status: 304,
      description: 'Not modified: the answer would be the one the `If-None-Match` tag names.',
    }),
  );
}

/**
 * The one decorator of a route that needs a token: who may call it (any one of `scopes`, see
 * `RequiresScopes`) and its OpenAPI operation with parameters and answers.
 */
export function Endpoint(doc: OperationDoc, ...scopes: [Scope, ...Scope[]]) {
  return applyDecorators(RequiresScopes(...scopes), ...documented(doc));
}

/** The one decorator of a route reachable without a token (see `Public`). */
export function PublicEndpoint(doc: OperationDoc) {
  return applyDecorators(Public(), ...documented(doc));
}
