import { WebhookDisabledReason } from '@cs/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TenantDocument } from '../database/columns';

/**
 * A tenant's subscription: where to POST which events, signed with its secret. During a rotation's overlap the
 * previous secret signs too (`previousSecret` until `previousSecretUntil`).
 */
@Entity('webhook_endpoint')
export class WebhookEndpointEntity extends TenantDocument {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  /** Exact event types or prefixes ending in `.*`; empty: every event. */
  @Column({ name: 'event_types', type: 'text', array: true, default: () => "'{}'" })
  eventTypes!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Why the service disabled it; NULL when active or disabled by a client. */
  @Column({ name: 'disabled_reason', type: 'varchar', length: 16, nullable: true })
  disabledReason!: WebhookDisabledReason | null;

  /** `whsec_` + base64 of 32 random bytes. */
  @Column({ type: 'varchar', length: 64 })
  secret!: string;

  @Column({ name: 'previous_secret', type: 'varchar', length: 64, nullable: true })
  previousSecret!: string | null;

  @Column({ name: 'previous_secret_until', type: 'timestamptz', nullable: true })
  previousSecretUntil!: Date | null;

  /** The first failed attempt since the last successful one; NULL while attempts succeed. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;
}

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
/** `pending`: to be attempted (again) at `nextAttemptAt`; `failed`: the schedule ran out. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event to deliver to one endpoint, with the exact body that is signed and sent on every attempt. A worker
 * leases a due row (`leaseUntil`) while its attempt is in flight; the leases are what bounds the attempts to one
 * endpoint across replicas.
 */
@Entity('webhook_delivery')
// The worker's queue: each endpoint's pending deliveries in due order (with the id, so a claim reads only the
// first few of a long backlog instead of sorting all of it).
@Index('webhook_delivery_due', ['tenant', 'endpointId', 'nextAttemptAt', 'id'], { where: `"status" = 'pending'` })
// Attempts in flight (a lease is cleared when its attempt ends): what the per-endpoint cap counts.
// Retention: the oldest finished deliveries first (a disabled endpoint's pending backlog never in the way).
@Index('webhook_delivery_finished', ['tenant', 'createdAt'], { where: `"status" <> 'pending'` })
@Index('webhook_delivery_leased', ['tenant', 'endpointId', 'leaseUntil'], { where: '"lease_until" IS NOT NULL' })
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  tenant!: string;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  /** `webhook-id`: the event's id (its position), or `ping_<uuid>` for a test message. */
  @Column({ name: 'event_id', type: 'varchar', length: 48 })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 80 })
  eventType!: string;

  /** The envelope as sent: the signature covers these exact bytes. */
  @Column({ type: 'text' })
  payload!: string;

  /** The event's `traceparent` (the outbox's): its attempts continue that trace. NULL: tracing was off. */
  @Column({ name: 'trace_parent', type: 'text', nullable: true })
  traceParent!: string | null;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn([
    { name: 'tenant', referencedColumnName: 'tenant' },
    { name: 'endpoint_id', referencedColumnName: 'id' },
  ])
  endpoint?: WebhookEndpointEntity;
}

/** One HTTP attempt of a delivery: what the endpoint answered, how fast, and when the next attempt is due. */
@Entity('webhook_attempt')
@Index('webhook_attempt_endpoint', ['tenant', 'endpointId', 'id'])
// A delivery's attempts (retention deletes them with it; a retry finds the delivery of one).
@Index('webhook_attempt_delivery', ['tenant', 'deliveryId'])
export class WebhookAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  tenant!: string;

  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'delivery_id', type: 'bigint' })
  deliveryId!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 48 })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 80 })
  eventType!: string;

  /** 1 for the first attempt of the delivery, +1 for each retry. */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;

  /** The response's status; NULL when there was none (refused address, connection error, timeout). */
  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'latency_ms', type: 'integer' })
  latencyMs!: number;

  /** Why it failed, in one line without the response body; NULL on success. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  /** When the delivery is tried again; NULL when it succeeded or was given up (or the endpoint was disabled). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /**
   * Deleted with its endpoint. Not a foreign key to its delivery: the check of such a key is planned once per
   * connection, and planned while the young deliveries table was small it scanned the whole table for every
   * attempt (a round's 160 attempts took 380 ms in the first minute of a new database). Retention deletes a
   * delivery's attempts with it.
   */
  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn([
    { name: 'tenant', referencedColumnName: 'tenant' },
    { name: 'endpoint_id', referencedColumnName: 'id' },
  ])
  endpoint?: WebhookEndpointEntity;
}

export const WEBHOOK_ENTITIES = [WebhookEndpointEntity, WebhookDeliveryEntity, WebhookAttemptEntity];
