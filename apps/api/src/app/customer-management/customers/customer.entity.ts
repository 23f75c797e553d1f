import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MixinDocument } from '../../database/columns';

/** Customer data fed by the customer sync endpoints; read by contact and segment assignments. */
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
}
