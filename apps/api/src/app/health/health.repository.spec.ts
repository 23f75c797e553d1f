import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../testing/sql-snapshot';
import { HealthRepository } from './health.repository';

describe('HealthRepository', () => {
  it('renders every statement as in health.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'health.repository.sql'));
    await sql.record('ping', (db: RecordingDatabase) => new HealthRepository(db.dataSource).ping());
    sql.check();
  });
});
