import { DataSource } from 'typeorm';
import { applyQuery, applySort, compileQuery, parseQuery, parseSort, sortToSql, toPositional } from './index';
import { openSampleDatabase, SAMPLE_FIELDS, VALID_PATTERNS } from './testing/sample';

/** The compiled SQL against a real Postgres: which rows each query form returns. */
let sample: Awaited<ReturnType<typeof openSampleDatabase>>;
let ds: DataSource;

beforeAll(async () => {
  sample = await openSampleDatabase();
  ds = sample.ds;
  await ds.query(
    `CREATE TABLE bulk (id text PRIMARY KEY, status text, quantity integer, name jsonb, created_at timestamptz)`,
  );
  // 250 rows with only a few distinct sort keys, so that paging relies on the tie-breaker.
  await ds.query(`
    INSERT INTO bulk
    SELECT 'b' || lpad(i::text, 3, '0'),
           CASE WHEN i % 3 = 0 THEN 'ACTIVE' ELSE 'INACTIVE' END,
           CASE WHEN i % 5 = 0 THEN NULL ELSE i % 4 END,
           jsonb_build_object('en', 'n' || (i % 7)),
           timestamptz '2021-01-01T00:00:00Z' + (i % 2) * interval '1 day'
    FROM generate_series(1, 250) AS i`);
}, 60_000);

afterAll(() => sample?.close());

/** Ids matching q, through toPositional and a raw query (the hot-path way). */
async function ids(q: string, table = 'sample'): Promise<string[]> {
  const { sql, params } = compileQuery(parseQuery(q), SAMPLE_FIELDS);
  const { text, values } = toPositional(`SELECT s.id FROM ${table} s WHERE ${sql} ORDER BY s.id`, params);
  const rows: { id: string }[] = await ds.query(text, values);
  return rows.map((r) => r.id);
}

it('stores the sample as intended (SQL NULLs are NULL, not JSON null)', async () => {
  const [row] = await ds.query(`SELECT name IS NULL AS n, mixins IS NULL AS m FROM sample WHERE id = 'a4'`);
  expect(row).toEqual({ n: true, m: true });
});

const ALL = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'];
const except = (...out: string[]) => ALL.filter((id) => !out.includes(id));

