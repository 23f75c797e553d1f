import { MetadataResponse, Validity } from '@cs/dto';
import { FieldMap } from '@cs/query';
import { randomBytes } from 'node:crypto';
import { MixinDocument, SelectedRow } from '../database/columns';

/** The columns every stored document has beside its own and its tenant, as the reads select them. */
export type StoredDocument = Omit<SelectedRow<MixinDocument>, 'tenant'>;

/** A server-generated id: 24 lowercase hex characters, like Emporix's. */
export function newId(): string {
  return randomBytes(12).toString('hex');
}

export const isEmpty = (value: object | null | undefined): boolean => !value || Object.keys(value).length === 0;

/** The `metadata` block of a document: ISO-8601 UTC timestamps, and `mixins` only when there are any. */
export function metadataOf(row: Omit<StoredDocument, 'mixins'>): MetadataResponse {
  return {
    createdAt: isoTimestamp(row.created_at),
    modifiedAt: isoTimestamp(row.modified_at),
    version: row.version,
    ...(!isEmpty(row.metadata_mixins) && { mixins: row.metadata_mixins }),
  };
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A timestamp as `Date.toISOString()` writes it; text in that form (from `isoTimestampSql`) is taken as it is. */
function isoTimestamp(value: Date | string): string {
  if (typeof value === 'string' && ISO_UTC.test(value)) return value;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** `mixins` (only when there are any) and `metadata` of a document. */
export function mixinsAndMetadataOf(row: StoredDocument): {
  mixins?: Record<string, unknown>;
  metadata: MetadataResponse;
} {
  return { ...(!isEmpty(row.mixins) && { mixins: row.mixins }), metadata: metadataOf(row) };
}

/** A stored validity period as documents show it; undefined when it has neither end. */
export function validityOf(from: Date | null, to: Date | null): Validity | undefined {
  if (!from && !to) return undefined;
  return { ...(from && { from: from.toISOString() }), ...(to && { to: to.toISOString() }) };
}

/** Drops null and undefined properties, so absent optional fields are absent in the response. */
export function withoutNulls<T extends object>(doc: T): { [K in keyof T]: Exclude<T[K], null> } {
  // A plain loop: this runs for several objects of every listed document.
  const present: Record<string, unknown> = {};
  for (const key in doc) {
    const value = doc[key];
    if (value !== null && value !== undefined) present[key] = value;
  }
  return present as { [K in keyof T]: Exclude<T[K], null> };
}

/**
 * The q and sort fields every stored document has (`mixins.*`, `metadata.mixins.*`, `metadata.version`,
 * `metadata.createdAt`, `metadata.modifiedAt`) for the table alias `alias`; `prefix` names them inside
 * another document (e.g. `legalEntity.`).
 */
export function documentFields(alias: string, prefix = ''): FieldMap {
  return {
    [`${prefix}mixins`]: { sql: `${alias}.mixins`, type: 'json', sortable: true },
    [`${prefix}metadata.mixins`]: { sql: `${alias}.metadata_mixins`, type: 'json', sortable: true },
    [`${prefix}metadata.version`]: { sql: `${alias}.version`, type: 'number' },
    [`${prefix}metadata.createdAt`]: { sql: `${alias}.created_at`, type: 'datetime' },
    [`${prefix}metadata.modifiedAt`]: { sql: `${alias}.modified_at`, type: 'datetime' },
  };
}
