import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../testing/sql-snapshot';
import { ValidityBoundariesRepository } from './validity-boundaries.repository';

const repo = (db: RecordingDatabase) => new ValidityBoundariesRepository(db.dataSource);
const AT = new Date('2026-01-01T00:00:00.000Z');
const claimed = (id: string, status: string) => ({
  boundary: 'from',
  at: AT,
  id,
  site_code: 'main',
  status,
  validity_from: AT,
  validity_to: null,
  version: 2,
  active: status === 'ACTIVE',
});

describe('ValidityBoundariesRepository', () => {
  it('renders every statement as in validity-boundaries.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'validity-boundaries.repository.sql'));
    await sql.record('schedule', (db) => repo(db).schedule());
    await sql.record(
      'announce: the claim, then the deletion with the events of the ACTIVE segments',
      (db) => repo(db).announce(db.manager, 't1', 100),
      [claimed('on', 'ACTIVE'), claimed('off', 'INACTIVE')],
    );
    sql.check();
  });
});
