import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CompareOp, Condition, Literal, Predicate, QueryAst } from './ast';
import { QueryError, quote } from './errors';
import { FieldMap, FieldType, resolveField, sqlOperand } from './field-map';
import { parseQuery } from './parser';
import { isNumberText, toBoolean, toDatetime, toEnum, toNumber } from './values';

/** SQL with TypeORM named parameters (`:q0`); the text consists only of field-map SQL, keywords and placeholders. */
export interface CompiledQuery {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/** How values of a scalar type are bound and what they support. */
interface ScalarType {
  coerce(value: Literal, field: string, allowed?: readonly string[]): unknown;
  /** Placeholder as used in SQL: strings stay untyped so they take the column's type. */
  cast(placeholder: string): string;
  array: string;
  compare: boolean;
  regex: boolean;
}

const text = (value: Literal): string => value.text;
const SCALARS: Record<Exclude<FieldType, 'localized' | 'json' | 'list'>, ScalarType> = {
  string: { coerce: text, cast: (p) => p, array: 'text[]', compare: true, regex: true },
  enum: {
    coerce: (v, f, allowed) => toEnum(v, f, allowed),
    cast: (p) => p,
    array: 'text[]',
    compare: false,
    regex: true,
  },
  number: { coerce: toNumber, cast: (p) => `CAST(${p} AS numeric)`, array: 'numeric[]', compare: true, regex: false },
  boolean: {
    coerce: toBoolean,
    cast: (p) => `CAST(${p} AS boolean)`,
    array: 'boolean[]',
    compare: false,
    regex: false,
  },
  datetime: {
    coerce: toDatetime,
    cast: (p) => `CAST(${p} AS timestamptz)`,
    array: 'timestamptz[]',
    compare: true,
    regex: false,
  },
};

/**
 * Turns a parsed q into one SQL condition (conditions ANDed, each in parentheses) with its
 * parameters named `<paramPrefix><n>`. An empty query compiles to `TRUE`.
 * Use a distinct prefix for every q compiled into the same statement.
 */
export function compileQuery(ast: QueryAst, fieldMap: FieldMap, paramPrefix = 'q'): CompiledQuery {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(paramPrefix)) throw new Error(`Invalid parameter prefix '${paramPrefix}'`);
  const compiler = new Compiler(fieldMap, paramPrefix);
  const parts = ast.conditions.map((c) => `(${compiler.condition(c)})`);
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params: compiler.params };
}

/**
 * The value a condition reads, as one jsonb SQL expression (an explanation shows it beside whether the condition
 * held): the column, the text of a localized field's language (or the whole map), the list, or the json path.
 */
export function compileOperand(condition: Condition, fieldMap: FieldMap, paramPrefix = 'v'): CompiledQuery {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(paramPrefix)) throw new Error(`Invalid parameter prefix '${paramPrefix}'`);
  const resolved = resolveField(fieldMap, condition.path, condition.position);
  const X = sqlOperand(resolved.spec.sql);
  const params: Record<string, unknown> = {};
  const bind = (value: unknown): string => {
    const name = `${paramPrefix}${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  };
  switch (resolved.kind) {
    case 'column':
      return { sql: `to_jsonb(${X})`, params };
    case 'localized':
      return {
        sql: resolved.language === undefined ? X : `(${X} -> CAST(${bind(resolved.language)} AS text))`,
        params,
      };
    case 'list':
      return { sql: X, params };
    default:
      return { sql: resolved.path.length ? `(${X} #> CAST(${bind([...resolved.path])} AS text[]))` : X, params };
  }
}

/** Parses and compiles q and adds it to the query builder's WHERE (nothing for an empty q). */
export function applyQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  q: string | undefined,
  fieldMap: FieldMap,
  paramPrefix = 'q',
): SelectQueryBuilder<T> {
  const ast = parseQuery(q ?? '');
  if (ast.conditions.length === 0) return qb;
  const { sql, params } = compileQuery(ast, fieldMap, paramPrefix);
  return qb.andWhere(sql, params);
}

