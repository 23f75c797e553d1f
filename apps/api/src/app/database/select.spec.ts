import { referencesAlias, Select } from './select';

function assignments(run: (sql: string, values?: unknown[]) => Promise<unknown> = async () => []): Select {
  return new Select({ query: run })
    .from('customer_assignment', 'a')
    .leftJoin('customer', 'c', 'c.tenant = a.tenant AND c.id = a.customer_id')
    .select('a.customer_id', 'customerId')
    .select('c.email')
    .where('a.tenant = :tenant AND a.segment_id = :segmentId', { tenant: 't1', segmentId: 's1' });
}

describe('Select', () => {
  it('renders the clauses in SQL order with positional parameters, each name bound once', () => {
    const select = assignments().where('a.customer_id = ANY(CAST(:ids AS text[])) OR a.customer_id::text = :tenant', {
      ids: ['x', 'y'],
    });
    select.orderBy('a.customer_id', 'DESC').orderBy('a.legal_entity_id', 'ASC').offset(32).limit(16);
    expect(select.toSql()).toEqual({
      text:
        'SELECT a.customer_id AS "customerId", c.email FROM customer_assignment a LEFT JOIN customer c ON c.tenant = a.tenant AND c.id = a.customer_id' +
        ' WHERE (a.tenant = $1 AND a.segment_id = $2) AND (a.customer_id = ANY(CAST($3 AS text[])) OR a.customer_id::text = $1)' +
        ' ORDER BY a.customer_id DESC, a.legal_entity_id ASC LIMIT 16 OFFSET 32',
      values: ['t1', 's1', ['x', 'y']],
    });
  });

  it('reduces to other columns without the named joins, order and paging, leaving the original as it was', () => {
    const select = assignments().orderBy('a.customer_id', 'ASC').offset(16).limit(16);
    const original = select.toNamedSql();
    expect(select.reduced(['count(*) AS count'], ['c']).toNamedSql()).toBe(
      'SELECT count(*) AS count FROM customer_assignment a WHERE (a.tenant = :tenant AND a.segment_id = :segmentId)',
    );
    expect(select.toNamedSql()).toBe(original);
  });

  it('clones independently', () => {
    const select = assignments();
    const copy = select
      .clone()
      .where('a.version = :version', { version: 3 })
      .innerJoin('segment', 's', 's.id = a.segment_id');
    expect(select.toSql().values).toEqual(['t1', 's1']);
    expect(copy.toSql().text).toContain('INNER JOIN segment s ON s.id = a.segment_id WHERE');
    expect(copy.toSql().values).toEqual(['t1', 's1', 3]);
  });

  it('runs the rendered statement and returns its rows (getRawOne: the first or undefined)', async () => {
    const calls: Array<[string, unknown[] | undefined]> = [];
    const rows = [{ customerId: 'c1' }, { customerId: 'c2' }];
    const select = assignments(async (sql, values) => {
      calls.push([sql, values]);
      return rows;
    });
    await expect(select.getRawMany()).resolves.toEqual(rows);
    await expect(select.getRawOne()).resolves.toEqual({ customerId: 'c1' });
    await expect(assignments().getRawOne()).resolves.toBeUndefined();
    expect(calls[0]).toEqual([select.toSql().text, ['t1', 's1']]);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])(
    'rejects %p as a row count (it is written into the statement)',
    (rows) => {
      expect(() => assignments().limit(rows)).toThrow('Invalid row count');
      expect(() => assignments().offset(rows)).toThrow('Invalid row count');
    },
  );
});

describe('referencesAlias', () => {
  const aliases = ['le', 'c'];

  it.each([
    ['le.name', 'a column of the alias'],
    ["NULLIF(a.legal_entity_id, '') = le.id", 'after other references and a literal'],
    ['lower(le.name) ASC', 'inside a function call'],
    ['"le".name', 'the alias quoted'],
    ['"le"."name"', 'the alias and the column quoted'],
    ['le . name', 'with spaces around the dot'],
    ['LE.name', 'unquoted, folded to lower case as Postgres does'],
    ["(le.name->>'en')", 'with a JSON operator and a literal after it'],
    ["'x' || c.email", 'after a literal'],
    ["'it''s' || le.name", "after a literal holding ''"],
    [String.raw`E'a\'b' || le.name`, 'after an escape string holding an escaped quote'],
    ['$$ x $$ || le.name', 'after a dollar-quoted string'],
    ['a.id = $1 AND le.id = :id', 'among parameters'],
    ['c.first_name', 'the other alias'],
  ])('finds %s (%s)', (sql) => {
    expect(referencesAlias(sql, aliases)).toBe(true);
  });

  it.each([
    ['a.legal_entity_id', 'another alias'],
    ['ale.name', 'an alias ending in the name'],
    ['le_x.name', 'an alias starting with the name'],
    ['cle.id', 'an alias ending in another name'],
    ['"xle".name', 'a quoted alias containing the name'],
    ['"le.name"', 'a quoted identifier holding a dot'],
    ['"LE".name', 'a quoted alias in another case (quoted names keep their case)'],
    ['a.le', 'a column of that name'],
    ['public.le.name', 'a table of that name in a schema'],
    ["a.note = 'le.name'", 'a literal'],
    ["a.note = 'it''s le.name'", "a literal holding ''"],
    [String.raw`a.note = E'\' le.name'`, 'an escape string holding an escaped quote'],
    ['a.note = $tag$ le.name $tag$', 'a dollar-quoted string'],
    ['a.id -- le.name', 'a line comment'],
    ['a.id /* le.name */', 'a block comment'],
    ['le', 'the name alone'],
    ['', 'no SQL'],
  ])('does not find %s (%s)', (sql) => {
    expect(referencesAlias(sql, aliases)).toBe(false);
  });

  it('finds nothing without aliases', () => {
    expect(referencesAlias('le.name', [])).toBe(false);
  });
});
