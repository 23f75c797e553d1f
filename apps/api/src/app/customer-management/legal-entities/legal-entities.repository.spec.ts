import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../../testing/sql-snapshot';
import { ContactAssignmentsRepository } from '../contact-assignments/contact-assignments.repository';
import { LocationsRepository } from '../locations/locations.repository';
import { LegalEntityRow, LegalEntityValues } from './legal-entities.mapper';
import { LegalEntitiesRepository } from './legal-entities.repository';
import { legalEntityEventData } from './legal-entity.events';

const values: LegalEntityValues = {
  name: 'ABC Company',
  type: 'SUBSIDIARY',
  parent_id: 'holding',
  account_limit: { currency: 'EUR', value: 1000 },
  legal_info: { legalName: 'ABC GmbH' },
  customer_groups: [{ id: 'cg1' }],
  entities_addresses: ['hq'],
  approval_group: ['ca1'],
  restrictions: ['US'],
  mixins: {},
  metadata_mixins: {},
};

const eventData = legalEntityEventData('abc', values);

const stored = (id: string, addresses: string[], approvalGroup: string[]): LegalEntityRow => ({
  ...values,
  id,
  entities_addresses: addresses,
  approval_group: approvalGroup,
  version: 1,
  created_at: '2024-01-02T03:04:05.678Z',
  modified_at: '2024-01-02T03:04:05.678Z',
});

const repository = (db: RecordingDatabase) =>
  new LegalEntitiesRepository(
    db.dataSource,
    new LocationsRepository(db.dataSource),
    new ContactAssignmentsRepository(db.dataSource),
  );

describe('LegalEntitiesRepository', () => {
  it('renders every statement as in legal-entities.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'legal-entities.repository.sql'));
    await sql.record(
      'insert: an upsert expecting no stored version',
      (db) => repository(db).insert(db.manager, { tenant: 't1', id: 'abc', values, eventData }),
      [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record(
      'upsert',
      (db) =>
        repository(db).upsert(db.manager, { tenant: 't1', id: 'abc', values, expectedVersion: undefined, eventData }),
      [{ found: true, created: true, version: 1, created_at: new Date(0), modified_at: new Date(0) }],
    );
    await sql.record('lockExisting', (db) => repository(db).lockExisting(db.manager, 't1', ['abc']));
    await sql.record('page of all legal entities', (db) => repository(db).page('t1', { filters: {} }, listRequest()));
    await sql.record(
      'page of a contact customer with named filters, q and the count',
      (db) =>
        repository(db).page(
          't1',
          { contactCustomerId: 'john', filters: { name: 'ABC', 'legalInfo.taxRegistrationNumber': '1234' } },
          listRequest({ q: 'customerGroups.id:cg1', sort: 'metadata.createdAt:desc', withTotal: true }),
        ),
      [{ count: '0' }],
    );
    await sql.record('find', (db) => repository(db).find('t1', 'abc'));
    await sql.record('hierarchy', (db) => repository(db).hierarchy('t1', 'abc'));
    await sql.record('lockHierarchy and ancestorIds', async (db) => {
      await repository(db).lockHierarchy(db.manager, 't1');
      return repository(db).ancestorIds(db.manager, 't1', 'holding');
    });
    await sql.record(
      'lockSubtree and deleteSubtree',
      async (db) => {
        await repository(db).lockSubtree(db.manager, 't1', 'abc');
        return repository(db).deleteSubtree(db.manager, 't1', 'abc');
      },
      [],
      [{ entities: ['abc'], assignments: ['ca1'] }],
    );
    await sql.record('removeReferences', async (db) => {
      await repository(db).removeReferences(db.manager, 't1', 'entities_addresses', ['hq']);
      await repository(db).removeReferences(db.manager, 't1', 'approval_group', ['ca1', 'ca2']);
    });
    await sql.record('references of two rows: their locations and contact assignments, each id once', (db) =>
      repository(db).references('t1', [stored('a', ['hq', 'wh'], ['ca1']), stored('b', ['wh'], ['ca2'])]),
    );
    sql.check();
  });

  it('sends nothing for empty id lists', async () => {
    const db = new RecordingDatabase();
    await repository(db).removeReferences(db.manager, 't1', 'approval_group', []);
    expect(await repository(db).lockExisting(db.manager, 't1', [])).toEqual(new Set());
    expect(await repository(db).references('t1', [stored('a', [], [])])).toEqual({ locations: [], assignments: [] });
    expect(db.statements).toEqual([]);
  });
});
