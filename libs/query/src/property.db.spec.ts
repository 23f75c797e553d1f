import fc from 'fast-check';
import { DataSource } from 'typeorm';
import {
  compileQuery,
  FieldMap,
  parseFields,
  parsePaging,
  parseQuery,
  parseSort,
  projectFields,
  QueryError,
  sortToSql,
  toPositional,
  validatePattern,
} from './index';
import { openSampleDatabase, SAMPLE_FIELDS } from './testing/sample';

/**
 * Property tests: for any input the library returns a result or throws QueryError (nothing else),
 * the SQL it produces is made only of field-map SQL, keywords and placeholders, and random valid
 * queries never make Postgres raise an error.
 */

// ---------------------------------------------------------------------------------------------
// The SQL vocabulary: everything the compiler may write besides field-map SQL and placeholders.
const WORDS = new Set(
  'AND OR NOT IS NULL EXISTS SELECT FROM AS WHERE CASE WHEN THEN END CAST ANY TRUE COALESCE jsonb_each_text jsonb_array_elements jsonb_array_elements_text jsonb_typeof text numeric boolean timestamptz k v e 1 ASC DESC'.split(
    ' ',
  ),
);
const LITERALS = new Set(["'object'", "'array'", "'number'", "'string'", "'null'"]);
const SYMBOLS = new Set(['(', ')', ',', '.', '[]', '=', '<', '>', '<=', '>=', '<>', '~*', '->>', '#>>', '#>']);
const TOKEN = /\s+|'[a-z]+'|[A-Za-z_][A-Za-z0-9_]*|\d+|\[\]|->>|#>>|#>|~\*|<=|>=|<>|[(),.=<>]/y;

/** Fails unless `sql` consists of the field map's expressions, placeholders of `params`, aliases and the vocabulary. */
function expectSafeSql(sql: string, fieldMap: FieldMap, params: Record<string, unknown>, prefix = 'q'): void {
  let rest = sql;
  for (const expr of Object.values(fieldMap)
    .map((f) => f.sql)
    .sort((a, b) => b.length - a.length)) {
    rest = rest.split(expr).join(' ');
  }
  rest = rest.replace(new RegExp(`:(${prefix}\\d+)\\b`, 'g'), (whole, name: string) => {
    expect(Object.keys(params)).toContain(name);
    return ' ';
  });
  rest = rest.replace(new RegExp(`\\b${prefix}_e\\d+\\b`, 'g'), ' ');
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < rest.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(rest);
    if (!match) throw new Error(`Unexpected SQL text at ${at}: ${JSON.stringify(rest.slice(at, at + 40))} in ${sql}`);
    const token = match[0];
    if (/^\s+$/.test(token)) continue;
    const ok = WORDS.has(token) || LITERALS.has(token) || SYMBOLS.has(token);
    if (!ok) throw new Error(`Unexpected SQL token ${JSON.stringify(token)} in ${sql}`);
  }
}

