import { join } from 'node:path';
import { RecordingDatabase, SqlSnapshot } from '../../testing/sql-snapshot';
import { EventsRepository } from './events.repository';

const repo = (db: RecordingDatabase) => new EventsRepository(db.dataSource);

describe('EventsRepository', () => {
  it('renders every statement as in events.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'events.repository.sql'));
    await sql.record('tenantsToSequence', (db) => repo(db).tenantsToSequence());
    await sql.record(
      'sequence: the sequencer lock, a batch and the notification of the feeds',
      (db) => repo(db).sequence('t1', 1000),
      [{ sequenced: 3 }],
    );
    await sql.record('tenantsToDeliver', (db) => repo(db).tenantsToDeliver('nats'));
    await sql.record('ensureCursor', (db) => repo(db).ensureCursor(db.manager, 't1', 'nats'));
    await sql.record('claimBatch', (db) => repo(db).claimBatch(db.manager, 't1', 'nats', 500));
    await sql.record('advanceCursor', (db) => repo(db).advanceCursor(db.manager, 't1', 'nats', '42'));
    await sql.record('events: a sink batch', (db) => repo(db).events({ tenant: 't1', after: '41', limit: 500 }));
    await sql.record('events: a feed page filtered by types and a family', (db) =>
      repo(db).events({
        tenant: 't1',
        after: '0',
        limit: 100,
        types: ['customer-segment.segment-created'],
        typePrefixes: ['client-management.'],
      }),
    );
    await sql.record('events: a webhook replay of a time range', (db) =>
      repo(db).events({
        tenant: 't1',
        after: '0',
        limit: 1000,
        typePrefixes: ['customer-segment.'],
        occurredFrom: new Date('2026-01-01T00:00:00Z'),
        occurredBefore: new Date('2026-01-02T00:00:00Z'),
      }),
    );
    await sql.record('prune', (db) => repo(db).prune('t1', ['nats'], 30, 1000), [[], 0]);
    await sql.record('tenantsWithEvents', (db) => repo(db).tenantsWithEvents());
    await sql.record('backlog', (db) => repo(db).backlog(['nats']), [[{ events: '0', oldest_at: null }]]);
    sql.check();
  });
});
