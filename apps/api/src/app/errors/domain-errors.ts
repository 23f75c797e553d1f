import { ErrorDetail } from '@cs/contracts';

/** A failure the caller can act on; the error filter turns it into the Emporix error body. */
export abstract class DomainError extends Error {
  abstract readonly status: number;

  constructor(
    message: string,
    readonly resourceId?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  readonly status = 400;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}

export class NotFoundError extends DomainError {
  readonly status = 404;

  /**
   * The one message shape of an absent resource, as Emporix words it: `NotFoundError.of('segment', 's1')` is
   * "Segment with id s1 not found." and `resourceId` s1. `within` names what the id is unique in, outermost
   * last: `of('product assignment', 'p1', ['segment', 's1'])` is "Product assignment with id p1 in segment s1 not found.".
   */
  static of(resource: string, id: string, ...within: Array<[resource: string, id: string]>): NotFoundError {
    const scope = within.length ? ` in ${within.map(([name, value]) => `${name} ${value}`).join(' and ')}` : '';
    return new NotFoundError(`${resource[0].toUpperCase()}${resource.slice(1)} with id ${id}${scope} not found.`, id);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}

/** The database is unreachable, overloaded or too slow: try again later. */
export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
}

export const VERSION_CONFLICT_MESSAGE = 'The document version does not match the stored version.';
