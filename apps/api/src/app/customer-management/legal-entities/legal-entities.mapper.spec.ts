import { DataSource } from 'typeorm';
import {
  ContactAssignmentPageRow,
  ContactAssignmentRow,
  legalEntityRowsOf,
  toResponses as toContactAssignments,
} from '../contact-assignments/contact-assignments.mapper';
import { ContactAssignmentsRepository } from '../contact-assignments/contact-assignments.repository';
import { LocationRow } from '../locations/locations.mapper';
import { LocationsRepository } from '../locations/locations.repository';
import { LegalEntityRow, toResponses } from './legal-entities.mapper';
import { LegalEntitiesRepository } from './legal-entities.repository';

const stamps = {
  version: 1,
  created_at: new Date('2024-01-02T03:04:05.678Z'),
  modified_at: '2024-01-02T03:04:05.678+00:00',
  mixins: {},
  metadata_mixins: {},
};

const legalEntity = (id: string, addresses: string[], approvalGroup: string[]): LegalEntityRow => ({
  ...stamps,
  id,
  name: id.toUpperCase(),
  type: 'COMPANY',
  parent_id: null,
  account_limit: null,
  legal_info: null,
  customer_groups: [],
  entities_addresses: addresses,
  approval_group: approvalGroup,
  restrictions: null,
});
const location = (id: string): LocationRow => ({
  ...stamps,
  id,
  name: null,
  type: 'OFFICE',
  contact_details: { city: id },
});
const assignment = (id: string, legalEntityId: string): ContactAssignmentRow => ({
  ...stamps,
  id,
  legal_entity_id: legalEntityId,
  customer_id: `customer-${id}`,
  type: 'CONTACT',
  primary: false,
  customer_doc: id === 'ca1' ? { first_name: 'Ann', last_name: null, email: 'ann@example.com', phone: null } : null,
});

/** The legal entities repository over a database that answers the expansion queries from fixed rows and records them. */
function fakeDb(locations: LocationRow[], assignments: ContactAssignmentRow[]) {
  const queries: Array<{ sql: string; params: unknown[] }> = [];
  const query = jest.fn(async (sql: string, params: unknown[]) => {
    queries.push({ sql, params });
    const ids = params[1] as string[];
    const rows: Array<{ id: string }> = sql.includes('FROM location') ? locations : assignments;
    return rows.filter((row) => ids.includes(row.id));
  });
  const db = { query } as unknown as DataSource;
  const repository = new LegalEntitiesRepository(db, new LocationsRepository(db), new ContactAssignmentsRepository(db));
  return { repository, queries };
}

/** Legal entity documents as the service builds them: the references of all rows read at once, then mapped. */
const expandLegalEntities = async (repository: LegalEntitiesRepository, tenant: string, rows: LegalEntityRow[]) =>
  toResponses(rows, await repository.references(tenant, rows));

describe('legal entity expansion', () => {
  it('expands any number of legal entities with two queries and keeps the stored order of references', async () => {
    const { repository, queries } = fakeDb(
      [location('l1'), location('l2'), location('l3')],
      [assignment('ca1', 'a'), assignment('ca2', 'b')],
    );
    const rows = [
      legalEntity('a', ['l2', 'l1'], ['ca1']),
      legalEntity('b', ['l2', 'gone'], ['ca2', 'gone']),
      legalEntity('c', [], []),
    ];
    const [a, b, c] = await expandLegalEntities(repository, 't1', rows);

    expect(queries).toHaveLength(2);
    expect(queries.map((q) => q.params)).toEqual([
      ['t1', ['l2', 'l1', 'gone']],
      ['t1', ['ca1', 'ca2', 'gone']],
    ]);
    expect(a.entitiesAddresses.map((l) => l.id)).toEqual(['l2', 'l1']);
    expect(a.approvalGroup).toEqual([
      {
        id: 'ca1',
        legalEntity: { id: 'a' },
        customer: { id: 'customer-ca1', name: 'Ann', email: 'ann@example.com' },
        type: 'CONTACT',
        primary: false,
        metadata: { version: 1, createdAt: '2024-01-02T03:04:05.678Z', modifiedAt: '2024-01-02T03:04:05.678Z' },
      },
    ]);
    // References to documents deleted meanwhile are left out.
    expect(b.entitiesAddresses.map((l) => l.id)).toEqual(['l2']);
    expect(b.approvalGroup.map((m) => m.customer)).toEqual([{ id: 'customer-ca2' }]);
    // Absent optional fields are absent, not null.
    expect(Object.keys(c)).toEqual([
      'id',
      'name',
      'type',
      'customerGroups',
      'entitiesAddresses',
      'approvalGroup',
      'mixins',
      'metadata',
    ]);
  });

  it('needs no query when nothing is referenced', async () => {
    const { repository, queries } = fakeDb([], []);
    expect(await expandLegalEntities(repository, 't1', [legalEntity('a', [], [])])).toHaveLength(1);
    expect(queries).toHaveLength(0);
  });

  it('expands a page of contact assignments with one expansion of their distinct legal entities', async () => {
    const { repository, queries } = fakeDb([location('l1')], []);
    const page: ContactAssignmentPageRow[] = ['x1', 'x2', 'x3'].map((id, i) => ({
      ...assignment(id, i < 2 ? 'a' : 'b'),
      legal_entity_doc: legalEntity(i < 2 ? 'a' : 'b', ['l1'], []),
    }));
    const legalEntityRows = legalEntityRowsOf(page);
    const documents = toContactAssignments(page, await expandLegalEntities(repository, 't1', legalEntityRows));
    expect(queries).toHaveLength(1);
    expect(queries[0].params).toEqual(['t1', ['l1']]);
    expect(documents.map((d) => [d.id, d.legalEntity.id, d.legalEntity.entitiesAddresses.length])).toEqual([
      ['x1', 'a', 1],
      ['x2', 'a', 1],
      ['x3', 'b', 1],
    ]);
  });
});
