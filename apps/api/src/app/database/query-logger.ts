import { Logger as NestLogger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Logger as TypeOrmLogger } from 'typeorm';

/** Where the lines go: Nest's logger, which the app routes through the JSON (pino) logger. */
export type LogSink = Pick<NestLogger, 'log' | 'warn' | 'error'>;

/**
 * TypeORM's logger for the service. A failed statement becomes one line naming the statement by a
 * fingerprint (a hash of its SQL text, which is the same for every call of one statement because
 * values are always bound) and its first words, with the Postgres error fields that name schema
 * objects. Parameter values, the full SQL and Postgres's message (which can quote a value, e.g.
 * `invalid input syntax for type integer: "..."`) are never written: they carry customer data.
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(private readonly sink: LogSink = new NestLogger('Database')) {}

  logQueryError(error: string | Error, query: string): void {
    this.sink.warn({ msg: 'statement failed', statement: statementName(query), ...postgresErrorFields(error) });
  }

  logMigration(message: string): void {
    this.sink.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink.warn(String(message));
  }

  logQuery(): void {
    // Successful statements are not logged.
  }

  logQuerySlow(): void {
    // Never called: no `maxQueryExecutionTime` is set.
  }

  logSchemaBuild(): void {
    // The schema is built by migrations, whose messages `logMigration` writes.
  }
}

/**
 * `INSERT customer_assignment#1a2b3c4d5e`: the first word, the table written (else the first table
 * read), and a fingerprint of the text, enough to find the statement in the code.
 */
export function statementName(query: string): string {
  const sql = query.replace(/\s+/g, ' ').trim();
  const fingerprint = createHash('sha1').update(sql).digest('hex').slice(0, 10);
  return `${statementKind(sql)}#${fingerprint}`;
}

/** `INSERT customer_assignment`: the first word and the table of `statementName`, without the fingerprint. */
export function statementKind(query: string): string {
  const sql = query.trimStart();
  const verb = /^\w+/.exec(sql)?.[0].toUpperCase() ?? '?';
  // `FOR UPDATE OF x` and `FOR NO KEY UPDATE` lock rows read; they write no table.
  const table = (/\b(?:INSERT\s+INTO|(?<!(?:FOR|KEY)\s+)UPDATE|DELETE\s+FROM)\s+"?(\w+)/i.exec(sql) ??
    /\bFROM\s+"?(\w+)\b(?!\s*\()/i.exec(sql))?.[1];
  return `${verb}${table ? ` ${table}` : ''}`;
}

/** The fields of a Postgres error that name codes and schema objects, never values. */
function postgresErrorFields(error: string | Error): Record<string, string> {
  const source = (error as { driverError?: unknown }).driverError ?? error;
  const fields: Record<string, string> = {};
  for (const name of ['code', 'severity', 'routine', 'table', 'column', 'constraint'] as const) {
    const value = (source as Record<string, unknown>)[name];
    if (typeof value === 'string' && value) fields[name] = value;
  }
  if (!fields.code) fields.error = error instanceof Error ? error.name : 'error';
  return fields;
}
