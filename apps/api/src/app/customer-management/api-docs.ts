import { CustomerManagementCreated, ErrorResponse } from '@cs/dto';
import { applyDecorators, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

const ERROR_DESCRIPTIONS = {
  400: 'The request is invalid; the body names the offending fields.',
  404: 'The requested resource does not exist.',
  409: 'A document with this id already exists, or `metadata.version` does not match the stored version.',
} as const;

/** Documents the Emporix error answers a route gives besides 401/403 (which `RequiresScopes` documents). */
export function ApiErrors(...codes: Array<keyof typeof ERROR_DESCRIPTIONS>) {
  return applyDecorators(...codes.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorResponse })));
}

export function ApiCreated(what: string) {
  return ApiCreatedResponse({ description: `The ${what} has been created.`, type: CustomerManagementCreated });
}

/** PUT answers: 201 with the id when created, 204 when updated (the reference also lists 404, which an upsert never needs). */
export function ApiUpserted(what: string) {
  return applyDecorators(
    ApiCreated(what),
    ApiNoContentResponse({ description: `The ${what} has been updated.` }),
    ApiResponse({ status: 404, description: `Listed by the reference contract; not answered here, because an upsert creates an absent ${what}.`, type: ErrorResponse }),
  );
}

export function ApiPage(type: Type, what: string) {
  return ApiOkResponse({
    description: `A page of ${what}.`,
    type: [type],
    headers: { 'X-Total-Count': { description: 'The number of matches; only when the request asked with `X-Total-Count: true`.', schema: { type: 'integer' } } },
  });
}

/** The optional `fields` projection of a GET by id. */
export function ApiFields() {
  return ApiQuery({ name: 'fields', required: false, schema: { type: 'string' }, description: 'Comma-separated fields to return, e.g. `name,metadata.version` (`id` is always kept).' });
}

/** Sets the upsert status: 201 with `{id}` when the document was created, 204 without a body when updated. */
export function upserted(reply: FastifyReply, created: boolean, id: string): CustomerManagementCreated | undefined {
  void reply.status(created ? 201 : 204);
  return created ? { id } : undefined;
}
