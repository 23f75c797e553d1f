import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MixinDocument } from '../../database/columns';
import { SegmentEntity } from '../../segments/segment.entity';

/**
 * A customer an automatic segment's criteria must not take in: `legalEntityId` '' keeps the customer out in every
 * legal entity (and as a B2C member), otherwise only in that one. Manual assignments are not affected.
 */
@Entity('segment_exclusion')
export class SegmentExclusionEntity extends MixinDocument {
  @PrimaryColumn({ name: 'segment_id', type: 'varchar', length: 66 })
  segmentId!: string;

  @PrimaryColumn({ name: 'customer_id', type: 'varchar', length: 128 })
  customerId!: string;

  @PrimaryColumn({ name: 'legal_entity_id', type: 'varchar', length: 128, default: '' })
  legalEntityId!: string;

  @ManyToOne(() => SegmentEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn([
    { name: 'tenant', referencedColumnName: 'tenant' },
    { name: 'segment_id', referencedColumnName: 'id' },
  ])
  segment?: SegmentEntity;
}
