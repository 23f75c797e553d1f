import { EntityManager } from 'typeorm';
import { ConflictError, VERSION_CONFLICT_MESSAGE } from '../errors/domain-errors';

export interface VersionedUpsert {
  /** Table name (trusted, from our code). */
  table: string;
  /** Primary-key columns and their values: the conflict target. */
  key: Record<string, string>;
  /** All other stored columns and their values; objects and arrays are stored as JSON. */
  values: Record<string, unknown>;
  /** `metadata.version` the caller saw; absent means "write without the check". */
  expectedVersion?: number;
  /** Resource id for the 409 body. */
  resourceId?: string;
}

export interface UpsertResult {
  created: boolean;
  version: number;
  createdAt: Date;
  modifiedAt: Date;
}

/**
 * Insert-or-replace in one statement with the optimistic lock checked in SQL:
 * a row that exists with another version is left alone and the caller gets a 409.
 */
export async function upsertVersioned(tx: EntityManager, spec: VersionedUpsert): Promise<UpsertResult> {
  // Quoted, so that columns named like keywords (e.g. `primary`) work.
  const keyColumns = Object.keys(spec.key).map(quoteIdentifier);
  const valueColumns = Object.keys(spec.values).map(quoteIdentifier);
  const params = [...Object.values(spec.key), ...Object.values(spec.values).map(toParam), spec.expectedVersion ?? null];
  const versionParam = `$${params.length}::int`;
  const columns = [...keyColumns, ...valueColumns];
  const placeholders = columns.map((_, i) => `$${i + 1}`);
  const assignments = valueColumns.map((column) => `${column} = EXCLUDED.${column}`);
  const sql = `INSERT INTO ${spec.table} AS t (${columns.join(', ')}, version, created_at, modified_at)
    VALUES (${placeholders.join(', ')}, 1, now(), now())
    ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${[...assignments, 'version = t.version + 1', 'modified_at = now()'].join(', ')}
    WHERE ${versionParam} IS NULL OR t.version = ${versionParam}
    RETURNING (xmax = 0) AS created, version, created_at, modified_at`;
  const rows: Array<{ created: boolean; version: number; created_at: Date; modified_at: Date }> = await tx.query(sql, params);
  if (!rows.length) throw new ConflictError(VERSION_CONFLICT_MESSAGE, spec.resourceId);
  const [row] = rows;
  return { created: row.created, version: row.version, createdAt: row.created_at, modifiedAt: row.modified_at };
}

function quoteIdentifier(column: string): string {
  return `"${column.replace(/"/g, '""')}"`;
}

/** Values as node-postgres should send them: objects and arrays as JSON text. */
export function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}
