import { DataSource, EntityManager } from 'typeorm';
import { toParam, upsertVersioned, UpsertResult } from '../database/upsert';

/** The tables of this module; table names in SQL come only from here. */
export type CustomerManagementTable = 'legal_entity' | 'location' | 'contact_assignment' | 'customer';

/** A document to create or replace: its key, the columns to store and the version the caller saw. */
export interface DocumentWrite<Values> {
  tenant: string;
  id: string;
  values: Values;
  /** `metadata.version` of the request; absent: written without the check. */
  expectedVersion?: number;
}

/**
 * The statements every document table of customer management has, extended by the repository of each table
 * with its own reads. The table name is the subclass's, never a caller's.
 */
export abstract class DocumentRepository<Values extends Record<string, unknown>> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly table: CustomerManagementTable,
  ) {}

  /** Inserts a new document (version 1); false when the id is taken, and then nothing changes. */
  async insert(tx: EntityManager, tenant: string, id: string, values: Values): Promise<boolean> {
    const columns = ['tenant', 'id', ...Object.keys(values)];
    const params = [tenant, id, ...Object.values(values).map(toParam)];
    const rows: unknown[] = await tx.query(
      `INSERT INTO ${this.table} (${columns.map((column) => `"${column}"`).join(', ')}, version, created_at, modified_at)
     VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}, 1, now(), now())
     ON CONFLICT (tenant, id) DO NOTHING RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  /** Creates or replaces the document with the optimistic lock (409 when `expectedVersion` is not the stored one). */
  upsert(tx: EntityManager, write: DocumentWrite<Values>): Promise<UpsertResult> {
    return upsertVersioned(tx, {
      table: this.table,
      key: { tenant: write.tenant, id: write.id },
      values: write.values,
      expectedVersion: write.expectedVersion,
      resourceId: write.id,
    });
  }

  /** Deletes one document; false when there was none. */
  async delete(tx: EntityManager, tenant: string, id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await tx.query(
      `DELETE FROM ${this.table} WHERE tenant = $1 AND id = $2`,
      [tenant, id],
    );
    return affected > 0;
  }

  /**
   * Which of `ids` name documents of this table. The rows found are share-locked, so they cannot be deleted
   * before the referencing write commits; no statement when `ids` is empty.
   */
  async lockExisting(tx: EntityManager, tenant: string, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    // Locked in lock order (see lock-order.ts), like every write of several rows.
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM ${this.table} WHERE tenant = $1 AND id = ANY($2::text[]) ORDER BY id COLLATE "C" FOR SHARE`,
      [tenant, [...new Set(ids)]],
    );
    return new Set(rows.map((row) => row.id));
  }
}
