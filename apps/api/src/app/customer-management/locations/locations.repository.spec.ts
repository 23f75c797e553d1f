import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../../testing/sql-snapshot';
import { locationEventData } from './location.events';
import { LocationValues } from './locations.mapper';
import { LocationsRepository } from './locations.repository';

const values: LocationValues = {
  name: 'Main HQ',
  type: 'HEADQUARTER',
  contact_details: { city: 'Berlin', emails: ['hq@example.com'] },
  mixins: { erp: { number: 1 } },
  metadata_mixins: { erp: 'https://example.com/erp.json' },
};

const eventData = locationEventData('hq', values);

const repository = (db: RecordingDatabase) => new LocationsRepository(db.dataSource);

describe('LocationsRepository', () => {
  it('renders every statement as in locations.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'locations.repository.sql'));
    await sql.record(
      'insert: an upsert expecting no stored version',
      (db) => repository(db).insert(db.manager, { tenant: 't1', id: 'hq', values, eventData }),
      [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record(
      'upsert',
      (db) => repository(db).upsert(db.manager, { tenant: 't1', id: 'hq', values, expectedVersion: 2, eventData }),
      [{ found: true, created: false, version: 3, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record('delete', (db) => repository(db).delete(db.manager, 't1', 'hq'), [{ id: 'hq' }]);
    await sql.record('lockExisting', (db) => repository(db).lockExisting(db.manager, 't1', ['wh', 'hq', 'wh']));
    await sql.record(
      'page with named filters, q, sort and the count',
      (db) =>
        repository(db).page(
          't1',
          listRequest({ q: 'contactDetails.city:Berlin', sort: 'name:desc', offset: 10, limit: 10, withTotal: true }),
          { name: 'HQ', 'contactDetails.email': '@example.com' },
        ),
      [{ count: '0' }],
    );
    await sql.record('find', (db) => repository(db).find('t1', 'hq'));
    await sql.record('findMany', (db) => repository(db).findMany('t1', ['hq', 'wh']));
    sql.check();
  });
});
