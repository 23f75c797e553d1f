/**
 * The parsed form of a `q` string. Conditions are ANDed. Every node carries the 0-based character
 * position in the source so that errors found later (unknown field, bad value) can point at it.
 */
export interface QueryAst {
  readonly conditions: readonly Condition[];
}

export interface Condition {
  /** The field path as written, e.g. `name.en` or `mixins.a.b`. */
  readonly field: string;
  /** `field` split on dots. */
  readonly path: readonly string[];
  /** Position of the field's first character. */
  readonly position: number;
  readonly predicate: Predicate;
}

/** A value as written; `quoted` values are never keywords (`"null"` is the text null). */
export interface Literal {
  readonly text: string;
  readonly quoted: boolean;
  /** Position of the value's first character (the opening quote for quoted values). */
  readonly position: number;
}

export type CompareOp = '>' | '>=' | '<' | '<=';

export interface Bound {
  readonly op: CompareOp;
  readonly value: Literal;
}

export type Predicate =
  /** `field:value`, `field:"value"` */
  | { readonly kind: 'eq'; readonly value: Literal }
  /** `field:>20` */
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly value: Literal }
  /** `field:(>=10 AND <=20)`: all bounds must hold */
  | { readonly kind: 'range'; readonly bounds: readonly Bound[] }
  /** `field:(a,b)`, `field:("a","b")` */
  | { readonly kind: 'in'; readonly values: readonly Literal[] }
  /** `field:~abc`, `field:(~a b)`, `field:~(a b)`: case-insensitive regular expression */
  | { readonly kind: 'regex'; readonly pattern: string; readonly position: number }
  /** `field:null`, `field:missing` (null or absent) and `field:exists` (present and not null) */
  | { readonly kind: 'null' | 'missing' | 'exists'; readonly position: number };
