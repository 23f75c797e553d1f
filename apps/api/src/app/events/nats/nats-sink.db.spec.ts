import { AnyEventEnvelope } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { connect, DiscardPolicy } from 'nats';
import { DataSource } from 'typeorm';
import { describeWithNats, natsForTests, NatsForTests, readStream } from '../../../testing/nats-server';
import { loadConfig } from '../../config/config';
import { dataSourceOptions } from '../../database/data-source';
import { Transactions } from '../../database/transactions';
import { Metrics } from '../../metrics/metrics';
import { EventNotifications } from '../event-notifications';
import { EventRelay } from '../event-relay';
import { EventsRepository } from '../events.repository';
import { NatsSink, NatsSinkStatus } from './nats-sink';

/** Segment events of `tenant` with ids from `first` on; `resource` picks each one's segment. */
function events(tenant: string, first: number, count: number, resource = (n: number) => `s${n % 7}`) {
  return Array.from({ length: count }, (_, index): AnyEventEnvelope => {
    const id = String(first + index);
    return {
      id,
      type: 'customer-segment.segment-deleted',
      tenant,
      occurredAt: '2026-11-24T09:12:44.107Z',
      resource: { type: 'segment', id: resource(first + index) },
      sequence: 1,
      version: null,
      data: { id: resource(first + index), tenant },
    };
  });
}

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const stateOf = (sink: NatsSink): NatsSinkStatus['state'] => sink.status().state;

/** What the sinks of a test logged, as `level: message` lines. */
class RecordingLogger {
  lines: string[] = [];
  log(message: string) {
    this.lines.push(`log: ${message}`);
  }
  warn(message: string) {
    this.lines.push(`warn: ${message}`);
  }
}

