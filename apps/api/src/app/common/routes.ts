import { MAX_BULK_ITEMS } from '@cs/contracts';
import { BulkItemResponse, ErrorResponse, IdResponse, MixinsUpsert, SearchBody } from '@cs/dto';
import { applyDecorators, createParamDecorator, ExecutionContext, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
  ApiQuery,
  ApiResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CONSISTENCY_TOKEN_DOCS, CONSISTENCY_TOKEN_HEADER, ReplicaReadsRouteConfig } from '../database/read-replicas';
import { RouteConfigEntry } from '../decorators/auth.decorators';
import { ApiList } from './listing';
import { acceptedLanguages, contentLanguage } from './localization';

// The decorators and helpers every controller shares: path and header parameters, list, search and bulk routes, upsert answers.

/** Documents the `{tenant}` path parameter (on a controller). */
export function ApiTenant() {
  return applyDecorators(
    ApiParam({
      name: 'tenant',
      description: 'Your tenant name (always lowercase).',
      schema: { type: 'string', pattern: '^[a-z][a-z0-9]+$', minLength: 3, maxLength: 16 },
    }),
    // Every route can answer 400 for an invalid tenant; routes document their other 400s themselves.
    ApiBadRequestResponse({ description: 'Invalid tenant or request.', type: ErrorResponse }),
  );
}

/**
 * A route that only reads (a list, get, search, match or category tree): with `DATABASE_REPLICA_URLS` its reads
 * go to a streaming replica, or to the primary when it sends an `X-Consistency-Token` no replica has replayed yet.
 */
export function ReplicaReads() {
  return applyDecorators(
    RouteConfigEntry({ replicaReads: true } satisfies ReplicaReadsRouteConfig),
    ApiHeader({ name: CONSISTENCY_TOKEN_HEADER, required: false, description: CONSISTENCY_TOKEN_DOCS }),
  );
}

/** Documents an optional request header on the route whose parameter carries this enhancer. */
export function documentedHeader(name: string, description: string): ParameterDecorator {
  return (target, key) => {
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) ApiHeader({ name, required: false, description })(target, key, descriptor);
  };
}

// Param decorators instead of `@Headers(name)`, which Swagger would document as a required header.
export function requestHeader(context: ExecutionContext, name: string): string | undefined {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[
    name
  ];
  return Array.isArray(value) ? value.join(',') : value;
}

/** How the OpenAPI document describes the language headers. */
export const LANGUAGE_HEADER_DOCS = {
  'Content-Language':
    'A language (e.g. `en`): localized fields are sent as plain strings in it and merged into the stored maps (other stored languages are kept). `*` or absent: they are maps.',
  'Accept-Language':
    'Priority list of languages (e.g. `de-CH, de;q=0.9, en;q=0.5`): localized fields are returned as plain strings in the best matching language. `*` or absent: maps.',
};

/** The language of `Content-Language` (undefined for `*` or absent: localized fields are written as maps). */
export const ContentLanguage = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined =>
    contentLanguage(requestHeader(context, 'content-language')),
  [documentedHeader('Content-Language', LANGUAGE_HEADER_DOCS['Content-Language'])],
);

/** `Accept-Language` as a priority list of languages (empty for `*` or absent: localized fields are read as maps). */
export const AcceptLanguage = createParamDecorator(
  (_: unknown, context: ExecutionContext): string[] => acceptedLanguages(requestHeader(context, 'accept-language')),
  [documentedHeader('Accept-Language', LANGUAGE_HEADER_DOCS['Accept-Language'])],
);

/** A page of a list or search: 200 with the documents, and `X-Total-Count` when asked for. */
export function ApiPage(type: Type, what: string) {
  return ApiOkResponse({
    description: `A page of ${what}.`,
    type: [type],
    headers: {
      'X-Total-Count': {
        description: 'The number of matches; only when the request asked with `X-Total-Count: true`.',
        schema: { type: 'integer' },
      },
    },
  });
}

