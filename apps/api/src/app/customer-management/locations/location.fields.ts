import { LocationTypes } from '@cs/contracts';
import { FieldMap } from '@cs/query';
import { documentFields } from '../../common/documents';
import { anyElementContains, contains, equals, FilterSpec } from '../list-filters';

const detail = (name: string) => `l.contact_details ->> '${name}'`;
const EMAILS = `l.contact_details -> 'emails'`;
const PHONES = `l.contact_details -> 'phones'`;

/** q and sort fields of locations (alias `l`): every scalar field, the e-mail and phone lists (any element), mixins and metadata. */
export const LOCATION_FIELDS: FieldMap = {
  id: { sql: 'l.id', type: 'string' },
  name: { sql: 'l.name', type: 'string' },
  type: { sql: 'l.type', type: 'enum', values: LocationTypes },
  'contactDetails.addressLine1': { sql: detail('addressLine1'), type: 'string' },
  'contactDetails.addressLine2': { sql: detail('addressLine2'), type: 'string' },
  'contactDetails.city': { sql: detail('city'), type: 'string' },
  'contactDetails.state': { sql: detail('state'), type: 'string' },
  'contactDetails.postcode': { sql: detail('postcode'), type: 'string' },
  'contactDetails.countryCode': { sql: detail('countryCode'), type: 'string' },
  'contactDetails.emails': { sql: EMAILS, type: 'list' },
  'contactDetails.phones': { sql: PHONES, type: 'list' },
  ...documentFields('l'),
};

export const LOCATION_TIE_BREAKER = ['l.id'];

/** The spec's query parameters of `GET .../locations`, with the operators it documents. */
export const LOCATION_FILTERS: FilterSpec = {
  name: contains('l.name'),
  type: equals('l.type'),
  'contactDetails.email': anyElementContains(EMAILS),
  'contactDetails.phone': anyElementContains(PHONES),
  'contactDetails.address': (param) =>
    `(${contains(detail('addressLine1'))(param)} OR ${contains(detail('addressLine2'))(param)})`,
  'contactDetails.city': contains(detail('city')),
  'contactDetails.state': contains(detail('state')),
  'contactDetails.postcode': contains(detail('postcode')),
  'contactDetails.countryCode': equals(detail('countryCode')),
};
