import { FieldMap } from '@cs/query';
import { documentFields } from '../../common/documents';
import { ListSpec } from '../../common/listing';

/** q and sort fields of a segment's exclusions (alias `x`: segment_exclusion). */
export const EXCLUSION_FIELDS: FieldMap = {
  customerId: { sql: 'x.customer_id', type: 'string' },
  // Exclusions of every legal entity store '' as their legal entity; to q they have none (`legalEntityId:null`).
  legalEntityId: { sql: "NULLIF(x.legal_entity_id, '')", type: 'string' },
  ...documentFields('x'),
};

/** The primary-key order within a segment: the default order, served by the primary-key index. */
export const EXCLUSION_TIE_BREAKER = ['x.customer_id', 'x.legal_entity_id'];

export const EXCLUSION_LIST: ListSpec = { fieldMap: EXCLUSION_FIELDS, tieBreaker: EXCLUSION_TIE_BREAKER };
