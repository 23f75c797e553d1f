import { compileQuery, FieldMap, parseQuery, QueryAst } from './index';

/**
 * Every example of the reference README's "q language" section and of the seed q-param table,
 * each with its AST and the SQL + parameters it compiles to.
 */
const README_FIELDS: FieldMap = {
  field: { sql: 's.field', type: 'string' },
  quantity: { sql: 's.quantity', type: 'number' },
  id: { sql: 's.id', type: 'string' },
  code: { sql: 's.code', type: 'string' },
  name: { sql: 's.name', type: 'localized' },
  mixins: { sql: 's.mixins', type: 'json' },
  primary: { sql: 's.is_primary', type: 'boolean' },
  'metadata.createdAt': { sql: 's.created_at', type: 'datetime' },
};

/** The seed table is about contact-like resources: plain-text name and surname. */
const SEED_FIELDS: FieldMap = {
  name: { sql: 'c.name', type: 'string' },
  surname: { sql: 'c.surname', type: 'string' },
  locDescription: { sql: 'c.loc_description', type: 'localized' },
  primary: { sql: 'c.is_primary', type: 'boolean' },
  'metadata.createdAt': { sql: 'c.created_at', type: 'datetime' },
};

const lit = (text: string, position: number, quoted = false) => ({ text, quoted, position });
const one = (field: string, predicate: unknown, position = 0): QueryAst =>
  ({ conditions: [{ field, path: field.split('.'), position, predicate }] }) as QueryAst;

const ANY_NAME = (where: string) =>
  `EXISTS (SELECT 1 FROM jsonb_each_text(CASE WHEN jsonb_typeof(s.name) = 'object' THEN s.name END) AS q_e0(k, v) WHERE ${where})`;

interface Example {
  q: string;
  ast: QueryAst;
  sql: string;
  params: Record<string, unknown>;
}

const README_EXAMPLES: Example[] = [
  {
    q: 'field:value',
    ast: one('field', { kind: 'eq', value: lit('value', 6) }),
    sql: '(s.field = :q0)',
    params: { q0: 'value' },
  },
  {
    q: 'field:"quoted value"',
    ast: one('field', { kind: 'eq', value: lit('quoted value', 6, true) }),
    sql: '(s.field = :q0)',
    params: { q0: 'quoted value' },
  },
  {
    q: 'name.en:value',
    ast: one('name.en', { kind: 'eq', value: lit('value', 8) }),
    sql: '((s.name ->> CAST(:q0 AS text)) = :q1)',
    params: { q0: 'en', q1: 'value' },
  },
  {
    q: 'mixins.a.b:value',
    ast: one('mixins.a.b', { kind: 'eq', value: lit('value', 11) }),
    sql: '((s.mixins #>> CAST(:q0 AS text[])) = :q1)',
    params: { q0: ['a', 'b'], q1: 'value' },
  },
  {
    q: 'field:>20',
    ast: one('field', { kind: 'compare', op: '>', value: lit('20', 7) }),
    sql: '(s.field > :q0)',
    params: { q0: '20' },
  },
  {
    q: 'field:>=20',
    ast: one('field', { kind: 'compare', op: '>=', value: lit('20', 8) }),
    sql: '(s.field >= :q0)',
    params: { q0: '20' },
  },
  {
    q: 'field:<20',
    ast: one('field', { kind: 'compare', op: '<', value: lit('20', 7) }),
    sql: '(s.field < :q0)',
    params: { q0: '20' },
  },
  {
    q: 'field:<=20',
    ast: one('field', { kind: 'compare', op: '<=', value: lit('20', 8) }),
    sql: '(s.field <= :q0)',
    params: { q0: '20' },
  },
  {
    q: 'field:(>=10 AND <=20)',
    ast: one('field', {
      kind: 'range',
      bounds: [
        { op: '>=', value: lit('10', 9) },
        { op: '<=', value: lit('20', 18) },
      ],
    }),
    sql: '(s.field >= :q0 AND s.field <= :q1)',
    params: { q0: '10', q1: '20' },
  },
  {
    q: 'metadata.createdAt:(>"2021-05-18T07:27:27.455Z" AND <"2021-05-20T00:00:00Z")',
    ast: one('metadata.createdAt', {
      kind: 'range',
      bounds: [
        { op: '>', value: lit('2021-05-18T07:27:27.455Z', 21, true) },
        { op: '<', value: lit('2021-05-20T00:00:00Z', 53, true) },
      ],
    }),
    sql: '(s.created_at > CAST(:q0 AS timestamptz) AND s.created_at < CAST(:q1 AS timestamptz))',
    params: { q0: '2021-05-18T07:27:27.455Z', q1: '2021-05-20T00:00:00Z' },
  },
  {
    q: 'primary:true',
    ast: one('primary', { kind: 'eq', value: lit('true', 8) }),
    sql: '(s.is_primary = CAST(:q0 AS boolean))',
    params: { q0: true },
  },
  { q: 'field:null', ast: one('field', { kind: 'null', position: 6 }), sql: '(s.field IS NULL)', params: {} },
  { q: 'field:exists', ast: one('field', { kind: 'exists', position: 6 }), sql: '(s.field IS NOT NULL)', params: {} },
  { q: 'field:missing', ast: one('field', { kind: 'missing', position: 6 }), sql: '(s.field IS NULL)', params: {} },
  {
    q: 'id:(a,b)',
    ast: one('id', { kind: 'in', values: [lit('a', 4), lit('b', 6)] }),
    sql: '(s.id = ANY(CAST(:q0 AS text[])))',
    params: { q0: ['a', 'b'] },
  },
  {
    // `name` is localized here: plain `name` matches the text of any language
    q: 'name:("John","Jack")',
    ast: one('name', { kind: 'in', values: [lit('John', 6, true), lit('Jack', 13, true)] }),
    sql: `(${ANY_NAME('q_e0.v = ANY(CAST(:q0 AS text[]))')})`,
    params: { q0: ['John', 'Jack'] },
  },
  {
    q: 'code:~ABC',
    ast: one('code', { kind: 'regex', pattern: 'ABC', position: 5 }),
    sql: '(s.code ~* :q0)',
    params: { q0: 'ABC' },
  },
  {
    q: 'code:(~AB CD)',
    ast: one('code', { kind: 'regex', pattern: 'AB CD', position: 5 }),
    sql: '(s.code ~* :q0)',
    params: { q0: 'AB CD' },
  },
  {
    q: 'name.en:~(Yoghurt im)',
    ast: one('name.en', { kind: 'regex', pattern: 'Yoghurt im', position: 8 }),
    sql: '((s.name ->> CAST(:q0 AS text)) ~* :q1)',
    params: { q0: 'en', q1: 'Yoghurt im' },
  },
  // The same comparison forms on a number column bind `numeric`.
  {
    q: 'quantity:>20',
    ast: one('quantity', { kind: 'compare', op: '>', value: lit('20', 10) }),
    sql: '(s.quantity > CAST(:q0 AS numeric))',
    params: { q0: '20' },
  },
  {
    q: 'quantity:(>=10 AND <=20)',
    ast: one('quantity', {
      kind: 'range',
      bounds: [
        { op: '>=', value: lit('10', 12) },
        { op: '<=', value: lit('20', 21) },
      ],
    }),
    sql: '(s.quantity >= CAST(:q0 AS numeric) AND s.quantity <= CAST(:q1 AS numeric))',
    params: { q0: '10', q1: '20' },
  },
];

