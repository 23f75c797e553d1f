import {
  ContactAssignmentResponse,
  ContactAssignmentSummary,
  ContactAssignmentUpdate,
  LegalEntityResponse,
  MetadataCreate,
} from '@cs/dto';
import { metadataOf } from '../../common/documents';
import { OwnColumns, SelectedRow } from '../../database/columns';
import { CustomerDataRow, toResponse as toCustomer } from '../customers/customers.mapper';
import type { LegalEntityRow } from '../legal-entities/legal-entities.mapper';
import { ContactAssignmentEntity } from './contact-assignment.entity';

/** A create or a PUT, once the create's default type is applied. */
export type ContactAssignmentWrite = Omit<ContactAssignmentUpdate, 'metadata'> & { metadata?: MetadataCreate };

/** The stored columns a client writes (column name -> value), as the insert and the upsert take them. */
export type ContactAssignmentValues = Omit<OwnColumns<ContactAssignmentEntity>, 'id'>;

/** A `contact_assignment` row with its customer's data (`customer_doc`, null when the service holds none). */
export type ContactAssignmentRow = Omit<SelectedRow<ContactAssignmentEntity>, 'tenant'> & {
  customer_doc: CustomerDataRow | null;
};

/** A contact assignment row with its customer's data and its legal entity's row, as lists and reads select it. */
export type ContactAssignmentPageRow = ContactAssignmentRow & { legal_entity_doc: LegalEntityRow };

/** The stored columns of a write (a PUT replaces them all). */
export function toRow(body: ContactAssignmentWrite): ContactAssignmentValues {
  return {
    legal_entity_id: body.legalEntity.id,
    customer_id: body.customer.id,
    type: body.type,
    primary: body.primary ?? false,
    mixins: body.mixins ?? {},
    metadata_mixins: body.metadata?.mixins ?? {},
  };
}

/** The contact assignment as a legal entity's approval group shows it: its legal entity by id only. */
export function toSummary(row: ContactAssignmentRow): ContactAssignmentSummary {
  return {
    id: row.id,
    legalEntity: { id: row.legal_entity_id },
    customer: toCustomer(row.customer_id, row.customer_doc),
    type: row.type,
    primary: row.primary,
    metadata: metadataOf(row),
  };
}

/** The legal entities of a page of rows, each once: what their documents expand. */
export function legalEntityRowsOf(rows: readonly ContactAssignmentPageRow[]): LegalEntityRow[] {
  return [...new Map(rows.map((row) => [row.legal_entity_id, row.legal_entity_doc])).values()];
}

/**
 * The API documents: each summary with its legal entity expanded, from `legalEntities` (the documents of
 * `legalEntityRowsOf(rows)`). A row whose legal entity is not among them is left out.
 */
export function toResponses(
  rows: readonly ContactAssignmentPageRow[],
  legalEntities: readonly LegalEntityResponse[],
): ContactAssignmentResponse[] {
  const byId = new Map(legalEntities.map((entity) => [entity.id, entity]));
  return rows.flatMap((row) => {
    const legalEntity = byId.get(row.legal_entity_id);
    return legalEntity ? [{ ...toSummary(row), legalEntity, mixins: row.mixins }] : [];
  });
}
