import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { QueryError, quote } from './errors';
import { FieldMap, resolveField, sqlOperand } from './field-map';

export type SortDirection = 'ASC' | 'DESC';

/** One ORDER BY term. `sql` is trusted text; `params` holds bound values it refers to (a language, a json path). */
export interface SortTerm {
  readonly sql: string;
  readonly direction: SortDirection;
  readonly params?: Record<string, unknown>;
}

export const MAX_SORT_LENGTH = 1000;
export const MAX_SORT_TERMS = 20;
const PATH = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/**
 * Parses `sort` (`name,metadata.createdAt:desc`): terms left to right, descending only for `desc`
 * or `DESC` (the Emporix rule), ascending otherwise. The trusted `tieBreaker` expressions (a unique
 * key, e.g. the primary key columns) are appended ascending, so that the order is total and pages
 * never overlap or leave gaps. A repeated expression keeps its first direction.
 *
 * Sortable: scalar fields unless `sortable: false`; localized fields with a language (`name.en`);
 * json paths (`mixins.a.b`, ordered by their text) only when the field says `sortable: true`; lists never.
 */
export function parseSort(
  sort: string | undefined,
  fieldMap: FieldMap,
  tieBreaker: readonly string[],
  paramPrefix = 'sort',
): SortTerm[] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(paramPrefix)) throw new Error(`Invalid parameter prefix '${paramPrefix}'`);
  const terms: SortTerm[] = [];
  const seen = new Set<string>();
  const add = (term: SortTerm): void => {
    if (seen.has(term.sql)) return;
    seen.add(term.sql);
    terms.push(term);
  };
  if (sort !== undefined && typeof sort !== 'string') throw new QueryError('sort must be a string');
  if (sort && sort.length > MAX_SORT_LENGTH)
    throw new QueryError(`sort is too long (at most ${MAX_SORT_LENGTH} characters)`);

  let position = 0;
  let index = 0;
  for (const item of (sort ?? '').split(',')) {
    const at = position + (item.length - item.trimStart().length);
    position += item.length + 1;
    const trimmed = item.trim();
    if (!trimmed) continue;
    if (++index > MAX_SORT_TERMS)
      throw new QueryError(`Too many sort fields (at most ${MAX_SORT_TERMS})`, { position: at });
    const colon = trimmed.indexOf(':');
    const field = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim();
    const word = colon < 0 ? '' : trimmed.slice(colon + 1).trim();
    const direction: SortDirection = word === 'desc' || word === 'DESC' ? 'DESC' : 'ASC';
    if (!PATH.test(field)) throw new QueryError(`Invalid sort field ${quote(field)}`, { field, position: at });
    const resolved = resolveField(fieldMap, field.split('.'), at);
    const { spec } = resolved;
    const notSortable = (why = ''): never => {
      throw new QueryError(`Field ${quote(field)} is not sortable${why}`, { field, position: at });
    };
    const X = sqlOperand(spec.sql);
    const param = `${paramPrefix}${index - 1}`;
    if (resolved.kind === 'list') {
      notSortable('; it holds a list');
    } else if (resolved.kind === 'column') {
      if (spec.sortable === false) notSortable();
      add({ sql: spec.sql, direction });
    } else if (resolved.kind === 'localized') {
      if (spec.sortable === false) notSortable();
      if (resolved.language === undefined) notSortable(`; sort by one language, e.g. '${field}.en'`);
      add({ sql: `(${X} ->> CAST(:${param} AS text))`, direction, params: { [param]: resolved.language } });
    } else {
      if (spec.sortable !== true || resolved.path.length === 0) notSortable();
      add({ sql: `(${X} #>> CAST(:${param} AS text[]))`, direction, params: { [param]: [...resolved.path] } });
    }
  }
  for (const sql of tieBreaker) add({ sql, direction: 'ASC' });
  return terms;
}

/** The terms as an ORDER BY list (without the keywords) with their parameters, for raw SQL. */
export function sortToSql(terms: readonly SortTerm[]): { sql: string; params: Record<string, unknown> } {
  return {
    sql: terms.map((t) => `${t.sql} ${t.direction}`).join(', '),
    params: Object.assign({}, ...terms.map((t) => t.params ?? {})),
  };
}

/**
 * Adds the sort to a query builder after any ORDER BY it already has. With entity queries that
 * join, page with `offset()`/`limit()` rather than `skip()`/`take()`, which re-map ORDER BY terms.
 */
export function applySort<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  sort: string | undefined,
  fieldMap: FieldMap,
  tieBreaker: readonly string[],
  paramPrefix = 'sort',
): SelectQueryBuilder<T> {
  for (const term of parseSort(sort, fieldMap, tieBreaker, paramPrefix)) {
    qb.addOrderBy(term.sql, term.direction);
    if (term.params) qb.setParameters(term.params);
  }
  return qb;
}
