import { EventTypes } from '@cs/contracts';
import { LegalEntityListFilters } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Select } from '../../database/select';
import {
  CONTACT_ASSIGNMENT_EVENTS,
  contactAssignmentDeletedDataSql,
} from '../contact-assignments/contact-assignment.events';
import { ContactAssignmentsRepository } from '../contact-assignments/contact-assignments.repository';
import { DocumentRepository } from '../document.repository';
import { applyFilters } from '../list-filters';
import { LocationsRepository } from '../locations/locations.repository';
import { LEGAL_ENTITY_FIELDS, LEGAL_ENTITY_FILTERS, LEGAL_ENTITY_TIE_BREAKER } from './legal-entity.fields';
import { LegalEntityReferences, LegalEntityRow, LegalEntityValues } from './legal-entities.mapper';
import { LEGAL_ENTITY_EVENTS, legalEntityDeletedDataSql, legalEntityEventDataSql } from './legal-entity.events';

// Every statement of legal entities: the shared document statements, the hierarchy, and the references.

/** Deeper chains than this are treated as broken data, so a walk always ends. */
const MAX_HIERARCHY_DEPTH = 1000;

/** The entity `$2` and its ancestors, nearest first (`depth` 0 is the entity itself). */
const ANCESTORS_SQL = `WITH RECURSIVE chain AS (
    SELECT le.*, 0 AS depth FROM legal_entity le WHERE le.tenant = $1 AND le.id = $2
    UNION ALL
    SELECT p.*, chain.depth + 1 FROM legal_entity p JOIN chain ON p.tenant = chain.tenant AND p.id = chain.parent_id
    WHERE chain.depth < ${MAX_HIERARCHY_DEPTH}
  ) SELECT * FROM chain ORDER BY depth`;

/** `tree`: the legal entity `$2` and all its descendants. UNION (not UNION ALL) ends the walk even on cyclic data. */
const SUBTREE_CTE = `WITH RECURSIVE tree AS (
    SELECT id FROM legal_entity WHERE tenant = $1 AND id = $2
    UNION
    SELECT child.id FROM legal_entity child JOIN tree ON child.tenant = $1 AND child.parent_id = tree.id
  )`;

/**
 * Deletes the legal entity `$2` with all its descendants (subsidiaries, their subsidiaries, ...), records a
 * deleted event for each of them and for each of their contact assignments, which the foreign key removes,
 * and returns the ids of both.
 */
const DELETE_SUBTREE_SQL = `${SUBTREE_CTE},
  assignments AS (SELECT ca.id, ca.legal_entity_id, ca.customer_id
    FROM contact_assignment ca JOIN tree ON ca.tenant = $1 AND ca.legal_entity_id = tree.id),
  removed AS (DELETE FROM legal_entity le USING tree WHERE le.tenant = $1 AND le.id = tree.id
    RETURNING le.id, le.parent_id),
  events AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT $1, $3, $4, removed.id, NULL::int, ${legalEntityDeletedDataSql('removed')} FROM removed
    UNION ALL
    SELECT $1, $5, $6, a.id, NULL, ${contactAssignmentDeletedDataSql('a')} FROM assignments a)
  SELECT ARRAY(SELECT id FROM removed) AS entities, ARRAY(SELECT id FROM assignments) AS assignments`;

/** The jsonb id lists of `legal_entity` that reference other documents. */
export type LegalEntityReferenceColumn = 'entities_addresses' | 'approval_group';

/** Which legal entities a list covers. */
export interface LegalEntityListScope {
  /** The named query parameters of the list (ANDed). */
  filters: LegalEntityListFilters;
  /** Only the legal entities this customer is a contact of. */
  contactCustomerId?: string;
}

@Injectable()
export class LegalEntitiesRepository extends DocumentRepository<LegalEntityValues> {
  constructor(
    dataSource: DataSource,
    private readonly locations: LocationsRepository,
    private readonly contactAssignments: ContactAssignmentsRepository,
  ) {
    super(dataSource, 'legal_entity', LEGAL_ENTITY_EVENTS);
  }

  /** A page of the legal entities of `scope` matching the named filters and q: one statement (two with the count). */
  page(tenant: string, scope: LegalEntityListScope, list: ListRequest): Promise<Page<LegalEntityRow>> {
    const select = new Select(this.dataSource)
      .select('le.*')
      .from('legal_entity', 'le')
      .where('le.tenant = :tenant', { tenant });
    if (scope.contactCustomerId !== undefined) {
      select.where(
        'EXISTS (SELECT 1 FROM contact_assignment own WHERE own.tenant = le.tenant AND own.legal_entity_id = le.id AND own.customer_id = :ownCustomerId)',
        { ownCustomerId: scope.contactCustomerId },
      );
    }
    applyFilters(select, scope.filters, LEGAL_ENTITY_FILTERS);
    return fetchPage<LegalEntityRow>(select, list, {
      fieldMap: LEGAL_ENTITY_FIELDS,
      tieBreaker: LEGAL_ENTITY_TIE_BREAKER,
    });
  }

