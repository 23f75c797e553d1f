import { QueryError, quote } from './errors';

export interface PagingInput {
  /** As received in the query string; absent means the default. */
  readonly pageNumber?: string | number;
  readonly pageSize?: string | number;
}

export interface PagingOptions {
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
}

export interface Paging {
  readonly pageNumber: number;
  readonly pageSize: number;
  readonly limit: number;
  readonly offset: number;
}

/** Customer management documents 16; segments use the same so that every list behaves alike. */
export const DEFAULT_PAGING: PagingOptions = { defaultPageSize: 16, maxPageSize: 1000 };

/**
 * Validates `pageNumber` (1-based, default 1) and `pageSize` (default `defaultPageSize`, at most
 * `maxPageSize`). Values must be whole decimal numbers >= 1; an empty string is not a number.
 */
export function parsePaging(input: PagingInput, options: PagingOptions = DEFAULT_PAGING): Paging {
  const pageNumber = positive('pageNumber', input.pageNumber, 1);
  const pageSize = positive('pageSize', input.pageSize, options.defaultPageSize);
  if (pageSize > options.maxPageSize) {
    throw new QueryError(`pageSize must be at most ${options.maxPageSize}`, { field: 'pageSize' });
  }
  const offset = (pageNumber - 1) * pageSize;
  if (!Number.isSafeInteger(offset)) throw new QueryError('pageNumber is too large', { field: 'pageNumber' });
  return { pageNumber, pageSize, limit: pageSize, offset };
}

function positive(name: string, raw: unknown, fallback: number): number {
  if (raw === undefined || raw === null) return fallback;
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text) || Number(text) < 1) {
    throw new QueryError(
      `${name} must be a whole number of at least 1, not ${typeof text === 'string' ? quote(text) : typeof raw}`,
      {
        field: name,
      },
    );
  }
  return Number(text);
}

/** True only when the `X-Total-Count` header says "true" (any case); repeated headers count if any says so. */
export function wantsTotalCount(headerValue: string | string[] | undefined): boolean {
  const values = Array.isArray(headerValue) ? headerValue : [headerValue];
  return values.some((v) => typeof v === 'string' && v.trim().toLowerCase() === 'true');
}
