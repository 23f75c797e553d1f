import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../../testing';
import { toRow } from './customers.mapper';
import { CustomersRepository } from './customers.repository';

const repository = (db: RecordingDatabase) => new CustomersRepository(db.dataSource);

describe('CustomersRepository statements', () => {
  const snapshot = new SqlSnapshot(join(__dirname, 'customers.repository.sql'));
  afterAll(() => snapshot.check());

  it('renders every statement for fixed inputs', async () => {
    const values = toRow({ id: 'john', firstName: 'John', email: 'john@example.com' });
    await snapshot.record(
      'upsert (no version check: the sync replaces)',
      (db) => repository(db).upsert(db.manager, { tenant: 't1', id: 'john', values }),
      [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await snapshot.record('delete', (db) => repository(db).delete(db.manager, 't1', 'john'), [[], 0]);
  });
});
