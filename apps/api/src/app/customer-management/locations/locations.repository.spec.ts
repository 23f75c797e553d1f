import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../../testing';
import { LocationValues } from './locations.mapper';
import { LocationsRepository } from './locations.repository';

const values: LocationValues = {
  name: 'Main HQ',
  type: 'HEADQUARTER',
  contact_details: { city: 'Berlin', emails: ['hq@example.com'] },
  mixins: { erp: { number: 1 } },
  metadata_mixins: { erp: 'https://example.com/erp.json' },
};

const repository = (db: RecordingDatabase) => new LocationsRepository(db.dataSource);

describe('LocationsRepository statements', () => {
  const snapshot = new SqlSnapshot(join(__dirname, 'locations.repository.sql'));
  afterAll(() => snapshot.check());

  it('renders every statement for fixed inputs', async () => {
    await snapshot.record('insert', (db) => repository(db).insert(db.manager, 't1', 'hq', values), [{ id: 'hq' }]);
    await snapshot.record(
      'upsert',
      (db) => repository(db).upsert(db.manager, { tenant: 't1', id: 'hq', values, expectedVersion: 2 }),
      [{ found: true, created: false, version: 3, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await snapshot.record('delete', (db) => repository(db).delete(db.manager, 't1', 'hq'), [[], 1]);
    await snapshot.record('lockExisting', (db) => repository(db).lockExisting(db.manager, 't1', ['wh', 'hq', 'wh']));
    await snapshot.record(
      'page with named filters, q, sort and the count',
      (db) =>
        repository(db).page(
          't1',
          listRequest({ q: 'contactDetails.city:Berlin', sort: 'name:desc', pageNumber: 2, pageSize: 10 }, true),
          { name: 'HQ', 'contactDetails.email': '@example.com' },
        ),
      [{ count: '0' }],
    );
    await snapshot.record('find', (db) => repository(db).find('t1', 'hq'));
    await snapshot.record('findMany', (db) => repository(db).findMany('t1', ['hq', 'wh']));
  });
});
