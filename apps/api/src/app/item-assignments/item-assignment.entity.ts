import { ItemType } from '@cs/contracts';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MixinDocument } from '../database/columns';
import { SegmentEntity } from '../segments/segment.entity';

/** A product or category assigned to a segment. */
@Entity('item_assignment')
@Index('item_assignment_item', ['tenant', 'type', 'itemId'])
export class ItemAssignmentEntity extends MixinDocument {
  @PrimaryColumn({ name: 'segment_id', type: 'varchar', length: 66 })
  segmentId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  type!: ItemType;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 128 })
  itemId!: string;

  @ManyToOne(() => SegmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant', referencedColumnName: 'tenant' },
    { name: 'segment_id', referencedColumnName: 'id' },
  ])
  segment?: SegmentEntity;
}