const SEED_EXAMPLES: Example[] = [
  {
    q: 'name:"Exact match"',
    ast: one('name', { kind: 'eq', value: lit('Exact match', 5, true) }),
    sql: '(c.name = :q0)',
    params: { q0: 'Exact match' },
  },
  {
    q: 'name:~John',
    ast: one('name', { kind: 'regex', pattern: 'John', position: 5 }),
    sql: '(c.name ~* :q0)',
    params: { q0: 'John' },
  },
  {
    q: 'locDescription.fr:"Description traduction française 02"',
    ast: one('locDescription.fr', { kind: 'eq', value: lit('Description traduction française 02', 18, true) }),
    sql: '((c.loc_description ->> CAST(:q0 AS text)) = :q1)',
    params: { q0: 'fr', q1: 'Description traduction française 02' },
  },
  {
    q: 'primary:true',
    ast: one('primary', { kind: 'eq', value: lit('true', 8) }),
    sql: '(c.is_primary = CAST(:q0 AS boolean))',
    params: { q0: true },
  },
  {
    q: 'metadata.createdAt:(>"2019-01-06T10:29:30.602Z" AND <"2020-01-07T10:29:30.602Z")',
    ast: one('metadata.createdAt', {
      kind: 'range',
      bounds: [
        { op: '>', value: lit('2019-01-06T10:29:30.602Z', 21, true) },
        { op: '<', value: lit('2020-01-07T10:29:30.602Z', 53, true) },
      ],
    }),
    sql: '(c.created_at > CAST(:q0 AS timestamptz) AND c.created_at < CAST(:q1 AS timestamptz))',
    params: { q0: '2019-01-06T10:29:30.602Z', q1: '2020-01-07T10:29:30.602Z' },
  },
  { q: 'name:exists', ast: one('name', { kind: 'exists', position: 5 }), sql: '(c.name IS NOT NULL)', params: {} },
  { q: 'name:null', ast: one('name', { kind: 'null', position: 5 }), sql: '(c.name IS NULL)', params: {} },
  { q: 'name:missing', ast: one('name', { kind: 'missing', position: 5 }), sql: '(c.name IS NULL)', params: {} },
  {
    q: 'name:"John" surname:~Smith',
    ast: {
      conditions: [
        { field: 'name', path: ['name'], position: 0, predicate: { kind: 'eq', value: lit('John', 5, true) } },
        {
          field: 'surname',
          path: ['surname'],
          position: 12,
          predicate: { kind: 'regex', pattern: 'Smith', position: 20 },
        },
      ],
    },
    sql: '(c.name = :q0) AND (c.surname ~* :q1)',
    params: { q0: 'John', q1: 'Smith' },
  },
  {
    q: 'name:("John","Jack","James")',
    ast: one('name', { kind: 'in', values: [lit('John', 6, true), lit('Jack', 13, true), lit('James', 20, true)] }),
    sql: '(c.name = ANY(CAST(:q0 AS text[])))',
    params: { q0: ['John', 'Jack', 'James'] },
  },
  {
    q: 'name:~john',
    ast: one('name', { kind: 'regex', pattern: 'john', position: 5 }),
    sql: '(c.name ~* :q0)',
    params: { q0: 'john' },
  },
];

describe.each([
  ['README q language', README_EXAMPLES, README_FIELDS],
  ['seed q-param table', SEED_EXAMPLES, SEED_FIELDS],
] as const)('%s', (_title, examples, fieldMap) => {
  it.each(examples.map((e) => [e.q, e] as const))('%s', (_q, example) => {
    const ast = parseQuery(example.q);
    expect(ast).toEqual(example.ast);
    expect(compileQuery(ast, fieldMap)).toEqual({ sql: example.sql, params: example.params });
  });
});
