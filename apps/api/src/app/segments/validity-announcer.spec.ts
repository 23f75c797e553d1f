import { AsyncLocalStorage } from 'node:async_hooks';
import { loadConfig } from '../config/config';
import { Transactions } from '../database/transactions';
import { ValidityAnnouncer } from './validity-announcer';
import { ValidityBoundariesRepository } from './validity-boundaries.repository';

describe('ValidityAnnouncer', () => {
  it("looks for boundaries outside the context of the request that woke it (no request's trace or replica reads)", async () => {
    const request = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    const boundaries = {
      schedule: async () => {
        seen.push(request.getStore());
        return [];
      },
    } as unknown as ValidityBoundariesRepository;
    const config = loadConfig({ EVENTS_VALIDITY_POLL_INTERVAL_MS: '10' });
    const announcer = new ValidityAnnouncer(boundaries, {} as Transactions, config);
    request.run('a traced write', () => announcer.wake());
    // The wake-up's round and two polls of its timer.
    while (seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await announcer.beforeApplicationShutdown();
    expect(seen.slice(0, 3)).toEqual([undefined, undefined, undefined]);
  });
});