describe('query forms return the expected rows', () => {
  it.each([
    // empty, equality, quoting
    ['', ALL],
    ['  ', ALL],
    ['code:abcd', ['a2']],
    ['code:"AB CD"', ['a3']],
    [`code:"O'Brien"`, ['a6']],
    [`code:O'Brien`, ['a6']],
    ['lowerCode:abcd', ['a2']],
    ['id:(a1,a3,zz)', ['a1', 'a3']],
    // regex / contains (case-insensitive)
    ['code:~ABC', ['a1', 'a2']],
    ['code:~^ab', ['a1', 'a2', 'a3']],
    ['code:(~AB CD)', ['a3']],
    ['code:~yoghurt', ['a8']],
    ['code:~"c-\\d$"', ['a1']],
    // localized
    ['name.en:~(Yoghurt im)', ['a1']],
    ['name.en:Milk', ['a2']],
    ['name.de:~^jo', ['a1', 'a6']],
    ['name:Joghurt', ['a1']],
    ['name:Fromage', ['a3']],
    ['name:~^jo', ['a1', 'a6']],
    ['name:("John","Jack")', ['a6', 'a8']],
    ['name:>Milk', ['a1']], // 'Yoghurt import'
    ['name.en:null', ['a3', 'a4', 'a5', 'a7']],
    ['name.en:missing', ['a3', 'a4', 'a5', 'a7']],
    ['name.en:exists', ['a1', 'a2', 'a6', 'a8']],
    ['name:exists', ['a1', 'a2', 'a3', 'a6', 'a8']],
    ['name:null', ['a4', 'a5', 'a7']],
    ['name:missing', ['a4', 'a5', 'a7']],
    // enum, boolean, null / exists on columns
    ['status:ACTIVE', ['a1', 'a3', 'a5', 'a7']],
    ['status:inactive', ['a2', 'a6', 'a8']],
    ['status:(ACTIVE,INACTIVE)', except('a4')],
    ['status:null', ['a4']],
    ['status:exists', except('a4')],
    ['status:~^act', ['a1', 'a3', 'a5', 'a7']],
    ['primary:true', ['a1', 'a4', 'a6']],
    ['primary:false', ['a2', 'a5']],
    ['primary:null', ['a3', 'a7', 'a8']],
    ['primary:missing', ['a3', 'a7', 'a8']],
    ['primary:exists', ['a1', 'a2', 'a4', 'a5', 'a6']],
    ['code:null', ['a4']],
    // numbers
    ['quantity:>10', ['a2', 'a3', 'a6']],
    ['quantity:>=10', ['a2', 'a3', 'a5', 'a6']],
    ['quantity:<5', ['a7', 'a8']],
    ['quantity:<=5', ['a1', 'a7', 'a8']],
    ['quantity:(>=10 AND <=20)', ['a2', 'a3', 'a5']],
    ['quantity:(5,100)', ['a1', 'a6']],
    ['quantity:-3', ['a7']],
    ['quantity:99999999999999999999', []],
    ['quantity:>99999999999999999999.5', []],
    ['price:9.99', ['a1']],
    ['price:100', ['a2']],
    ['price:(>0.5 AND <100)', ['a1']],
    // dates
    ['metadata.createdAt:(>"2021-05-18T07:27:27.455Z" AND <"2021-05-20T00:00:00Z")', ['a2', 'a8']],
    ['metadata.createdAt:(>="2021-05-18T07:27:27.455Z" AND <="2021-05-20T00:00:00Z")', ['a1', 'a2', 'a3', 'a8']],
    ['metadata.createdAt:"2021-05-21T10:00:00Z"', ['a4']],
    ['metadata.createdAt:2021-05-21T12:00:00+02:00', ['a4']],
    ['metadata.createdAt:(2021-05-19,"2020-01-01T00:00:00.000Z")', ['a2', 'a5', 'a8']],
    ['metadata.createdAt:<2020-01-01', ['a6']],
    ['metadata.createdAt:>=2022-01-01', ['a7']],
    ['validity:null', ['a1', 'a3', 'a4', 'a5', 'a6', 'a8']],
    ['validity:exists', ['a2', 'a7']],
    ['validity:<"2021-06-01T00:00:00Z"', ['a7']],
    // json paths
    ['mixins.a.b:x', ['a1']],
    ['mixins.a.b:(x,y)', ['a1', 'a2']],
    ['mixins.a.b:~^[xy]$', ['a1', 'a2']],
    ['mixins.a.b:exists', ['a1', 'a2']],
    ['mixins.a.b:null', ['a3', 'a4', 'a5', 'a6', 'a7', 'a8']],
    ['mixins.a.b:missing', ['a3', 'a4', 'a5', 'a6', 'a7', 'a8']],
    ['mixins.a.n:10', ['a1']],
    ['mixins.a.n:"10"', ['a1']],
    ['mixins.a.n:20.50', ['a3']],
    ['mixins.a.n:>10', ['a3']],
    ['mixins.a.n:(>=10 AND <21)', ['a1', 'a3']],
    ['mixins.a.n:<=100', ['a1', 'a3']],
    ['mixins.a.n:ten', ['a2']],
    ['mixins.a.n:true', ['a5']],
    ['mixins.a.n:>"a"', ['a2']],
    ['mixins.a.when:>"2021-05-01"', ['a3']],
    ['mixins.n:7', ['a7']],
    ['mixins.a.0:1', ['a7']],
    ['mixins.a.x.0:1', []],
    ['mixins.tags.1:t2', ['a1']],
    ['mixins.a:scalar', ['a6']],
    ['mixins.a:exists', ['a1', 'a2', 'a3', 'a5', 'a6', 'a7']],
    ['mixins:exists', except('a4')],
    ['mixins:null', ['a4']],
    // lists: any element; null/missing = no element (absent, empty, not an array, or no element with the key)
    ['tags:t2', ['a1']],
    ['tags:(t3,t1)', ['a1']],
    ['tags:~^T', ['a1']],
    ['tags:>t1', ['a1']],
    ['tags:exists', ['a1']],
    ['tags:null', except('a1')],
    ['numbers:2', ['a7']],
    ['numbers:missing', except('a7')],
    ['groups.id:g2', ['a2']],
    ['groups.id:g3', []],
    ['groups.id:~g', ['a2']],
    ['groups.id:exists', ['a2']],
    ['groups.id:null', except('a2')],
    // combinations and hostile values
    ['status:ACTIVE primary:true', ['a1']],
    ['status:ACTIVE AND quantity:>5', ['a3', 'a5']],
    [`code:"' OR 1=1 --"`, []],
    [`name.en:"'; DROP TABLE sample; --"`, []],
    [`mixins.a.b:"x' OR 'a'='a"`, []],
  ])('%s', async (q, expected) => {
    expect(await ids(q)).toEqual(expected);
  });

  it('every accepted regular expression runs in Postgres', async () => {
    for (const pattern of VALID_PATTERNS) {
      const ast = {
        conditions: [
          { field: 'code', path: ['code'], position: 0, predicate: { kind: 'regex' as const, pattern, position: 0 } },
        ],
      };
      const { sql, params } = compileQuery(ast, SAMPLE_FIELDS);
      const { text, values } = toPositional(`SELECT count(*) AS n FROM sample s WHERE ${sql}`, params);
      await expect(ds.query(text, values)).resolves.toHaveLength(1);
    }
    expect(await ids('')).toEqual(ALL); // and the table survived the hostile values above
  });
});

