import { Client } from 'pg';
import { MIGRATIONS_TABLE } from './app/database/data-source';
import { pgErrorKind } from './app/database/pg-errors';
import { describeError } from './describe-error';

/** Where a connection URL points, without its credentials: what a log line may name. */
export interface DatabaseAddress {
  host: string;
  port: number;
  database: string;
}

export function databaseAddress(url: string): DatabaseAddress {
  const parsed = new URL(url);
  // libpq's `?host=` (e.g. a socket folder) overrides the URL's host.
  const host = parsed.searchParams.get('host') || decodeURIComponent(parsed.hostname) || 'localhost';
  const user = decodeURIComponent(parsed.username);
  return {
    host,
    port: Number(parsed.port || parsed.searchParams.get('port')) || 5432,
    database: decodeURIComponent(parsed.pathname.slice(1)) || user || 'postgres',
  };
}

export function describeAddress({ host, port, database }: DatabaseAddress): string {
  return `database ${database} at ${host}:${port}`;
}

/** The first wait after a failed attempt; each next one doubles, up to `MAX_DELAY_MS`. */
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;
/** How long one attempt may take to connect (less when the deadline is nearer). */
const ATTEMPT_TIMEOUT_MS = 5000;

/**
 * Socket failures while a server (or its host, or its name) is not up yet. Postgres's own "starting up",
 * "shutting down" and "too many connections" are in `pgErrorKind`'s `unavailable`.
 */
const NOT_UP_YET_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNREFUSED']);

/** Whether waiting may cure the failure: the server, its host or its name is not there yet, or it is busy starting. */
export function mayComeUp(error: unknown): boolean {
  const errors = error instanceof AggregateError ? [error, ...error.errors] : [error];
  return errors.some(
    (each) => pgErrorKind(each) === 'unavailable' || NOT_UP_YET_CODES.has((each as { code?: string })?.code ?? ''),
  );
}

export interface WaitOptions {
  /** How long to keep trying; 0 makes one attempt. */
  timeoutMs: number;
  /** One line per failed attempt that is retried. */
  onRetry: (line: string) => void;
}

/**
 * Waits until the database accepts a connection and a query, retrying with backoff for `timeoutMs`
 * while it is not up yet (a container still starting, a name not yet resolvable). A refusal that waiting
 * cannot cure (wrong password, no such database) fails at once.
 */
export async function waitForDatabase(url: string, options: WaitOptions): Promise<void> {
  const where = describeAddress(databaseAddress(url));
  const startedAt = Date.now();
  const deadline = startedAt + options.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const connectTimeoutMs = Math.min(ATTEMPT_TIMEOUT_MS, Math.max(1000, deadline - Date.now()));
      await readAppliedMigrations(url, connectTimeoutMs);
      return;
    } catch (error) {
      const reason = describeError(error);
      if (!mayComeUp(error)) throw new Error(`The ${where} refused the connection: ${reason}`);
      const remainingMs = deadline - Date.now();
      if (remainingMs <= 0)
        throw new Error(
          `The ${where} did not accept connections within ${options.timeoutMs} ms ` +
            `(DB_CONNECT_TIMEOUT_MS; ${attempt} attempts): ${reason}`,
        );
      const delayMs = Math.min(FIRST_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS, remainingMs);
      options.onRetry(`Waiting for the ${where}: attempt ${attempt} failed (${reason}); next in ${delayMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** The names of the applied migrations (none before the first start), over a connection of its own. */
export async function readAppliedMigrations(url: string, connectTimeoutMs = ATTEMPT_TIMEOUT_MS): Promise<string[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  client.on('error', () => undefined); // a server going away after the query: the attempt is over anyway
  try {
    await client.connect();
    const table = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [
      MIGRATIONS_TABLE,
    ]);
    if (!table.rows[0].present) return [];
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`);
    return rows.map((row) => row.name);
  } finally {
    await client.end().catch(() => undefined);
  }
}
