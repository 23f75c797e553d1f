import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../../testing/sql-snapshot';
import { contactAssignmentEventData } from './contact-assignment.events';
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

const eventData = contactAssignmentEventData('ca1', values, 'john@example.com');

const repository = (db: RecordingDatabase) => new ContactAssignmentsRepository(db.dataSource);

describe('ContactAssignmentsRepository', () => {
  it('renders every statement as in contact-assignments.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'contact-assignments.repository.sql'));
    await sql.record(
      'insert: an upsert expecting no stored version',
      (db) => repository(db).insert(db.manager, { tenant: 't1', id: 'ca1', values, eventData }),
      [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record(
      'upsert',
      (db) => repository(db).upsert(db.manager, { tenant: 't1', id: 'ca1', values, expectedVersion: 1, eventData }),
      [{ found: true, created: false, version: 2, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record('delete', (db) => repository(db).delete(db.manager, 't1', 'ca1'), [{ id: 'ca1' }]);
    await sql.record("lockLegalEntity: with the customer's e-mail", (db) =>
      repository(db).lockLegalEntity(db.manager, 't1', 'abc', 'john'),
    );
    await sql.record('lockExisting', (db) => repository(db).lockExisting(db.manager, 't1', ['ca1']));
    await sql.record(
      'page with named filters, q on the legal entity and customer, and the count',
      (db) =>
        repository(db).page(
          't1',
          listRequest({ q: 'legalEntity.name:ABC customer.email:~example', sort: 'customer.surname', withTotal: true }),
          { 'legalEntity.id': 'abc', primary: true },
        ),
      [{ count: '0' }],
    );
    await sql.record('find', (db) => repository(db).find('t1', 'ca1'));
    await sql.record('findManyWithCustomer', (db) => repository(db).findManyWithCustomer('t1', ['ca1', 'ca2']));
    sql.check();
  });
});
