import { OAuthErrorCode } from '@cs/contracts';
import { DomainError } from './domain-errors';

/** A refused token request: answered at `/oauth/token` as `{error, error_description}` (RFC 6749 5.2). */
export class OAuthError extends DomainError {
  constructor(
    readonly error: OAuthErrorCode,
    description: string,
    readonly status: 400 | 401 = 400,
  ) {
    super(description);
  }
}
