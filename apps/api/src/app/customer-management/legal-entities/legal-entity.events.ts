import { EventTypes, LegalEntityEventData } from '@cs/contracts';
import { storedMetadataSql } from '../../database/upsert';
import { DocumentEvents } from '../document.repository';
import { LegalEntityValues } from './legal-entities.mapper';

/** A legal entity's event data without `metadata`: what a write gives its statement. */
export type LegalEntityEventFields = Omit<LegalEntityEventData, 'metadata'>;

type StoredColumn = keyof LegalEntityValues | 'id';

/**
 * Each field of a legal entity's event data (Emporix's names) and the column it is stored in; `optional` fields
 * are left out where the column is NULL. The one declaration of the payload: writes build it from the values
 * they store (`legalEntityEventData`), statements that change legal entities in bulk from the rows
 * (`legalEntityEventDataSql`), so both give the same data.
 */
const EVENT_FIELDS: ReadonlyArray<{ field: keyof LegalEntityEventFields; column: StoredColumn; optional?: true }> = [
  { field: 'legalEntityId', column: 'id' },
  { field: 'name', column: 'name' },
  { field: 'type', column: 'type' },
  { field: 'parentId', column: 'parent_id', optional: true },
  { field: 'legalInfo', column: 'legal_info', optional: true },
  { field: 'accountLimit', column: 'account_limit', optional: true },
  { field: 'customerGroups', column: 'customer_groups' },
  { field: 'addresses', column: 'entities_addresses' },
  { field: 'approvalGroup', column: 'approval_group' },
  { field: 'restrictions', column: 'restrictions', optional: true },
  { field: 'mixins', column: 'mixins' },
];

export const LEGAL_ENTITY_EVENTS: DocumentEvents = {
  resourceType: 'legal-entity',
  createdType: EventTypes.legalEntityCreated,
  updatedType: EventTypes.legalEntityUpdated,
  deletedType: EventTypes.legalEntityDeleted,
  deletedData: legalEntityDeletedDataSql(''),
};

/** The event data of the legal entity `id` storing `values`. */
export function legalEntityEventData(id: string, values: LegalEntityValues): LegalEntityEventFields {
  const row: Record<StoredColumn, unknown> = { id, ...values };
  const data: Record<string, unknown> = {};
  for (const { field, column, optional } of EVENT_FIELDS) {
    if (!optional || row[column] !== null) data[field] = row[column];
  }
  return data as unknown as LegalEntityEventFields;
}

/** The complete event data (`metadata` included) of the stored row `alias`, in SQL. */
export function legalEntityEventDataSql(alias: string): string {
  const column = (name: StoredColumn) => `${alias}.${name}`;
  const required = EVENT_FIELDS.filter((field) => !field.optional);
  const optional = EVENT_FIELDS.filter((field) => field.optional);
  const metadata = `${storedMetadataSql(alias)} || jsonb_build_object('mixins', ${column('metadata_mixins')})`;
  return [
    `jsonb_build_object(${required.map(({ field, column: name }) => `'${field}', ${column(name)}`).join(', ')})`,
    ...optional.map(({ field, column: name }) => optionalFieldSql(field, column(name))),
    `jsonb_build_object('metadata', ${metadata})`,
  ].join(' || ');
}

/** `LegalEntityDeletedEventData` of the deleted row `alias` (`''`: the columns unqualified), in SQL. */
export function legalEntityDeletedDataSql(alias: string): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  const parent = optionalFieldSql('legalEntityParentId', column('parent_id'));
  return `jsonb_build_object('legalEntityId', ${column('id')}) || ${parent}`;
}

/** `{field: value}`, or `{}` where `value` (a trusted SQL expression) is NULL: an optional field of event data. */
function optionalFieldSql(field: string, value: string): string {
  return `CASE WHEN ${value} IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('${field}', ${value}) END`;
}
