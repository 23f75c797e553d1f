import { ContactType, LegalEntityType } from '@cs/contracts';
import {
  ContactAssignmentCustomer,
  ContactAssignmentSummary,
  LegalEntityAccountLimit,
  LegalEntityCustomerGroup,
  LegalEntityLegalInfo,
  LegalEntityResponse,
} from '@cs/dto';
import { EntityManager } from 'typeorm';
import { metadataOf, withoutNulls } from '../../common/documents';
import { StoredRow } from '../documents';
import { LocationRow, toLocation } from '../locations/location.view';

/** A `legal_entity` row as selected (`le.*`, or `to_jsonb(le)` inside a contact assignment row). */
export interface LegalEntityRow extends StoredRow {
  name: string;
  type: LegalEntityType;
  parent_id: string | null;
  account_limit: LegalEntityAccountLimit | null;
  legal_info: LegalEntityLegalInfo | null;
  customer_groups: LegalEntityCustomerGroup[];
  entities_addresses: string[];
  approval_group: string[];
  restrictions: string[] | null;
}

/** A `customer` row (`to_jsonb(c)`), absent when the service holds no data for the customer. */
export interface CustomerRow {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
}

/** A `contact_assignment` row with its customer's data. */
export interface ContactAssignmentRow extends StoredRow {
  legal_entity_id: string;
  customer_id: string;
  type: ContactType;
  primary: boolean;
  customer_doc: CustomerRow | null;
}

/** Selects contact assignments (alias `ca`) with their customer's data (`customer_doc`, null when unknown). */
export const CONTACT_ASSIGNMENT_WITH_CUSTOMER = `SELECT ca.*, to_jsonb(c) AS customer_doc FROM contact_assignment ca
  LEFT JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id`;

export function toCustomer(id: string, row: CustomerRow | null): ContactAssignmentCustomer {
  return withoutNulls({ id, name: row?.first_name, surname: row?.last_name, email: row?.email, phone: row?.phone });
}

export function toContactAssignmentSummary(row: ContactAssignmentRow): ContactAssignmentSummary {
  return {
    id: row.id,
    legalEntity: { id: row.legal_entity_id },
    customer: toCustomer(row.customer_id, row.customer_doc),
    type: row.type,
    primary: row.primary,
    metadata: metadataOf(row),
  };
}

/**
 * Turns legal entity rows into documents, expanding `entitiesAddresses` to locations and
 * `approvalGroup` to contact assignments (with customer data): two queries for any number of rows.
 * References to documents deleted meanwhile are left out.
 */
export async function expandLegalEntities(
  db: EntityManager,
  tenant: string,
  rows: readonly LegalEntityRow[],
): Promise<LegalEntityResponse[]> {
  const locationIds = [...new Set(rows.flatMap((row) => row.entities_addresses ?? []))];
  const assignmentIds = [...new Set(rows.flatMap((row) => row.approval_group ?? []))];
  const [locations, assignments] = await Promise.all([
    locationIds.length
      ? (db.query('SELECT * FROM location WHERE tenant = $1 AND id = ANY($2::text[])', [
          tenant,
          locationIds,
        ]) as Promise<LocationRow[]>)
      : [],
    assignmentIds.length
      ? (db.query(`${CONTACT_ASSIGNMENT_WITH_CUSTOMER} WHERE ca.tenant = $1 AND ca.id = ANY($2::text[])`, [
          tenant,
          assignmentIds,
        ]) as Promise<ContactAssignmentRow[]>)
      : [],
  ]);
  const locationById = new Map(locations.map((row) => [row.id, toLocation(row)]));
  const assignmentById = new Map(assignments.map((row) => [row.id, toContactAssignmentSummary(row)]));
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
