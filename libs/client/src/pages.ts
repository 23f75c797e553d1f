import type { ErrorBody } from '@cs/contracts';
import { ApiError } from './errors';

export interface PageResult<T> {
  data?: T[];
  error?: unknown;
  response: Response;
}

/**
 * Every item of a paged list, page after page, until a page comes back short.
 * `fetchPage(pageNumber, pageSize)` makes one list call of any endpoint.
 */
export async function* allPages<T>(
  fetchPage: (pageNumber: number, pageSize: number) => Promise<PageResult<T>>,
  pageSize = 100,
): AsyncGenerator<T> {
  for (let pageNumber = 1; ; pageNumber++) {
    const { data, error, response } = await fetchPage(pageNumber, pageSize);
    if (!response.ok) throw new ApiError(response.status, error as ErrorBody | undefined);
    const items = data ?? [];
    yield* items;
    if (items.length < pageSize) return;
  }
}
