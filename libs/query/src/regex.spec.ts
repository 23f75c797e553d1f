import { parseQuery, QueryError, validatePattern } from './index';
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
    ['.*'.repeat(99) + 'z', 'too costly: more than 10 variable-length repetitions'],
    ['.?'.repeat(11), 'too costly'],
    ['a+b+c+d+e+f+g+h+i+j+k+', 'too costly'],
    ['x{2,}'.repeat(11), 'too costly'],
    ['.{0,11}', 'too costly'],
    ['(a*b?){6}', 'too costly'],
    ['(a+)+', 'nested repetition'],
    ['(.*)*z', 'nested repetition'],
    ['(.{0,9}){3,5}', 'nested repetition'],
    ['(?:a|b?)*', 'nested repetition'],
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

  it.each([
    '.*'.repeat(10) + 'z',
    'a.*b.*c',
    '\\d{1,3}-\\d{1,3}',
    '(ab)+(cd)*',
    '(a|b)*',
    '(a*){3}z',
    '.{0,10}',
    '(a{2}b{3}){5}',
  ])('accepts the bounded %j', (pattern) => {
    expect(() => validatePattern(pattern, 0)).not.toThrow();
  });

  it('names the field and the position (in q) of the repetition that goes over the budget', () => {
    const q = `status:ACTIVE customer.id:~${'.*'.repeat(99)}z`;
    let error: unknown;
    try {
      parseQuery(q);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryError);
    // The 11th '*': q offset of the pattern (27) + 21.
    expect(error).toMatchObject({ field: 'customer.id', position: 48 });
    expect((error as QueryError).message).toMatch(/^Invalid pattern: too costly: .* at position 48$/);
    expect(q[48]).toBe('*');
  });
});
