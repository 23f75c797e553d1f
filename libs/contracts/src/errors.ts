/** The error body every non-401 error carries (Emporix convention). `code` equals the HTTP status. */
export interface ErrorBody {
  code: number;
  status: string;
  message: string;
  resourceId?: string;
  details?: ErrorDetail[];
}

/** One problem of a request, e.g. one invalid field. */
export interface ErrorDetail {
  field?: string;
  type?: string;
  message: string;
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
  details?: ErrorDetail[];
}
