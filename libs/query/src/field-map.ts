import { QueryError, quote } from './errors';

/**
 * What a resource exposes to q and sort. `sql` is a trusted SQL expression written in our code
 * (e.g. `s.site_code`); client text never becomes SQL, it is only matched against the keys.
 *
 *  - string, enum: text-like columns (text/varchar); enum values are checked against `values`.
 *  - number: any numeric column (compared as `numeric`), boolean, datetime (timestamptz).
 *  - localized: a jsonb object language -> text. `name.en` is one language, plain `name` any language.
 *  - json: a jsonb document (mixins). `mixins.a.b` addresses a path inside it.
 *  - list: a jsonb array of texts, or of objects whose `element` key holds the text (e.g. the `id` of
 *    `customerGroups`). A condition holds when it holds for any element; `null`/`missing`: no element.
 *
 * `sortable` defaults to true, except for json fields where it must be set explicitly; lists never sort.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'datetime' | 'enum' | 'localized' | 'json' | 'list';

export interface FieldSpec {
  readonly sql: string;
  readonly type: FieldType;
  /** Allowed values of an enum field. */
  readonly values?: readonly string[];
  /** Of a list of objects: the key whose text each element contributes. */
  readonly element?: string;
  readonly sortable?: boolean;
}

export type FieldMap = Readonly<Record<string, FieldSpec>>;

/** A client path resolved against a field map. */
export type ResolvedField =
  | { readonly kind: 'column'; readonly spec: FieldSpec }
  /** `language` absent: the localized field as a whole (any language). */
  | { readonly kind: 'localized'; readonly spec: FieldSpec; readonly language?: string }
  /** `path` empty: the json column as a whole. */
  | { readonly kind: 'json'; readonly spec: FieldSpec; readonly path: readonly string[] }
  | { readonly kind: 'list'; readonly spec: FieldSpec };

/**
 * Finds the field for a dotted path: the longest key of the map that is a prefix of the path and
 * can take the rest of it (one language segment for localized fields, any path for json fields).
 * Only own keys count, so `constructor` or `__proto__` are unknown fields like any other.
 */
export function resolveField(fieldMap: FieldMap, path: readonly string[], position?: number): ResolvedField {
  for (let k = path.length; k >= 1; k--) {
    const key = path.slice(0, k).join('.');
    if (!Object.prototype.hasOwnProperty.call(fieldMap, key)) continue;
    const spec = fieldMap[key];
    const rest = path.slice(k);
    if (spec.type === 'json') return { kind: 'json', spec, path: rest };
    if (spec.type === 'localized' && rest.length <= 1) return { kind: 'localized', spec, language: rest[0] };
    if (rest.length === 0) return spec.type === 'list' ? { kind: 'list', spec } : { kind: 'column', spec };
  }
  const field = path.join('.');
  throw new QueryError(`Unknown field ${quote(field)}`, { field, position });
}

/** Wraps a trusted SQL expression in parentheses unless it is a plain (qualified) column name. */
export function sqlOperand(sql: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)*$/.test(sql) ? sql : `(${sql})`;
}

/** How q names a field of each type beyond its key: a language of a localized field, a path inside a json field. */
const PATH_SUFFIX: Partial<Record<FieldType, string>> = { localized: '.<lang>', json: '.*' };

/**
 * The "q fields: ..." sentence of a list's documentation, generated from its field map so that
 * docs and behaviour cannot drift: every key, `name.<lang>` for localized and `mixins.*` for json fields.
 */
export function describeQueryFields(fieldMap: FieldMap): string {
  const names = Object.entries(fieldMap).map(([key, spec]) => `\`${key}${PATH_SUFFIX[spec.type] ?? ''}\``);
  const anyLanguage = Object.values(fieldMap).some((spec) => spec.type === 'localized')
    ? ' (without `.<lang>`: in any language)'
    : '';
  return `q fields: ${names.join(', ')}${anyLanguage}.`;
}
