import { ASSIGNMENT_ID_MAX_LENGTH, ExclusionResponse, MixinsUpsert } from '@cs/dto';
import { metadataOf, StoredDocument } from '../../common/documents';
import { VersionedUpsertRow } from '../../database/upsert';
import { BadRequestError } from '../../errors';
import { SegmentExclusionEntity } from './exclusion.entity';

/** Identifies one exclusion; `legalEntityId` absent (every legal entity, and B2C) is stored as ''. */
export interface ExclusionKey {
  segmentId: string;
  customerId: string;
  legalEntityId?: string;
}

/** One selected row: the exclusion's key under its property names, with the stored document columns. */
export interface ExclusionRow extends StoredDocument, Pick<SegmentExclusionEntity, 'customerId' | 'legalEntityId'> {}

/** The API document of a row: `mixins` and `metadata.mixins` are there also when empty. */
export function toResponse(row: ExclusionRow): ExclusionResponse {
  return {
    customerId: row.customerId,
    ...(row.legalEntityId !== '' && { legalEntityId: row.legalEntityId }),
    mixins: row.mixins,
    metadata: { ...metadataOf(row), mixins: row.metadata_mixins },
  };
}

/** The stored key columns of an exclusion to write; rejects ids no row could hold. */
export function storedKey(tenant: string, key: ExclusionKey): Record<string, string> {
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

/** The stored row of an upsert (key, columns, expected version); exclusions record no events of their own. */
export function toRow(tenant: string, key: ExclusionKey, body: MixinsUpsert): VersionedUpsertRow {
  return {
    key: storedKey(tenant, key),
    values: { mixins: body.mixins ?? {}, metadata_mixins: body.metadata?.mixins ?? {} },
    expectedVersion: body.metadata?.version,
    resourceId: key.customerId,
  };
}
