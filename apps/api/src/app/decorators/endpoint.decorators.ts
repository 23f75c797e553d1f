import { Scope } from '@cs/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, RequiresScopes } from './auth.decorators';

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
}

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

function documented({ tags, details = [], ...operation }: OperationDoc): MethodDecorator[] {
  return [ApiTags(...tags), ApiOperation(operation), ...details];
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
