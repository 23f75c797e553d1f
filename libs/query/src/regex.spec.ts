import { QueryError, validatePattern } from './index';
import { VALID_PATTERNS } from './testing/sample';

describe('validatePattern (the subset of regular expressions that Postgres and JavaScript read alike)', () => {
  it.each(VALID_PATTERNS)('accepts %j', (pattern) => {
    expect(() => validatePattern(pattern, 0)).not.toThrow();
  });

  it.each([
    ['', 'empty pattern'],
    ['a'.repeat(201), 'longer than 200 characters'],
    ['*a', "'*' must be escaped as '\\*'"],
    ['+', "'+' must be escaped"],
    ['a**', 'a quantifier cannot follow a quantifier'],
    ['a{2}{3}', 'a quantifier cannot follow a quantifier'],
    ['a{', "'{' must start a repetition"],
    ['a{,3}', "'{' must start a repetition"],
    ['a{3,2}', 'repetition {n,m} needs n <= m'],
    ['a{256}', 'repetition counts must not exceed 255'],
    ['(a{100}){100}', 'too complex'],
    ['}', "'}' must be escaped"],
    [']', "']' must be escaped"],
    ['(a', "missing ')'"],
    ['a)', "unbalanced ')'"],
    ['()', 'empty alternative or group'],
    ['a|', 'empty alternative or group'],
    ['|a', 'empty alternative or group'],
    ['(?=a)', "only plain '( )' and non-capturing '(?: )' groups"],
    ['(?<n>a)', "only plain '( )' and non-capturing '(?: )' groups"],
    ['(?i)a', "only plain '( )' and non-capturing '(?: )' groups"],
    ['(a)\\1', "unsupported escape '\\1'"],
    ['\\bword', "unsupported escape '\\b'"],
    ['\\y', "unsupported escape '\\y'"],
    ['\\é', "unsupported escape '\\é'"],
    ['a\\', 'pattern ends with a backslash'],
    ['^*', 'nothing to repeat'],
    ['[]a]', "a class cannot start with ']'"],
    ['[[:alpha:]]', "'[' inside a class must be escaped"],
    ['[\\d]', 'only punctuation may be escaped inside [ ]'],
    ['[z-a]', 'range out of order'],
    ['[a-c-e]', 'ranges cannot be chained'],
    ['[abc', "missing ']'"],
    ['[^]', "a class cannot start with ']'"],
  ])('rejects %j (%s)', (pattern, message) => {
    let error: unknown;
    try {
      validatePattern(pattern, 10, 'code');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).message).toContain(message);
    expect((error as QueryError).field).toBe('code');
    expect((error as QueryError).position).toBeGreaterThanOrEqual(10);
  });
});
