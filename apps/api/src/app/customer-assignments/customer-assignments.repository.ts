import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../common/listing';
import { deleteRecordingEvents } from '../database/outbox';
import { Select } from '../database/select';
import { isoTimestampColumns } from '../database/sql';
import { VersionedUpsertRow } from '../database/upsert';
import { CUSTOMER_ASSIGNMENT_DELETION, CUSTOMER_ASSIGNMENTS } from '../segments/segment-assignments';
import { CustomerView } from '../segments/segment-visibility';
import { upsertIntoSegment, visibleToCustomerSql } from '../segments/segments.repository';
import { AssignmentKey, assignmentKeyText, AssignmentRow } from './customer-assignments.mapper';
import { CUSTOMER_ASSIGNMENT_LIST } from './customer-assignments.fields';

/** Every statement of customer assignments (the bulk upsert is the segments repository's `upsertManyIntoSegment`). */
@Injectable()
export class CustomerAssignmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A page of a segment's assignments. With `view` (customer tokens) only the customer's own assignments
   * (B2C, and B2B of the view's legal entities when it names any), and only while the segment is visible to it.
   */
  page(
    tenant: string,
    segmentId: string,
    view: CustomerView | undefined,
    list: ListRequest,
  ): Promise<Page<AssignmentRow>> {
    const select = this.select().where('a.tenant = :tenant AND a.segment_id = :segmentId', { tenant, segmentId });
    if (view) {
      const visible = visibleToCustomerSql('seg', view);
      select.where(
        `EXISTS (SELECT 1 FROM segment seg WHERE seg.tenant = a.tenant AND seg.id = a.segment_id AND ${visible.sql})`,
        visible.params,
      );
      const legalEntityIds = view.legalEntityIds?.length ? [...view.legalEntityIds] : undefined;
      select.where(
        `a.customer_id = :ownCustomerId${legalEntityIds ? " AND (a.legal_entity_id = '' OR a.legal_entity_id = ANY(CAST(:ownLegalEntityIds AS text[])))" : ''}`,
        { ownCustomerId: view.customerId ?? null, ...(legalEntityIds && { ownLegalEntityIds: legalEntityIds }) },
      );
    }
    return fetchPage<AssignmentRow>(select, list, CUSTOMER_ASSIGNMENT_LIST);
  }

  find(tenant: string, key: AssignmentKey): Promise<AssignmentRow | undefined> {
    return this.select()
      .where(
        'a.tenant = :tenant AND a.segment_id = :segmentId AND a.customer_id = :customerId AND a.legal_entity_id = :legalEntityId',
        {
          tenant,
          segmentId: key.segmentId,
          customerId: key.customerId,
          legalEntityId: key.legalEntityId ?? '',
        },
      )
      .getRawOne<AssignmentRow>();
  }

  /** Upserts one assignment with its event, in one statement; true when it was created (404 without the segment). */
  upsert(tx: EntityManager, tenant: string, segmentId: string, row: VersionedUpsertRow): Promise<boolean> {
    return upsertIntoSegment(tx, { tenant, segmentId, assignments: CUSTOMER_ASSIGNMENTS, row });
  }

  /** Which of these keys are AUTOMATIC assignments of the segment (as `assignmentKeyText`). */
  async automaticKeys(
    tx: EntityManager,
    tenant: string,
    segmentId: string,
    keys: readonly AssignmentKey[],
  ): Promise<Set<string>> {
    const rows: Array<{ customer_id: string; legal_entity_id: string }> = await tx.query(
      `SELECT a.customer_id, a.legal_entity_id FROM customer_assignment a
       JOIN unnest($3::text[], $4::text[]) AS k(customer_id, legal_entity_id)
         ON a.customer_id = k.customer_id AND a.legal_entity_id = k.legal_entity_id
       WHERE a.tenant = $1 AND a.segment_id = $2 AND a.assignment_type = 'AUTOMATIC'`,
      [tenant, segmentId, keys.map((key) => key.customerId), keys.map((key) => key.legalEntityId ?? '')],
    );
    return new Set(
      rows.map((row) => assignmentKeyText({ customerId: row.customer_id, legalEntityId: row.legal_entity_id })),
    );
  }

  /** Deletes a MANUAL assignment; deleting an absent one is no error; only a real deletion is an event. */
  async delete(tx: EntityManager, tenant: string, key: AssignmentKey): Promise<void> {
    await deleteRecordingEvents(tx, {
      ...CUSTOMER_ASSIGNMENT_DELETION,
      tenant,
      where: {
        tenant,
        segment_id: key.segmentId,
        customer_id: key.customerId,
        legal_entity_id: key.legalEntityId ?? '',
        assignment_type: 'MANUAL',
      },
    });
  }

  /** Assignments with their customer's and legal entity's data, in one statement. */
  private select(): Select {
    return new Select(this.dataSource)
      .from('customer_assignment', 'a')
      .leftJoin('customer', 'c', 'c.tenant = a.tenant AND c.id = a.customer_id')
      .leftJoin('legal_entity', 'le', 'le.tenant = a.tenant AND le.id = a.legal_entity_id')
      .select('a.customer_id', 'customerId')
      .select('a.legal_entity_id', 'legalEntityId')
      .select('a.assignment_type', 'assignmentType')
      .select('a.mixins', 'mixins')
      .select('a.metadata_mixins', 'metadata_mixins')
      .select('a.version', 'version')
      .select(isoTimestampColumns('a'))
      .select('c.first_name', 'firstName')
      .select('c.last_name', 'lastName')
      .select('c.email', 'email')
      .select('le.name', 'legalEntityName');
  }
}
