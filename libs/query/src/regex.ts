import { QueryError } from './errors';

/**
 * Validation of `~` patterns. A pattern is run by Postgres (`~*`, an ARE) and must mean the same as
 * the JavaScript reading clients expect, so only the common, unambiguous subset is accepted:
 *   literals; `.`; `^` `$`; escapes `\d \D \w \W \s \S` and `\` + ASCII punctuation or space;
 *   classes `[a-z_]`, `[^...]` (no `[:alpha:]`, no escapes other than punctuation, no leading `]`);
 *   groups `( )`, `(?: )`; alternation `|`; quantifiers `* + ? {n} {n,} {n,m}` (n, m <= 255),
 *   each optionally followed by `?` (lazy).
 * Rejected: back references, look-around, inline flags, `\b` (backspace in Postgres), unescaped
 * `{ } ]` as literals, empty branches, and patterns whose expansion (counted repetitions) would
 * make Postgres's automaton too large.
 *
 * Patterns are also bounded in cost: Postgres's matching time grows with the square of the number of
 * variable-length repetitions (`customer.id:~` + `.*` x 99 + `z` held the database for 2.6 s on a
 * 50,000-member segment, `.?` x 99 as long). So a pattern has at most MAX_VARIABLE_REPETITIONS of them
 * (`*`, `+`, `?` and `{n,}` count 1, `{n,m}` m - n, inside a group repeated `{k}` times k times each),
 * about 0.1 s on those 50,000 rows, and a variable repetition of a group that itself repeats
 * variably (`(a+)+`, `(.{0,9}){3,5}`) is refused.
 */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_VARIABLE_REPETITIONS = 10;
const MAX_REPEAT = 255;
const MAX_WEIGHT = 1000;

const PUNCTUATION = /^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/; // printable ASCII that is not alphanumeric
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);
const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

