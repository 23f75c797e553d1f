import { EventType, EventTypes, ResourceType } from '@cs/contracts';
import { DeletionWithEvents, resourceIdSql } from '../database/outbox';

/**
 * The assignment tables of a segment, as the statements of segments and of both assignment features need
 * them: a neutral file, so that the assignment repositories build on the segments repository and the segments
 * repository (a forced delete) needs neither of them.
 */
export type AssignmentDeletion = Pick<DeletionWithEvents, 'table' | 'type' | 'resourceType' | 'resourceId' | 'payload'>;

/** Customer assignments are deleted with a `customer-assignment-deleted` event each; B2C ones (legal entity '') name no legal entity. */
export const CUSTOMER_ASSIGNMENT_DELETION: AssignmentDeletion = {
  table: 'customer_assignment',
  type: EventTypes.customerAssignmentDeleted,
  resourceType: 'customer-assignment',
  resourceId: resourceIdSql('segment_id', 'customer_id', "NULLIF(legal_entity_id, '')"),
  payload: `jsonb_build_object('segmentId', segment_id, 'customerId', customer_id) || CASE WHEN legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityId', legal_entity_id) END`,
};

/** Item assignments are deleted with an `item-assignment-deleted` event each. */
export const ITEM_ASSIGNMENT_DELETION: AssignmentDeletion = {
  table: 'item_assignment',
  type: EventTypes.itemAssignmentDeleted,
  resourceType: 'item-assignment',
  resourceId: resourceIdSql('segment_id', 'type', 'item_id'),
  payload: `jsonb_build_object('segmentId', segment_id, 'type', type, 'item', jsonb_build_object('id', item_id))`,
};

/** An assignment table and the event types and resource type of its upserts. */
export interface AssignmentTable {
  table: string;
  createdType: EventType;
  updatedType: EventType;
  resourceType: ResourceType;
}

export const CUSTOMER_ASSIGNMENTS: AssignmentTable = {
  table: 'customer_assignment',
  createdType: EventTypes.customerAssignmentCreated,
  updatedType: EventTypes.customerAssignmentUpdated,
  resourceType: 'customer-assignment',
};

export const ITEM_ASSIGNMENTS: AssignmentTable = {
  table: 'item_assignment',
  createdType: EventTypes.itemAssignmentCreated,
  updatedType: EventTypes.itemAssignmentUpdated,
  resourceType: 'item-assignment',
};
