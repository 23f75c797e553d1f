import { AssignmentTypes } from '@cs/contracts';
import { FieldMap } from '@cs/query';
import { documentFields } from '../common/documents';
import { ListSpec } from '../common/listing';

/**
 * q and sort fields of customer assignments. Aliases: `a` customer_assignment, `c` customer and
 * `le` legal_entity (both LEFT JOINed, so their fields are null when the service holds no data).
 */
export const CUSTOMER_ASSIGNMENT_FIELDS: FieldMap = {
  'customer.id': { sql: 'a.customer_id', type: 'string' },
  'customer.firstName': { sql: 'c.first_name', type: 'string' },
  'customer.lastName': { sql: 'c.last_name', type: 'string' },
  'customer.email': { sql: 'c.email', type: 'string' },
  // B2C assignments store '' as their legal entity; to q they have none (`legalEntity.id:null`).
  'legalEntity.id': { sql: "NULLIF(a.legal_entity_id, '')", type: 'string' },
  'legalEntity.name': { sql: 'le.name', type: 'string' },
  assignmentType: { sql: 'a.assignment_type', type: 'enum', values: AssignmentTypes },
  ...documentFields('a'),
};

/** The primary-key order within a segment: the default order, served by the primary-key index. */
export const CUSTOMER_ASSIGNMENT_TIE_BREAKER = ['a.customer_id', 'a.legal_entity_id'];

/** The list of a segment's assignments; the customer (`c`) and legal entity (`le`) joins only add data. */
export const CUSTOMER_ASSIGNMENT_LIST: ListSpec = {
  fieldMap: CUSTOMER_ASSIGNMENT_FIELDS,
  tieBreaker: CUSTOMER_ASSIGNMENT_TIE_BREAKER,
  deferredJoins: { keys: ['a.tenant', 'a.segment_id', 'a.customer_id', 'a.legal_entity_id'], aliases: ['c', 'le'] },
};
