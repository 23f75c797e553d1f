import { LegalEntityTypes } from '@cs/contracts';
import { FieldMap } from '@cs/query';
import { documentFields } from '../../common/documents';
import { contains, equals, FilterSpec } from '../list-filters';

const LEGAL_INFO_TEXT = [
  'legalName',
  'taxRegistrationNumber',
  'registrationAgency',
  'countryOfRegistration',
  'registrationId',
];

/**
 * q and sort fields of a legal entity with table alias `alias`: every scalar field, mixins and
 * metadata, and the lists by the ids they hold (`customerGroups.id:G1` matches an entity with that
 * group among its groups). `prefix` names them inside another document (`legalEntity.` in contact assignments).
 */
export function legalEntityFields(alias: string, prefix = ''): FieldMap {
  const info = (name: string) => `${alias}.legal_info ->> '${name}'`;
  return {
    [`${prefix}id`]: { sql: `${alias}.id`, type: 'string' },
    [`${prefix}name`]: { sql: `${alias}.name`, type: 'string' },
    [`${prefix}type`]: { sql: `${alias}.type`, type: 'enum', values: LegalEntityTypes },
    [`${prefix}parentId`]: { sql: `${alias}.parent_id`, type: 'string' },
    ...Object.fromEntries(
      LEGAL_INFO_TEXT.map((name) => [`${prefix}legalInfo.${name}`, { sql: info(name), type: 'string' }]),
    ),
    // Stored only after validation as an ISO-8601 date(-time), so the cast cannot fail.
    [`${prefix}legalInfo.registrationDate`]: {
      sql: `CAST(${info('registrationDate')} AS timestamptz)`,
      type: 'datetime',
    },
    [`${prefix}accountLimit.currency`]: { sql: `${alias}.account_limit ->> 'currency'`, type: 'string' },
    [`${prefix}accountLimit.value`]: { sql: `CAST(${alias}.account_limit ->> 'value' AS numeric)`, type: 'number' },
    [`${prefix}customerGroups.id`]: { sql: `${alias}.customer_groups`, type: 'list', element: 'id' },
    [`${prefix}entitiesAddresses.id`]: { sql: `${alias}.entities_addresses`, type: 'list' },
    [`${prefix}approvalGroup.id`]: { sql: `${alias}.approval_group`, type: 'list' },
    [`${prefix}restrictions`]: { sql: `${alias}.restrictions`, type: 'list' },
    ...documentFields(alias, prefix),
  };
}

export const LEGAL_ENTITY_FIELDS = legalEntityFields('le');
export const LEGAL_ENTITY_TIE_BREAKER = ['le.id'];

/** The spec's query parameters of the legal entity list and search, with the operators it documents. */
export const LEGAL_ENTITY_FILTERS: FilterSpec = {
  id: equals('le.id'),
  name: contains('le.name'),
  type: equals('le.type'),
  parentId: equals('le.parent_id'),
  'legalInfo.legalName': contains(`le.legal_info ->> 'legalName'`),
  'legalInfo.registrationDate': equals(`le.legal_info ->> 'registrationDate'`),
  'legalInfo.taxRegistrationNumber': equals(`le.legal_info ->> 'taxRegistrationNumber'`),
  'legalInfo.registrationAgency': contains(`le.legal_info ->> 'registrationAgency'`),
  'legalInfo.countryOfRegistration': contains(`le.legal_info ->> 'countryOfRegistration'`),
  'legalInfo.registrationId': equals(`le.legal_info ->> 'registrationId'`),
};
