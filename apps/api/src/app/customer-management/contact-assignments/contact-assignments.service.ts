import { ContactAssignmentCreate, ContactAssignmentResponse, ContactAssignmentUpdate, MetadataCreate } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Select } from '../../database/select';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Transactions } from '../../database/transactions';
import { upsertVersioned } from '../../database/upsert';
import { newId } from '../../common/documents';
import { assertExisting, deleteDocument, insertDocument, notFound } from '../documents';
import { removeReferences } from '../legal-entities/legal-entity.references';
import { applyFilters } from '../list-filters';
import {
  CONTACT_ASSIGNMENT_FIELDS,
  CONTACT_ASSIGNMENT_FILTERS,
  CONTACT_ASSIGNMENT_TIE_BREAKER,
} from './contact-assignment.fields';
import { ContactAssignmentPageRow, toContactAssignments } from './contact-assignment.view';

/** A create or a PUT, once the create's default type is applied. */
type ContactAssignmentWrite = Omit<ContactAssignmentUpdate, 'metadata'> & { metadata?: MetadataCreate };

@Injectable()
export class ContactAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async create(tenant: string, body: ContactAssignmentCreate): Promise<string> {
    const id = body.id ?? newId();
    const write: ContactAssignmentWrite = { ...body, type: body.type ?? 'CONTACT' };
    await this.transactions.run(async (tx) =>
      insertDocument(tx, 'contact_assignment', tenant, id, await validColumns(tx, tenant, write)),
    );
    return id;
  }

  /** Returns true when the contact assignment was created. */
  async upsert(tenant: string, id: string, body: ContactAssignmentUpdate): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const values = await validColumns(tx, tenant, body);
      return (
        await upsertVersioned(tx, {
          table: 'contact_assignment',
          key: { tenant, id },
          values,
          expectedVersion: body.metadata?.version,
          resourceId: id,
        })
      ).created;
    });
  }

  async list(tenant: string, list: ListRequest, filters: object): Promise<Page<ContactAssignmentResponse>> {
    const select = applyFilters(this.select(tenant), filters, CONTACT_ASSIGNMENT_FILTERS);
    const page = await fetchPage<ContactAssignmentPageRow>(select, list, {
      fieldMap: CONTACT_ASSIGNMENT_FIELDS,
      tieBreaker: CONTACT_ASSIGNMENT_TIE_BREAKER,
    });
    return { ...page, items: await toContactAssignments(this.dataSource.manager, tenant, page.items) };
  }

  async get(tenant: string, id: string): Promise<ContactAssignmentResponse> {
    const rows: ContactAssignmentPageRow[] = await this.select(tenant)
      .where('ca.id = :id', { id })
      .getRawMany<ContactAssignmentPageRow>();
    if (!rows.length) throw notFound('contact_assignment', id);
    const [assignment] = await toContactAssignments(this.dataSource.manager, tenant, rows);
    return assignment;
  }

  /** Deletes the contact assignment and drops it from the approval group of every legal entity listing it. */
  async delete(tenant: string, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await deleteDocument(tx, 'contact_assignment', tenant, id);
      await removeReferences(tx, tenant, 'approval_group', [id]);
    });
  }

  /** Contact assignments with their customer's data and their legal entity's row, in one query. */
  private select(tenant: string) {
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

/** Checks that the legal entity exists and returns the columns to store (a PUT replaces them all). */
async function validColumns(
  tx: EntityManager,
  tenant: string,
  body: ContactAssignmentWrite,
): Promise<Record<string, unknown>> {
  await assertExisting(tx, 'legal_entity', tenant, [body.legalEntity.id], 'legalEntity.id');
  return {
    legal_entity_id: body.legalEntity.id,
    customer_id: body.customer.id,
    type: body.type,
    primary: body.primary ?? false,
    mixins: body.mixins ?? {},
    metadata_mixins: body.metadata?.mixins ?? {},
  };
}