describe('TypeORM query builder', () => {
  const builder = () =>
    ds.createQueryBuilder().select('s.id', 'id').from('bulk', 's').where('s.id LIKE :prefix', { prefix: 'b%' });

  it('applyQuery and applySort compose with existing conditions; counting uses the same WHERE', async () => {
    const qb = applySort(
      applyQuery(builder(), 'status:ACTIVE quantity:(>=1 AND <=2) name.en:~^n[12]$', SAMPLE_FIELDS),
      'quantity:desc',
      SAMPLE_FIELDS,
      ['s.id'],
    );
    const rows: { id: string }[] = await qb.clone().offset(0).limit(1000).getRawMany();
    const expected: { id: string }[] = await ds.query(
      `SELECT id FROM bulk WHERE status = 'ACTIVE' AND quantity BETWEEN 1 AND 2 AND name->>'en' IN ('n1', 'n2') ORDER BY quantity DESC, id`,
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows).toEqual(expected);
    const count = await applyQuery(builder(), 'status:ACTIVE quantity:(>=1 AND <=2) name.en:~^n[12]$', SAMPLE_FIELDS)
      .select('COUNT(*)', 'n')
      .getRawOne<{ n: string }>();
    expect(Number(count?.n)).toBe(expected.length);
  });

  it('counts match the number of rows for a range of queries', async () => {
    for (const q of [
      '',
      'status:ACTIVE',
      'quantity:null',
      'quantity:>1',
      'name.en:(n1,n2,n3)',
      'metadata.createdAt:>2021-01-01',
    ]) {
      const { sql, params } = compileQuery(parseQuery(q), SAMPLE_FIELDS);
      const { text, values } = toPositional(`SELECT count(*)::int AS n FROM bulk s WHERE ${sql}`, params);
      const [{ n }] = await ds.query(text, values);
      expect(n).toBe((await ids(q, 'bulk')).length);
    }
    expect((await ids('quantity:null', 'bulk')).length).toBe(50);
  });
});

describe('paging with sort never overlaps or leaves gaps', () => {
  /** All pages of a query, read with LIMIT/OFFSET the way the API does. */
  async function pages(q: string, sort: string, pageSize: number): Promise<string[][]> {
    const result: string[][] = [];
    for (let page = 1; ; page++) {
      const { sql, params } = compileQuery(parseQuery(q), SAMPLE_FIELDS);
      const order = sortToSql(parseSort(sort, SAMPLE_FIELDS, ['s.id']));
      const { text, values } = toPositional(
        `SELECT s.id FROM bulk s WHERE ${sql} ORDER BY ${order.sql} LIMIT :limit OFFSET :offset`,
        { ...params, ...order.params, limit: pageSize, offset: (page - 1) * pageSize },
      );
      const rows: { id: string }[] = await ds.query(text, values);
      if (rows.length === 0) return result;
      result.push(rows.map((r) => r.id));
    }
  }

  it.each([
    ['', 'status', 7],
    ['', 'status:desc,quantity', 16],
    ['', 'quantity:desc', 9],
    ['', 'name.en', 13],
    ['', 'metadata.createdAt:desc,name.en:desc', 16],
    ['status:INACTIVE', 'metadata.createdAt', 5],
    ['quantity:exists', 'quantity,status:desc', 11],
  ])('q=%j sort=%j pageSize=%d', async (q, sort, pageSize) => {
    const all = await ids(q, 'bulk');
    const paged = await pages(q, sort, pageSize);
    const flat = paged.flat();
    expect(new Set(flat).size).toBe(flat.length); // no overlap
    expect([...flat].sort()).toEqual(all); // no gap
    expect(paged.slice(0, -1).every((p) => p.length === pageSize)).toBe(true);
    expect(await pages(q, sort, pageSize)).toEqual(paged); // stable
  });
});
