import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SegmentEntity } from './segment.entity';

/** The two ends of a segment's validity window. */
export const VALIDITY_BOUNDARIES = ['from', 'to'] as const;
export type ValidityBoundary = (typeof VALIDITY_BOUNDARIES)[number];

/**
 * A boundary of a segment's validity that is still to be announced: a trigger on `segment` (migration
 * SegmentValidityBoundaries) keeps one row per boundary that lay in the future when it was written, and the
 * announcer (validity-announcer.ts) deletes each row in the transaction that records its event, so every boundary
 * is announced once, by one process.
 */
@Entity('segment_validity_boundary')
// The announcer's queue: per tenant, the boundaries in the order they come due.
@Index('segment_validity_boundary_due', ['tenant', 'at'])
export class SegmentValidityBoundaryEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  tenant!: string;

  @PrimaryColumn({ name: 'segment_id', type: 'varchar', length: 66 })
  segmentId!: string;

  @PrimaryColumn({ type: 'varchar', length: 4 })
  boundary!: ValidityBoundary;

  /** `validity_from` or `validity_to` of the segment. */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @ManyToOne(() => SegmentEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn([
    { name: 'tenant', referencedColumnName: 'tenant' },
    { name: 'segment_id', referencedColumnName: 'id' },
  ])
  segment?: SegmentEntity;
}
