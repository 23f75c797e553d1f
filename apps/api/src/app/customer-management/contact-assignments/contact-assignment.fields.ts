import { ContactTypes } from '@cs/contracts';
import { FieldMap } from '@cs/query';
import { documentFields } from '../../common/documents';
import { legalEntityFields } from '../legal-entities/legal-entity.fields';
import { equals, FilterSpec } from '../list-filters';

/**
 * q and sort fields of contact assignments. Aliases: `ca` contact_assignment, `le` its legal entity
 * (joined) and `c` the customer data (LEFT JOINed: null when the service holds none).
 */
export const CONTACT_ASSIGNMENT_FIELDS: FieldMap = {
  ...legalEntityFields('le', 'legalEntity.'),
  id: { sql: 'ca.id', type: 'string' },
  type: { sql: 'ca.type', type: 'enum', values: ContactTypes },
  primary: { sql: 'ca."primary"', type: 'boolean' },
  'legalEntity.id': { sql: 'ca.legal_entity_id', type: 'string' },
  'customer.id': { sql: 'ca.customer_id', type: 'string' },
  'customer.name': { sql: 'c.first_name', type: 'string' },
  'customer.surname': { sql: 'c.last_name', type: 'string' },
  'customer.email': { sql: 'c.email', type: 'string' },
  'customer.phone': { sql: 'c.phone', type: 'string' },
  ...documentFields('ca'),
};

export const CONTACT_ASSIGNMENT_TIE_BREAKER = ['ca.id'];

/** The spec's query parameters of `GET .../contact-assignments` (all `equals`). */
export const CONTACT_ASSIGNMENT_FILTERS: FilterSpec = {
  'legalEntity.id': equals('ca.legal_entity_id'),
  'customer.id': equals('ca.customer_id'),
  type: equals('ca.type'),
  primary: equals('ca."primary"'),
};
