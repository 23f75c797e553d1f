import { listRequest, RecordingDatabase, SqlSnapshot } from '../../testing/sql-snapshot';
import { upsertBulkIntoSegment } from './segment-assignment-writes';
import { CUSTOMER_ASSIGNMENTS } from './segment-assignments';
import { SegmentValues, toEventWrite } from './segments.mapper';
import { SegmentsRepository, upsertIntoSegment, upsertManyIntoSegment } from './segments.repository';
import { Transactions } from '../database/transactions';
import { join } from 'node:path';

const VALUES: SegmentValues = {
  name: { en: 'Gold' },
  description: null,
  status: 'ACTIVE',
  site_code: 'main',
  validity_from: new Date('2020-01-01T00:00:00.000Z'),
  validity_to: null,
  criteria: null,
  mixins: { tier: 1 },
  metadata_mixins: { tier: 'https://example.com/tier.json' },
};
const EVENT = toEventWrite({ tenant: 't1', id: 's1', values: VALUES });
const STORED = { version: 1, created_at: new Date(0), modified_at: new Date(0) };
const ROW = {
  key: { tenant: 't1', segment_id: 's1', customer_id: 'c1', legal_entity_id: '' },
  values: { assignment_type: 'MANUAL', mixins: {}, metadata_mixins: {} },
  expectedVersion: 3,
  resourceId: 'c1',
  event: { resourceId: 's1/c1', payload: { segmentId: 's1', customer: { id: 'c1' } }, metadata: { mixins: {} } },
};
const CUSTOMER = { customerId: 'c1', legalEntityIds: ['le1', 'le2'] };
const repo = (db: RecordingDatabase) => new SegmentsRepository(db.dataSource);

describe('SegmentsRepository', () => {
  it('renders every statement as in segments.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'segments.repository.sql'));
    await sql.record(
      'page: segment_read, q and sort, with the count',
      (db) =>
        repo(db).page('t1', {}, listRequest({ q: 'status:ACTIVE name.en:~Go', sort: 'name.en:desc', withTotal: true })),
      [{ count: '0' }],
    );
    await sql.record('page: narrowed to a customer and a legal entity', (db) =>
      repo(db).page('t1', { assigned: { customerId: 'c1', legalEntityId: 'le1' } }, listRequest()),
    );
    await sql.record('find: a customer token with legal entities', (db) =>
      repo(db).find('t1', { visibleTo: CUSTOMER }, 's1'),
    );
    await sql.record('find: a B2C customer token narrowed to a legal entity', (db) =>
      repo(db).find(
        't1',
        { visibleTo: { customerId: 'c1' }, assigned: { customerId: 'c1', legalEntityId: 'le1' } },
        's1',
      ),
    );
    await sql.record('find: a token without a customer sees nothing', (db) =>
      repo(db).find('t1', { visibleTo: {} }, 's1'),
    );
    await sql.record('lock', (db) => repo(db).lock(db.manager, 't1', 's1'));
    await sql.record(
      'insert with its created event',
      (db) => repo(db).insert(db.manager, { tenant: 't1', id: 's1', values: VALUES, event: EVENT }),
      [STORED],
    );
    await sql.record(
      'upsert with the optimistic lock and its event',
      (db) =>
        repo(db).upsert(db.manager, {
          tenant: 't1',
          id: 's1',
          values: VALUES,
          expectedVersion: 2,
          event: toEventWrite({ tenant: 't1', id: 's1', values: VALUES }, 'INACTIVE'),
        }),
      [{ created: false, version: 3, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record('usage', (db) => repo(db).usage(db.manager, 't1', 's1'), [{ customers: false, items: false }]);
    await sql.record('deleteAssignments (forceDelete)', (db) => repo(db).deleteAssignments(db.manager, 't1', 's1'));
    await sql.record('delete with its deleted event', (db) => repo(db).delete(db.manager, 't1', 's1'));
    await sql.record(
      'upsertIntoSegment: one assignment, the segment checked in the same statement',
      (db) =>
        upsertIntoSegment(db.manager, { tenant: 't1', segmentId: 's1', assignments: CUSTOMER_ASSIGNMENTS, row: ROW }),
      [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record(
      'upsertManyIntoSegment: the segment kept, then all rows in one statement',
      (db) =>
        upsertManyIntoSegment(db.manager, {
          tenant: 't1',
          segmentId: 's1',
          assignments: CUSTOMER_ASSIGNMENTS,
          rows: [ROW, { ...ROW, key: { ...ROW.key, customer_id: 'c2' }, expectedVersion: undefined }],
        }),
      [{}],
      [
        { ord: '1', created: true, version: 1 },
        { ord: '2', created: false, version: 4 },
      ],
    );
    sql.check();
  });
});

describe('upsertBulkIntoSegment', () => {
  it('answers 404 for every valid item when the segment is absent, 400 for an invalid one', async () => {
    const transactions = {
      run: (work: (tx: unknown) => unknown) => work({ query: async () => [] }),
      bulkFailure: (index: number, error: Error) => ({ index, code: 0, status: '', message: error.message }),
    } as unknown as Transactions;
    const results = await upsertBulkIntoSegment(transactions, {
      tenant: 't1',
      segmentId: 'gone',
      items: [{ ok: true }, { ok: false }],
      assignments: CUSTOMER_ASSIGNMENTS,
      toRow: async (item) => {
        if (!(item as { ok: boolean }).ok) throw new Error('invalid');
        return { row: ROW };
      },
    });
    expect(results.map((result) => result.message)).toEqual(['Segment with id gone not found.', 'invalid']);
  });
});
