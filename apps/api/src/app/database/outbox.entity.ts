import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The `app.trace_parent` the writing transaction set, or NULL (unset, or reset to '' after an earlier one). */
const TRACE_PARENT_OF_TRANSACTION = "NULLIF(current_setting('app.trace_parent', true), '')";

/**
 * Events, written in the transaction of the change (`id` in write order); the relay's sequencer gives each its
 * `position` (the event id, in commit order) and `sequence` (per resource). Sinks keep their own cursors
 * (`event_sink_cursor`); retention deletes what every sink has taken once it is old enough.
 */
@Entity('outbox')
@Index('outbox_position', ['tenant', 'position'], { unique: true, where: '"position" IS NOT NULL' })
// The sequencer's queue: the events not sequenced yet, in write order.
@Index('outbox_unsequenced', ['tenant', 'id'], { where: '"position" IS NULL' })
export class OutboxEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  tenant!: string;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  type!: string;

  @Column({ name: 'resource_type', type: 'varchar', length: 40 })
  resourceType!: string;

  /** The document's id; composite keys as `resourceId(...)` of @cs/contracts builds them. */
  @Column({ name: 'resource_id', type: 'text' })
  resourceId!: string;

  /** The document's version after the change; NULL for deletions. */
  @Column({ type: 'integer', nullable: true })
  version!: number | null;

  /** The event `id` of the envelope, from the global sequence `event_position`; NULL until sequenced. */
  @Column({ type: 'bigint', nullable: true })
  position!: string | null;

  /** 1, 2, ... per resource in commit order; NULL until sequenced. */
  @Column({ type: 'integer', nullable: true })
  sequence!: number | null;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  /**
   * The W3C `traceparent` of the request that wrote the event, when tracing was on: the NATS message and the
   * webhook deliveries carry it as a header, so a consumer continues the trace. The default reads what the writing
   * transaction set (`Transactions`), so no statement that records events names it; NULL outside a traced request.
   */
  @Column({ name: 'trace_parent', type: 'text', nullable: true, default: () => TRACE_PARENT_OF_TRANSACTION })
  traceParent!: string | null;

  /** `occurredAt` of the envelope. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The last `sequence` given to a resource's events. */
@Entity('event_sequence')
export class EventSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  tenant!: string;

  @PrimaryColumn({ name: 'resource_type', type: 'varchar', length: 40 })
  resourceType!: string;

  @PrimaryColumn({ name: 'resource_id', type: 'text' })
  resourceId!: string;

  @Column({ name: 'last_sequence', type: 'integer' })
  lastSequence!: number;
}

/**
 * How far each sink has taken a tenant's events: the position of the last event it has durably. A relay claims
 * the row (`FOR UPDATE SKIP LOCKED`) while it delivers, so replicas share tenants without delivering twice.
 */
@Entity('event_sink_cursor')
export class EventSinkCursorEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  tenant!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  sink!: string;

  @Column({ type: 'bigint' })
  position!: string;
}
