import { parsePaging, parseQuery } from '@cs/query';
import { ListRequest, PAGING } from '../app/common/listing';

/** A validated list request as `@List()` builds it from the query string, for repository specs. */
export function listRequest(
  query: { q?: string; sort?: string; pageNumber?: number; pageSize?: number } = {},
  withTotal = false,
): ListRequest {
  return {
    q: parseQuery(query.q ?? ''),
    sort: query.sort,
    paging: parsePaging({ pageNumber: query.pageNumber, pageSize: query.pageSize }, PAGING),
    withTotal,
  };
}
