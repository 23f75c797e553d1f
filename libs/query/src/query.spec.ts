import {
  applyQuery,
  compileOperand,
  compileQuery,
  DEFAULT_QUERY_LIMITS,
  FieldMap,
  parseQuery,
  QueryError,
  toPositional,
} from './index';
import { SAMPLE_FIELDS } from './testing/sample';

const compile = (q: string, fields: FieldMap = SAMPLE_FIELDS) => compileQuery(parseQuery(q), fields);

/** Runs `fn` and returns the QueryError it throws (fails the test when it throws anything else). */
function queryError(fn: () => unknown): QueryError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(QueryError);
    return e as QueryError;
  }
  throw new Error('expected a QueryError');
}

describe('parseQuery', () => {
  it.each(['', '   ', '\n\t '])('an empty q %j has no conditions and compiles to TRUE', (q) => {
    expect(parseQuery(q)).toEqual({ conditions: [] });
    expect(compile(q)).toEqual({ sql: 'TRUE', params: {} });
  });

  it('ANDs conditions separated by any whitespace and accepts a bare AND between them', () => {
    const { sql } = compile('code:a \n status:ACTIVE AND primary:false');
    expect(sql).toBe('(s.code = :q0) AND (s.status = :q1) AND (s.is_primary = CAST(:q2 AS boolean))');
  });

  it('unescapes \\" and \\\\ in quoted values and keeps other backslashes', () => {
    const [c] = parseQuery('code:"say \\"hi\\" \\\\ \\d"').conditions;
    expect(c.predicate).toEqual({ kind: 'eq', value: { text: 'say "hi" \\ \\d', quoted: true, position: 5 } });
  });

  it('treats quoted keywords as text', () => {
    expect(parseQuery('code:"null"').conditions[0].predicate.kind).toBe('eq');
    expect(compile('code:"null"').params).toEqual({ q0: 'null' });
  });

  it('accepts the ~ forms: token, (parenthesised with spaces), "quoted", and (~ ...) groups', () => {
    const patterns = (q: string) =>
      parseQuery(q).conditions.map((c) => (c.predicate.kind === 'regex' ? c.predicate.pattern : null));
    expect(patterns('code:~a(b)c code:~(x (y) z) code:~"a b" code:(~ab cd ) code:(~[)] x)')).toEqual([
      'a(b)c',
      'x (y) z',
      'a b',
      'ab cd',
      '[)] x',
    ]);
  });

  it('accepts single-bound ranges, spaces in lists, and lowercase and in ranges', () => {
    expect(compile('quantity:(>1)').sql).toBe('(s.quantity > CAST(:q0 AS numeric))');
    expect(compile('id:( a , "b c" ,d )').params).toEqual({ q0: ['a', 'b c', 'd'] });
    expect(compile('quantity:(>1 and <5)').sql).toBe(
      '(s.quantity > CAST(:q0 AS numeric) AND s.quantity < CAST(:q1 AS numeric))',
    );
  });

  it('accepts a list of 200 ids (and up to the value limit)', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `id-${i}`);
    expect(compile(`id:(${ids.join(',')})`).params).toEqual({ q0: ids });
  });

  it.each([
    ['code', "Expected ':' after field 'code' at position 4", 4],
    ['code:', "Missing value for field 'code' at position 5", 5],
    ['code: x', "Missing value for field 'code' at position 5", 5],
    [':x', 'Expected a field name at position 0', 0],
    ['co$de:x', "Expected ':' after field 'co' at position 2", 2],
    ['a..b:x', 'Expected a field name at position 2', 2],
    ['code:"abc', 'Unterminated quoted value at position 5', 5],
    ['code:"a"b', "Unexpected 'b' after a value at position 8", 8],
    ['code:ab"c', "Unexpected '\"' in a value; put the value in double quotes at position 7", 7],
    ['code:a)', "Unexpected ')' at position 6", 6],
    ['code:(a,b', "Expected ',' or ')' in a list at position 9", 9],
    ['code:(a,,b)', "Missing value for field 'code' at position 8", 8],
    ['code:()', 'Empty parentheses at position 5', 5],
    ['quantity:(>1 <5)', "Expected 'AND' or ')' in a range at position 13", 13],
    ['quantity:(>1 AND 5)', "Expected a comparison ('>', '>=', '<', '<=') in a range at position 17", 17],
    ['quantity:>', "Missing value for field 'quantity' at position 10", 10],
    ['code:~', "Missing pattern after '~' for field 'code' at position 6", 6],
    ['code:~(ab', "Missing ')' at position 6", 6],
    ['AND code:x', "'AND' must stand between two conditions at position 0", 0],
    ['code:x AND', "'AND' must stand between two conditions at position 10", 10],
    ['code:x AND AND code:y', "'AND' must stand between two conditions at position 11", 11],
    ['code:a\u0000', 'Query contains a NUL character at position 6', 6],
  ])('rejects %j: %s', (q, message, position) => {
    const error = queryError(() => parseQuery(q));
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });

  it('limits the length of q, the number of conditions and the number of values', () => {
    expect(queryError(() => parseQuery('x'.repeat(4001))).message).toBe(
      'Query is too long (4001 characters, at most 4000)',
    );
    expect(() => parseQuery(`code:${'x'.repeat(3995)}`)).not.toThrow();
    const conditions = Array.from({ length: 101 }, (_, i) => `c:${i}`).join(' ');
    expect(queryError(() => parseQuery(conditions)).message).toMatch(/^Too many conditions \(at most 100\)/);
    const values = Array.from({ length: 501 }, (_, i) => i).join(',');
    expect(queryError(() => parseQuery(`id:(${values})`)).message).toMatch(/^Too many values \(at most 500\)/);
    expect(() => parseQuery(`id:(${values})`, { ...DEFAULT_QUERY_LIMITS, maxValues: 1000 })).not.toThrow();
  });
});

