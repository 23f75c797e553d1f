import { ErrorDetail } from '@cs/contracts';
import { QueryError } from '@cs/query';
import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isTransient, pgErrorKind, RejectedInputKind } from '../database/pg-errors';
import { DomainError } from '../errors/domain-errors';
import { ErrorReport } from '../errors/error-report';
import { OAuthError } from '../errors/oauth-error';
import { errorBody } from './error-body';

export const INTERNAL_ERROR_MESSAGE = 'An unexpected error occurred. It has been logged.';
const UNSUPPORTED_MEDIA_TYPE_MESSAGE = 'Unsupported content type: send the body as application/json.';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

/** Maps anything thrown while serving a request to an HTTP status and the Emporix error body. */
export function toErrorBody(error: unknown): ErrorReport {
  if (error instanceof OAuthError) return { ...errorBody(error.status, error.message), oauthError: error.error };
  if (error instanceof DomainError) return errorBody(error.status, error.message, error.resourceId, error.details);
  if (error instanceof QueryError)
    return errorBody(
      400,
      error.message,
      undefined,
      error.field ? [{ field: error.field, message: error.message }] : undefined,
    );
  if (error instanceof HttpException) return fromHttpException(error);
  const kind = pgErrorKind(error);
  // A `retryable` failure that reaches the filter was retried by `Transactions.run` without success.
  if (isTransient(kind)) return errorBody(503, 'The service is temporarily unavailable. Please retry.');
  if (error instanceof QueryFailedError && kind) return errorBody(...REJECTED_INPUT[kind]);
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return errorBody(400, 'The request is nested too deeply.');
  const fastify = error as FastifyLikeError;
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return errorBody(fastify.statusCode, fastifyMessage(fastify));
  }
  return errorBody(500, INTERNAL_ERROR_MESSAGE);
}

/**
 * Database rejections that stem from the input, not from the service, answered as 4xx instead of a 500;
 * the unique and foreign-key cases are what a concurrent writer leaves behind (an insert racing a delete).
 */
const REJECTED_INPUT: Record<RejectedInputKind, [number, string]> = {
  'invalid-text': [400, 'A value has an invalid format.'],
  'data-exception': [
    400,
    'A value cannot be stored: it has an invalid format, an unsupported character or is out of range.',
  ],
  'not-null-or-check-violation': [400, 'A required value is missing or a value is not allowed.'],
  'unique-violation': [409, 'The document already exists (it was probably created concurrently).'],
  'foreign-key-violation': [409, 'A referenced document does not exist (it was probably removed concurrently).'],
  'program-limit': [400, 'A value or the request is too large or too complex to process.'],
};

function fromHttpException(error: HttpException): ErrorReport {
  const status = error.getStatus();
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null && 'details' in response) {
    const { message, details } = response as { message: string; details: ErrorDetail[] };
    return errorBody(status, message, undefined, details);
  }
  if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(error.message)) {
    return errorBody(404, 'The requested resource does not exist.');
  }
  // Nest hands Fastify's refusal of a media type without a parser on as an HttpException.
  if (status === 415) return errorBody(415, UNSUPPORTED_MEDIA_TYPE_MESSAGE);
  return errorBody(status, error.message);
}

function fastifyMessage(error: FastifyLikeError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return UNSUPPORTED_MEDIA_TYPE_MESSAGE;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty.';
    default:
      // The parser also refuses (with this code) bodies with a `__proto__` key, or a `constructor` object with a
      // `prototype` key, anywhere: whole bodies, bulk ones too, as they could not be copied safely.
      return error.statusCode === 400 && error.code?.startsWith('FST_ERR_CTP')
        ? 'The request body is not valid JSON, or has a key __proto__ (or constructor.prototype), which is refused.'
        : error.message;
  }
}
