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
