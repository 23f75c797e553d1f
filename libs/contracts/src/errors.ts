/**
 * The error body every non-401 error carries (Emporix convention). `code` equals the HTTP status.
 * `details` has the form the route's contract file declares: see `CustomerManagementErrorBody` and
 * `CustomerSegmentErrorBody`.
 */
export interface ErrorBody<Details extends ErrorDetails = ErrorDetails> {
  code: number;
  status: string;
  message: string;
  resourceId?: string;
  details?: Details;
}

/** The two forms of `details`. */
export type ErrorDetails = string[] | ErrorDetail;

/**
 * Routes of `customer-management.api.yml`, and every route outside both files (health, unknown paths):
 * `details` lists every problem as a string, `"<field>: <message>"` (only the message where no field is concerned).
 */
export type CustomerManagementErrorBody = ErrorBody<string[]>;

/**
 * Routes of `customer-segment.api.yml` (all of `/customer-segment/...`): `details` is one object, the
 * first problem; `message` names every problem.
 */
export type CustomerSegmentErrorBody = ErrorBody<ErrorDetail>;

/** One problem of a request, e.g. one invalid field (the object form of `details`). */
export interface ErrorDetail {
  field?: string;
  type?: string;
  message: string;
  moreInfo?: string;
}

/** The body of a 401, as the Emporix API gateway answers it. */
export interface UnauthorizedBody {
  fault: { faultstring: string; detail: { errorcode: string } };
}

export const INVALID_TOKEN_BODY: UnauthorizedBody = {
  fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } },
};

/** One entry of a 207 Multi-Status answer of a bulk endpoint. */
export interface BulkItemResult {
  /** Zero-based position of the item in the request array. */
  index: number;
  code: number;
  status: string;
  id?: string;
  message?: string;
  /** The problems of a rejected item, in the form of `ErrorBody.details` on the same route. */
  details?: ErrorDetails;
}
