import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../../testing/sql-snapshot';
import { EndpointValues } from './endpoints.mapper';
import { EndpointsRepository } from './endpoints.repository';

const id = '0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a';
const values: EndpointValues = {
  url: 'https://hooks.example.com/in',
  description: 'CRM',
  event_types: ['customer-segment.*'],
  active: true,
};

const repository = (db: RecordingDatabase) => new EndpointsRepository(db.dataSource);

describe('EndpointsRepository', () => {
  it('renders every statement as in endpoints.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'endpoints.repository.sql'));
    await sql.record('insertUnderCap: the tenant lock, then the insert counting under it', (db) =>
      repository(db).insertUnderCap(db.manager, { tenant: 't1', id, values, secret: 'whsec_x', cap: 100 }),
    );
    await sql.record('update with the version check', (db) =>
      repository(db).update(db.manager, { tenant: 't1', id, values, expectedVersion: 2 }),
    );
    await sql.record('rotateSecret', (db) =>
      repository(db).rotateSecret(db.manager, { tenant: 't1', id, secret: 'whsec_y', overlapMs: 86_400_000 }),
    );
    await sql.record('delete', (db) => repository(db).delete(db.manager, 't1', id));
    await sql.record('exists', (db) => repository(db).exists(db.manager, 't1', id));
    await sql.record(
      'page with q, sort and the count',
      (db) =>
        repository(db).page(
          't1',
          listRequest({ q: 'active:true url:~hooks', sort: 'metadata.createdAt:desc', limit: 10, withTotal: true }),
        ),
      [{ count: '0' }],
    );
    await sql.record('find', (db) => repository(db).find('t1', id));
    sql.check();
  });
});
