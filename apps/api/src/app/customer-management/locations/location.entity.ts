import { LocationType } from '@cs/contracts';
import type { LocationContactDetails } from '@cs/dto';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MixinDocument } from '../../database/columns';

@Entity('location')
export class LocationEntity extends MixinDocument {
  @PrimaryColumn({ type: 'varchar', length: 66 })
  id!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 16 })
  type!: LocationType;

  @Column({ name: 'contact_details', type: 'jsonb', default: () => "'{}'" })
  contactDetails!: LocationContactDetails;
}
