import { AssignmentType, ItemType, SegmentStatus } from '../enums';
import { EventMetadata, LocalizedMap } from './common';

/** Events of segments and of their customer and item assignments (Emporix `customer-segment.*`). */
export const CustomerSegmentEventTypes = {
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

/** The segment as stored after the change. */
export interface SegmentEventData {
  id: string;
  name: LocalizedMap;
  description?: LocalizedMap;
  validity?: { from?: string; to?: string };
  status: SegmentStatus;
  siteCode: string;
  mixins?: Record<string, unknown>;
  metadata: EventMetadata;
}

/** An update also names the status the segment had before it. */
export interface SegmentUpdatedEventData extends SegmentEventData {
  previousStatus?: SegmentStatus;
}

/** The customer assignment as stored after the change; B2C assignments have no `legalEntity`. */
export interface CustomerAssignmentEventData {
  segmentId: string;
  customer: { id: string; firstName?: string; lastName?: string; email?: string };
  legalEntity?: { id: string; name?: string };
  assignmentType: AssignmentType;
  mixins?: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface CustomerAssignmentDeletedEventData {
  segmentId: string;
  customerId: string;
  /** Absent for B2C assignments. */
  legalEntityId?: string;
}

/** The item assignment as stored after the change. */
export interface ItemAssignmentEventData {
  segmentId: string;
  type: ItemType;
  item: { id: string; code?: string; name?: LocalizedMap };
  mixins?: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface ItemAssignmentDeletedEventData {
  segmentId: string;
  type: ItemType;
  item: { id: string };
}

export interface CustomerSegmentEventData {
  'customer-segment.segment-created': SegmentEventData;
  'customer-segment.segment-updated': SegmentUpdatedEventData;
  'customer-segment.segment-deleted': { id: string };
  'customer-segment.customer-assignment-created': CustomerAssignmentEventData;
  'customer-segment.customer-assignment-updated': CustomerAssignmentEventData;
  'customer-segment.customer-assignment-deleted': CustomerAssignmentDeletedEventData;
  'customer-segment.item-assignment-created': ItemAssignmentEventData;
  'customer-segment.item-assignment-updated': ItemAssignmentEventData;
  'customer-segment.item-assignment-deleted': ItemAssignmentDeletedEventData;
}
