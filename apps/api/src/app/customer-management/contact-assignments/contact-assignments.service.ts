import {
  ContactAssignmentCreate,
  ContactAssignmentListFilters,
  ContactAssignmentResponse,
  ContactAssignmentUpdate,
} from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../common/documents';
import { ListRequest, Page } from '../../common/listing';
import { RequestContext } from '../../common/request-context';
import { Transactions } from '../../database/transactions';
import { customersOfContactAssignments, evaluateCustomers } from '../../segments/memberships';
import { NotFoundError } from '../../errors/domain-errors';
import { Metrics } from '../../metrics/metrics';
import { alreadyExists, assertReferenced } from '../documents';
import { toResponses as toLegalEntities } from '../legal-entities/legal-entities.mapper';
import { LegalEntitiesRepository } from '../legal-entities/legal-entities.repository';
import {
  ContactAssignmentPageRow,
  ContactAssignmentValues,
  ContactAssignmentWrite,
  legalEntityRowsOf,
  toResponses,
  toRow,
} from './contact-assignments.mapper';
import { contactAssignmentEventData } from './contact-assignment.events';
import { ContactAssignmentsRepository } from './contact-assignments.repository';

@Injectable()
export class ContactAssignmentsService {
  constructor(
    private readonly assignments: ContactAssignmentsRepository,
    private readonly legalEntities: LegalEntitiesRepository,
    private readonly transactions: Transactions,
    private readonly metrics: Metrics,
  ) {}

  async create(ctx: RequestContext, body: ContactAssignmentCreate): Promise<string> {
    const id = body.id ?? newId();
    const write: ContactAssignmentWrite = { ...body, type: body.type ?? 'CONTACT' };
    await this.transactions.run(async (tx) => {
      const { values, eventData } = await this.validWrite(tx, ctx, id, write);
      if (!(await this.assignments.insert(tx, { tenant: ctx.tenant, id, values, eventData })))
        throw alreadyExists('contact assignment', id);
      await evaluateCustomers(tx, this.metrics, ctx.tenant, [values.customer_id], 'data-changed');
    });
    return id;
  }

  /** Returns true when the contact assignment was created. */
  async upsert(ctx: RequestContext, id: string, body: ContactAssignmentUpdate): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const { values, eventData } = await this.validWrite(tx, ctx, id, body);
      const expectedVersion = body.metadata?.version;
      // The customer it named before, if it moves to another one, leaves the memberships it gave.
      const customers = await customersOfContactAssignments(tx, ctx.tenant, [id]);
      const { created } = await this.assignments.upsert(tx, {
        tenant: ctx.tenant,
        id,
        values,
        expectedVersion,
        eventData,
      });
      await evaluateCustomers(
        tx,
        this.metrics,
        ctx.tenant,
        [...new Set([...customers, values.customer_id])],
        'data-changed',
      );
      return created;
    });
  }

  async list(
    ctx: RequestContext,
    list: ListRequest,
    filters: ContactAssignmentListFilters,
  ): Promise<Page<ContactAssignmentResponse>> {
    const page = await this.assignments.page(ctx.tenant, list, filters);
    return { ...page, items: await this.toResponses(ctx, page.items) };
  }

  async get(ctx: RequestContext, id: string): Promise<ContactAssignmentResponse> {
    const row = await this.assignments.find(ctx.tenant, id);
    if (!row) throw NotFoundError.of('contact assignment', id);
    const [assignment] = await this.toResponses(ctx, [row]);
    return assignment;
  }

  /** Deletes the contact assignment and drops it from the approval group of every legal entity listing it. */
  async delete(ctx: RequestContext, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const customers = await customersOfContactAssignments(tx, ctx.tenant, [id]);
      if (!(await this.assignments.delete(tx, ctx.tenant, id))) throw NotFoundError.of('contact assignment', id);
      await this.legalEntities.removeReferences(tx, ctx.tenant, 'approval_group', [id]);
      await evaluateCustomers(tx, this.metrics, ctx.tenant, customers, 'data-changed');
    });
  }

  /**
   * Documents of contact assignment rows, each with its legal entity expanded (locations, approval
   * group): two statements for the whole page, however many rows and legal entities it has.
   */
  private async toResponses(
    ctx: RequestContext,
    rows: readonly ContactAssignmentPageRow[],
  ): Promise<ContactAssignmentResponse[]> {
    const legalEntityRows = legalEntityRowsOf(rows);
    const references = await this.legalEntities.references(ctx.tenant, legalEntityRows);
    return toResponses(rows, toLegalEntities(legalEntityRows, references));
  }

  /**
   * Checks that the legal entity exists (share-locked until commit) and returns the columns to store and the
   * write's event data.
   */
  private async validWrite(
    tx: EntityManager,
    ctx: RequestContext,
    id: string,
    body: ContactAssignmentWrite,
  ): Promise<{ values: ContactAssignmentValues; eventData: object }> {
    const legalEntityId = body.legalEntity.id;
    const { found, email } = await this.assignments.lockLegalEntity(tx, ctx.tenant, legalEntityId, body.customer.id);
    assertReferenced([legalEntityId], found ? new Set([legalEntityId]) : new Set(), {
      resource: 'legal entity',
      field: 'legalEntity.id',
    });
    const values = toRow(body);
    return { values, eventData: contactAssignmentEventData(id, values, email) };
  }
}
