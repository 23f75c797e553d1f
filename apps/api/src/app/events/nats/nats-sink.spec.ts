import { loadConfig } from '../../config/config';
import {
  natsSinkFactory,
  NatsSink,
  RECONNECT_FIRST_MS,
  RECONNECT_MAX_MS,
  reconnectDelayMs,
  subjectOf,
} from './nats-sink';

describe('NATS sink', () => {
  it('publishes on <prefix>.<tenant>.<type>', () => {
    expect(subjectOf('customer-segments', 'mytenant', 'customer-segment.segment-created')).toBe(
      'customer-segments.mytenant.customer-segment.segment-created',
    );
    expect(subjectOf('acme.events', 't1', 'client-management.legalentity-deleted')).toBe(
      'acme.events.t1.client-management.legalentity-deleted',
    );
  });

  it('redials a lost connection at once, then after 0.25 s doubling up to 5 s, with at most 20% jitter', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 20].map((failed) => reconnectDelayMs(failed, () => 0));
    expect(delays).toEqual([0, 250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(reconnectDelayMs(1, () => 0.999)).toBeLessThanOrEqual(RECONNECT_FIRST_MS * 1.2);
    expect(reconnectDelayMs(30, () => 0.999)).toBeLessThanOrEqual(RECONNECT_MAX_MS * 1.2);
  });

  it('is configured only with NATS_URL, and only where the relay runs', () => {
    expect(natsSinkFactory(loadConfig({}))).toBeUndefined();
    expect(natsSinkFactory(loadConfig({ NATS_URL: 'nats://127.0.0.1:9', EVENTS_RELAY: 'false' }))).toBeUndefined();
  });

  it('refuses a delivery before it has connected, so the relay keeps the events and retries', async () => {
    const sink = new NatsSink(loadConfig({ NATS_URL: 'nats://127.0.0.1:9' }).nats);
    await expect(sink.deliver('mytenant', [])).rejects.toThrow('NATS is not connected');
    expect(sink.status()).toEqual({ state: 'connecting' });
  });
});
