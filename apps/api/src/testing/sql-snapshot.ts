import { expect } from '@jest/globals';
import { parsePaging, parseQuery } from '@cs/query';
import type { ListRequest } from '../app/common/listing';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';

interface Statement {
  sql: string;
  parameters: unknown[];
}

/**
 * A stand-in for the DataSource (and a transaction's EntityManager) of a repository: it records every
 * statement sent and answers each with the next of the canned results (none left: no rows).
 */
export class RecordingDatabase {
  readonly statements: Statement[] = [];
  private readonly answers: unknown[][] = [];

  /** The rows the next statements return, in order. */
  answer(...results: unknown[][]): this {
    this.answers.push(...results);
    return this;
  }

  async query(sql: string, parameters: unknown[] = []): Promise<unknown[]> {
    this.statements.push({ sql, parameters });
    return this.answers.shift() ?? [];
  }

  /** Typed as what repositories take; they only ever call `query`. */
  get dataSource(): DataSource {
    return this as unknown as DataSource;
  }

  get manager(): EntityManager {
    return this as unknown as EntityManager;
  }
}

function isUpdating(): boolean {
  const state = expect.getState() as { snapshotState?: { _updateSnapshot?: string } };
  return process.env.UPDATE_SQL_SNAPSHOTS === '1' || state.snapshotState?._updateSnapshot === 'all';
}

function mayWriteNew(): boolean {
  const state = expect.getState() as { snapshotState?: { _updateSnapshot?: string } };
  return state.snapshotState?._updateSnapshot !== 'none';
}

const render = (name: string, statements: Statement[]): string =>
  [
    `-- ${name}`,
    ...statements.map(
      ({ sql, parameters }) => `${sql.trim()};\n-- parameters: ${JSON.stringify(parameters.map(readable))}`,
    ),
  ].join('\n');

/** Parameters as they appear in the file: JSON text that is itself JSON is shown parsed, so it reads as data. */
function readable(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The rendered statements of a repository, kept in a `.sql` file beside it, so that any change to tuned SQL
 * shows in review. Each case runs repository calls against a `RecordingDatabase`; `check` compares the
 * statements of all cases with the file, and rewrites it with `jest -u` or `UPDATE_SQL_SNAPSHOTS=1`.
 */
export class SqlSnapshot {
  private readonly rendered: string[] = [];

  constructor(private readonly file: string) {}

  /** Runs `calls` against a fresh recording database (answering with `answers`) and keeps its statements as `name`. */
  async record(
    name: string,
    calls: (db: RecordingDatabase) => Promise<unknown>,
    ...answers: unknown[][]
  ): Promise<void> {
    const db = new RecordingDatabase().answer(...answers);
    await calls(db);
    if (!db.statements.length) throw new Error(`${name}: no statement was sent`);
    this.rendered.push(render(name, db.statements));
  }

  check(): void {
    const text = `-- Rendered by ${basename(this.file, '.sql')}.spec.ts: every statement of the repository for fixed inputs.\n-- Update with \`jest -u\` or UPDATE_SQL_SNAPSHOTS=1 after a deliberate change.\n\n${this.rendered.join('\n\n')}\n`;
    const exists = existsSync(this.file);
    if (isUpdating() || (!exists && mayWriteNew())) {
      writeFileSync(this.file, text);
      return;
    }
    expect(exists ? readFileSync(this.file, 'utf8') : `(no ${basename(this.file)})`).toBe(text);
  }
}

/** A validated list request as the `@List()` decorator gives it: `q` parsed, the first page of 16 unless told (`offset` a multiple of `limit`). */
export function listRequest(
  options: { q?: string; sort?: string; offset?: number; limit?: number; withTotal?: boolean } = {},
): ListRequest {
  return {
    q: parseQuery(options.q ?? ''),
    sort: options.sort,
    paging: parsePaging({ pageSize: options.limit, pageNumber: 1 + (options.offset ?? 0) / (options.limit ?? 16) }),
    withTotal: options.withTotal ?? false,
  };
}