/** Calls fn; a QueryError is an accepted outcome, anything else fails the property. */
function resultOrQueryError<T>(fn: () => T): T | QueryError {
  try {
    return fn();
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile input.
const FRAGMENTS = [
  ...Object.keys(SAMPLE_FIELDS),
  'name.en',
  'name.de',
  'mixins.a.b',
  'mixins.a.n',
  'mixins.x',
  'metadata',
  '__proto__',
  'constructor',
  'foo',
  ':',
  ':',
  ':',
  '"',
  '"',
  '\\',
  '\\"',
  '(',
  ')',
  '~',
  '>',
  '>=',
  '<',
  '<=',
  ' AND ',
  'AND',
  ',',
  ' ',
  ' ',
  '\t',
  '\n',
  '.',
  "'",
  "' OR 1=1 --",
  ';',
  '; DROP TABLE sample; --',
  '--',
  '/*',
  '*/',
  '$1',
  ':q0',
  ':...q0',
  '::text',
  '%',
  '_',
  'null',
  'exists',
  'missing',
  'true',
  'false',
  'maybe',
  '20',
  '-1.5',
  '1e9',
  '2021-05-18T07:27:27.455Z',
  '2021-02-30',
  'ACTIVE',
  'x',
  'ABC',
  '[a-z]',
  '{2}',
  '*',
  '+',
  '?',
  '|',
  '^',
  '$',
  '\u0000',
  '\u00e9',
  '漢字',
  '🍦',
  '\ud800',
  '\u202e',
];
const hostile = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...FRAGMENTS),
        fc.string(),
      )
      .map(([path, op, value]) => `${path.join('.')}:${op}${value}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc
          .tuple(
            fc.constantFrom(...Object.keys(SAMPLE_FIELDS), 'name.en', 'mixins.a.b', 'mixins.x.y.z'),
            fc.constantFrom('v', '>v', '<=v', '~v', '(v,v)', '(>v AND <v)', '(v)'),
            fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...FRAGMENTS)),
          )
          .map(
            ([field, form, value]) => `${field}:${form.replace(/v/g, () => `"${value.replace(/["\\]/g, '\\$&')}"`)}`,
          ),
        { minLength: 1, maxLength: 4 },
      )
      .map((conditions) => conditions.join(' ')),
  },
);

describe('hostile input', () => {
  it('the SQL check itself rejects client text', () => {
    expect(() => expectSafeSql("(s.code = 'x')", SAMPLE_FIELDS, {})).toThrow('Unexpected SQL');
    expect(() => expectSafeSql('(s.code = abc)', SAMPLE_FIELDS, {})).toThrow('Unexpected SQL token "abc"');
    expect(() => expectSafeSql('(s.code = :q0; --)', SAMPLE_FIELDS, { q0: 1 })).toThrow('Unexpected SQL');
    expect(() => expectSafeSql('(s.code = :q1)', SAMPLE_FIELDS, { q0: 1 })).toThrow();
    expect(() => expectSafeSql('(s.code = :q0)', SAMPLE_FIELDS, { q0: 1 })).not.toThrow();
  });

  it('q: a result or a QueryError, and the SQL contains no client text', () => {
    let compiled = 0;
    fc.assert(
      fc.property(hostile, (q) => {
        const result = resultOrQueryError(() => compileQuery(parseQuery(q), SAMPLE_FIELDS));
        if (!(result instanceof QueryError)) {
          compiled++;
          expectSafeSql(result.sql, SAMPLE_FIELDS, result.params);
        }
      }),
      { numRuns: 3000 },
    );
    expect(compiled).toBeGreaterThan(300); // enough inputs get through to the SQL check
  });

  it('q: 10 kB inputs', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ minLength: 10_000, maxLength: 10_240 }), fc.constant(`code:${'x'.repeat(10_000)}`)),
        (q) => {
          expect(resultOrQueryError(() => parseQuery(q))).toBeInstanceOf(QueryError);
        },
      ),
      { numRuns: 20 },
    );
    const near = `id:(${Array.from({ length: 450 }, (_, i) => `"id'; --${i}"`).join(',')})`.slice(0, 4000);
    expect(resultOrQueryError(() => compileQuery(parseQuery(near), SAMPLE_FIELDS))).toBeInstanceOf(QueryError); // cut mid-quote
  });

  it('sort: a result or a QueryError, and the SQL contains no client text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostile,
          fc.array(fc.constantFrom(...FRAGMENTS, ':desc', ':DESC', ',')).map((p) => p.join('')),
        ),
        (sort) => {
          const result = resultOrQueryError(() => sortToSql(parseSort(sort, SAMPLE_FIELDS, ['s.id'])));
          if (!(result instanceof QueryError)) expectSafeSql(result.sql, SAMPLE_FIELDS, result.params, 'sort');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('patterns, fields and paging: a result or a QueryError', () => {
    fc.assert(
      fc.property(hostile, fc.jsonValue(), (text, doc) => {
        resultOrQueryError(() => validatePattern(text, 0));
        resultOrQueryError(() => parseFields(text));
        resultOrQueryError(() => projectFields(doc, text));
        resultOrQueryError(() => parsePaging({ pageNumber: text, pageSize: text }));
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random valid queries against the real table.
const quoteValue = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const anyText = fc
  .oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom("' OR 1=1 --", 'x"; DROP TABLE sample; --', '', '\\', '漢字'),
  )
  .map(quoteValue);
const number = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => n.toFixed(3)),
  fc.constant('99999999999999999999999999999.5'),
);
const datetime = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => quoteValue(d.toISOString()));
const pattern = fc.stringMatching(/^[A-Za-z0-9 .*+?^$|(){}[\]\\,_-]{1,14}$/);

const valueFor: Record<string, fc.Arbitrary<string>> = {
  code: anyText,
  id: anyText,
  lowerCode: anyText,
  'name.en': anyText,
  'name.xx': anyText,
  name: anyText,
  status: fc.constantFrom('ACTIVE', 'INACTIVE', 'active'),
  primary: fc.constantFrom('true', 'false'),
  quantity: number,
  price: number,
  'metadata.createdAt': datetime,
  validity: datetime,
  'mixins.a.b': fc.oneof(anyText, number),
  'mixins.a.n': fc.oneof(anyText, number, fc.constantFrom('true', 'null')),
  'mixins.a': fc.oneof(anyText, number),
  'mixins.a.0': number,
  'mixins.tags.1': anyText,
};
const TEXTUAL = [
  'code',
  'id',
  'lowerCode',
  'name',
  'name.en',
  'name.xx',
  'status',
  'mixins.a.b',
  'mixins.a.n',
  'mixins.a',
  'mixins.tags.1',
];
const COMPARABLE = [
  'code',
  'name',
  'name.en',
  'quantity',
  'price',
  'metadata.createdAt',
  'validity',
  'mixins.a.b',
  'mixins.a.n',
  'mixins.a.0',
];
const OP = fc.constantFrom('>', '>=', '<', '<=');

const condition = fc.constantFrom(...Object.keys(valueFor)).chain((field) => {
  const value = valueFor[field];
  const forms: fc.Arbitrary<string>[] = [
    value.map((v) => `${field}:${v}`),
    fc.constantFrom('null', 'exists', 'missing').map((k) => `${field}:${k}`),
    fc.array(value, { minLength: 1, maxLength: 5 }).map((vs) => `${field}:(${vs.join(',')})`),
  ];
  if (COMPARABLE.includes(field)) {
    forms.push(fc.tuple(OP, value).map(([op, v]) => `${field}:${op}${v}`));
    forms.push(fc.tuple(OP, value, OP, value).map(([a, v, b, w]) => `${field}:(${a}${v} AND ${b}${w})`));
  }
  if (TEXTUAL.includes(field)) {
    forms.push(pattern.map((p) => `${field}:~(${p})`));
    forms.push(pattern.filter((p) => !/\s/.test(p)).map((p) => `${field}:~${p}`));
  }
  return fc.oneof(...forms);
});
const validQuery = fc.array(condition, { maxLength: 4 }).map((cs) => cs.join(' '));
const SORTABLE = [
  'code',
  'status',
  'primary',
  'quantity',
  'price',
  'name.en',
  'name.de',
  'metadata.createdAt',
  'mixins.a.n',
  'id',
];
const sort = fc
  .array(fc.tuple(fc.constantFrom(...SORTABLE), fc.constantFrom('', ':asc', ':desc', ':DESC')), { maxLength: 3 })
  .map((terms) => terms.map(([f, d]) => f + d).join(','));

describe('random valid queries in Postgres', () => {
  let sample: Awaited<ReturnType<typeof openSampleDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    sample = await openSampleDatabase();
    ds = sample.ds;
  }, 60_000);

  afterAll(() => sample?.close());

  it('never raise an SQL error (q + sort + paging, and counting)', async () => {
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(validQuery, sort, fc.integer({ min: 1, max: 4 }), async (q, sortText, pageNumber) => {
        const compiled = resultOrQueryError(() => compileQuery(parseQuery(q), SAMPLE_FIELDS));
        if (compiled instanceof QueryError) return;
        const order = sortToSql(parseSort(sortText, SAMPLE_FIELDS, ['s.id']));
        const paging = parsePaging({ pageNumber: String(pageNumber), pageSize: '3' });
        const params = { ...compiled.params, ...order.params, limit: paging.limit, offset: paging.offset };
        const page = toPositional(
          `SELECT s.id FROM sample s WHERE ${compiled.sql} ORDER BY ${order.sql} LIMIT :limit OFFSET :offset`,
          params,
        );
        const count = toPositional(`SELECT count(*)::int AS n FROM sample s WHERE ${compiled.sql}`, compiled.params);
        const rows: unknown[] = await ds.query(page.text, page.values);
        const [{ n }] = await ds.query(count.text, count.values);
        expect(rows.length).toBe(Math.max(0, Math.min(3, n - paging.offset)));
        ran++;
      }),
      { numRuns: 400 },
    );
    expect(ran).toBeGreaterThan(200); // most generated queries are valid
  });

  it('every pattern the validator accepts is accepted by Postgres', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(pattern, fc.string({ maxLength: 12 })), async (p) => {
        if (resultOrQueryError(() => validatePattern(p, 0)) instanceof QueryError) return;
        accepted++;
        const ast = {
          conditions: [
            {
              field: 'name',
              path: ['name'],
              position: 0,
              predicate: { kind: 'regex' as const, pattern: p, position: 0 },
            },
          ],
        };
        const { sql, params } = compileQuery(ast, SAMPLE_FIELDS);
        const { text, values } = toPositional(`SELECT count(*) FROM sample s WHERE ${sql}`, params);
        await ds.query(text, values);
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