class Compiler {
  readonly params: Record<string, unknown> = {};
  private next = 0;
  private aliases = 0;

  constructor(
    private readonly fieldMap: FieldMap,
    private readonly prefix: string,
  ) {}

  condition(c: Condition): string {
    const resolved = resolveField(this.fieldMap, c.path, c.position);
    const { spec } = resolved;
    const X = sqlOperand(spec.sql);
    if (resolved.kind === 'column') {
      const scalar = SCALARS[spec.type as keyof typeof SCALARS];
      return this.scalar(X, scalar, c, spec.values);
    }
    if (resolved.kind === 'localized') {
      if (resolved.language !== undefined)
        return this.scalar(`(${X} ->> CAST(${this.bind(resolved.language)} AS text))`, SCALARS.string, c);
      return this.anyLanguage(X, c);
    }
    if (resolved.kind === 'list') return this.anyElement(X, spec.element, c);
    if (resolved.path.length === 0) return this.wholeJson(X, c);
    return this.jsonPath(X, this.bind([...resolved.path]), c);
  }

  /** A predicate on a single-valued expression `E` of a scalar type. */
  private scalar(E: string, type: ScalarType, c: Condition, allowed?: readonly string[]): string {
    const p = c.predicate;
    const value = (v: Literal): string => type.cast(this.bind(type.coerce(v, c.field, allowed)));
    const check = (ok: boolean, what: string, position: number): void => {
      if (!ok) throw new QueryError(`${what} not supported for field ${quote(c.field)}`, { field: c.field, position });
    };
    switch (p.kind) {
      case 'eq':
        return `${E} = ${value(p.value)}`;
      case 'compare':
        check(type.compare, 'Comparisons are', p.value.position);
        return `${E} ${p.op} ${value(p.value)}`;
      case 'range':
        check(type.compare, 'Comparisons are', p.bounds[0].value.position);
        return p.bounds.map((b) => `${E} ${b.op} ${value(b.value)}`).join(' AND ');
      case 'in': {
        const values = p.values.map((v) => type.coerce(v, c.field, allowed));
        return `${E} = ANY(CAST(${this.bind(values)} AS ${type.array}))`;
      }
      case 'regex':
        check(type.regex, 'Pattern matches (~) are', p.position);
        return `${E} ~* ${this.bind(p.pattern)}`;
      default:
        return `${E} ${p.kind === 'exists' ? 'IS NOT NULL' : 'IS NULL'}`;
    }
  }

  /** Plain `name`: true when the predicate holds for the text of any language. */
  private anyLanguage(X: string, c: Condition): string {
    const alias = `${this.prefix}_e${this.aliases++}`;
    return this.anyText(
      `jsonb_each_text(CASE WHEN jsonb_typeof(${X}) = 'object' THEN ${X} END) AS ${alias}(k, v)`,
      `${alias}.v`,
      c,
    );
  }

  /** A list: true when the predicate holds for the text of any element (of its `element` key, for objects). */
  private anyElement(X: string, element: string | undefined, c: Condition): string {
    const alias = `${this.prefix}_e${this.aliases++}`;
    const array = `CASE WHEN jsonb_typeof(${X}) = 'array' THEN ${X} END`;
    if (element === undefined)
      return this.anyText(`jsonb_array_elements_text(${array}) AS ${alias}(e)`, `${alias}.e`, c);
    return this.anyText(
      `jsonb_array_elements(${array}) AS ${alias}(e)`,
      `(${alias}.e ->> CAST(${this.bind(element)} AS text))`,
      c,
    );
  }

  /** Whether some row of `source` has a `text` the predicate holds for; `null`/`missing`: none has a text. */
  private anyText(source: string, text: string, c: Condition): string {
    const kind = c.predicate.kind;
    if (kind === 'null' || kind === 'missing') return `NOT EXISTS (SELECT 1 FROM ${source} WHERE ${text} IS NOT NULL)`;
    return `EXISTS (SELECT 1 FROM ${source} WHERE ${this.scalar(text, SCALARS.string, c)})`;
  }