export function validatePattern(pattern: string, position: number, field?: string): void {
  const fail = (message: string, at: number): never => {
    throw new QueryError(`Invalid pattern: ${message}`, { field, position: position + at });
  };
  if (pattern.length === 0) fail('empty pattern', 0);
  if (pattern.length > MAX_PATTERN_LENGTH) fail(`longer than ${MAX_PATTERN_LENGTH} characters`, 0);

  let i = 0;
  const peek = (): string | undefined => pattern[i];
  /** Variable-length repetitions so far (see MAX_VARIABLE_REPETITIONS). */
  let variable = 0;
  const addVariable = (count: number, at: number): void => {
    variable += count;
    if (variable > MAX_VARIABLE_REPETITIONS) {
      fail(
        `too costly: more than ${MAX_VARIABLE_REPETITIONS} variable-length repetitions ('*', '+', '?', '{n,}' count 1 each, '{n,m}' m-n)`,
        at,
      );
    }
  };

  // Each parse function returns the pattern's "weight": its size after counted repetitions expand.
  const alternation = (): number => {
    let weight = branch();
    while (peek() === '|') {
      i++;
      weight += branch();
    }
    return weight;
  };

  const branch = (): number => {
    let weight = 0;
    const start = i;
    while (i < pattern.length && peek() !== '|' && peek() !== ')') weight += piece();
    if (i === start) fail('empty alternative or group', i);
    return weight;
  };

  const piece = (): number => {
    const at = i;
    const variableBefore = variable;
    const c = pattern[i];
    let weight: number;
    let quantifiable = true;
    if (c === '(') weight = group();
    else if (c === '[') weight = charClass();
    else if (c === '\\') weight = escape();
    else if (c === '^' || c === '$') {
      i++;
      weight = 1;
      quantifiable = false;
    } else if (c === '.') {
      i++;
      weight = 1;
    } else if (META.has(c)) return fail(`'${c}' must be escaped as '\\${c}'`, at);
    else {
      i++;
      weight = 1;
    }
    const quantifierAt = i;
    const repetition = quantifier();
    if (repetition === undefined) return weight;
    if (!quantifiable) return fail('nothing to repeat', at);
    if (peek() === '?') i++; // lazy
    if (peek() !== undefined && '*+?{'.includes(peek() as string)) fail('a quantifier cannot follow a quantifier', i);
    const inner = variable - variableBefore;
    if (repetition.variable > 0 && inner > 0)
      fail('nested repetition: a group repeated by a variable count must not itself contain one', quantifierAt);
    addVariable(repetition.variable || inner * (repetition.times - 1), quantifierAt);
    return weight * repetition.times;
  };

  /**
   * Reads a quantifier if there is one: `times`, the repetition factor for the weight, and `variable`,
   * how many variable-length repetitions it counts as (0 for a fixed count `{n}`).
   */
  const quantifier = (): { times: number; variable: number } | undefined => {
    const c = peek();
    if (c === '*' || c === '+' || c === '?') {
      i++;
      return { times: 2, variable: 1 };
    }
    if (c !== '{') return undefined;
    const match = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(pattern.slice(i));
    if (!match) return fail("'{' must start a repetition like {2} or {1,3}, or be escaped as '\\{'", i);
    const min = Number(match[1]);
    const unbounded = match[2] !== undefined && !match[3];
    const max = match[3] ? Number(match[3]) : unbounded ? min + 1 : min;
    if (min > MAX_REPEAT || max > MAX_REPEAT) fail(`repetition counts must not exceed ${MAX_REPEAT}`, i);
    if (max < min) fail('repetition {n,m} needs n <= m', i);
    i += match[0].length;
    return { times: Math.max(max, 1), variable: unbounded ? 1 : max - min };
  };

  const group = (): number => {
    const at = i;
    i++; // (
    if (peek() === '?') {
      if (pattern[i + 1] !== ':') fail("only plain '( )' and non-capturing '(?: )' groups are supported", at);
      i += 2;
    }
    const weight = alternation();
    if (peek() !== ')') fail("missing ')'", at);
    i++;
    return weight + 1;
  };

  const escape = (): number => {
    const c = pattern[i + 1];
    if (c === undefined) return fail('pattern ends with a backslash', i);
    if (!CLASS_ESCAPES.has(c) && !PUNCTUATION.test(c)) fail(`unsupported escape '\\${c}'`, i);
    i += 2;
    return 1;
  };

  const charClass = (): number => {
    const at = i;
    i++; // [
    if (peek() === '^') i++;
    if (peek() === ']') fail("a class cannot start with ']'; escape it as '\\]'", i);
    // Elements are single characters (escaped or not); '-' between two elements makes a range.
    let previous: string | undefined;
    let previousWasRange = false;
    let count = 0;
    while (peek() !== ']') {
      const c = peek();
      if (c === undefined) return fail("missing ']'", at);
      let element: string;
      if (c === '\\') {
        const next = pattern[i + 1];
        if (next === undefined || !PUNCTUATION.test(next)) fail('only punctuation may be escaped inside [ ]', i);
        element = next as string;
        i += 2;
      } else if (c === '[') {
        return fail("'[' inside a class must be escaped as '\\['", i);
      } else if (c === '-' && previous !== undefined && pattern[i + 1] !== ']') {
        if (previousWasRange) fail('ranges cannot be chained', i);
        i++;
        const endAt = i;
        let end = pattern[i];
        if (end === '\\') {
          end = pattern[i + 1];
          if (end === undefined || !PUNCTUATION.test(end)) fail('only punctuation may be escaped inside [ ]', i);
          i += 2;
        } else if (end === undefined || end === '[') return fail('incomplete range', endAt);
        else i++;
        if ((end as string).charCodeAt(0) < previous.charCodeAt(0)) fail('range out of order', endAt);
        previous = end;
        previousWasRange = true;
        count++;
        continue;
      } else {
        element = String.fromCodePoint(pattern.codePointAt(i) ?? 0);
        i += element.length;
      }
      previous = element;
      previousWasRange = false;
      count++;
    }
    if (count === 0) fail('empty class', at);
    i++; // ]
    return 1;
  };

  const weight = alternation();
  if (i < pattern.length) fail(`unbalanced '${pattern[i]}'`, i);
  if (weight > MAX_WEIGHT) fail('too complex (reduce repetition counts)', 0);
  try {
    new RegExp(pattern, 'i');
  } catch {
    fail('not a valid regular expression', 0);
  }
}
