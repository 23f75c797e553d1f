import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LocalizedText, MixinDocument } from '../database/columns';

/** Catalog categories the service keeps for item enrichment, category trees and match. */
@Entity('catalog_category')
@Index('catalog_category_parent', ['tenant', 'parentId'])
// Walking up (match, category trees) reads each category's parent from the index alone.
@Index('catalog_category_id_parent', ['tenant', 'id', 'parentId'])
export class CategoryEntity extends MixinDocument {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 128, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  code!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  name!: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  description!: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  slug!: LocalizedText;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  ecn!: string[];

  @Column({ name: 'validity_from', type: 'timestamptz', nullable: true })
  validityFrom!: Date | null;

  @Column({ name: 'validity_to', type: 'timestamptz', nullable: true })
  validityTo!: Date | null;

  @Column({ type: 'integer', nullable: true })
  position!: number | null;

  @Column({ type: 'boolean', default: true })
  published!: boolean;
}
