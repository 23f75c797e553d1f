import { BadRequestError } from '../errors/domain-errors';

const invalid = (name: string, message: string) =>
  new BadRequestError(`Invalid query parameter ${name}: ${message}.`, undefined, [{ field: name, message }]);

/** An optional query parameter given at most once. */
export function optionalString(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(name, 'must be given once');
  return value;
}

/** An optional boolean query parameter: `true` or `false` (any case); empty counts as absent. */
export function optionalBoolean(name: string, value: unknown): boolean | undefined {
  const text = optionalString(name, value)?.toLowerCase();
  if (text === undefined || text === '') return undefined;
  if (text !== 'true' && text !== 'false') throw invalid(name, 'must be true or false');
  return text === 'true';
}
