import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../../testing';
import { ContactAssignmentValues } from './contact-assignments.mapper';
import { ContactAssignmentsRepository } from './contact-assignments.repository';

const values: ContactAssignmentValues = {
  legal_entity_id: 'abc',
  customer_id: 'john',
  type: 'BILLING',
  primary: true,
  mixins: {},
  metadata_mixins: {},
};

const repository = (db: RecordingDatabase) => new ContactAssignmentsRepository(db.dataSource);

describe('ContactAssignmentsRepository statements', () => {
  const snapshot = new SqlSnapshot(join(__dirname, 'contact-assignments.repository.sql'));
  afterAll(() => snapshot.check());

  it('renders every statement for fixed inputs', async () => {
    await snapshot.record('insert', (db) => repository(db).insert(db.manager, 't1', 'ca1', values), [{ id: 'ca1' }]);
    await snapshot.record(
      'upsert',
      (db) => repository(db).upsert(db.manager, { tenant: 't1', id: 'ca1', values, expectedVersion: 1 }),
      [{ found: true, created: false, version: 2, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await snapshot.record('delete', (db) => repository(db).delete(db.manager, 't1', 'ca1'), [[], 1]);
    await snapshot.record('lockExisting', (db) => repository(db).lockExisting(db.manager, 't1', ['ca1']));
    await snapshot.record(
      'page with named filters, q on the legal entity and customer, and the count',
      (db) =>
        repository(db).page(
          't1',
          listRequest({ q: 'legalEntity.name:ABC customer.email:~example', sort: 'customer.surname' }, true),
          { 'legalEntity.id': 'abc', primary: true },
        ),
      [{ count: '0' }],
    );
    await snapshot.record('find', (db) => repository(db).find('t1', 'ca1'));
    await snapshot.record('findManyWithCustomer', (db) => repository(db).findManyWithCustomer('t1', ['ca1', 'ca2']));
  });
});
