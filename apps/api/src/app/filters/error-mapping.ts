import { ErrorBody, ErrorDetail } from '@cs/contracts';
import { QueryError } from '@cs/query';
import { HttpException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError } from '../errors/domain-errors';
import { errorBody } from './error-body';

export const INTERNAL_ERROR_MESSAGE = 'An unexpected error occurred. It has been logged.';

/**
 * Postgres error codes that mean "the database cannot serve this now" rather than "the request is
 * wrong": timeouts, shutdowns, connection failures, exhausted resources, and serialisation failures
 * or deadlocks that `Transactions.run` already retried without success.
 */
const UNAVAILABLE_PG_CODES = new Set([
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '53000',
  '53100',
  '53200',
  '53300',
  '55P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  '40001',
  '40P01',
]);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

/** Maps anything thrown while serving a request to an HTTP status and the Emporix error body. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return errorBody(error.status, error.message, error.resourceId, error.details);
  if (error instanceof QueryError)
    return errorBody(
      400,
      error.message,
      undefined,
      error.field ? [{ field: error.field, message: error.message }] : undefined,
    );
  if (error instanceof HttpException) return fromHttpException(error);
  if (isUnavailable(error)) return errorBody(503, 'The service is temporarily unavailable. Please retry.');
  if (error instanceof QueryFailedError) {
    const fromDatabase = fromPostgresCode((error.driverError as { code?: string })?.code ?? '');
    if (fromDatabase) return fromDatabase;
  }
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return errorBody(400, 'The request is nested too deeply.');
  const fastify = error as FastifyLikeError;
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return errorBody(fastify.statusCode, fastifyMessage(fastify));
  }
  return errorBody(500, INTERNAL_ERROR_MESSAGE);
}

/**
 * Database rejections that stem from the input, not from the service: a value the column cannot
 * hold (class 22, e.g. a NUL character or a number out of range), a constraint the input breaks,
 * or a value too large for an index (class 54). Answered as 4xx instead of a 500; the unique and
 * foreign-key cases are what a concurrent writer leaves behind (an insert racing a delete).
 */
function fromPostgresCode(code: string): ErrorBody | undefined {
  if (code === '22P02') return errorBody(400, 'A value has an invalid format.');
  if (code.startsWith('22'))
    return errorBody(
      400,
      'A value cannot be stored: it has an invalid format, an unsupported character or is out of range.',
    );
  if (code === '23502' || code === '23514')
    return errorBody(400, 'A required value is missing or a value is not allowed.');
  if (code === '23505') return errorBody(409, 'The document already exists (it was probably created concurrently).');
  if (code === '23503')
    return errorBody(409, 'A referenced document does not exist (it was probably removed concurrently).');
  if (code.startsWith('54')) return errorBody(400, 'A value or the request is too large or too complex to process.');
  return undefined;
}

function fromHttpException(error: HttpException): ErrorBody {
  const status = error.getStatus();
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null && 'details' in response) {
    const { message, details } = response as { message: string; details: ErrorDetail[] };
    return errorBody(status, message, undefined, details);
  }
  if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(error.message)) {
    return errorBody(404, 'The requested resource does not exist.');
  }
  return errorBody(status, error.message);
}

function fastifyMessage(error: FastifyLikeError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type.';
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

/** The pool had no free connection within `DB_ACQUIRE_TIMEOUT_MS`: the database is busy, not down. */
export function isPoolExhausted(error: unknown): boolean {
  return /timeout exceeded when trying to connect/i.test((error as Error)?.message ?? '');
}

export function isUnavailable(error: unknown): boolean {
  const code =
    (error as { code?: string })?.code ?? (error as { driverError?: { code?: string } })?.driverError?.code ?? '';
  if (UNAVAILABLE_PG_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code)) return true;
  // The connection died under a running transaction (e.g. the server restarted): TypeORM has
  // released it, and pg refuses further queries on it.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError || error instanceof QueryRunnerAlreadyReleasedError)
    return true;
  const message = (error as Error)?.message ?? '';
  return (
    isPoolExhausted(error) ||
    /Connection terminated|connect ECONNREFUSED|the database system is (starting up|shutting down)|is not queryable/i.test(
      message,
    )
  );
}