/** A `.../search` POST (the route answers 200, not 201): `q` in the JSON body, the other list parameters in the query. */
export function ApiSearch() {
  return applyDecorators(ApiList({ search: true }), ApiBody({ type: SearchBody, required: false }));
}

/** The optional `fields` projection of a GET by id. */
export function ApiFields() {
  return ApiQuery({
    name: 'fields',
    required: false,
    schema: { type: 'string' },
    description: 'Comma-separated fields to return, e.g. `id,metadata.version` (`id` is always kept).',
  });
}

/**
 * A bulk route (`@HttpCode(207)`): the body is an array of at most 200 items, each a `item` (absent: an
 * id string), and the answer a 207 with one `BulkItemResponse` per item (`Transactions.bulk`).
 */
export function ApiBulk(item?: Type) {
  return applyDecorators(
    ApiBody(
      item
        ? { type: [item] }
        : {
            schema: {
              type: 'array',
              items: { type: 'string' },
              maxItems: MAX_BULK_ITEMS,
              example: ['firstId', 'secondId'],
            },
          },
    ),
    ApiResponse({
      status: 207,
      description: 'Multi-status response: one entry per request item, `index` being its zero-based position.',
      type: [BulkItemResponse],
    }),
    ApiResponse({
      status: 400,
      description: `The request as a whole is invalid, e.g. the body is not an array of 1 to ${MAX_BULK_ITEMS} items; nothing was applied.`,
      type: ErrorResponse,
    }),
  );
}

const ERROR_DESCRIPTIONS = {
  400: 'The request is invalid; the body names the offending fields.',
  404: 'The requested resource does not exist.',
  409: 'A document with this id already exists, or `metadata.version` does not match the stored version.',
} as const;

/** Documents the Emporix error answers a route gives besides 401/403 (which `RequiresScopes` documents). */
export function ApiErrors(...codes: Array<keyof typeof ERROR_DESCRIPTIONS>) {
  return applyDecorators(
    ...codes.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorResponse })),
  );
}

/** 201 with the id of the created document. */
export function ApiCreated(what: string) {
  return ApiCreatedResponse({ description: `The ${what} has been created.`, type: IdResponse });
}

/**
 * PUT answers: 201 with the id when created, 204 when updated. `unused404`: the reference contract
 * lists a 404, which an upsert never needs (it creates an absent document); documented as such.
 */
export function ApiUpserted(what: string, options: { unused404?: boolean } = {}) {
  return applyDecorators(
    ApiCreated(what),
    ApiNoContentResponse({ description: `The ${what} has been updated.` }),
    ...(options.unused404
      ? [
          ApiResponse({
            status: 404,
            description: `Listed by the reference contract; not answered here, because an upsert creates an absent ${what}.`,
            type: ErrorResponse,
          }),
        ]
      : []),
  );
}

/**
 * The PUT of an assignment: the body holds its `mixins` and `metadata` (`bodyRequired: false`: no body
 * is an empty one); 201 created or 204 updated, both without a body; 400, 404 (no such segment), 409.
 */
export function ApiAssignmentUpsert(what: string, options: { bodyRequired?: boolean } = {}) {
  return applyDecorators(
    ApiBody({ type: MixinsUpsert, required: options.bodyRequired ?? true }),
    ApiCreatedResponse({ description: `A new ${what} was successfully created.` }),
    ApiNoContentResponse({ description: `The ${what} was successfully updated.` }),
    ApiResponse({ status: 400, description: 'Invalid body or path parameter.', type: ErrorResponse }),
    ApiResponse({ status: 404, description: 'The segment does not exist.', type: ErrorResponse }),
    ApiResponse({
      status: 409,
      description: '`metadata.version` differs from the stored version.',
      type: ErrorResponse,
    }),
  );
}

/** Sets the upsert status: 201 with `{id}` when the document was created, 204 without a body when updated. */
export function upserted(reply: FastifyReply, created: boolean, id: string): IdResponse | undefined {
  void reply.status(created ? 201 : 204);
  return created ? { id } : undefined;
}
