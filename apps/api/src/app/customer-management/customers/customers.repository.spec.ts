import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../../testing/sql-snapshot';
import { customerEventData } from './customer.events';
import { toRow } from './customers.mapper';
import { CustomersRepository } from './customers.repository';

const repository = (db: RecordingDatabase) => new CustomersRepository(db.dataSource);

describe('CustomersRepository', () => {
  it('renders every statement as in customers.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'customers.repository.sql'));
    const values = toRow({ id: 'john', firstName: 'John', email: 'john@example.com' });
    await sql.record(
      'upsert (no version check: the sync replaces)',
      (db) =>
        repository(db).upsert(db.manager, {
          tenant: 't1',
          id: 'john',
          values,
          eventData: customerEventData('john', values),
        }),
      [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record('delete', (db) => repository(db).delete(db.manager, 't1', 'john'), []);
    sql.check();
  });
});
