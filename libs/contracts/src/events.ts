/** Domain events recorded in the outbox in the transaction of the change that caused them. */
export const EventTypes = {
  segmentCreated: 'customer-segment.segment-created',
  segmentUpdated: 'customer-segment.segment-updated',
  segmentDeleted: 'customer-segment.segment-deleted',
  customerAssignmentCreated: 'customer-segment.customer-assignment-created',
  customerAssignmentUpdated: 'customer-segment.customer-assignment-updated',
  customerAssignmentDeleted: 'customer-segment.customer-assignment-deleted',
  itemAssignmentCreated: 'customer-segment.item-assignment-created',
  itemAssignmentUpdated: 'customer-segment.item-assignment-updated',
  itemAssignmentDeleted: 'customer-segment.item-assignment-deleted',
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

export interface DomainEvent<T = unknown> {
  type: EventType;
  tenant: string;
  /** The document after the change; for deletions, the ids of what was removed. */
  payload: T;
}
