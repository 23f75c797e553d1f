import { EventType, ResourceType } from '@cs/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { upsertVersioned, UpsertResult } from '../database/upsert';
import { ConflictError } from '../errors/domain-errors';

/** The tables of this module; table names in SQL come only from here. */
export type CustomerManagementTable = 'legal_entity' | 'location' | 'contact_assignment' | 'customer';

/** What a table's documents record when they change (docs/events.md). */
export interface DocumentEvents {
  resourceType: ResourceType;
  createdType: EventType;
  updatedType: EventType;
  deletedType: EventType;
  /** The `data` of a deletion event: trusted SQL over the deleted row's columns. */
  deletedData: string;
}

/** A document to create or replace: its key, the columns to store and the version the caller saw. */
export interface DocumentWrite<Values> {
  tenant: string;
  id: string;
  values: Values;
  /** `metadata.version` of the request; absent: written without the check. */
  expectedVersion?: number;
  /** The document as its event carries it, without `metadata`: the statement adds the stored one. */
  eventData: object;
}

/**
 * The version of a document that does not exist: a create is an upsert expecting it, so a taken id is a
 * version conflict and the stored document stays as it is.
 */
const ABSENT_VERSION = 0;

/**
 * The statements every document table of customer management has, extended by the repository of each table
 * with its own reads. The table name is the subclass's, never a caller's. Every write records its event in the
 * same statement (see `DocumentEvents`).
 */
export abstract class DocumentRepository<Values extends Record<string, unknown>> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly table: CustomerManagementTable,
    private readonly events: DocumentEvents,
  ) {}

  /** Inserts a new document (version 1) with its created event; false when the id is taken (nothing changes then). */
  async insert(tx: EntityManager, write: Omit<DocumentWrite<Values>, 'expectedVersion'>): Promise<boolean> {
    try {
      await this.upsert(tx, { ...write, expectedVersion: ABSENT_VERSION });
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /**
   * Creates or replaces the document with the optimistic lock (409 when `expectedVersion` is not the stored one),
   * recording its created or updated event; a write that changes nothing records none.
   */
  upsert(tx: EntityManager, write: DocumentWrite<Values>): Promise<UpsertResult> {
    const { resourceType, createdType, updatedType } = this.events;
    const metadataMixins = write.values['metadata_mixins'];
    return upsertVersioned(tx, {
      table: this.table,
      key: { tenant: write.tenant, id: write.id },
      values: write.values,
      expectedVersion: write.expectedVersion,
      resourceId: write.id,
      event: {
        tenant: write.tenant,
        createdType,
        updatedType,
        resourceType,
        resourceId: write.id,
        payload: write.eventData,
        metadata: metadataMixins === undefined ? undefined : { mixins: metadataMixins },
      },
    });
  }

  /**
   * Deletes one document with its deleted event, in one statement; false when there was none. (Unlike
   * `deleteRecordingEvents`, for any number of rows, this one answers whether it deleted.)
   */
  async delete(tx: EntityManager, tenant: string, id: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH deleted AS (DELETE FROM ${this.table} WHERE tenant = $1 AND id = $2
       RETURNING id, ${this.events.deletedData} AS payload)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $3, $4, id, NULL, payload FROM deleted RETURNING id`,
      [tenant, id, this.events.deletedType, this.events.resourceType],
    );
    return rows.length > 0;
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