  /** `mixins:null|exists|missing`; anything else needs a path. */
  private wholeJson(X: string, c: Condition): string {
    const kind = c.predicate.kind;
    if (kind === 'exists') return `jsonb_typeof(${X}) <> 'null'`;
    if (kind === 'null' || kind === 'missing') return `COALESCE(jsonb_typeof(${X}), 'null') = 'null'`;
    throw new QueryError(`Field ${quote(c.field)} needs a path such as '${c.field}.name'`, {
      field: c.field,
      position: c.position,
    });
  }

  /**
   * A path inside a jsonb document; the path is one text[] parameter, never SQL text. Equality,
   * lists and patterns use the value's text (`#>>`, so `true` matches JSON true and "true"; an
   * unquoted number also matches JSON numbers numerically, `10` = `10.0`). Comparisons with an
   * unquoted number match JSON numbers only, with anything else JSON strings only (ISO dates
   * compare correctly as text); the CASE guards mean mixed data never causes a cast error.
   */
  private jsonPath(X: string, path: string, c: Condition): string {
    const J = `${X} #> CAST(${path} AS text[])`;
    const V = `(${X} #>> CAST(${path} AS text[]))`;
    const asNumber = `CASE WHEN jsonb_typeof(${J}) = 'number' THEN CAST(${J} AS numeric) END`;
    const asString = `CASE WHEN jsonb_typeof(${J}) = 'string' THEN ${V} END`;
    const numeric = (v: Literal): boolean => !v.quoted && isNumberText(v.text);
    const compare = (op: CompareOp, v: Literal): string =>
      numeric(v) ? `${asNumber} ${op} CAST(${this.bind(v.text)} AS numeric)` : `${asString} ${op} ${this.bind(v.text)}`;
    const p: Predicate = c.predicate;
    switch (p.kind) {
      case 'eq':
        return numeric(p.value)
          ? `${V} = ${this.bind(p.value.text)} OR ${asNumber} = CAST(${this.bind(p.value.text)} AS numeric)`
          : `${V} = ${this.bind(p.value.text)}`;
      case 'compare':
        return compare(p.op, p.value);
      case 'range':
        return p.bounds.map((b) => compare(b.op, b.value)).join(' AND ');
      case 'in':
        return `${V} = ANY(CAST(${this.bind(p.values.map((v) => v.text))} AS text[]))`;
      case 'regex':
        return `${V} ~* ${this.bind(p.pattern)}`;
      default:
        return `${V} ${p.kind === 'exists' ? 'IS NOT NULL' : 'IS NULL'}`;
    }
  }

  private bind(value: unknown): string {
    const name = `${this.prefix}${this.next++}`;
    this.params[name] = value;
    return `:${name}`;
  }
}

/**
 * Converts TypeORM-style named parameters to `$1..$n` for `pg` / `dataSource.query()`.
 * `:name` and `:...name` (expanded to one placeholder per element) are replaced when `name` is a key
 * of `params`; `::casts`, string literals and quoted identifiers are left alone. A name used twice
 * gets one number. `firstIndex` lets the result follow parameters of the surrounding statement.
 */
export function toPositional(
  sql: string,
  params: Record<string, unknown>,
  firstIndex = 1,
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const numbers = new Map<string, string>();
  const text = sql.replace(
    /('(?:[^']|'')*')|("(?:[^"]|"")*")|(::)|:(\.\.\.)?([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, single?: string, double?: string, cast?: string, spread?: string, name?: string) => {
      if (single || double || cast || !name || !Object.prototype.hasOwnProperty.call(params, name)) return whole;
      const value = params[name];
      if (spread) {
        if (!Array.isArray(value)) throw new Error(`Parameter '${name}' used as :...${name} must be an array`);
        return value.map((v) => `$${firstIndex + values.push(v) - 1}`).join(', ');
      }
      let placeholder = numbers.get(name);
      if (!placeholder) {
        placeholder = `$${firstIndex + values.push(value) - 1}`;
        numbers.set(name, placeholder);
      }
      return placeholder;
    },
  );
  return { text, values };
}
