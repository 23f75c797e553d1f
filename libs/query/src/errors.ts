/**
 * The one error type of this library. Everything a client can get wrong (q, sort, fields, paging)
 * ends up here; the API maps it to a 400. Messages quote the offending text (shortened) and give
 * the 0-based character position in the input where there is one.
 */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  /** The field the problem is about, as the client wrote it. */
  readonly field?: string;
  /** 0-based character offset into the input (q or sort) where the problem starts. */
  readonly position?: number;

  constructor(message: string, details: { field?: string; position?: number } = {}) {
    super(details.position === undefined ? message : `${message} at position ${details.position}`);
    this.field = details.field;
    this.position = details.position;
  }
}

/** Quotes client text for an error message, cut short so that a 10 kB input is not echoed back. */
export function quote(text: string, max = 60): string {
  return `'${text.length > max ? `${text.slice(0, max)}…` : text}'`;
}
