import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LocalizedText, MixinDocument } from '../database/columns';

/** Catalog products the service keeps for item enrichment and match. */
@Entity('catalog_product')
export class ProductEntity extends MixinDocument {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  code!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  name!: LocalizedText;
}

/** Which categories a product sits in. */
@Entity('catalog_product_category')
@Index('catalog_product_category_category', ['tenant', 'categoryId'])
export class ProductCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  tenant!: string;

  @PrimaryColumn({ name: 'product_id', type: 'varchar', length: 128 })
  productId!: string;

  @PrimaryColumn({ name: 'category_id', type: 'varchar', length: 128 })
  categoryId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant', referencedColumnName: 'tenant' },
    { name: 'product_id', referencedColumnName: 'id' },
  ])
  product?: ProductEntity;
}
