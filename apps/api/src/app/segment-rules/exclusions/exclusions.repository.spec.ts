import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../../testing/sql-snapshot';
import { toRow } from './exclusions.mapper';
import { ExclusionsRepository } from './exclusions.repository';

const repo = (db: RecordingDatabase) => new ExclusionsRepository(db.dataSource);
const B2B = { segmentId: 's1', customerId: 'c1', legalEntityId: 'le1' };

describe('ExclusionsRepository', () => {
  it('renders every statement as in exclusions.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'exclusions.repository.sql'));
    await sql.record(
      'page: sorted, with the count',
      (db) => repo(db).page('t1', 's1', listRequest({ sort: 'metadata.createdAt:desc', withTotal: true })),
      [{ count: '0' }],
    );
    await sql.record('page: with q', (db) => repo(db).page('t1', 's1', listRequest({ q: 'legalEntityId:null' })));
    await sql.record('find: every legal entity', (db) => repo(db).find('t1', { segmentId: 's1', customerId: 'c1' }));
    await sql.record('find: one legal entity', (db) => repo(db).find('t1', B2B));
    await sql.record(
      'upsert: one statement with the segment check, no event',
      (db) => repo(db).upsert(db.manager, 't1', 's1', toRow('t1', B2B, { mixins: { a: 1 }, metadata: { version: 2 } })),
      [{ found: true, created: false, version: 3, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record('delete: every legal entity', (db) =>
      repo(db).delete(db.manager, 't1', { segmentId: 's1', customerId: 'c1' }),
    );
    sql.check();
  });
});
