import { join } from 'node:path';
import { SqlSnapshot } from '../../testing';
import { RecordingDatabase } from '../../testing/sql-snapshot';
import { Metrics } from '../metrics/metrics';
import { parseCriteria } from './criteria';
import {
  customersOfContactAssignments,
  customersOfLegalEntities,
  evaluateCustomers,
  evaluateSegment,
  lockRulesOfTenant,
} from './memberships';

const CHANGE = [{ joined: 0, left: 0 }];
const metrics = new Metrics({ processMetrics: false });

describe('memberships', () => {
  it('renders every statement as in memberships.sql', async () => {
    const evaluatingS1 = (criteria: Parameters<typeof evaluateSegment>[4]) => (db: RecordingDatabase) =>
      evaluateSegment(db.manager, metrics, 't1', 's1', criteria);
    const sql = new SqlSnapshot(join(__dirname, 'memberships.sql'));
    await sql.record('the rules lock of a criteria change', (db) => lockRulesOfTenant(db.manager, 't1'));
    await sql.record(
      'a B2C segment evaluated as a whole',
      evaluatingS1(parseCriteria('customer.mixins.tier:gold customer.active:true')),
      CHANGE,
    );
    await sql.record(
      'a B2B segment evaluated as a whole',
      evaluatingS1(parseCriteria('legalEntity.customerGroups.id:vip contactType:BILLING')),
      CHANGE,
    );
    await sql.record('criteria removed: the automatic members leave', evaluatingS1(null), CHANGE);
    await sql.record(
      'changed customers in the automatic segments of the tenant',
      (db) => evaluateCustomers(db.manager, metrics, 't1', ['c1', 'c2'], 'data-changed'),
      [],
      [
        { id: 's1', criteria: 'customer.email:~"@acme\\\\.com$"' },
        { id: 's2', criteria: 'legalEntity.name:ACME' },
      ],
      CHANGE,
    );
    await sql.record('the customers of legal entities', (db) => customersOfLegalEntities(db.manager, 't1', ['le1']));
    await sql.record('the customers of contact assignments', (db) =>
      customersOfContactAssignments(db.manager, 't1', ['ca1']),
    );
    sql.check();
  });
});
