export const SegmentStatuses = ['ACTIVE', 'INACTIVE'] as const;
export type SegmentStatus = (typeof SegmentStatuses)[number];

export const AssignmentTypes = ['MANUAL', 'AUTOMATIC'] as const;
export type AssignmentType = (typeof AssignmentTypes)[number];

/**
 * Why a customer joined or left a segment, as its assignment's created and deleted events say: the segment's
 * criteria changed, the customer data they read changed, a manual assignment was written or deleted, an
 * exclusion was added or removed.
 */
export const MembershipReasons = ['criteria-changed', 'data-changed', 'manual', 'excluded', 'included'] as const;
export type MembershipReason = (typeof MembershipReasons)[number];

export const ItemTypes = ['PRODUCT', 'CATEGORY'] as const;
export type ItemType = (typeof ItemTypes)[number];

export const LegalEntityTypes = ['COMPANY', 'SUBSIDIARY'] as const;
export type LegalEntityType = (typeof LegalEntityTypes)[number];

export const LocationTypes = ['HEADQUARTER', 'WAREHOUSE', 'OFFICE'] as const;
export type LocationType = (typeof LocationTypes)[number];

export const ContactTypes = ['PRIMARY', 'BILLING', 'LOGISTICS', 'CONTACT'] as const;
export type ContactType = (typeof ContactTypes)[number];

/** A customer's business model in the customer service: `B2B` when assigned to a company, else `B2C`. */
export const CustomerBusinessModels = ['B2B', 'B2C'] as const;
export type CustomerBusinessModel = (typeof CustomerBusinessModels)[number];

/** A customer's user type in the customer service; none means a customer. */
export const CustomerTypes = ['CUSTOMER', 'CONTACT'] as const;
export type CustomerType = (typeof CustomerTypes)[number];

/** Most items one bulk request may carry. */
export const MAX_BULK_ITEMS = 200;
