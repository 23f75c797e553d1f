import { LegalEntityType } from '@cs/contracts';
import type { LegalEntityAccountLimit, LegalEntityCustomerGroup, LegalEntityLegalInfo } from '@cs/dto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MixinDocument } from '../../database/columns';

@Entity('legal_entity')
@Index('legal_entity_parent', ['tenant', 'parentId'])
export class LegalEntityEntity extends MixinDocument {
  @PrimaryColumn({ type: 'varchar', length: 66 })
  id!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'varchar', length: 16, default: 'COMPANY' })
  type!: LegalEntityType;

  @Column({ name: 'parent_id', type: 'varchar', length: 66, nullable: true })
  parentId!: string | null;

  @Column({ name: 'account_limit', type: 'jsonb', nullable: true })
  accountLimit!: LegalEntityAccountLimit | null;

  @Column({ name: 'legal_info', type: 'jsonb', nullable: true })
  legalInfo!: LegalEntityLegalInfo | null;

  /** Customer groups as sent: `[{id, name?, role?}]`. */
  @Column({ name: 'customer_groups', type: 'jsonb', default: () => "'[]'" })
  customerGroups!: LegalEntityCustomerGroup[];

  /** Ids of the locations that are this entity's addresses. */
  @Column({ name: 'entities_addresses', type: 'jsonb', default: () => "'[]'" })
  entitiesAddresses!: string[];

  /** Ids of the contact assignments that form the approval group. */
  @Column({ name: 'approval_group', type: 'jsonb', default: () => "'[]'" })
  approvalGroup!: string[];

  @Column({ type: 'jsonb', nullable: true })
  restrictions!: string[] | null;
}
