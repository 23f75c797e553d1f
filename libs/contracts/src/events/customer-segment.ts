import { AssignmentType, ItemType, MembershipReason, SegmentStatus } from '../enums';
import { EventMetadata, EventMixins, LocalizedMap } from './common';

/**
 * Events of segments and of their customer and item assignments: Emporix's `customer-segment.*` types, with the
 * payload fields of its event catalogue (contract/events.md), `tenant` included.
 */
export const CustomerSegmentEventTypes = {
  segmentCreated: 'customer-segment.segment-created',
  segmentUpdated: 'customer-segment.segment-updated',
  segmentDeleted: 'customer-segment.segment-deleted',
  /** Not Emporix's: a boundary of an ACTIVE segment's validity has passed (docs/events.md). */
  segmentValidityReached: 'customer-segment.segment-validity-reached',
  customerAssignmentCreated: 'customer-segment.customer-assignment-created',
  customerAssignmentUpdated: 'customer-segment.customer-assignment-updated',
  customerAssignmentDeleted: 'customer-segment.customer-assignment-deleted',
  itemAssignmentCreated: 'customer-segment.item-assignment-created',
  itemAssignmentUpdated: 'customer-segment.item-assignment-updated',
  itemAssignmentDeleted: 'customer-segment.item-assignment-deleted',
} as const;

/** The segment as stored after the change: its API document (localized fields as maps) and its tenant. */
export interface SegmentEventData {
  id: string;
  name: LocalizedMap;
  description?: LocalizedMap;
  validity?: { from?: string; to?: string };
  status: SegmentStatus;
  siteCode: string;
  /** The rule of an automatic segment. */
  criteria?: string;
  mixins?: EventMixins;
  metadata: EventMetadata;
  tenant: string;
}

/** An update also names the status the segment had before it. */
export interface SegmentUpdatedEventData extends SegmentEventData {
  previousStatus?: SegmentStatus;
}

/**
 * A boundary of the validity of an ACTIVE segment has passed: the segment is now inside (`from`) or outside (`to`)
 * its window, with no write and so no new version. Recorded once per boundary, at the boundary (within about a second).
 */
export interface SegmentValidityReachedEventData {
  id: string;
  siteCode: string;
  status: SegmentStatus;
  validity: { from?: string; to?: string };
  /** Which end of the window passed. */
  boundary: 'from' | 'to';
  /** The boundary's instant (ISO 8601 UTC): `validity.from` or `validity.to`. */
  at: string;
  /** Whether customers see the segment now: ACTIVE and now inside its validity. */
  active: boolean;
  tenant: string;
}

export interface SegmentDeletedEventData {
  id: string;
  tenant: string;
}

/**
 * The customer assignment as stored after the change, with what the service holds of the customer and the legal
 * entity at that moment (as its GET shows them); B2C assignments have no `legalEntity`.
 */
export interface CustomerAssignmentEventData {
  segmentId: string;
  customer: { id: string; firstName?: string; lastName?: string; email?: string };
  legalEntity?: { id: string; name?: string };
  assignmentType: AssignmentType;
  mixins: EventMixins;
  metadata: EventMetadata;
  tenant: string;
  /** Why the customer joined (created events; updated events of manual writes say `manual`). */
  reason: MembershipReason;
}

export interface CustomerAssignmentDeletedEventData {
  segmentId: string;
  customerId: string;
  /** Absent for B2C assignments. */
  legalEntityId?: string;
  assignmentType: AssignmentType;
  tenant: string;
  /** Why the customer left. */
  reason: MembershipReason;
}

/** The item assignment as stored after the change, with the catalog's code and name of the item when it holds them. */
export interface ItemAssignmentEventData {
  segmentId: string;
  type: ItemType;
  item: { id: string; code?: string; name?: LocalizedMap };
  mixins?: EventMixins;
  metadata: EventMetadata;
  tenant: string;
}

/** Emporix names the item by `itemId` here, not by an `item` object as in the created and updated events. */
export interface ItemAssignmentDeletedEventData {
  segmentId: string;
  type: ItemType;
  itemId: string;
  tenant: string;
}

export interface CustomerSegmentEventData {
  'customer-segment.segment-created': SegmentEventData;
  'customer-segment.segment-updated': SegmentUpdatedEventData;
  'customer-segment.segment-deleted': SegmentDeletedEventData;
  'customer-segment.segment-validity-reached': SegmentValidityReachedEventData;
  'customer-segment.customer-assignment-created': CustomerAssignmentEventData;
  'customer-segment.customer-assignment-updated': CustomerAssignmentEventData;
  'customer-segment.customer-assignment-deleted': CustomerAssignmentDeletedEventData;
  'customer-segment.item-assignment-created': ItemAssignmentEventData;
  'customer-segment.item-assignment-updated': ItemAssignmentEventData;
  'customer-segment.item-assignment-deleted': ItemAssignmentDeletedEventData;
}
