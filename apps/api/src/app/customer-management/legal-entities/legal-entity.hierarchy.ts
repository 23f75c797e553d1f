import { LegalEntityType } from '@cs/contracts';
import { EntityManager } from 'typeorm';
import { BadRequestError } from '../../errors/domain-errors';

/** Deeper chains than this are treated as broken data, so a walk always ends. */
export const MAX_HIERARCHY_DEPTH = 1000;

/** The entity `$2` and its ancestors, nearest first (`depth` 0 is the entity itself). */
export const ANCESTORS_SQL = `WITH RECURSIVE chain AS (
    SELECT le.*, 0 AS depth FROM legal_entity le WHERE le.tenant = $1 AND le.id = $2
    UNION ALL
    SELECT p.*, chain.depth + 1 FROM legal_entity p JOIN chain ON p.tenant = chain.tenant AND p.id = chain.parent_id
    WHERE chain.depth < ${MAX_HIERARCHY_DEPTH}
  ) SELECT * FROM chain ORDER BY depth`;

/** Serialises the tenant's hierarchy changes, so two concurrent writes cannot close a cycle together. */
export async function lockHierarchy(tx: EntityManager, tenant: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`legal-entity-hierarchy:${tenant}`]);
}

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

/** Applies `checkParent` against the database, under the hierarchy lock (held until the transaction ends). */
export async function assertValidParent(
  tx: EntityManager,
  tenant: string,
  id: string,
  type: LegalEntityType,
  parentId: string | undefined,
): Promise<void> {
  let ancestors: string[] = [];
  if (type === 'SUBSIDIARY' && parentId !== undefined && parentId !== id) {
    await lockHierarchy(tx, tenant);
    const rows: Array<{ id: string }> = await tx.query(ANCESTORS_SQL, [tenant, parentId]);
    ancestors = rows.map((row) => row.id);
  }
  checkParent(id, type, parentId, ancestors);
}
