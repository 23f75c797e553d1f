import { SegmentStatus } from '@cs/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { LocalizedText, MixinDocument } from '../database/columns';

/** Length of `segment.id`. */
export const SEGMENT_ID_MAX_LENGTH = 66;

@Entity('segment')
@Index('segment_site_status', ['tenant', 'siteCode', 'status'])
// The tenant's automatic segments, which every change of customer data re-evaluates.
@Index('segment_automatic', ['tenant', 'id'], { where: 'criteria IS NOT NULL' })
export class SegmentEntity extends MixinDocument {
  @PrimaryColumn({ type: 'varchar', length: SEGMENT_ID_MAX_LENGTH })
  id!: string;

  @Column({ type: 'jsonb' })
  name!: LocalizedText;

  @Column({ type: 'jsonb', nullable: true })
  description!: LocalizedText | null;

  @Column({ type: 'varchar', length: 16, default: 'INACTIVE' })
  status!: SegmentStatus;

  @Column({ name: 'site_code', type: 'varchar', length: 128 })
  siteCode!: string;

  @Column({ name: 'validity_from', type: 'timestamptz', nullable: true })
  validityFrom!: Date | null;

  @Column({ name: 'validity_to', type: 'timestamptz', nullable: true })
  validityTo!: Date | null;

  /** The q-language rule of an automatic segment (segment-rules/criteria.ts); null for a manual one. */
  @Column({ type: 'text', nullable: true })
  criteria!: string | null;
}
