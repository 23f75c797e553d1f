// Runs the webhook fan-out benchmark on tiny sizes: endpoints, steady events, the signed deliveries (every signature
// verified), the baseline loop, and the report. Not a performance test.
const { main } = require('./webhooks');

// The run's server (the embedded one cannot be started inside Jest's module system).
process.env.DATABASE_URL ||= process.env.CS_TEST_PG_SERVER_URL;

describe('webhook bench (smoke)', () => {
  it('delivers every event to every endpoint, and the baseline loop sends the same', async () => {
    const result = await main(['--smoke']);
    expect(result.service).toMatchObject({ delivered: 300, missing: 0 });
    expect(result.base).toMatchObject({ delivered: 300, missing: 0 });
    expect(result.service.p99).toBeGreaterThanOrEqual(result.service.p50);
    expect(result.markdown).toContain('| service: relay, sink, worker |');
  }, 120_000);
});
