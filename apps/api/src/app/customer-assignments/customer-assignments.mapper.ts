import { AssignmentType, MembershipReason, resourceId } from '@cs/contracts';
import { ASSIGNMENT_ID_MAX_LENGTH, CustomerAssignmentResponse, MixinsUpsert } from '@cs/dto';
import { metadataOf, StoredDocument, withoutNulls } from '../common/documents';
import { VersionedUpsertRow } from '../database/upsert';
import { BadRequestError } from '../errors';
import { CustomerAssignmentEntity } from './customer-assignment.entity';

/** Identifies one assignment; `legalEntityId` absent (B2C) is stored as ''. */
export interface AssignmentKey {
  segmentId: string;
  customerId: string;
  legalEntityId?: string;
}

/** One text per assignment key of a segment (customer id and legal entity id, '' for B2C). */
export const assignmentKeyText = (key: Pick<AssignmentKey, 'customerId' | 'legalEntityId'>): string =>
  `${key.customerId}\u0000${key.legalEntityId ?? ''}`;

/**
 * One selected row: the assignment (its key and type under their property names) with its customer's and
 * legal entity's data (null when not held).
 */
export interface AssignmentRow
  extends StoredDocument, Pick<CustomerAssignmentEntity, 'customerId' | 'legalEntityId' | 'assignmentType'> {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  legalEntityName: string | null;
}

/**
 * The API document of a row: customer and legal entity carry only what the service knows beyond their
 * ids; `mixins` and `metadata.mixins` are there also when empty.
 */
export function toResponse(row: AssignmentRow): CustomerAssignmentResponse {
  return { ...documentBody(row), metadata: { ...metadataOf(row), mixins: row.metadata_mixins } };
}

/** The document without `metadata`: also what events carry, with the stored metadata added by the write. */
function documentBody(
  row: Omit<AssignmentRow, Exclude<keyof StoredDocument, 'mixins'>>,
): Omit<CustomerAssignmentResponse, 'metadata'> {
  return {
    customer: withoutNulls({ id: row.customerId, firstName: row.firstName, lastName: row.lastName, email: row.email }),
    ...(row.legalEntityId !== '' && {
      legalEntity: withoutNulls({ id: row.legalEntityId, name: row.legalEntityName }),
    }),
    assignmentType: row.assignmentType,
    mixins: row.mixins,
  };
}

/** The stored key columns of an assignment to write; rejects ids no row could hold. */
export function storedKey(tenant: string, key: AssignmentKey): Record<string, string> {
  for (const field of ['customerId', 'legalEntityId'] as const) {
    const value = key[field];
    if (value === undefined) continue;
    if (value === '' || value.length > ASSIGNMENT_ID_MAX_LENGTH) {
      const message = `must be 1 to ${ASSIGNMENT_ID_MAX_LENGTH} characters long`;
      throw new BadRequestError(`Invalid ${field}: ${message}.`, value, [{ field, message }]);
    }
  }
  return { tenant, segment_id: key.segmentId, customer_id: key.customerId, legal_entity_id: key.legalEntityId ?? '' };
}

/** The stored row of an upsert (key, columns, expected version) with its event payload, the `metadata` of which the write adds. */
export function toRow(tenant: string, key: AssignmentKey, body: MixinsUpsert): VersionedUpsertRow {
  const mixins = body.mixins ?? {};
  const metadataMixins = body.metadata?.mixins ?? {};
  const assignmentType: AssignmentType = 'MANUAL';
  return {
    key: storedKey(tenant, key),
    values: { assignment_type: assignmentType, mixins, metadata_mixins: metadataMixins },
    expectedVersion: body.metadata?.version,
    resourceId: key.customerId,
    event: {
      resourceId: resourceId(key.segmentId, key.customerId, ...(key.legalEntityId ? [key.legalEntityId] : [])),
      payload: eventPayload(tenant, key, { assignmentType, mixins }),
      metadata: { mixins: metadataMixins },
    },
  };
}

/** The event's document without `metadata`; the write adds the stored metadata and the customer's and legal entity's data. */
function eventPayload(
  tenant: string,
  key: AssignmentKey,
  values: Pick<AssignmentRow, 'assignmentType' | 'mixins'>,
): object {
  const document = documentBody({
    customerId: key.customerId,
    legalEntityId: key.legalEntityId ?? '',
    ...values,
    firstName: null,
    lastName: null,
    email: null,
    legalEntityName: null,
  });
  // Written by a client: a manual assignment, and a manual join.
  const reason: MembershipReason = 'manual';
  return { segmentId: key.segmentId, ...document, tenant, reason };
}
