import { toPositional } from '@cs/query';

/** What runs a statement: the DataSource or a transaction's EntityManager. */
export interface QueryRunnerLike {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export type SortDirection = 'ASC' | 'DESC';

interface Join {
  kind: 'INNER' | 'LEFT';
  /** A table name or a parenthesised subquery (trusted SQL). */
  source: string;
  alias: string;
  on: string;
}

/**
 * A SELECT composed from trusted SQL fragments with TypeORM-style `:named` parameters, rendered with
 * positional parameters for pg. The reads and lists use it rather than TypeORM's query builder, whose
 * rendering (entity metadata lookups, property-name rewriting over the whole statement) runs for every
 * request and showed in a list's profile (tools/bench/results/history.md). Every fragment is SQL from our
 * code; client values are parameters only.
 */
export class Select {
  private readonly columns: string[] = [];
  private source = '';
  private joins: Join[] = [];
  private readonly conditions: string[] = [];
  private readonly order: string[] = [];
  private readonly params: Record<string, unknown> = {};
  private offsetRows = 0;
  private limitRows?: number;

  constructor(private readonly db: QueryRunnerLike) {}

  /** Adds to the select list: an expression, `AS "alias"` when given, or a ready list of them. */
  select(sql: string, alias?: string): this {
    this.columns.push(alias === undefined ? sql : `${sql} AS "${alias}"`);
    return this;
  }

  from(table: string, alias: string): this {
    this.source = `${table} ${alias}`;
    return this;
  }

  innerJoin(source: string, alias: string, on: string): this {
    this.joins.push({ kind: 'INNER', source, alias, on });
    return this;
  }

  leftJoin(source: string, alias: string, on: string): this {
    this.joins.push({ kind: 'LEFT', source, alias, on });
    return this;
  }

  /** ANDs a condition to the WHERE clause. */
  where(sql: string, params?: Record<string, unknown>): this {
    this.conditions.push(sql);
    return this.setParameters(params);
  }

  setParameters(params: Record<string, unknown> | undefined): this {
    Object.assign(this.params, params);
    return this;
  }

  orderBy(sql: string, direction: SortDirection): this {
    this.order.push(`${sql} ${direction}`);
    return this;
  }

  offset(rows: number): this {
    this.offsetRows = wholeRows(rows);
    return this;
  }

  limit(rows: number): this {
    this.limitRows = wholeRows(rows);
    return this;
  }

  /** A copy that can be changed without changing this one. */
  clone(): Select {
    const copy = new Select(this.db);
    copy.columns.push(...this.columns);
    copy.source = this.source;
    copy.joins = [...this.joins];
    copy.conditions.push(...this.conditions);
    copy.order.push(...this.order);
    Object.assign(copy.params, this.params);
    copy.offsetRows = this.offsetRows;
    copy.limitRows = this.limitRows;
    return copy;
  }

  /** This statement's columns replaced by `columns`, without the joins of `aliases`, and without order or paging. */
  reduced(columns: string[], dropAliases: string[] = []): Select {
    const copy = this.clone();
    copy.columns.splice(0, copy.columns.length, ...columns);
    copy.joins = copy.joins.filter((join) => !dropAliases.includes(join.alias));
    copy.order.length = 0;
    copy.offsetRows = 0;
    copy.limitRows = undefined;
    return copy;
  }

  /** The statement with `:named` parameters (for embedding as a subquery of a statement sharing these parameters). */
  toNamedSql(): string {
    const joins = this.joins.map((join) => ` ${join.kind} JOIN ${join.source} ${join.alias} ON ${join.on}`).join('');
    const where = this.conditions.length
      ? ` WHERE ${this.conditions.map((condition) => `(${condition})`).join(' AND ')}`
      : '';
    const order = this.order.length ? ` ORDER BY ${this.order.join(', ')}` : '';
    const limit = this.limitRows === undefined ? '' : ` LIMIT ${this.limitRows}`;
    const offset = this.offsetRows ? ` OFFSET ${this.offsetRows}` : '';
    return `SELECT ${this.columns.join(', ')} FROM ${this.source}${joins}${where}${order}${limit}${offset}`;
  }

  toSql(): { text: string; values: unknown[] } {
    return toPositional(this.toNamedSql(), this.params);
  }

  async getRawMany<R>(): Promise<R[]> {
    const { text, values } = this.toSql();
    return (await this.db.query(text, values)) as R[];
  }

  async getRawOne<R>(): Promise<R | undefined> {
    return (await this.getRawMany<R>())[0];
  }
}

/** LIMIT and OFFSET are written into the statement, so they must be non-negative integers. */
function wholeRows(rows: number): number {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`Invalid row count ${rows}`);
  return rows;
}

/** The pieces of SQL text, one at a time, in order. */
const SQL_TOKEN = new RegExp(
  [
    String.raw`[eE]'(?:\\[^]|''|[^'\\])*'`, // E'...', with backslash escapes
    String.raw`'(?:''|[^'])*'`, // '...'
    String.raw`\$([A-Za-z_]\w*)?\$[^]*?\$\1\$`, // $tag$...$tag$
    String.raw`(--[^\n]*|/\*[^]*?\*/|\s+)`, // comments and whitespace: group 2
    String.raw`"((?:""|[^"])*)"`, // a quoted identifier: group 3
    String.raw`([A-Za-z_][\w$]*)`, // a plain identifier: group 4
    '[^]', // any other character: `.`, operators, parentheses, `$1`, `:name` in pieces
  ].join('|'),
  'gy',
);

/**
 * Whether trusted SQL (a q condition, a sort expression) reads a column through one of the table `aliases`:
 * an `alias.column` (or `"alias".column`) outside string literals and comments, where the alias is the
 * first part of the name (`x.alias.column` names a table of schema `x`). Unquoted names compare as Postgres
 * folds them, to lower case. A list leaves out the joins of aliases its condition and sort do not reference.
 */
export function referencesAlias(sql: string, aliases: readonly string[]): boolean {
  const wanted = new Set(aliases);
  // The last two significant tokens: a name is an alias reference when a dot follows it and none precedes it.
  let previous: { name?: string; dot: boolean } = { dot: false };
  let beforePrevious = previous;
  SQL_TOKEN.lastIndex = 0;
  for (let match = SQL_TOKEN.exec(sql); match; match = SQL_TOKEN.exec(sql)) {
    const [token, , skipped, quoted, plain] = match;
    if (skipped !== undefined) continue;
    if (token === '.' && previous.name !== undefined && !beforePrevious.dot && wanted.has(previous.name)) return true;
    beforePrevious = previous;
    previous = { name: quoted?.replace(/""/g, '"') ?? plain?.toLowerCase(), dot: token === '.' };
  }
  return false;
}
