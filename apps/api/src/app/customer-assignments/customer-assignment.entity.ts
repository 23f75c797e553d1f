import { AssignmentType } from '@cs/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MixinDocument } from '../database/columns';
import { SegmentEntity } from '../segments/segment.entity';

/** A customer's membership of a segment; `legalEntityId` is '' for B2C, so the key treats "none" as one value. */
@Entity('customer_assignment')
@Index('customer_assignment_customer', ['tenant', 'customerId'])
// The automatic B2B memberships in a legal entity, which a change of the legal entity re-evaluates.
@Index('customer_assignment_automatic_legal_entity', ['tenant', 'legalEntityId'], {
  where: "assignment_type = 'AUTOMATIC' AND legal_entity_id <> ''",
})
// A segment's customers in `metadata.createdAt` order and ranges of it (with the key as tie-breaker).
@Index('customer_assignment_created_at', ['tenant', 'segmentId', 'createdAt', 'customerId', 'legalEntityId'])
export class CustomerAssignmentEntity extends MixinDocument {
  @PrimaryColumn({ name: 'segment_id', type: 'varchar', length: 66 })
  segmentId!: string;

  @PrimaryColumn({ name: 'customer_id', type: 'varchar', length: 128 })
  customerId!: string;

  @PrimaryColumn({ name: 'legal_entity_id', type: 'varchar', length: 128, default: '' })
  legalEntityId!: string;

  @Column({ name: 'assignment_type', type: 'varchar', length: 16, default: 'MANUAL' })
  assignmentType!: AssignmentType;

  @ManyToOne(() => SegmentEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn([
    { name: 'tenant', referencedColumnName: 'tenant' },
    { name: 'segment_id', referencedColumnName: 'id' },
  ])
  segment?: SegmentEntity;
}
