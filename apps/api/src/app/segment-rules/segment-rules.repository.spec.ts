import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../testing';
import { parseCriteria } from '../segments/criteria';
import { SegmentRulesRepository } from './segment-rules.repository';

const repo = (db: RecordingDatabase) => new SegmentRulesRepository(db.dataSource);
const PAGE = { pageNumber: 2, pageSize: 10, limit: 10, offset: 10 };

describe('SegmentRulesRepository', () => {
  it('renders every statement as in segment-rules.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'segment-rules.repository.sql'));
    await sql.record(
      'preview: a B2C criteria, the count and a page',
      (db) => repo(db).preview('t1', parseCriteria('customer.active:true'), PAGE),
      [{ total: 0 }],
    );
    await sql.record(
      'preview: a B2B criteria',
      (db) => repo(db).preview('t1', parseCriteria('legalEntity.name:ACME contactType:BILLING'), PAGE),
      [{ total: 0 }],
    );
    await sql.record('standing: of a customer token (visible segments only)', (db) =>
      repo(db).standing('t1', 's1', 'c1', true),
    );
    await sql.record('evaluate: each term with its value, per contact assignment', (db) =>
      repo(db).evaluate('t1', 's1', 'c1', parseCriteria('customer.mixins.tier:gold contactType:BILLING')),
    );
    sql.check();
  });
});
