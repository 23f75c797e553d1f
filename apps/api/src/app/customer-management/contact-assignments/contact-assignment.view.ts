import { ContactAssignmentResponse } from '@cs/dto';
import { EntityManager } from 'typeorm';
import {
  ContactAssignmentRow,
  expandLegalEntities,
  LegalEntityRow,
  toContactAssignmentSummary,
} from '../legal-entities/legal-entity.view';

/** A contact assignment row with its customer's data and its legal entity's row. */
export interface ContactAssignmentPageRow extends ContactAssignmentRow {
  legal_entity_doc: LegalEntityRow;
}

/**
 * Documents of contact assignment rows, each with its legal entity expanded (locations, approval
 * group): two queries for the whole page, however many rows and legal entities it has.
 */
export async function toContactAssignments(
  db: EntityManager,
  tenant: string,
  rows: readonly ContactAssignmentPageRow[],
): Promise<ContactAssignmentResponse[]> {
  const legalEntityRows = [...new Map(rows.map((row) => [row.legal_entity_id, row.legal_entity_doc])).values()];
  const legalEntities = new Map(
    (await expandLegalEntities(db, tenant, legalEntityRows)).map((entity) => [entity.id, entity]),
  );
  return rows.flatMap((row) => {
    const legalEntity = legalEntities.get(row.legal_entity_id);
    return legalEntity ? [{ ...toContactAssignmentSummary(row), legalEntity, mixins: row.mixins }] : [];
  });
}
