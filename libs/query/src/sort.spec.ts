import { applySort, parseSort, QueryError, sortToSql } from './index';
import { SAMPLE_FIELDS } from './testing/sample';

const TIE = ['s.id'];

describe('parseSort', () => {
  it('ends with the tie-breakers when no sort is given', () => {
    expect(parseSort(undefined, SAMPLE_FIELDS, TIE)).toEqual([{ sql: 's.id', direction: 'ASC' }]);
    expect(parseSort('', SAMPLE_FIELDS, ['s.tenant', 's.id'])).toEqual([
      { sql: 's.tenant', direction: 'ASC' },
      { sql: 's.id', direction: 'ASC' },
    ]);
  });

  it('reads the seed example `name,metadata.createdAt:desc` (descending only for desc/DESC)', () => {
    expect(parseSort('name.en,metadata.createdAt:desc', SAMPLE_FIELDS, TIE)).toEqual([
      { sql: '(s.name ->> CAST(:sort0 AS text))', direction: 'ASC', params: { sort0: 'en' } },
      { sql: 's.created_at', direction: 'DESC' },
      { sql: 's.id', direction: 'ASC' },
    ]);
    const directions = parseSort('code:DESC, quantity:asc ,status:Desc,primary:sideways', SAMPLE_FIELDS, TIE).map(
      (t) => t.direction,
    );
    expect(directions).toEqual(['DESC', 'ASC', 'ASC', 'ASC', 'ASC']);
  });

  it('keeps the first direction of a repeated expression, also when the user sorts by the tie-breaker', () => {
    expect(parseSort('id:desc,code,code:desc', SAMPLE_FIELDS, TIE)).toEqual([
      { sql: 's.id', direction: 'DESC' },
      { sql: 's.code', direction: 'ASC' },
    ]);
  });

  it('sorts json paths by their text when the field allows it, with the path bound', () => {
    expect(parseSort('mixins.a.b:desc', SAMPLE_FIELDS, TIE)[0]).toEqual({
      sql: '(s.mixins #>> CAST(:sort0 AS text[]))',
      direction: 'DESC',
      params: { sort0: ['a', 'b'] },
    });
  });

  it.each([
    ['foo', "Unknown field 'foo' at position 0"],
    ['code,foo.bar:desc', "Unknown field 'foo.bar' at position 5"],
    ['validity', "Field 'validity' is not sortable at position 0"],
    ['name', "Field 'name' is not sortable; sort by one language, e.g. 'name.en' at position 0"],
    ['mixins', "Field 'mixins' is not sortable at position 0"],
    ['code,groups.id', "Field 'groups.id' is not sortable; it holds a list at position 5"],
    ['code, a b', "Invalid sort field 'a b' at position 6"],
    ['code;DROP TABLE x', "Invalid sort field 'code;DROP TABLE x' at position 0"],
    ['x'.repeat(1001), 'sort is too long (at most 1000 characters)'],
    [Array(21).fill('code').join(','), 'Too many sort fields (at most 20) at position 100'],
  ])('rejects %j', (sort, message) => {
    expect(() => parseSort(sort, SAMPLE_FIELDS, TIE)).toThrow(new QueryError(message));
    expect(() => parseSort(sort, SAMPLE_FIELDS, TIE)).toThrow(QueryError);
  });

  it('json fields need sortable: true', () => {
    expect(() => parseSort('data.a', { data: { sql: 'd', type: 'json' } }, TIE)).toThrow(
      "Field 'data.a' is not sortable",
    );
  });

  it('sortToSql joins the terms and their parameters; applySort adds them to a query builder', () => {
    const terms = parseSort('name.de:desc,mixins.x', SAMPLE_FIELDS, TIE);
    expect(sortToSql(terms)).toEqual({
      sql: '(s.name ->> CAST(:sort0 AS text)) DESC, (s.mixins #>> CAST(:sort1 AS text[])) ASC, s.id ASC',
      params: { sort0: 'de', sort1: ['x'] },
    });
    const calls: unknown[][] = [];
    const qb = {
      addOrderBy: (...args: unknown[]) => (calls.push(['addOrderBy', ...args]), qb),
      setParameters: (p: unknown) => (calls.push(['setParameters', p]), qb),
    };
    applySort(qb as unknown as Parameters<typeof applySort>[0], 'name.de:desc', SAMPLE_FIELDS, TIE, 'o');
    expect(calls).toEqual([
      ['addOrderBy', '(s.name ->> CAST(:o0 AS text))', 'DESC'],
      ['setParameters', { o0: 'de' }],
      ['addOrderBy', 's.id', 'ASC'],
    ]);
  });
});
