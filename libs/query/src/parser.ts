import { Bound, CompareOp, Condition, Literal, Predicate, QueryAst } from './ast';
import { QueryError, quote } from './errors';
import { validatePattern } from './regex';

/** Limits that keep a single request's query cheap to parse, compile and run. */
export interface QueryLimits {
  /** Longest accepted q, in characters. */
  readonly maxLength: number;
  /** Most conditions in one q. */
  readonly maxConditions: number;
  /** Most values in one q, counting every list element and range bound. */
  readonly maxValues: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxLength: 4000, maxConditions: 100, maxValues: 500 };

const FIELD_CHAR = /[A-Za-z0-9_-]/;
const KEYWORDS = new Set(['null', 'missing', 'exists']);
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * Parses a q string (grammar in the README's "q language"):
 *
 *   query     = [condition { space condition }]        (a bare `AND` between conditions is allowed)
 *   condition = path ":" value
 *   path      = segment { "." segment }                 segment = [A-Za-z0-9_-]+
 *   value     = "null" | "exists" | "missing"           (unquoted keywords)
 *             | op literal                              op = ">" | ">=" | "<" | "<="
 *             | "~" pattern                             pattern = (...) with balanced parens | "quoted" | token
 *             | "(" "~" text-up-to-matching-paren ")"
 *             | "(" op literal { "AND" op literal } ")" (range)
 *             | "(" literal { "," literal } ")"         (list)
 *             | literal
 *   literal   = "quoted, with \" and \\ escapes" | token   (token: no whitespace, quotes or parens)
 */
export function parseQuery(q: string, limits: QueryLimits = DEFAULT_QUERY_LIMITS): QueryAst {
  if (typeof q !== 'string') throw new QueryError('q must be a string');
  if (q.length > limits.maxLength) {
    throw new QueryError(`Query is too long (${q.length} characters, at most ${limits.maxLength})`);
  }
  const nul = q.indexOf('\u0000');
  if (nul >= 0) throw new QueryError('Query contains a NUL character', { position: nul });
  return new Parser(q, limits).parse();
}

class Parser {
  private i = 0;
  private values = 0;

  constructor(
    private readonly src: string,
    private readonly limits: QueryLimits,
  ) {}

  parse(): QueryAst {
    const conditions: Condition[] = [];
    let afterAnd = false;
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) break;
      if (this.src.startsWith('AND', this.i) && (this.i + 3 === this.src.length || isSpace(this.src[this.i + 3]))) {
        if (conditions.length === 0 || afterAnd) this.fail("'AND' must stand between two conditions");
        this.i += 3;
        this.skipSpace();
        if (this.atEnd()) this.fail("'AND' must stand between two conditions");
        afterAnd = true;
        continue;
      }
      afterAnd = false;
      if (conditions.length >= this.limits.maxConditions) {
        this.fail(`Too many conditions (at most ${this.limits.maxConditions})`);
      }
      conditions.push(this.condition());
      if (!this.atEnd() && !isSpace(this.peek())) this.fail(`Unexpected ${quote(this.peek() as string)} after a value`);
    }
    return { conditions };
  }

  private condition(): Condition {
    const position = this.i;
    const path: string[] = [];
    for (;;) {
      const start = this.i;
      while (!this.atEnd() && FIELD_CHAR.test(this.peek() as string)) this.i++;
      if (this.i === start) {
        this.fail('Expected a field name');
      }
      path.push(this.src.slice(start, this.i));
      if (this.peek() !== '.') break;
      this.i++;
    }
    const field = path.join('.');
    if (this.peek() !== ':') this.fail(`Expected ':' after field ${quote(field)}`, this.i, field);
    this.i++;
    return { field, path, position, predicate: this.value(field) };
  }

  private value(field: string): Predicate {
    const position = this.i;
    const c = this.peek();
    if (c === undefined || isSpace(c)) return this.fail(`Missing value for field ${quote(field)}`, position, field);
    if (c === '~') {
      this.i++;
      return this.regex(field, position, this.patternAfterTilde(field));
    }
    if (c === '(') return this.group(field);
    const op = this.operator();
    if (op) {
      this.countValue(field);
      return { kind: 'compare', op, value: this.literal(field, false) };
    }
    const value = this.literal(field, false);
    if (!value.quoted && KEYWORDS.has(value.text)) {
      return { kind: value.text as 'null' | 'missing' | 'exists', position };
    }
    this.countValue(field);
    return { kind: 'eq', value };
  }

  /** `(~text)`, `(>=a AND <b)` or `(a, b, c)`. */
  private group(field: string): Predicate {
    const open = this.i;
    this.i++; // (
    this.skipSpace();
    if (this.peek() === '~') {
      this.i++;
      const start = this.i;
      const pattern = this.balanced(open);
      return this.regex(field, open, { pattern: pattern.replace(/\s+$/, ''), position: start });
    }
    if (this.peek() === ')') this.fail('Empty parentheses', open, field);
    const firstOp = this.operator();
    if (firstOp) {
      const bounds: Bound[] = [];
      let op: CompareOp | undefined = firstOp;
      for (;;) {
        this.countValue(field);
        bounds.push({ op, value: this.literal(field, true) });
        this.skipSpace();
        if (this.peek() === ')') break;
        if (!/^AND(?=[\s<>])/i.test(this.src.slice(this.i, this.i + 4)))
          this.fail("Expected 'AND' or ')' in a range", this.i, field);
        this.i += 3;
        this.skipSpace();
        op = this.operator();
        if (!op) this.fail("Expected a comparison ('>', '>=', '<', '<=') in a range", this.i, field);
      }
      this.i++; // )
      return { kind: 'range', bounds };
    }
    const values: Literal[] = [];
    for (;;) {
      this.skipSpace();
      this.countValue(field);
      values.push(this.literal(field, true));
      this.skipSpace();
      if (this.peek() === ')') break;
      if (this.peek() !== ',') this.fail("Expected ',' or ')' in a list", this.i, field);
      this.i++;
    }
    this.i++; // )
    return { kind: 'in', values };
  }

  /** `at` is where the value starts (`~` or `(`); `position` is where the pattern text starts. */
  private regex(field: string, at: number, { pattern, position }: { pattern: string; position: number }): Predicate {
    this.countValue(field);
    validatePattern(pattern, position, field);
    return { kind: 'regex', pattern, position: at };
  }

  /** The pattern after `~`: `(...)`, `"..."` or up to the next whitespace. */
  private patternAfterTilde(field: string): { pattern: string; position: number } {
    const c = this.peek();
    if (c === '(') {
      const open = this.i;
      this.i++;
      return { position: open + 1, pattern: this.balanced(open) };
    }
    if (c === '"') return { position: this.i + 1, pattern: this.quoted() };
    const start = this.i;
    while (!this.atEnd() && !isSpace(this.peek())) this.i++;
    if (this.i === start) this.fail(`Missing pattern after '~' for field ${quote(field)}`, start, field);
    return { position: start, pattern: this.src.slice(start, this.i) };
  }

  /** Text up to the `)` matching the `(` at `open` (already consumed); backslash escapes and [classes] are skipped over. */
  private balanced(open: number): string {
    const start = this.i;
    let depth = 0;
    let inClass = false;
    for (;;) {
      const c = this.peek();
      if (c === undefined) return this.fail("Missing ')'", open);
      if (c === '\\') this.i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      this.i++;
    }
    const text = this.src.slice(start, this.i);
    this.i++; // )
    return text;
  }

  private operator(): CompareOp | undefined {
    const c = this.peek();
    if (c !== '>' && c !== '<') return undefined;
    this.i++;
    if (this.peek() === '=') {
      this.i++;
      return `${c}=` as CompareOp;
    }
    return c;
  }

  /** A quoted string or a bare token; inside parentheses a token also ends at ',' and ')'. */
  private literal(field: string, inGroup: boolean): Literal {
    const position = this.i;
    if (this.peek() === '"') return { text: this.quoted(), quoted: true, position };
    while (!this.atEnd()) {
      const c = this.peek() as string;
      if (isSpace(c) || c === ')' || (inGroup && c === ',')) break;
      if (c === '"' || c === '(')
        this.fail(`Unexpected ${quote(c)} in a value; put the value in double quotes`, this.i, field);
      this.i++;
    }
    if (this.i === position) this.fail(`Missing value for field ${quote(field)}`, position, field);
    if (!inGroup && this.peek() === ')') this.fail("Unexpected ')'", this.i, field);
    return { text: this.src.slice(position, this.i), quoted: false, position };
  }

  /** A "..." string: `\"` is a quote and `\\` a backslash; any other backslash is kept as written. */
  private quoted(): string {
    const open = this.i;
    this.i++;
    let text = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) return this.fail('Unterminated quoted value', open);
      if (c === '"') break;
      if (c === '\\' && (this.src[this.i + 1] === '"' || this.src[this.i + 1] === '\\')) {
        text += this.src[this.i + 1];
        this.i += 2;
      } else {
        text += c;
        this.i++;
      }
    }
    this.i++;
    return text;
  }

  private countValue(field: string): void {
    if (++this.values > this.limits.maxValues)
      this.fail(`Too many values (at most ${this.limits.maxValues})`, this.i, field);
  }

  private skipSpace(): void {
    while (isSpace(this.peek())) this.i++;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private atEnd(): boolean {
    return this.i >= this.src.length;
  }

  private fail(message: string, position = this.i, field?: string): never {
    throw new QueryError(message, { field, position });
  }
}
