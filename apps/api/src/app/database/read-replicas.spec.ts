import { Logger } from '@nestjs/common';
import { AddressInfo, createServer, Socket } from 'node:net';
import { Pool } from 'pg';
import { Metrics } from '../metrics/metrics';
import { QueryLogger } from './query-logger';
import { failover, parseLsn, ReadReplicas } from './read-replicas';

describe('parseLsn', () => {
  it('reads WAL positions as Postgres writes them, in their order', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('16/b374d848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('1/0')).toBeGreaterThan(0xffffffffn);
    expect(parseLsn('0/FFFFFFFF')).toBe(0xffffffffn);
  });

  it('refuses anything else', () => {
    for (const text of ['', '0', '0/', '/1', '0/1/2', '123456789/0', '0/G', ' 0/1', '0x1/2', '-1/0'])
      expect(parseLsn(text)).toBeUndefined();
  });
});

describe('failover', () => {
  const pgError = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

  it('moves a read to the primary, and the replica out of turn only when it is out of reach', () => {
    expect(failover(new Error('Connection terminated unexpectedly'))).toBe('replica-down');
    expect(failover(pgError('57P01', 'terminating connection due to administrator command'))).toBe('replica-down');
    // Every pooled connection busy: the primary takes this read, the replica stays in turn.
    expect(failover(new Error('timeout exceeded when trying to connect'))).toBe('primary');
    // A recovery conflict cancels the read on the standby: rerun on the primary.
    expect(failover(pgError('40001', 'canceling statement due to conflict with recovery'))).toBe('primary');
    // A statement timeout or a bad statement would fail on the primary too.
    expect(failover(pgError('57014', 'canceling statement due to statement timeout'))).toBeUndefined();
    expect(failover(pgError('42601', 'syntax error'))).toBeUndefined();
  });
});

describe('ReadReplicas', () => {
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

  it('stops probing an unreachable replica once closed, also when a probe was in flight', async () => {
    // A server that accepts connections and never answers: the probe waits for its connect timeout.
    const silent = createServer((socket) => sockets.push(socket));
    const sockets: Socket[] = [];
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const replicas = new ReadReplicas(
      [`postgres://u@127.0.0.1:${port}/db`],
      { connectionTimeoutMillis: 300 },
      new QueryLogger(quiet),
      quiet as unknown as Logger,
    );
    const metrics = new Metrics({ processMetrics: false });
    const watchPool = jest.spyOn(metrics, 'watchPool');
    replicas.watch(metrics, () => undefined);
    const pool = watchPool.mock.calls[0][1]() as unknown as Pool;
    const queries = jest.spyOn(pool, 'query');
    try {
      // An idle connection broke: the replica is down, probed after 1 s.
      pool.emit('error', new Error('Connection terminated unexpectedly'));
      await until(() => sockets.length > 0);
      await replicas.close();
      const probes = queries.mock.calls.length;
      // A probe that failed would be followed by the next after 2 s.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(queries.mock.calls.length).toBe(probes);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 10_000);
});

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}
