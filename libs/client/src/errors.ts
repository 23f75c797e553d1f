import type { ErrorBody, UnauthorizedBody } from '@cs/contracts';

/** A non-2xx answer of an API call, carrying the service's error body (the Emporix error shape, or the 401 fault). */
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

/** The error body of the token endpoint in the OAuth 2 shape (RFC 6749, section 5.2). */
export interface OAuthErrorBody {
  error: string;
  error_description?: string;
  error_uri?: string;
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * A failed token request: the status, and the OAuth 2 `error` code and `error_description` of the
 * answer. An answer in the Emporix error shape (`{code, status, message}`) has no OAuth code: its
 * `message` becomes the description.
 */
export class TokenError extends Error {
  /** The OAuth 2 error code (`invalid_client`, `invalid_scope`, ...), when the answer named one. */
  readonly error: string | undefined;
  /** What went wrong, in words: `error_description`, or the Emporix body's `message`. */
  readonly errorDescription: string | undefined;

  constructor(
    readonly status: number,
    /** The answer's parsed JSON body, or its text when it was not JSON. */
    readonly body: unknown,
  ) {
    const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const error = textOf(fields.error);
    const errorDescription = textOf(fields.error_description) ?? textOf(fields.message);
    // A body that is not JSON (a proxy's HTML page, say) is quoted only in part.
    const why = [error, errorDescription ?? (typeof body === 'string' ? textOf(body.slice(0, 200)) : undefined)]
      .filter(Boolean)
      .join(': ');
    super(`Token request failed with ${status}${why ? `: ${why}` : ''}`);
    this.name = 'TokenError';
    this.error = error;
    this.errorDescription = errorDescription;
  }

  /** Reads a failed token answer's body (JSON, else text) into a `TokenError`. */
  static async of(response: Response): Promise<TokenError> {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the text is the body
    }
    return new TokenError(response.status, body);
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
