import { Principal, Scopes } from '@cs/contracts';
import { LegalEntityCreate, LegalEntityListFilters, LegalEntityResponse, LegalEntityUpdate } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../common/documents';
import { ListRequest, Page } from '../../common/listing';
import { RequestContext } from '../../common/request-context';
import { Transactions } from '../../database/transactions';
import { ForbiddenError, NotFoundError } from '../../errors/domain-errors';
import { Metrics } from '../../metrics/metrics';
import { customersOfLegalEntities, evaluateCustomers, lockCustomers } from '../../segments/memberships';
import { ContactAssignmentsRepository } from '../contact-assignments/contact-assignments.repository';
import { alreadyExists, assertReferenced } from '../documents';
import { LocationsRepository } from '../locations/locations.repository';
import { checkParent, needsAncestors } from './legal-entity.hierarchy';
import {
  LegalEntityRow,
  LegalEntityValues,
  LegalEntityWrite,
  referencedIds,
  toResponses,
  toRow,
} from './legal-entities.mapper';
import { LegalEntitiesRepository } from './legal-entities.repository';
import { legalEntityEventData } from './legal-entity.events';

@Injectable()
export class LegalEntitiesService {
  constructor(
    private readonly legalEntities: LegalEntitiesRepository,
    private readonly locations: LocationsRepository,
    private readonly contactAssignments: ContactAssignmentsRepository,
    private readonly transactions: Transactions,
    private readonly metrics: Metrics,
  ) {}

  async create(ctx: RequestContext, body: LegalEntityCreate): Promise<string> {
    const id = body.id ?? newId();
    const write: LegalEntityWrite = { ...body, type: body.type ?? 'COMPANY' };
    await this.transactions.run(async (tx) => {
      const values = await this.validValues(tx, ctx, id, write);
      const eventData = legalEntityEventData(id, values);
      if (!(await this.legalEntities.insert(tx, { tenant: ctx.tenant, id, values, eventData })))
        throw alreadyExists('legal entity', id);
    });
    return id;
  }

  /** Returns true when the legal entity was created. */
  async upsert(ctx: RequestContext, id: string, body: LegalEntityUpdate): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const values = await this.validValues(tx, ctx, id, body);
      const write = { tenant: ctx.tenant, id, values, expectedVersion: body.metadata?.version };
      const result = await this.legalEntities.upsert(tx, {
        ...write,
        eventData: legalEntityEventData(id, values),
      });
      // What B2B criteria read of the legal entity may have changed for its contacts (not when nothing was written).
      if (result.changed && !result.created)
        await evaluateCustomers(
          tx,
          this.metrics,
          ctx.tenant,
          await customersOfLegalEntities(tx, ctx.tenant, [id]),
          'data-changed',
        );
      return result.created;
    });
  }

  /** Lists or searches; a customer token (`legalentity_read_own`) sees only the legal entities it is a contact of. */
  async list(
    ctx: RequestContext,
    list: ListRequest,
    filters: LegalEntityListFilters,
  ): Promise<Page<LegalEntityResponse>> {
    const scope = { filters, contactCustomerId: ownCustomer(ctx.principal) };
    const page = await this.legalEntities.page(ctx.tenant, scope, list);
    return { ...page, items: await this.toResponses(ctx, page.items) };
  }

  async get(ctx: RequestContext, id: string): Promise<LegalEntityResponse> {
    const row = await this.legalEntities.find(ctx.tenant, id);
    if (!row) throw NotFoundError.of('legal entity', id);
    const [entity] = await this.toResponses(ctx, [row]);
    return entity;
  }

  /** The legal entity followed by its parent, grandparent, ... up to the top company. */
  async parentHierarchy(ctx: RequestContext, id: string): Promise<LegalEntityResponse[]> {
    const rows = await this.legalEntities.hierarchy(ctx.tenant, id);
    if (!rows.length) throw NotFoundError.of('legal entity', id);
    return this.toResponses(ctx, rows);
  }

  /**
   * Deletes the legal entity, its subsidiaries (recursively) and their contact assignments in one
   * transaction, and drops those contact assignments from the approval groups of other legal entities; each
   * of these documents records its deleted or updated event.
   */
  async delete(ctx: RequestContext, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.legalEntities.lockHierarchy(tx, ctx.tenant);
      const subtree = await this.legalEntities.lockSubtree(tx, ctx.tenant, id);
      // The customers are read and locked before their contact assignments go: an evaluation of one of them that is
      // in flight finishes first, and its result is evaluated again below.
      const customers = await customersOfLegalEntities(tx, ctx.tenant, subtree);
      await lockCustomers(tx, ctx.tenant, customers);
      const removed = await this.legalEntities.deleteSubtree(tx, ctx.tenant, id);
      if (!removed.entities.length) throw NotFoundError.of('legal entity', id);
      await this.legalEntities.removeReferences(tx, ctx.tenant, 'approval_group', removed.assignments);
      await evaluateCustomers(tx, this.metrics, ctx.tenant, customers, 'data-changed');
    });
  }

  /** The documents of rows with their locations and approval groups: two statements for any number of rows. */
  private async toResponses(ctx: RequestContext, rows: LegalEntityRow[]): Promise<LegalEntityResponse[]> {
    return toResponses(rows, await this.legalEntities.references(ctx.tenant, rows));
  }

  /**
   * Checks the parent (under the hierarchy lock, held until the transaction ends) and the references of a write,
   * and returns the columns to store (a PUT replaces them all).
   */
  private async validValues(
    tx: EntityManager,
    ctx: RequestContext,
    id: string,
    body: LegalEntityWrite,
  ): Promise<LegalEntityValues> {
    const { tenant } = ctx;
    let ancestors: string[] = [];
    if (needsAncestors(id, body.type, body.parentId)) {
      await this.legalEntities.lockHierarchy(tx, tenant);
      ancestors = await this.legalEntities.ancestorIds(tx, tenant, body.parentId);
    }
    checkParent(id, body.type, body.parentId, ancestors);
    const { addresses, approvalGroup } = referencedIds(body);
    assertReferenced(addresses, await this.locations.lockExisting(tx, tenant, addresses), {
      resource: 'location',
      field: 'entitiesAddresses',
    });
    assertReferenced(approvalGroup, await this.contactAssignments.lockExisting(tx, tenant, approvalGroup), {
      resource: 'contact assignment',
      field: 'approvalGroup',
    });
    return toRow(body);
  }
}

/** The customer whose legal entities a caller may see, or undefined when it may see all of them. */
function ownCustomer(principal: Principal): string | undefined {
  if (principal.scopes.has(Scopes.legalEntityRead)) return undefined;
  if (!principal.customerId) throw new ForbiddenError(`The scope ${Scopes.legalEntityReadOwn} needs a customer token.`);
  return principal.customerId;
}