describe('compileQuery', () => {
  it('names unknown fields with their position', () => {
    const error = queryError(() => compile('code:a foo:1'));
    expect(error.message).toBe("Unknown field 'foo' at position 7");
    expect(error).toMatchObject({ field: 'foo', position: 7 });
    expect(queryError(() => compile('name.en.x:1')).message).toBe("Unknown field 'name.en.x' at position 0");
    expect(queryError(() => compile('code.x:1')).message).toBe("Unknown field 'code.x' at position 0");
    expect(queryError(() => compile('metadata:1')).message).toBe("Unknown field 'metadata' at position 0");
    // only own keys of the field map are fields
    expect(queryError(() => compile('constructor:1')).field).toBe('constructor');
    expect(queryError(() => compile('__proto__:1')).field).toBe('__proto__');
    expect(queryError(() => compile('toString:1')).field).toBe('toString');
  });

  it.each([
    ['primary:maybe', "Invalid boolean 'maybe' for field 'primary' (expected true or false) at position 8"],
    ['quantity:ten', "Invalid number 'ten' for field 'quantity' at position 9"],
    ['quantity:1e5', "Invalid number '1e5' for field 'quantity' at position 9"],
    ['quantity:(1,x)', "Invalid number 'x' for field 'quantity' at position 12"],
    ['status:DRAFT', "Invalid value 'DRAFT' for field 'status' (allowed: ACTIVE, INACTIVE) at position 7"],
    [
      'metadata.createdAt:>yesterday',
      "Invalid date-time 'yesterday' for field 'metadata.createdAt' (expected ISO-8601, e.g. 2021-05-18T07:27:27.455Z) at position 20",
    ],
    ['metadata.createdAt:"2021-02-29"', expect.stringMatching(/^Invalid date-time '2021-02-29'/)],
    ['metadata.createdAt:"2021-13-01"', expect.stringMatching(/^Invalid date-time/)],
    ['metadata.createdAt:"2021-01-01T24:00:00Z"', expect.stringMatching(/^Invalid date-time/)],
    ['metadata.createdAt:"2021-01-01T10:00:00+15:00"', expect.stringMatching(/^Invalid date-time/)],
    ['metadata.createdAt:"0000-01-01"', expect.stringMatching(/^Invalid date-time/)],
    ['primary:>true', "Comparisons are not supported for field 'primary' at position 9"],
    ['status:(>A AND <B)', "Comparisons are not supported for field 'status' at position 9"],
    ['quantity:~1', "Pattern matches (~) are not supported for field 'quantity' at position 9"],
    ['mixins:x', "Field 'mixins' needs a path such as 'mixins.name' at position 0"],
    [
      'code:~a{',
      "Invalid pattern: '{' must start a repetition like {2} or {1,3}, or be escaped as '\\{' at position 7",
    ],
  ])('rejects %j', (q, message) => {
    expect(queryError(() => compile(q)).message).toEqual(message);
  });

  it('coerces values to the field type', () => {
    expect(compile('status:active').params).toEqual({ q0: 'ACTIVE' });
    expect(compile('status:(active,INACTIVE)').params).toEqual({ q0: ['ACTIVE', 'INACTIVE'] });
    expect(compile('primary:FALSE').params).toEqual({ q0: false });
    expect(compile('primary:(true,false)')).toEqual({
      sql: '(s.is_primary = ANY(CAST(:q0 AS boolean[])))',
      params: { q0: [true, false] },
    });
    expect(compile('quantity:(1,-2.5)')).toEqual({
      sql: '(s.quantity = ANY(CAST(:q0 AS numeric[])))',
      params: { q0: ['1', '-2.5'] },
    });
    expect(compile('metadata.createdAt:(2021-05-18,"2021-05-18 10:00+0200")')).toEqual({
      sql: '(s.created_at = ANY(CAST(:q0 AS timestamptz[])))',
      params: { q0: ['2021-05-18T00:00:00Z', '2021-05-18T10:00:00+02:00'] },
    });
    expect(compile('metadata.createdAt:>2021-05-18T07:27:27.123456').params).toEqual({
      q0: '2021-05-18T07:27:27.123456Z',
    });
    expect(compile('metadata.createdAt:"2024-02-29T23:59:59-05:30"').params).toEqual({
      q0: '2024-02-29T23:59:59-05:30',
    });
  });

  it('wraps non-column field expressions in parentheses', () => {
    expect(compile('lowerCode:abc').sql).toBe('((lower(s.code)) = :q0)');
  });

  it('localized fields: one language, or any language for the plain name', () => {
    const any = (alias: string) =>
      `jsonb_each_text(CASE WHEN jsonb_typeof(s.name) = 'object' THEN s.name END) AS ${alias}(k, v)`;
    expect(compile('name.de:~jog')).toEqual({
      sql: '((s.name ->> CAST(:q0 AS text)) ~* :q1)',
      params: { q0: 'de', q1: 'jog' },
    });
    expect(compile('name.en:null').sql).toBe('((s.name ->> CAST(:q0 AS text)) IS NULL)');
    expect(compile('name:Milk name:~ilk')).toEqual({
      sql: `(EXISTS (SELECT 1 FROM ${any('q_e0')} WHERE q_e0.v = :q0)) AND (EXISTS (SELECT 1 FROM ${any('q_e1')} WHERE q_e1.v ~* :q1))`,
      params: { q0: 'Milk', q1: 'ilk' },
    });
    expect(compile('name:exists').sql).toBe(`(EXISTS (SELECT 1 FROM ${any('q_e0')} WHERE q_e0.v IS NOT NULL))`);
    expect(compile('name:null').sql).toBe(`(NOT EXISTS (SELECT 1 FROM ${any('q_e0')} WHERE q_e0.v IS NOT NULL))`);
    expect(compile('name:missing').sql).toBe(compile('name:null').sql);
  });

  it('json paths: bound as one text[] parameter, numbers compared numerically, other values as strings', () => {
    const J = 's.mixins #> CAST(:q0 AS text[])';
    const V = '(s.mixins #>> CAST(:q0 AS text[]))';
    const num = `CASE WHEN jsonb_typeof(${J}) = 'number' THEN CAST(${J} AS numeric) END`;
    const str = `CASE WHEN jsonb_typeof(${J}) = 'string' THEN ${V} END`;
    expect(compile('mixins.a.n:10')).toEqual({
      sql: `(${V} = :q1 OR ${num} = CAST(:q2 AS numeric))`,
      params: { q0: ['a', 'n'], q1: '10', q2: '10' },
    });
    expect(compile('mixins.a.n:"10"')).toEqual({ sql: `(${V} = :q1)`, params: { q0: ['a', 'n'], q1: '10' } });
    expect(compile('mixins.a.n:(>=10 AND <"z")')).toEqual({
      sql: `(${num} >= CAST(:q1 AS numeric) AND ${str} < :q2)`,
      params: { q0: ['a', 'n'], q1: '10', q2: 'z' },
    });
    expect(compile('mixins.a.b:(x,"y z")').sql).toBe(`(${V} = ANY(CAST(:q1 AS text[])))`);
    expect(compile('mixins.a.b:~x').sql).toBe(`(${V} ~* :q1)`);
    expect(compile('mixins.a.b:exists').sql).toBe(`(${V} IS NOT NULL)`);
    expect(compile('mixins.a.b:null').sql).toBe(`(${V} IS NULL)`);
    expect(compile('mixins.x-1.0_a:1').params.q0).toEqual(['x-1', '0_a']);
    expect(compile('mixins:exists').sql).toBe("(jsonb_typeof(s.mixins) <> 'null')");
    expect(compile('mixins:missing').sql).toBe("(COALESCE(jsonb_typeof(s.mixins), 'null') = 'null')");
  });

  it('uses the parameter prefix for parameters and aliases', () => {
    expect(compileQuery(parseQuery('code:a name:b'), SAMPLE_FIELDS, 'f1_')).toEqual({
      sql: expect.stringContaining('AS f1__e0(k, v) WHERE f1__e0.v = :f1_1'),
      params: { f1_0: 'a', f1_1: 'b' },
    });
    expect(() => compileQuery(parseQuery('code:a'), SAMPLE_FIELDS, 'x; DROP')).toThrow('Invalid parameter prefix');
  });

  it('applyQuery adds nothing for an empty q and the compiled condition otherwise', () => {
    const calls: unknown[][] = [];
    const qb = { andWhere: (...args: unknown[]) => (calls.push(args), qb) };
    type Qb = Parameters<typeof applyQuery>[0];
    expect(applyQuery(qb as unknown as Qb, '  ', SAMPLE_FIELDS)).toBe(qb);
    expect(applyQuery(qb as unknown as Qb, undefined, SAMPLE_FIELDS)).toBe(qb);
    expect(calls).toEqual([]);
    applyQuery(qb as unknown as Qb, 'code:a', SAMPLE_FIELDS);
    expect(calls).toEqual([['(s.code = :q0)', { q0: 'a' }]]);
  });
});

