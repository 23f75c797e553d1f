import { Principal, Scopes } from '@cs/contracts';
import {
  MetadataCreate,
  CustomerManagementReference,
  LegalEntityCreate,
  LegalEntityResponse,
  LegalEntityUpdate,
} from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Select } from '../../database/select';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Transactions } from '../../database/transactions';
import { upsertVersioned } from '../../database/upsert';
import { ForbiddenError } from '../../errors/domain-errors';
import { newId } from '../../common/documents';
import { assertExisting, insertDocument, notFound } from '../documents';
import { applyFilters } from '../list-filters';
import { LEGAL_ENTITY_FIELDS, LEGAL_ENTITY_FILTERS, LEGAL_ENTITY_TIE_BREAKER } from './legal-entity.fields';
import { ANCESTORS_SQL, assertValidParent, lockHierarchy } from './legal-entity.hierarchy';
import { removeReferences } from './legal-entity.references';
import { expandLegalEntities, LegalEntityRow } from './legal-entity.view';

/** A create or a PUT, once the create's default type is applied. */
type LegalEntityWrite = Omit<LegalEntityUpdate, 'metadata'> & { metadata?: MetadataCreate };

/**
 * Deletes the legal entity `$2` with all its descendants (subsidiaries, their subsidiaries, ...)
 * and returns their ids and the ids of their contact assignments, which the foreign key removes.
 * UNION (not UNION ALL) ends the walk even on cyclic data.
 */
const DELETE_SUBTREE_SQL = `WITH RECURSIVE tree AS (
    SELECT id FROM legal_entity WHERE tenant = $1 AND id = $2
    UNION
    SELECT child.id FROM legal_entity child JOIN tree ON child.tenant = $1 AND child.parent_id = tree.id
  ),
  assignments AS (SELECT ca.id FROM contact_assignment ca JOIN tree ON ca.tenant = $1 AND ca.legal_entity_id = tree.id),
  removed AS (DELETE FROM legal_entity le USING tree WHERE le.tenant = $1 AND le.id = tree.id RETURNING le.id)
  SELECT ARRAY(SELECT id FROM removed) AS entities, ARRAY(SELECT id FROM assignments) AS assignments`;

const uniqueIds = (references: CustomerManagementReference[] | undefined): string[] => [
  ...new Set((references ?? []).map((reference) => reference.id)),
];

@Injectable()
export class LegalEntitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async create(tenant: string, body: LegalEntityCreate): Promise<string> {
    const id = body.id ?? newId();
    const write: LegalEntityWrite = { ...body, type: body.type ?? 'COMPANY' };
    await this.transactions.run(async (tx) =>
      insertDocument(tx, 'legal_entity', tenant, id, await this.validColumns(tx, tenant, id, write)),
    );
    return id;
  }

  /** Returns true when the legal entity was created. */
  async upsert(tenant: string, id: string, body: LegalEntityUpdate): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const values = await this.validColumns(tx, tenant, id, body);
      return (
        await upsertVersioned(tx, {
          table: 'legal_entity',
          key: { tenant, id },
          values,
          expectedVersion: body.metadata?.version,
          resourceId: id,
        })
      ).created;
    });
  }

  /** Lists or searches; a customer token (`legalentity_read_own`) sees only the legal entities it is a contact of. */
  async list(
    tenant: string,
    principal: Principal,
    list: ListRequest,
    filters: object,
  ): Promise<Page<LegalEntityResponse>> {
    const select = new Select(this.dataSource)
      .select('le.*')
      .from('legal_entity', 'le')
      .where('le.tenant = :tenant', { tenant });
    const ownCustomerId = ownCustomer(principal);
    if (ownCustomerId !== undefined) {
      select.where(
        'EXISTS (SELECT 1 FROM contact_assignment own WHERE own.tenant = le.tenant AND own.legal_entity_id = le.id AND own.customer_id = :ownCustomerId)',
        {
          ownCustomerId,
        },
      );
    }
    applyFilters(select, filters, LEGAL_ENTITY_FILTERS);
    const page = await fetchPage<LegalEntityRow>(select, list, {
      fieldMap: LEGAL_ENTITY_FIELDS,
      tieBreaker: LEGAL_ENTITY_TIE_BREAKER,
    });
    return { ...page, items: await expandLegalEntities(this.dataSource.manager, tenant, page.items) };
  }

  async get(tenant: string, id: string): Promise<LegalEntityResponse> {
    const rows: LegalEntityRow[] = await this.dataSource.query(
      'SELECT * FROM legal_entity WHERE tenant = $1 AND id = $2',
      [tenant, id],
    );
    if (!rows.length) throw notFound('legal_entity', id);
    const [entity] = await expandLegalEntities(this.dataSource.manager, tenant, rows);
    return entity;
  }

  /** The legal entity followed by its parent, grandparent, ... up to the top company. */
  async parentHierarchy(tenant: string, id: string): Promise<LegalEntityResponse[]> {
    const rows: LegalEntityRow[] = await this.dataSource.query(ANCESTORS_SQL, [tenant, id]);
    if (!rows.length) throw notFound('legal_entity', id);
    return expandLegalEntities(this.dataSource.manager, tenant, rows);
  }

  /**
   * Deletes the legal entity, its subsidiaries (recursively) and their contact assignments in one
   * transaction, and drops those contact assignments from the approval groups of other legal entities.
   */
  async delete(tenant: string, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await lockHierarchy(tx, tenant);
      const [removed]: Array<{ entities: string[]; assignments: string[] }> = await tx.query(DELETE_SUBTREE_SQL, [
        tenant,
        id,
      ]);
      if (!removed.entities.length) throw notFound('legal_entity', id);
      await removeReferences(tx, tenant, 'approval_group', removed.assignments);
    });
  }

  /** Checks the references of a write and returns the columns to store (a PUT replaces them all). */
  private async validColumns(
    tx: EntityManager,
    tenant: string,
    id: string,
    body: LegalEntityWrite,
  ): Promise<Record<string, unknown>> {
    const addresses = uniqueIds(body.entitiesAddresses);
    const approvalGroup = uniqueIds(body.approvalGroup);
    await assertValidParent(tx, tenant, id, body.type, body.parentId);
    await assertExisting(tx, 'location', tenant, addresses, 'entitiesAddresses');
    await assertExisting(tx, 'contact_assignment', tenant, approvalGroup, 'approvalGroup');
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
}

/** The customer whose legal entities a caller may see, or undefined when it may see all of them. */
function ownCustomer(principal: Principal): string | undefined {
  if (principal.scopes.has(Scopes.legalEntityRead)) return undefined;
  if (!principal.customerId) throw new ForbiddenError(`The scope ${Scopes.legalEntityReadOwn} needs a customer token.`);
  return principal.customerId;
}
