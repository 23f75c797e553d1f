import { EntityManager } from 'typeorm';

/** The jsonb id lists of `legal_entity` that reference other documents. */
export type LegalEntityReferenceColumn = 'entities_addresses' | 'approval_group';

/**
 * Removes deleted locations / contact assignments from the legal entities that list them, in the
 * deleting transaction, so no legal entity keeps a dangling reference. The changed legal entities
 * get a new version: a client holding the old one must re-read before writing it back.
 */
export async function removeReferences(
  tx: EntityManager,
  tenant: string,
  column: LegalEntityReferenceColumn,
  ids: readonly string[],
): Promise<void> {
  if (!ids.length) return;
  await tx.query(
    `UPDATE legal_entity SET ${column} = ${column} - $2::text[], version = version + 1, modified_at = now()
     WHERE tenant = $1 AND ${column} ?| $2::text[]`,
    [tenant, [...ids]],
  );
}
