import { CustomerManagementReference, LegalEntityResponse, LegalEntityUpdate, MetadataCreate } from '@cs/dto';
import { metadataOf, withoutNulls } from '../../common/documents';
import { OwnColumns, SelectedRow } from '../../database/columns';
import { ContactAssignmentRow, toSummary } from '../contact-assignments/contact-assignments.mapper';
import { LocationRow, toResponse as toLocation } from '../locations/locations.mapper';
import { LegalEntityEntity } from './legal-entity.entity';

/** A create or a PUT, once the create's default type is applied. */
export type LegalEntityWrite = Omit<LegalEntityUpdate, 'metadata'> & { metadata?: MetadataCreate };

/** The stored columns a client writes (column name -> value), as the insert and the upsert take them. */
export type LegalEntityValues = Omit<OwnColumns<LegalEntityEntity>, 'id'>;

/** A `legal_entity` row as the repository reads it (`le.*`, or `to_jsonb(le)` inside a contact assignment row). */
export type LegalEntityRow = Omit<SelectedRow<LegalEntityEntity>, 'tenant'>;

/** The documents the rows of a response reference, as read for all of them at once. */
export interface LegalEntityReferences {
  locations: LocationRow[];
  assignments: ContactAssignmentRow[];
}

const uniqueIds = (references: CustomerManagementReference[] | undefined): string[] => [
  ...new Set((references ?? []).map((reference) => reference.id)),
];

/** The ids a write references, each once, in the order sent: what the service checks and the row stores. */
export function referencedIds(body: LegalEntityWrite): { addresses: string[]; approvalGroup: string[] } {
  return { addresses: uniqueIds(body.entitiesAddresses), approvalGroup: uniqueIds(body.approvalGroup) };
}

/** The stored columns of a write (a PUT replaces them all). */
export function toRow(body: LegalEntityWrite): LegalEntityValues {
  const { addresses, approvalGroup } = referencedIds(body);
  return {
    name: body.name,
    type: body.type,
    parent_id: body.parentId ?? null,
    account_limit: body.accountLimit ?? null,
    legal_info: body.legalInfo ?? null,
    customer_groups: body.customerGroups ?? [],
    entities_addresses: addresses,
    approval_group: approvalGroup,
    restrictions: body.restrictions ?? null,
    mixins: body.mixins ?? {},
    metadata_mixins: body.metadata?.mixins ?? {},
  };
}

/**
 * The documents of legal entity rows, `entitiesAddresses` expanded to locations and `approvalGroup` to contact
 * assignments (with customer data) from `references`. References to documents deleted meanwhile are left out.
 */
export function toResponses(rows: readonly LegalEntityRow[], references: LegalEntityReferences): LegalEntityResponse[] {
  const locationById = new Map(references.locations.map((row) => [row.id, toLocation(row)]));
  const assignmentById = new Map(references.assignments.map((row) => [row.id, toSummary(row)]));
  const pick = <T>(ids: string[] | null, byId: Map<string, T>): T[] => (ids ?? []).flatMap((id) => byId.get(id) ?? []);
  return rows.map((row) =>
    withoutNulls({
      id: row.id,
      name: row.name,
      type: row.type,
      parentId: row.parent_id,
      accountLimit: row.account_limit,
      legalInfo: row.legal_info,
      customerGroups: row.customer_groups ?? [],
      entitiesAddresses: pick(row.entities_addresses, locationById),
      approvalGroup: pick(row.approval_group, assignmentById),
      restrictions: row.restrictions,
      mixins: row.mixins,
      metadata: metadataOf(row),
    }),
  );
}
