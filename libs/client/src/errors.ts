import type { ErrorBody, UnauthorizedBody } from '@cs/contracts';

/** A non-2xx answer, carrying the service's error body (the Emporix error shape, or the 401 fault). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | UnauthorizedBody | undefined,
  ) {
    super(ApiError.describe(status, body));
    this.name = 'ApiError';
  }

  /** The Emporix error body, when the answer had one. */
  get error(): ErrorBody | undefined {
    return this.body && 'code' in this.body ? this.body : undefined;
  }

  private static describe(status: number, body: ErrorBody | UnauthorizedBody | undefined): string {
    if (body && 'fault' in body) return `${status}: ${body.fault.faultstring}`;
    if (body && 'message' in body) return `${status}: ${body.message}`;
    return `HTTP ${status}`;
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or an `ApiError` thrown for any other answer. */
export async function unwrap<T>(call: Promise<FetchResult<T>> | FetchResult<T>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error as ErrorBody | UnauthorizedBody | undefined);
  return data as T;
}
