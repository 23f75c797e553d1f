import { ContactType } from '@cs/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MixinDocument } from '../../database/columns';
import { LegalEntityEntity } from '../legal-entities/legal-entity.entity';

/** An employee (customer) acting as a contact of a legal entity. */
@Entity('contact_assignment')
@Index('contact_assignment_legal_entity', ['tenant', 'legalEntityId'])
@Index('contact_assignment_customer', ['tenant', 'customerId'])
export class ContactAssignmentEntity extends MixinDocument {
  @PrimaryColumn({ type: 'varchar', length: 66 })
  id!: string;

  @Column({ name: 'legal_entity_id', type: 'varchar', length: 66 })
  legalEntityId!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 128 })
  customerId!: string;

  @Column({ type: 'varchar', length: 16, default: 'CONTACT' })
  type!: ContactType;

  @Column({ type: 'boolean', default: false })
  primary!: boolean;

  @ManyToOne(() => LegalEntityEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant', referencedColumnName: 'tenant' },
    { name: 'legal_entity_id', referencedColumnName: 'id' },
  ])
  legalEntity?: LegalEntityEntity;
}
