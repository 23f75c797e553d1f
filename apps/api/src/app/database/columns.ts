import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Columns every stored document has: its tenant (leading every key), version and timestamps. */
export abstract class TenantDocument {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  tenant!: string;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'modified_at', type: 'timestamptz' })
  modifiedAt!: Date;
}

/** A document with free `mixins` and their schema links (`metadata.mixins`). */
export abstract class MixinDocument extends TenantDocument {
  @Column({ type: 'jsonb', default: () => "'{}'" })
  mixins!: Record<string, unknown>;

  @Column({ name: 'metadata_mixins', type: 'jsonb', default: () => "'{}'" })
  metadataMixins!: Record<string, string>;
}

export type LocalizedText = Record<string, string>;

/** A camelCase property name as its snake_case column name: `siteCode` -> `site_code`, `id` -> `id`. */
export type ColumnName<P extends string> = P extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${ColumnName<Tail>}`
  : P;

/** `ColumnName` at run time (the columns test checks every entity's column names against it). */
export function columnName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * The column properties of an entity: those declared with `!`. Relations are declared optional (`segment?`)
 * and are no columns of the entity's own table.
 */
export type ColumnProperty<E> = {
  [P in keyof E]-?: P extends string ? (undefined extends E[P] ? never : P) : never;
}[keyof E];

/**
 * A row of an entity's table as node-postgres returns it: the entity's column properties under their
 * snake_case column names (`Row<SegmentEntity>['site_code']`). The one declaration of a table is its entity;
 * row types are derived from it, never written by hand.
 */
export type Row<E> = { [P in ColumnProperty<E> as ColumnName<P>]: E[P] };

/** The columns of `Row<E>` other than the ones every stored document has (tenant, version, timestamps). */
export type OwnColumns<E> = Omit<Row<E>, keyof Row<TenantDocument>>;

/**
 * A row as the reads select it: the server-set timestamps as ISO-8601 text (`isoTimestampColumns`), which
 * the response mapping takes as they are; a row just written has them as Dates.
 */
export type SelectedRow<E> = Omit<Row<E>, 'created_at' | 'modified_at'> & {
  created_at: Date | string;
  modified_at: Date | string;
};
