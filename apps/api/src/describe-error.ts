/**
 * One readable line for an error that stops the service: its message (for an `AggregateError`,
 * e.g. a connection refused on every address of a host, its errors' messages), and the stack only
 * for a programming error, where it is what one needs.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError)
    return error.stack ?? error.message;
  const messages = error instanceof AggregateError ? error.errors.map(describeError) : [];
  return [error.message, ...messages].filter(Boolean).join('; ') || error.name;
}
