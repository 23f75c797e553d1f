import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../testing/sql-snapshot';
import { toRow } from './item-assignments.mapper';
import { ItemAssignmentsRepository } from './item-assignments.repository';

const repo = (db: RecordingDatabase) => new ItemAssignmentsRepository(db.dataSource);
const KEY = { segmentId: 's1', type: 'PRODUCT' as const, itemId: 'p1' };
const CUSTOMER = { customerId: 'c1', legalEntityIds: ['le1'] };

describe('ItemAssignmentsRepository', () => {
  it('renders every statement as in item-assignments.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'item-assignments.repository.sql'));
    await sql.record(
      'page: one segment, q on the item name, with the count',
      (db) => repo(db).page('t1', { segmentId: 's1' }, listRequest({ q: 'item.name.en:~shoe', withTotal: true })),
      [{ count: '0' }],
    );
    await sql.record('page: all segments of a site, only active, for a customer token, a deep page', (db) =>
      repo(db).page(
        't1',
        { siteCode: 'main', onlyActive: true, view: CUSTOMER },
        listRequest({ offset: 1000, limit: 1000 }),
      ),
    );
    await sql.record('page: the segments the read model selected', (db) =>
      repo(db).page('t1', { segmentIds: ['s1', 's2'] }, listRequest({})),
    );
    await sql.record('find', (db) => repo(db).find('t1', KEY, undefined));
    await sql.record('find: a customer token', (db) => repo(db).find('t1', KEY, CUSTOMER));
    await sql.record(
      'upsert: one statement with the segment check and the event',
      (db) => repo(db).upsert(db.manager, 't1', 's1', toRow('t1', KEY, { mixins: { a: 1 } })),
      [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record('delete', (db) => repo(db).delete(db.manager, 't1', KEY));
    await sql.record('categoryTreeRows: every active segment of a site', (db) =>
      repo(db).categoryTreeRows('t1', { siteCode: 'main' }),
    );
    await sql.record('categoryTreeRows: a customer token', (db) => repo(db).categoryTreeRows('t1', { view: CUSTOMER }));
    await sql.record('categoryTreeRows: the segments the read model selected', (db) =>
      repo(db).categoryTreeRows('t1', { segmentIds: ['s1', 's2'] }),
    );
    await sql.record('matching', (db) => repo(db).matching('t1', ['p1', 'p2'], ['s1'], 'main'));
    await sql.record('explainMatching', (db) => repo(db).explainMatching('t1', ['p1', 'p2'], ['s1'], 'main'));
    sql.check();
  });
});
