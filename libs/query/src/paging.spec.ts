import { DEFAULT_PAGING, parsePaging, QueryError, wantsTotalCount } from './index';

describe('parsePaging', () => {
  const options = { defaultPageSize: 16, maxPageSize: 100 };

  it('defaults to page 1 with the default size', () => {
    expect(parsePaging({}, options)).toEqual({ pageNumber: 1, pageSize: 16, limit: 16, offset: 0 });
    expect(parsePaging({})).toEqual({ pageNumber: 1, pageSize: DEFAULT_PAGING.defaultPageSize, limit: 16, offset: 0 });
  });

  it('reads query-string values and computes limit and offset', () => {
    expect(parsePaging({ pageNumber: '3', pageSize: '25' }, options)).toEqual({
      pageNumber: 3,
      pageSize: 25,
      limit: 25,
      offset: 50,
    });
    expect(parsePaging({ pageNumber: 2, pageSize: '0100' }, options)).toEqual({
      pageNumber: 2,
      pageSize: 100,
      limit: 100,
      offset: 100,
    });
  });

  it.each([
    [{ pageNumber: '0' }, "pageNumber must be a whole number of at least 1, not '0'"],
    [{ pageNumber: '-1' }, "pageNumber must be a whole number of at least 1, not '-1'"],
    [{ pageNumber: '1.5' }, "pageNumber must be a whole number of at least 1, not '1.5'"],
    [{ pageNumber: 'abc' }, "pageNumber must be a whole number of at least 1, not 'abc'"],
    [{ pageNumber: '' }, "pageNumber must be a whole number of at least 1, not ''"],
    [{ pageNumber: ' 2' }, "pageNumber must be a whole number of at least 1, not ' 2'"],
    [{ pageNumber: '1e3' }, "pageNumber must be a whole number of at least 1, not '1e3'"],
    [{ pageNumber: '99999999999999999999' }, 'pageNumber must be a whole number of at least 1'],
    [{ pageNumber: '999999999999999' }, 'pageNumber is too large'],
    [{ pageSize: '101' }, 'pageSize must be at most 100'],
    [{ pageSize: '0' }, 'pageSize must be a whole number of at least 1'],
    [{ pageSize: 2.5 }, "pageSize must be a whole number of at least 1, not '2.5'"],
    [{ pageSize: ['1', '2'] as unknown as string }, 'pageSize must be a whole number of at least 1, not object'],
  ])('rejects %j', (input, message) => {
    expect(() => parsePaging(input, options)).toThrow(QueryError);
    expect(() => parsePaging(input, options)).toThrow(message);
  });
});

describe('wantsTotalCount', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    [' True ', true],
    [['false', 'true'], true],
    ['false', false],
    ['1', false],
    ['yes', false],
    ['', false],
    [undefined, false],
    [[], false],
  ] as const)('%j -> %s', (header, expected) => {
    expect(wantsTotalCount(header as string | string[] | undefined)).toBe(expected);
  });
});
