import { describeWithNats, natsSkipReason } from './nats-server';

describe('tests that need NATS', () => {
  it('run with an own nats-server binary, or for `any` with a NATS_URL that answers', () => {
    expect(natsSkipReason('own', { binary: '/usr/sbin/nats-server' })).toBeUndefined();
    expect(natsSkipReason('any', { binary: '/usr/sbin/nats-server' })).toBeUndefined();
    expect(natsSkipReason('any', { url: 'nats://127.0.0.1:4222' })).toBeUndefined();
    expect(natsSkipReason('own', { url: 'nats://127.0.0.1:4222' })).toMatch(/^skipped: no nats-server binary/);
    expect(natsSkipReason('any', {})).toBe('skipped: no nats-server binary and no NATS server answering at NATS_URL');
  });

  it('are reported as skipped by name, with the reason in the title', () => {
    const calls: string[] = [];
    const fakeDescribe = Object.assign((title: string) => void calls.push(`run: ${title}`), {
      skip: (title: string) => void calls.push(`skip: ${title}`),
    });
    describeWithNats(fakeDescribe, 'own', 'sink', () => undefined, { binary: '/usr/sbin/nats-server' });
    describeWithNats(fakeDescribe, 'own', 'sink', () => undefined, {});
    expect(calls).toEqual([
      'run: sink',
      'skip: sink (skipped: no nats-server binary (NATS_SERVER_BIN, /usr/sbin/nats-server, PATH))',
    ]);
  });
});