describe('compileOperand', () => {
  const operand = (q: string) => compileOperand(parseQuery(q).conditions[0], SAMPLE_FIELDS, 'v');
  it('reads the value a condition tests, as jsonb, with bound paths and languages only', () => {
    expect(operand('code:x')).toEqual({ sql: 'to_jsonb(s.code)', params: {} });
    expect(operand('lowerCode:x')).toEqual({ sql: 'to_jsonb((lower(s.code)))', params: {} });
    expect(operand('name.de:x')).toEqual({ sql: '(s.name -> CAST(:v0 AS text))', params: { v0: 'de' } });
    expect(operand('name:x')).toEqual({ sql: 's.name', params: {} });
    expect(operand('groups.id:x')).toEqual({ sql: "(s.mixins -> 'groups')", params: {} });
    expect(operand('mixins.a.b:1')).toEqual({ sql: '(s.mixins #> CAST(:v0 AS text[]))', params: { v0: ['a', 'b'] } });
  });
  it('refuses unknown fields as compileQuery does', () => {
    expect(queryError(() => operand('nope:1')).message).toBe("Unknown field 'nope' at position 0");
  });
});

describe('toPositional', () => {
  it('numbers each named parameter once, in order of appearance', () => {
    expect(toPositional('a = :x OR b = :y OR c = :x', { x: 1, y: 2 })).toEqual({
      text: 'a = $1 OR b = $2 OR c = $1',
      values: [1, 2],
    });
  });

  it('expands :...name, follows firstIndex and leaves casts, literals, identifiers and unknown names alone', () => {
    expect(
      toPositional(
        `t = $1 AND a::text IN (:...ids) AND b = ':x' AND "c:x" = :x AND d = :other`,
        { ids: ['a', 'b'], x: 'v' },
        2,
      ),
    ).toEqual({
      text: `t = $1 AND a::text IN ($2, $3) AND b = ':x' AND "c:x" = $4 AND d = :other`,
      values: ['a', 'b', 'v'],
    });
  });

  it('passes arrays bound with :name as one value', () => {
    expect(toPositional('a = ANY(:ids)', { ids: ['a', 'b'] })).toEqual({ text: 'a = ANY($1)', values: [['a', 'b']] });
  });
});
