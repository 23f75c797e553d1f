import { LegalEntityType } from '@cs/contracts';
import { BadRequestError } from '../../errors/domain-errors';

/**
 * The parent rules: a COMPANY has no parent, a SUBSIDIARY names an existing legal entity
 * (`ancestors`: the parent and its ancestors, empty when the parent does not exist) that is
 * neither the entity itself nor one of its descendants.
 */
export function checkParent(
  id: string,
  type: LegalEntityType,
  parentId: string | undefined,
  ancestors: readonly string[],
): void {
  const invalid = (message: string) =>
    new BadRequestError(`Invalid parentId: ${message}.`, id, [{ field: 'parentId', message }]);
  if (type === 'COMPANY') {
    if (parentId !== undefined) throw invalid('a COMPANY has no parent; use type SUBSIDIARY');
    return;
  }
  if (parentId === undefined) throw invalid('a SUBSIDIARY needs a parentId');
  if (parentId === id) throw invalid('a legal entity cannot be its own parent');
  if (!ancestors.length) throw invalid(`the legal entity '${parentId}' does not exist`);
  if (ancestors.includes(id))
    throw invalid(`'${parentId}' is a descendant of '${id}', so the hierarchy would form a cycle`);
}

/** Whether a write's parent must be looked up: `checkParent` rejects every other case without the database. */
export function needsAncestors(id: string, type: LegalEntityType, parentId: string | undefined): parentId is string {
  return type === 'SUBSIDIARY' && parentId !== undefined && parentId !== id;
}
