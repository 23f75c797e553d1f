import { join } from 'node:path';
import { SqlSnapshot } from '../../testing/sql-snapshot';
import { ReadModelRepository } from './read-model.repository';

describe('ReadModelRepository', () => {
  it('renders every statement as in read-model.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'read-model.repository.sql'));
    const state = [{ now: 0, segments: '', catalog: '', customerSegments: null }];
    await sql.record('state', (db) => new ReadModelRepository(db.dataSource).state('t1'), state);
    await sql.record(
      'state: a customer acting for legal entities',
      (db) => new ReadModelRepository(db.dataSource).state('t1', { customerId: 'c1', legalEntityIds: ['le1'] }),
      state,
    );
    await sql.record('loadSegments', (db) => new ReadModelRepository(db.dataSource).loadSegments('t1', 1000), [{}]);
    await sql.record('loadCatalog', (db) => new ReadModelRepository(db.dataSource).loadCatalog('t1', 1000), [{}]);
    sql.check();
  });
});