  async find(tenant: string, id: string): Promise<LegalEntityRow | undefined> {
    const rows: LegalEntityRow[] = await this.dataSource.query(
      'SELECT * FROM legal_entity WHERE tenant = $1 AND id = $2',
      [tenant, id],
    );
    return rows[0];
  }

  /** The legal entity followed by its parent, grandparent, ... up to the top company; empty when it is absent. */
  hierarchy(tenant: string, id: string): Promise<LegalEntityRow[]> {
    return this.dataSource.query(ANCESTORS_SQL, [tenant, id]);
  }

  /** The ids of the legal entity and its ancestors, nearest first (under `lockHierarchy` in writes). */
  async ancestorIds(tx: EntityManager, tenant: string, id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(ANCESTORS_SQL, [tenant, id]);
    return rows.map((row) => row.id);
  }

  /** Serialises the tenant's hierarchy changes, so two concurrent writes cannot close a cycle together. */
  async lockHierarchy(tx: EntityManager, tenant: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`legal-entity-hierarchy:${tenant}`]);
  }

  /**
   * Locks the legal entity and its subsidiaries (recursively) for their deletion. Once it holds their rows, writes
   * of contact assignments to them have committed or wait, so the deleting statement, which comes after, sees
   * every contact assignment the foreign key will remove and records its event.
   */
  async lockSubtree(tx: EntityManager, tenant: string, id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query(
      `${SUBTREE_CTE}
       SELECT le.id FROM legal_entity le JOIN tree ON le.tenant = $1 AND le.id = tree.id FOR UPDATE OF le`,
      [tenant, id],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Deletes the legal entity and its subsidiaries (recursively) in one statement, which also records their
   * deleted events and those of their contact assignments (the foreign key removes them; see `lockSubtree`).
   * Returns the ids of both, empty when the legal entity is absent.
   */
  async deleteSubtree(
    tx: EntityManager,
    tenant: string,
    id: string,
  ): Promise<{ entities: string[]; assignments: string[] }> {
    const [removed]: Array<{ entities: string[]; assignments: string[] }> = await tx.query(DELETE_SUBTREE_SQL, [
      tenant,
      id,
      EventTypes.legalEntityDeleted,
      LEGAL_ENTITY_EVENTS.resourceType,
      EventTypes.contactAssignmentDeleted,
      CONTACT_ASSIGNMENT_EVENTS.resourceType,
    ]);
    return removed;
  }

  /**
   * Removes deleted locations / contact assignments from the legal entities that list them, in the
   * deleting transaction, so no legal entity keeps a dangling reference. The changed legal entities
   * get a new version and an updated event (in the same statement): a client holding the old version
   * must re-read before writing it back.
   */
  async removeReferences(
    tx: EntityManager,
    tenant: string,
    column: LegalEntityReferenceColumn,
    ids: readonly string[],
  ): Promise<void> {
    if (!ids.length) return;
    await tx.query(
      `WITH changed AS (
       UPDATE legal_entity SET ${column} = ${column} - $2::text[], version = version + 1, modified_at = now()
       WHERE tenant = $1 AND ${column} ?| $2::text[] RETURNING *)
     INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
     SELECT $1, $3, $4, changed.id, changed.version, ${legalEntityEventDataSql('changed')} FROM changed`,
      [tenant, [...ids], EventTypes.legalEntityUpdated, LEGAL_ENTITY_EVENTS.resourceType],
    );
  }

  /**
   * The locations and contact assignments (with customer data) the rows reference: two statements for any
   * number of rows, run side by side; none for what no row references.
   */
  async references(tenant: string, rows: readonly LegalEntityRow[]): Promise<LegalEntityReferences> {
    const locationIds = [...new Set(rows.flatMap((row) => row.entities_addresses ?? []))];
    const assignmentIds = [...new Set(rows.flatMap((row) => row.approval_group ?? []))];
    const [locations, assignments] = await Promise.all([
      locationIds.length ? this.locations.findMany(tenant, locationIds) : [],
      assignmentIds.length ? this.contactAssignments.findManyWithCustomer(tenant, assignmentIds) : [],
    ]);
    return { locations, assignments };
  }
}
