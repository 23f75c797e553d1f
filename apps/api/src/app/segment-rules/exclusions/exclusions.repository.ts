import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Select } from '../../database/select';
import { isoTimestampColumns } from '../../database/sql';
import { VersionedUpsertRow } from '../../database/upsert';
import { SilentAssignmentTable } from '../../segments/segment-assignments';
import { upsertIntoSegment } from '../../segments/segments.repository';
import { EXCLUSION_LIST } from './exclusions.fields';
import { ExclusionKey, ExclusionRow } from './exclusions.mapper';

/** The exclusions are written like a segment's assignments, without events of their own. */
export const EXCLUSIONS: SilentAssignmentTable = { table: 'segment_exclusion' };

/** Every statement of exclusions (the bulk upsert is the segments repository's `upsertManyIntoSegment`). */
@Injectable()
export class ExclusionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of a segment's exclusions. */
  page(tenant: string, segmentId: string, list: ListRequest): Promise<Page<ExclusionRow>> {
    const select = this.select().where('x.tenant = :tenant AND x.segment_id = :segmentId', { tenant, segmentId });
    return fetchPage<ExclusionRow>(select, list, EXCLUSION_LIST);
  }

  find(tenant: string, key: ExclusionKey): Promise<ExclusionRow | undefined> {
    return this.select()
      .where(
        'x.tenant = :tenant AND x.segment_id = :segmentId AND x.customer_id = :customerId AND x.legal_entity_id = :legalEntityId',
        { tenant, segmentId: key.segmentId, customerId: key.customerId, legalEntityId: key.legalEntityId ?? '' },
      )
      .getRawOne<ExclusionRow>();
  }

  /** Upserts one exclusion in one statement; true when it was created (404 without the segment). */
  upsert(tx: EntityManager, tenant: string, segmentId: string, row: VersionedUpsertRow): Promise<boolean> {
    return upsertIntoSegment(tx, { tenant, segmentId, assignments: EXCLUSIONS, row });
  }

  /** Deletes an exclusion; deleting an absent one is no error. */
  async delete(tx: EntityManager, tenant: string, key: ExclusionKey): Promise<void> {
    await tx.query(
      'DELETE FROM segment_exclusion WHERE tenant = $1 AND segment_id = $2 AND customer_id = $3 AND legal_entity_id = $4',
      [tenant, key.segmentId, key.customerId, key.legalEntityId ?? ''],
    );
  }

  private select(): Select {
    return new Select(this.dataSource)
      .from('segment_exclusion', 'x')
      .select('x.customer_id', 'customerId')
      .select('x.legal_entity_id', 'legalEntityId')
      .select('x.mixins', 'mixins')
      .select('x.metadata_mixins', 'metadata_mixins')
      .select('x.version', 'version')
      .select(isoTimestampColumns('x'));
  }
}
