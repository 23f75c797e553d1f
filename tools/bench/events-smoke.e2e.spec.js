// Runs the event benchmark on tiny sizes: backlog, drain, the baseline publisher, the steady writes and their
// events, the write scenarios with the relay off and on, and the report. Not a performance test.
const { join } = require('node:path');
const { main } = require('./events');

const { describeWithNats } = require(join(__dirname, '../../apps/api/dist/testing/nats-server'));

// The run's server (the embedded one cannot be started inside Jest's module system).
process.env.DATABASE_URL ||= process.env.CS_TEST_PG_SERVER_URL;

describeWithNats(describe, 'any', 'event bench (smoke)', () => {
  it('drains the backlog, publishes the baseline, times every event and compares the writes', async () => {
    const result = await main(['--smoke']);
    expect(result.drained.publishing).toBeGreaterThan(0);
    expect(result.base.perSecond).toBeGreaterThan(0);
    expect(result.lat).toMatchObject({ writes: 100, failed: 0, missing: 0 });
    expect(result.lat.fromAnswer.p99).toBeGreaterThanOrEqual(result.lat.fromAnswer.p50);
    for (const mode of ['off', 'nats'])
      expect(result.writes[mode].map((scenario) => [scenario.id, scenario.service.runs[4].errors])).toEqual([
        ['6', 0],
        ['7a', 0],
      ]);
    expect(result.markdown).toContain('| drain / baseline |');
    expect(result.markdown).toContain('| 7a PUT with metadata.version, distinct rows | 4 |');
  }, 180_000);
});
