import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../testing';
import { HealthRepository } from './health.repository';

describe('HealthRepository statements', () => {
  const snapshot = new SqlSnapshot(join(__dirname, 'health.repository.sql'));
  afterAll(() => snapshot.check());

  it('renders every statement', async () => {
    await snapshot.record('ping', (db: RecordingDatabase) => new HealthRepository(db.dataSource).ping());
  });
});
