import { CUSTOM_ID_MAX_LENGTH, CUSTOM_ID_PATTERN } from '@cs/dto';
import { EntityManager } from 'typeorm';
import { StoredDocument } from '../common/documents';
import { toParam } from '../database/upsert';
import { BadRequestError, ConflictError, NotFoundError } from '../errors/domain-errors';

/** The tables of this module; table names in SQL come only from here. */
export type CustomerManagementTable = 'legal_entity' | 'location' | 'contact_assignment' | 'customer';

/** A stored document of this module, as Postgres returns it. */
export interface StoredRow extends StoredDocument {
  id: string;
}

/** How messages name a document of `table`. */
const nounOf = (table: CustomerManagementTable): string => table.replace('_', ' ');

/** A client id in a PUT path creates the document when absent, so it must be a valid custom id. */
export function assertCustomId(id: string, field: string): void {
  if (id.length > CUSTOM_ID_MAX_LENGTH || !CUSTOM_ID_PATTERN.test(id)) {
    const message = `must be 1-${CUSTOM_ID_MAX_LENGTH} characters of a-z, A-Z, 0-9, _ and -`;
    throw new BadRequestError(`Invalid ${field}: it ${message}.`, id, [{ field, message }]);
  }
}

/** Inserts a new document (version 1); an existing id is a 409 and changes nothing. */
export async function insertDocument(
  tx: EntityManager,
  table: CustomerManagementTable,
  tenant: string,
  id: string,
  values: Record<string, unknown>,
): Promise<void> {
  const columns = ['tenant', 'id', ...Object.keys(values)];
  const params = [tenant, id, ...Object.values(values).map(toParam)];
  const rows: unknown[] = await tx.query(
    `INSERT INTO ${table} (${columns.map((column) => `"${column}"`).join(', ')}, version, created_at, modified_at)
     VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}, 1, now(), now())
     ON CONFLICT (tenant, id) DO NOTHING RETURNING id`,
    params,
  );
  if (!rows.length) throw new ConflictError(`A ${nounOf(table)} with id '${id}' already exists.`, id);
}

/** Deletes one document; an absent id is a 404 (as the customer-management spec says). */
export async function deleteDocument(
  tx: EntityManager,
  table: CustomerManagementTable,
  tenant: string,
  id: string,
): Promise<void> {
  const [, affected]: [unknown[], number] = await tx.query(`DELETE FROM ${table} WHERE tenant = $1 AND id = $2`, [
    tenant,
    id,
  ]);
  if (!affected) throw notFound(table, id);
}

export function notFound(table: CustomerManagementTable, id: string): NotFoundError {
  return new NotFoundError(`The ${nounOf(table)} with id '${id}' does not exist.`, id);
}

/**
 * Checks that every id names a document of `table`; a missing one is a 400 naming `field`.
 * The rows found are share-locked, so they cannot be deleted before the referencing write commits.
 */
export async function assertExisting(
  tx: EntityManager,
  table: CustomerManagementTable,
  tenant: string,
  ids: readonly string[],
  field: string,
): Promise<void> {
  if (!ids.length) return;
  // Locked in lock order (see lock-order.ts), like every write of several rows.
  const rows: Array<{ id: string }> = await tx.query(
    `SELECT id FROM ${table} WHERE tenant = $1 AND id = ANY($2::text[]) ORDER BY id COLLATE "C" FOR SHARE`,
    [tenant, [...new Set(ids)]],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    const message = `references unknown ${nounOf(table)} id(s): ${missing.join(', ')}`;
    throw new BadRequestError(`Invalid ${field}: it ${message}.`, missing[0], [{ field, message }]);
  }
}
