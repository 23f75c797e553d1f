import { BulkItemResult, ErrorDetail, OAuthErrorCode } from '@cs/contracts';

/**
 * An error as the service reports it, before it is written for a route: every problem as an object.
 * The HTTP layer (`filters/error-format.ts`) renders `details` in the form of the route's contract file.
 */
export interface ErrorReport {
  code: number;
  status: string;
  message: string;
  resourceId?: string;
  details?: ErrorDetail[];
  /** The RFC 6749 error code of a refused token request. */
  oauthError?: OAuthErrorCode;
}

/**
 * The problems of a failed bulk item, kept beside its 207 entry under a symbol key (which JSON leaves
 * out) until the HTTP layer renders them as the entry's `details` in the form of the route's file.
 */
export const ITEM_PROBLEMS = Symbol('ITEM_PROBLEMS');

export type BulkItemReport = BulkItemResult & { [ITEM_PROBLEMS]?: ErrorDetail[] };
