import { ContactAssignmentListFilters } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Select } from '../../database/select';
import { DocumentRepository } from '../document.repository';
import { CONTACT_ASSIGNMENT_EVENTS } from './contact-assignment.events';
import { applyFilters } from '../list-filters';
import {
  CONTACT_ASSIGNMENT_FIELDS,
  CONTACT_ASSIGNMENT_FILTERS,
  CONTACT_ASSIGNMENT_TIE_BREAKER,
} from './contact-assignment.fields';
import { ContactAssignmentPageRow, ContactAssignmentRow, ContactAssignmentValues } from './contact-assignments.mapper';

// Every statement of contact assignments: the shared document statements and these reads.

/** Selects contact assignments (alias `ca`) with their customer's data (`customer_doc`, null when unknown). */
const CONTACT_ASSIGNMENT_WITH_CUSTOMER = `SELECT ca.*, to_jsonb(c) AS customer_doc FROM contact_assignment ca
  LEFT JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id`;

@Injectable()
export class ContactAssignmentsRepository extends DocumentRepository<ContactAssignmentValues> {
  constructor(dataSource: DataSource) {
    super(dataSource, 'contact_assignment', CONTACT_ASSIGNMENT_EVENTS);
  }

  /**
   * Whether the legal entity of a write exists, share-locked until commit so that it cannot be deleted before
   * the write commits, and the e-mail the customer data holds for the customer (for the write's event), in one
   * statement.
   */
  async lockLegalEntity(
    tx: EntityManager,
    tenant: string,
    legalEntityId: string,
    customerId: string,
  ): Promise<{ found: boolean; email?: string }> {
    const [row]: Array<{ email: string | null }> = await tx.query(
      `SELECT (SELECT c.email FROM customer c WHERE c.tenant = le.tenant AND c.id = $3) AS email
       FROM legal_entity le WHERE le.tenant = $1 AND le.id = $2 FOR SHARE OF le`,
      [tenant, legalEntityId, customerId],
    );
    return { found: row !== undefined, ...(row?.email != null && { email: row.email }) };
  }

  /** A page of the contact assignments matching the named filters and q: one statement (two with the count). */
  page(
    tenant: string,
    list: ListRequest,
    filters: ContactAssignmentListFilters,
  ): Promise<Page<ContactAssignmentPageRow>> {
    return fetchPage<ContactAssignmentPageRow>(
      applyFilters(this.read(tenant), filters, CONTACT_ASSIGNMENT_FILTERS),
      list,
      {
        fieldMap: CONTACT_ASSIGNMENT_FIELDS,
        tieBreaker: CONTACT_ASSIGNMENT_TIE_BREAKER,
      },
    );
  }

  find(tenant: string, id: string): Promise<ContactAssignmentPageRow | undefined> {
    return this.read(tenant).where('ca.id = :id', { id }).getRawOne<ContactAssignmentPageRow>();
  }

  /** The contact assignments among `ids` with their customer's data (approval groups); absent ones are left out. */
  findManyWithCustomer(tenant: string, ids: readonly string[]): Promise<ContactAssignmentRow[]> {
    return this.dataSource.query(
      `${CONTACT_ASSIGNMENT_WITH_CUSTOMER} WHERE ca.tenant = $1 AND ca.id = ANY($2::text[])`,
      [tenant, ids],
    );
  }

  /** Contact assignments with their customer's data and their legal entity's row, in one statement. */
  private read(tenant: string): Select {
    return new Select(this.dataSource)
      .select('ca.*')
      .select('to_jsonb(c)', 'customer_doc')
      .select('to_jsonb(le)', 'legal_entity_doc')
      .from('contact_assignment', 'ca')
      .innerJoin('legal_entity', 'le', 'le.tenant = ca.tenant AND le.id = ca.legal_entity_id')
      .leftJoin('customer', 'c', 'c.tenant = ca.tenant AND c.id = ca.customer_id')
      .where('ca.tenant = :tenant', { tenant });
  }
}
