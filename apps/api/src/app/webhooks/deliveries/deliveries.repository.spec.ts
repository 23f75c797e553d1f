import { AnyEventEnvelope } from '@cs/contracts';
import { join } from 'node:path';
import { listRequest, RecordingDatabase, SqlSnapshot } from '../../../testing/sql-snapshot';
import { AttemptRecord, DeliveriesRepository } from './deliveries.repository';

const endpointId = '0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a';
const event = {
  id: '42',
  type: 'customer.customer-created',
  tenant: 't1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  resource: { type: 'customer', id: 'c1' },
  sequence: 1,
  version: 1,
  data: { id: 'c1', mixins: {}, metadata: { version: 1, createdAt: '', modifiedAt: '' } },
} as AnyEventEnvelope;
const TRACE_PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const finished = (outcome: AttemptRecord['outcome'], deliveryId: string): AttemptRecord => ({
  tenant: 't1',
  deliveryId,
  endpointId,
  attempt: 1,
  attemptedAt: new Date('2026-01-01T00:00:01.000Z'),
  responseStatus: outcome === 'succeeded' ? 200 : 503,
  latencyMs: 3,
  error: outcome === 'succeeded' ? null : 'answered 503',
  outcome,
  nextAttemptAt: outcome === 'retry' ? new Date('2026-01-01T00:00:06.000Z') : null,
});

const repository = (db: RecordingDatabase) => new DeliveriesRepository(db.dataSource);
const claim = { limit: 64, perEndpoint: 4, leaseMs: 31_000, disableAfterMs: 432_000_000 };

describe('DeliveriesRepository', () => {
  it('renders every statement as in deliveries.repository.sql', async () => {
    const sql = new SqlSnapshot(join(__dirname, 'deliveries.repository.sql'));
    await sql.record(
      'queue: the sink, for every active endpoint',
      (db) => DeliveriesRepository.queue(db.manager, 't1', [event], [TRACE_PARENT]),
      [[{ queued: 1 }]],
    );
    await sql.record(
      'queue: a replay, for one endpoint',
      (db) => DeliveriesRepository.queue(db.manager, 't1', [event], [null], endpointId),
      [[{ queued: 1 }]],
    );
    await sql.record(
      'completeAndClaim: a success skips the health statement',
      (db) => repository(db).completeAndClaim(db.manager, [finished('succeeded', '7')], claim),
      [[], [], [[], 0]],
    );
    await sql.record(
      'completeAndClaim: a failure updates the health',
      (db) => repository(db).completeAndClaim(db.manager, [finished('retry', '10'), finished('succeeded', '9')], claim),
      [[], [], [], [[], 0]],
    );
    await sql.record('prune', (db) => repository(db).prune('t1', 30, 1000), [[{ count: 0 }]]);
    await sql.record('attempts', (db) => repository(db).attempts('t1', endpointId, listRequest({})));
    await sql.record('retry', (db) => repository(db).retry('t1', endpointId, '12'));
    sql.check();
  });
});