describeWithNats(describe, 'own', 'NATS sink against a JetStream server', () => {
  let nats: NatsForTests;
  let sinks: NatsSink[] = [];
  let streamNumber = 0;
  let logger: RecordingLogger;

  beforeAll(async () => (nats = await natsForTests()));
  beforeEach(() => (logger = new RecordingLogger()));
  afterEach(async () => {
    await Promise.all(sinks.map((sink) => sink.close()));
    sinks = [];
  });
  afterAll(() => nats?.dispose());

  /** A started sink on its own stream and prefix, so the tests share nothing. */
  function newSink(servers = [nats.url]) {
    streamNumber += 1;
    const options = { servers, stream: `${nats.unique}_${streamNumber}`, subjectPrefix: `test${streamNumber}.events` };
    const started = new NatsSink(options, logger).start();
    sinks.push(started);
    return { sink: started, ...options };
  }

  async function connected() {
    const created = newSink();
    await until(() => stateOf(created.sink) === 'up');
    return created;
  }

  it('creates the stream if absent and publishes every event on <prefix>.<tenant>.<type> with its id', async () => {
    const { sink, stream, subjectPrefix } = await connected();
    const batch = events('mytenant', 1, 3);
    await sink.deliver('mytenant', batch);

    const stored = await readStream(nats.url, stream);
    expect(stored).toEqual(
      batch.map((event) => ({
        subject: `${subjectPrefix}.mytenant.customer-segment.segment-deleted`,
        msgId: event.id,
        body: event,
      })),
    );
    const connection = await connect({ servers: nats.url });
    const info = await (await connection.jetstreamManager()).streams.info(stream);
    await connection.close();
    expect(info.config.subjects).toEqual([`${subjectPrefix}.>`]);
    expect(info.config.duplicate_window).toBe(120_000_000_000);
  });

  it('delivers a batch again without a second copy: JetStream drops the ids it has', async () => {
    const { sink, stream } = await connected();
    await sink.deliver('t1', events('t1', 1, 5));
    // The redelivery after a crash: the same events, and one more.
    await sink.deliver('t1', events('t1', 1, 6));
    expect((await readStream(nats.url, stream)).map((message) => message.msgId)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(sink.duplicates).toBe(5);
  });

  it('keeps the order of a batch of 2,000 events', async () => {
    const { sink, stream } = await connected();
    const batch = events('t1', 1, 2_000);
    await sink.deliver('t1', batch);
    expect((await readStream(nats.url, stream)).map((message) => message.msgId)).toEqual(batch.map((e) => e.id));
  });

  it('uses a stream that exists as it is', async () => {
    const { sink, stream, subjectPrefix } = newSink();
    const connection = await connect({ servers: nats.url });
    const manager = await connection.jetstreamManager();
    await manager.streams.add({ name: stream, subjects: [`${subjectPrefix}.>`, 'elsewhere.>'], max_msgs: 100 });
    await until(() => stateOf(sink) === 'up');
    await sink.deliver('t1', events('t1', 1, 2));
    const info = await manager.streams.info(stream);
    await connection.close();
    expect(info.config).toMatchObject({ subjects: [`${subjectPrefix}.>`, 'elsewhere.>'], max_msgs: 100 });
    expect(info.state.messages).toBe(2);
  });

  it('fails the whole batch when one acknowledgement fails, and says so in its status', async () => {
    const { sink, stream, subjectPrefix } = newSink();
    const connection = await connect({ servers: nats.url });
    // A stream that refuses a fourth message.
    await (
      await connection.jetstreamManager()
    ).streams.add({ name: stream, subjects: [`${subjectPrefix}.>`], max_msgs: 3, discard: DiscardPolicy.New });
    await connection.close();
    await until(() => stateOf(sink) === 'up');

    await expect(sink.deliver('t1', events('t1', 1, 5))).rejects.toThrow(
      /JetStream did not acknowledge: maximum messages exceeded/,
    );
    expect(sink.status()).toEqual({ state: 'failing', reason: expect.stringMatching(/maximum messages exceeded/) });
    await sink.deliver('t1', events('t1', 1, 3));
    expect(sink.status()).toEqual({ state: 'up' });
  });

  it('refuses to publish into a stream that does not capture its subjects', async () => {
    const { sink, stream } = newSink();
    const connection = await connect({ servers: nats.url });
    await (await connection.jetstreamManager()).streams.add({ name: stream, subjects: ['other.>'] });
    await connection.close();
    await until(() => stateOf(sink) === 'up');
    await expect(sink.deliver('t1', events('t1', 1, 1))).rejects.toThrow(/JetStream did not acknowledge/);
    expect(stateOf(sink)).toBe('failing');
  });

  it('starts while NATS is down, refuses deliveries meanwhile, and delivers once it is up', async () => {
    await nats.stop();
    const { sink, stream, subjectPrefix } = newSink();
    await until(() => stateOf(sink) === 'down');
    expect(sink.status().reason).toBeDefined();
    await expect(sink.deliver('t1', events('t1', 1, 1))).rejects.toThrow(/NATS is not connected/);

    await nats.start();
    await until(() => stateOf(sink) === 'up');
    await sink.deliver('t1', events('t1', 1, 2));
    expect(await readStream(nats.url, stream)).toHaveLength(2);
    expect(logger.lines).toEqual([
      'warn: NATS is unreachable (CONNECTION_REFUSED); events wait in the outbox, reconnecting with backoff',
      'log: Connected to NATS again; delivering events',
      `log: Created the JetStream stream ${stream} for subjects ${subjectPrefix}.>`,
    ]);
  }, 30_000);

  it('survives a NATS crash: deliveries fail while it is away, and go on when it is back', async () => {
    const { sink, stream, subjectPrefix } = newSink([nats.url.replace('nats://', 'nats://user:s3cret@')]);
    await until(() => stateOf(sink) === 'up');
    await sink.deliver('t1', events('t1', 1, 10));

    await nats.stop('SIGKILL');
    await until(() => stateOf(sink) === 'down');
    await expect(sink.deliver('t1', events('t1', 11, 10))).rejects.toThrow(/NATS is not connected/);

    await nats.start();
    await until(() => stateOf(sink) === 'up');
    await sink.deliver('t1', events('t1', 11, 10));
    expect((await readStream(nats.url, stream)).map((message) => Number(message.msgId))).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(logger.lines).toEqual([
      `log: Created the JetStream stream ${stream} for subjects ${subjectPrefix}.>`,
      'warn: NATS is unreachable (connection lost); events wait in the outbox, reconnecting with backoff',
      'log: Connected to NATS again; delivering events',
    ]);
    // Neither the address nor the credentials of NATS_URL.
    expect(logger.lines.join('\n')).not.toMatch(/s3cret|127\.0\.0\.1/);
  }, 30_000);

  it('closes at once while NATS is away, and does not reconnect afterwards', async () => {
    const { sink } = await connected();
    await nats.stop('SIGKILL');
    await until(() => stateOf(sink) === 'down');
    const closing = Date.now();
    await sink.close();
    expect(Date.now() - closing).toBeLessThan(1_000);
    await nats.start();
    // The client's dial loop would have reconnected within 5 s (the longest backoff).
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(stateOf(sink)).toBe('down');
  }, 30_000);

  describe('behind the relay, on Postgres', () => {
    let database: ScratchDatabase;
    let dataSource: DataSource;
    const config = loadConfig({ LOG_LEVEL: 'silent' });

    beforeAll(async () => {
      database = await createTestDatabase();
      dataSource = new DataSource({
        ...dataSourceOptions({ ...config.db, url: database.url }, []),
        migrationsRun: true,
      });
      await dataSource.initialize();
    }, 60_000);
    afterAll(async () => {
      await dataSource?.destroy();
      await database?.drop();
    });

    it('publishes the events of every tenant in position order on its own subjects, and moves the cursors', async () => {
      const { sink, stream, subjectPrefix } = await connected();
      const repository = new EventsRepository(dataSource);
      const metrics = new Metrics({ processMetrics: false });
      const transactions = new Transactions(dataSource, config, () => ({}) as never, metrics);
      const relay = new EventRelay(repository, transactions, new EventNotifications(config), [sink], config, metrics);
      // 1,200 events of two tenants, over more than one of the relay's batches.
      for (const tenant of ['tenanta', 'tenantb'])
        await dataSource.query(
          `INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
          SELECT $1, 'customer-segment.segment-deleted', 'segment', 'doc' || (i % 9), NULL, jsonb_build_object('id', 'doc' || (i % 9))
          FROM generate_series(1, 600) i`,
          [tenant],
        );
      await relay.cycle();

      const stored = await readStream(nats.url, stream);
      expect(stored).toHaveLength(1_200);
      for (const tenant of ['tenanta', 'tenantb']) {
        const ofTenant = stored.filter((message) => (message.body as AnyEventEnvelope).tenant === tenant);
        const positions = ofTenant.map((message) => Number(message.msgId));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(new Set(ofTenant.map((message) => message.subject))).toEqual(
          new Set([`${subjectPrefix}.${tenant}.customer-segment.segment-deleted`]),
        );
        const [cursor] = await dataSource.query(
          `SELECT position FROM event_sink_cursor WHERE tenant = $1 AND sink = 'nats'`,
          [tenant],
        );
        expect(cursor.position).toBe(String(Math.max(...positions)));
      }
    }, 60_000);
  });
});
