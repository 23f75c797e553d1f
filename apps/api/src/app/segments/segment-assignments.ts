import { EventType, EventTypes, ResourceType } from '@cs/contracts';
import { DeletionWithEvents, resourceIdSql } from '../database/outbox';
import { customerAssignmentDeletedPayload } from './memberships';

/**
 * The assignment tables of a segment, as the statements of segments and of both assignment features need
 * them: a neutral file, so that the assignment repositories build on the segments repository and the segments
 * repository (a forced delete) needs neither of them.
 */
export type AssignmentDeletion = Pick<DeletionWithEvents, 'table' | 'type' | 'resourceType' | 'resourceId' | 'payload'>;

/**
 * Customer assignments are deleted by a client's request with a `customer-assignment-deleted` event each (reason
 * `manual`); B2C ones (legal entity '') name no legal entity.
 */
export const CUSTOMER_ASSIGNMENT_DELETION: AssignmentDeletion = {
  table: 'customer_assignment',
  type: EventTypes.customerAssignmentDeleted,
  resourceType: 'customer-assignment',
  resourceId: resourceIdSql('segment_id', 'customer_id', "NULLIF(legal_entity_id, '')"),
  payload: customerAssignmentDeletedPayload(
    'customer_assignment',
    'customer_assignment.assignment_type',
    "'manual'",
    'customer_assignment.tenant',
  ),
};

/** Item assignments are deleted with an `item-assignment-deleted` event each, naming the item by `itemId` as Emporix does. */
export const ITEM_ASSIGNMENT_DELETION: AssignmentDeletion = {
  table: 'item_assignment',
  type: EventTypes.itemAssignmentDeleted,
  resourceType: 'item-assignment',
  resourceId: resourceIdSql('segment_id', 'type', 'item_id'),
  payload: `jsonb_build_object('segmentId', segment_id, 'type', type, 'itemId', item_id, 'tenant', tenant)`,
};

/** An assignment table, the event types and resource type of its upserts, and what their events read of other tables. */
export interface AssignmentTable {
  table: string;
  createdType: EventType;
  updatedType: EventType;
  resourceType: ResourceType;
  /** The upsert event's `payloadSql`: the written row's related data, as the assignment's GET shows it. */
  payloadSql: string;
}

/**
 * A table of a segment written like its assignments whose writes record no events of their own (a segment's
 * exclusions: the membership changes they cause record the assignments' events).
 */
export interface SilentAssignmentTable {
  table: string;
}

/** The event fields of an assignment table's upserts; undefined for a silent table. */
export function upsertEventsOf(
  assignments: AssignmentTable | SilentAssignmentTable,
): Omit<AssignmentTable, 'table'> | undefined {
  if (!('createdType' in assignments)) return undefined;
  const { table: _table, ...events } = assignments;
  return events;
}

/** A jsonb object of one key holding the row `select` finds, or an empty object when it finds none. */
const relatedSql = (select: string) => `COALESCE((${select}), '{}'::jsonb)`;

export const CUSTOMER_ASSIGNMENTS: AssignmentTable = {
  table: 'customer_assignment',
  createdType: EventTypes.customerAssignmentCreated,
  updatedType: EventTypes.customerAssignmentUpdated,
  resourceType: 'customer-assignment',
  // The customer's names and email and the legal entity's name, where the service holds them.
  payloadSql: `${relatedSql(
    `SELECT jsonb_build_object('customer', jsonb_strip_nulls(jsonb_build_object('id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'email', c.email)))
     FROM customer c WHERE c.tenant = up.tenant AND c.id = up.customer_id`,
  )} || ${relatedSql(
    `SELECT jsonb_build_object('legalEntity', jsonb_build_object('id', le.id, 'name', le.name))
     FROM legal_entity le WHERE le.tenant = up.tenant AND le.id = up.legal_entity_id AND up.legal_entity_id <> ''`,
  )}`,
};

export const ITEM_ASSIGNMENTS: AssignmentTable = {
  table: 'item_assignment',
  createdType: EventTypes.itemAssignmentCreated,
  updatedType: EventTypes.itemAssignmentUpdated,
  resourceType: 'item-assignment',
  // The catalog's code and name of the item, from the table of its type.
  payloadSql: relatedSql(
    `SELECT jsonb_build_object('item', jsonb_strip_nulls(jsonb_build_object('id', up.item_id, 'code', catalog.code, 'name', catalog.name)))
     FROM (SELECT code, name FROM catalog_product WHERE up.type = 'PRODUCT' AND tenant = up.tenant AND id = up.item_id
           UNION ALL
           SELECT code, name FROM catalog_category WHERE up.type = 'CATEGORY' AND tenant = up.tenant AND id = up.item_id) catalog`,
  ),
};
