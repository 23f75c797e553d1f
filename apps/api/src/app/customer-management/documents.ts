import { CUSTOM_ID_MAX_LENGTH, CUSTOM_ID_PATTERN } from '@cs/dto';
import { BadRequestError, ConflictError } from '../errors/domain-errors';

/** A client id in a PUT path creates the document when absent, so it must be a valid custom id. */
export function assertCustomId(id: string, field: string): void {
  if (id.length > CUSTOM_ID_MAX_LENGTH || !CUSTOM_ID_PATTERN.test(id)) {
    const message = `must be 1-${CUSTOM_ID_MAX_LENGTH} characters of a-z, A-Z, 0-9, _ and -`;
    throw new BadRequestError(`Invalid ${field}: it ${message}.`, id, [{ field, message }]);
  }
}

/** The 409 of a create whose id is taken (`resource` as messages name it: `legal entity`). */
export function alreadyExists(resource: string, id: string): ConflictError {
  return new ConflictError(`A ${resource} with id '${id}' already exists.`, id);
}

/** A write referencing documents that are not all there (`found`, see `lockExisting`) is a 400 naming `field`. */
export function assertReferenced(
  ids: readonly string[],
  found: ReadonlySet<string>,
  references: { resource: string; field: string },
): void {
  const missing = ids.filter((id) => !found.has(id));
  if (!missing.length) return;
  const message = `references unknown ${references.resource} id(s): ${missing.join(', ')}`;
  throw new BadRequestError(`Invalid ${references.field}: it ${message}.`, missing[0], [
    { field: references.field, message },
  ]);
}
