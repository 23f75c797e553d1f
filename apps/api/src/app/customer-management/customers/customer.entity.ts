import { CustomerB2b, CustomerBusinessModel, CustomerType } from '@cs/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MixinDocument } from '../../database/columns';

/**
 * Customer data fed by the customer sync endpoints; read by contact and segment assignments. The fields are the
 * customer service's (Emporix customer model); `created_at` / `modified_at` are this service's, while the
 * customer's own creation time is `customer_created_at`.
 */
@Entity('customer')
export class CustomerEntity extends MixinDocument {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 255, nullable: true })
  firstName!: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 255, nullable: true })
  lastName!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  phone!: string | null;

  @Column({ name: 'preferred_site', type: 'varchar', length: 128, nullable: true })
  preferredSite!: string | null;

  @Column({ name: 'preferred_language', type: 'varchar', length: 35, nullable: true })
  preferredLanguage!: string | null;

  @Column({ name: 'preferred_currency', type: 'varchar', length: 3, nullable: true })
  preferredCurrency!: string | null;

  @Column({ type: 'boolean', nullable: true })
  active!: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  b2b!: CustomerB2b | null;

  @Column({ name: 'business_model', type: 'varchar', length: 16, nullable: true })
  businessModel!: CustomerBusinessModel | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  type!: CustomerType | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  company!: string | null;

  @Column({ name: 'customer_number', type: 'varchar', length: 128, nullable: true })
  customerNumber!: string | null;

  @Column({ name: 'customer_created_at', type: 'timestamptz', nullable: true })
  customerCreatedAt!: Date | null;
}
