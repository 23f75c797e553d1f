import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * The database could not do it now, whatever the statement: `retryable` is a serialisation failure or a
 * deadlock (the whole transaction may simply run again), `unavailable` a timeout, a shutdown, a lost
 * connection or exhausted resources.
 */
export type TransientKind = 'retryable' | 'unavailable';

/**
 * The statement was refused because of the values it was given, named after the Postgres condition: a
 * duplicate key or a missing referenced row (both what a concurrent writer leaves behind), a missing or
 * disallowed value, a value the column cannot hold (class 22; `invalid-text` is 22P02, e.g. text that is no
 * number), or a value too large for an index (class 54).
 */
export type RejectedInputKind =
  | 'unique-violation'
  | 'foreign-key-violation'
  | 'not-null-or-check-violation'
  | 'invalid-text'
  | 'data-exception'
  | 'program-limit';

export type PgErrorKind = TransientKind | RejectedInputKind;

const RETRYABLE_CODES = new Set(['40001', '40P01']);
/** Query canceled (statement timeout), admin/crash shutdown, cannot connect now, class 53, lock not available, class 08. */
const UNAVAILABLE_CODES = new Set([
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
]);
/** Codes of Node's socket errors, which pg passes on when the server cannot be reached. */
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|the database system is (starting up|shutting down)|is not queryable/i;

/** The Postgres (or socket) code of an error: TypeORM's `QueryFailedError` carries pg's error as `driverError`. */
export function pgErrorCode(error: unknown): string | undefined {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  const found = driverError?.code ?? code;
  return typeof found === 'string' ? found : undefined;
}

/** The kind of a database error, or undefined when it is none the service treats specially. */
export function pgErrorKind(error: unknown): PgErrorKind | undefined {
  const code = pgErrorCode(error) ?? '';
  if (RETRYABLE_CODES.has(code)) return 'retryable';
  if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code) || lostConnection(error)) return 'unavailable';
  if (code === '23505') return 'unique-violation';
  if (code === '23503') return 'foreign-key-violation';
  if (code === '23502' || code === '23514') return 'not-null-or-check-violation';
  if (code === '22P02') return 'invalid-text';
  if (code.startsWith('22')) return 'data-exception';
  if (code.startsWith('54')) return 'program-limit';
  return undefined;
}

export function isTransient(kind: PgErrorKind | undefined): kind is TransientKind {
  return kind === 'retryable' || kind === 'unavailable';
}

/** The pool had no free connection within `DB_ACQUIRE_TIMEOUT_MS`: the database is busy, not down. */
export function isPoolExhausted(error: unknown): boolean {
  return /timeout exceeded when trying to connect/i.test((error as Error)?.message ?? '');
}

/** Failures without a code that still mean the database is out of reach. */
function lostConnection(error: unknown): boolean {
  // The connection died under a running transaction (e.g. the server restarted): TypeORM has
  // released it, and pg refuses further queries on it.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError || error instanceof QueryRunnerAlreadyReleasedError)
    return true;
  return isPoolExhausted(error) || UNAVAILABLE_MESSAGE.test((error as Error)?.message ?? '');
}

/** A failure in one line without data: a database error by its code (its message can quote values), else the message. */
export function describeFailure(error: unknown): string {
  const code = pgErrorCode(error);
  if (code) return `Postgres error ${code}`;
  return error instanceof Error ? error.message : String(error);
}
