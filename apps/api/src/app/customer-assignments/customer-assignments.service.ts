import { BulkItemResult, Principal } from '@cs/contracts';
import {
  CustomerAssignmentRemoveBulk,
  CustomerAssignmentResponse,
  CustomerAssignmentUpsertBulk,
  MixinsUpsert,
} from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampColumns } from '../database/sql';
import { Select } from '../database/select';
import { fetchPage, ListRequest, Page } from '../common/listing';
import { assertObjectBody, validateAs } from '../common/validation';
import { deleteRecordingEvents } from '../database/outbox';
import { bulkLockKey, Transactions } from '../database/transactions';
import { NotFoundError } from '../errors';
import { customerView } from '../segments/segment-visibility';
import { upsertBulkIntoSegment } from '../segments/segment-assignment-writes';
import { CUSTOMER_ASSIGNMENT_DELETION, CUSTOMER_ASSIGNMENTS } from '../segments/segment-assignments';
import { upsertIntoSegment, visibleToCustomerSql } from '../segments/segments.repository';
import { AssignmentKey, assignmentRow, AssignmentRow, describeKey, toDocument } from './customer-assignment.document';
import { CUSTOMER_ASSIGNMENT_LIST } from './customer-assignments.fields';

@Injectable()
export class CustomerAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  /**
   * A page of a segment's assignments. Customer tokens see only their own assignments (B2C, and B2B
   * of the token's legal entities when it names any), and only while the segment is visible to them.
   */
  async list(
    tenant: string,
    segmentId: string,
    list: ListRequest,
    principal: Principal,
  ): Promise<Page<CustomerAssignmentResponse>> {
    const select = this.select().where('a.tenant = :tenant AND a.segment_id = :segmentId', { tenant, segmentId });
    const view = customerView(principal);
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
    const page = await fetchPage<AssignmentRow>(select, list, CUSTOMER_ASSIGNMENT_LIST);
    return { ...page, items: page.items.map(toDocument) };
  }

  async get(tenant: string, key: AssignmentKey): Promise<CustomerAssignmentResponse> {
    const row = await this.select()
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
    if (!row) throw new NotFoundError(`No assignment of ${describeKey(key)}.`, key.customerId);
    return toDocument(row);
  }

  /** Upsert; true when the assignment was created. No body (or `null`) is an empty document. */
  upsert(tenant: string, key: AssignmentKey, body: MixinsUpsert | null | undefined): Promise<boolean> {
    assertObjectBody(body);
    return this.transactions.run((tx) => this.write(tx, tenant, key, body ?? {}));
  }

  async remove(tenant: string, key: AssignmentKey): Promise<void> {
    await this.transactions.run((tx) => this.delete(tx, tenant, key));
  }

  upsertBulk(tenant: string, segmentId: string, items: unknown): Promise<BulkItemResult[]> {
    return upsertBulkIntoSegment(this.transactions, {
      tenant,
      segmentId,
      items,
      assignments: CUSTOMER_ASSIGNMENTS,
      toRow: async (item) => {
        const dto = await validateAs(CustomerAssignmentUpsertBulk, item);
        return {
          row: assignmentRow(tenant, { segmentId, customerId: dto.customerId, legalEntityId: dto.legalEntityId }, dto),
        };
      },
    });
  }

  removeBulk(tenant: string, segmentId: string, items: unknown): Promise<BulkItemResult[]> {
    return this.transactions.bulk(items, bulkLockKey.fields('customerId', 'legalEntityId'), async (tx, item) => {
      const dto = await validateAs(CustomerAssignmentRemoveBulk, item);
      await this.delete(tx, tenant, { segmentId, customerId: dto.customerId, legalEntityId: dto.legalEntityId });
      return { code: 204 };
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

  private async write(tx: EntityManager, tenant: string, key: AssignmentKey, body: MixinsUpsert): Promise<boolean> {
    const row = assignmentRow(tenant, key, body);
    return upsertIntoSegment(tx, { tenant, segmentId: key.segmentId, assignments: CUSTOMER_ASSIGNMENTS, row });
  }

  /** Deleting an absent assignment is no error; only a real deletion is an event. */
  private async delete(tx: EntityManager, tenant: string, key: AssignmentKey): Promise<void> {
    await deleteRecordingEvents(tx, {
      ...CUSTOMER_ASSIGNMENT_DELETION,
      tenant,
      where: {
        tenant,
        segment_id: key.segmentId,
        customer_id: key.customerId,
        legal_entity_id: key.legalEntityId ?? '',
      },
    });
  }
}
