import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../testing/sql-snapshot';
import { toRow } from './customer-assignments.mapper';
import { CustomerAssignmentsRepository } from './customer-assignments.repository';

const repo = (db: RecordingDatabase) => new CustomerAssignmentsRepository(db.dataSource);
const B2B = { segmentId: 's1', customerId: 'c1', legalEntityId: 'le1' };

describe('CustomerAssignmentsRepository', () => {
  it('renders every statement as in customer-assignments.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'customer-assignments.repository.sql'));
    await sql.record(
      'page: segment_read, sorted by a joined field, with the count',
      (db) => repo(db).page('t1', 's1', undefined, listRequest({ sort: 'customer.lastName', withTotal: true })),
      [{ count: '0' }],
    );
    await sql.record('page: a deep page (the enriching joins for the page only)', (db) =>
      repo(db).page('t1', 's1', undefined, listRequest({ offset: 2000, limit: 1000 })),
    );
    await sql.record('page: a B2B customer token', (db) =>
      repo(db).page('t1', 's1', { customerId: 'c1', legalEntityIds: ['le1'] }, listRequest({ q: 'customer.id:c1' })),
    );
    await sql.record('find: B2C', (db) => repo(db).find('t1', { segmentId: 's1', customerId: 'c1' }));
    await sql.record('find: B2B', (db) => repo(db).find('t1', B2B));
    await sql.record(
      'upsert: one statement with the segment check and the event',
      (db) => repo(db).upsert(db.manager, 't1', 's1', toRow('t1', B2B, { mixins: { a: 1 }, metadata: { version: 2 } })),
      [{ found: true, created: false, version: 3, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record('delete: B2C', (db) => repo(db).delete(db.manager, 't1', { segmentId: 's1', customerId: 'c1' }));
    sql.check();
  });
});
