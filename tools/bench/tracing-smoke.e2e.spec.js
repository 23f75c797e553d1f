// Runs the tracing benchmark on tiny sizes: both services, both scenarios, the discarding receiver, the report.
// Not a performance test.
const { main } = require('./tracing');

// The run's server (the embedded one cannot be started inside Jest's module system).
process.env.DATABASE_URL ||= process.env.CS_TEST_PG_SERVER_URL;

describe('tracing bench (smoke)', () => {
  it('measures a read and a write with tracing off and on, the on side exporting its spans', async () => {
    const result = await main(['--smoke']);
    expect(result.results.map((row) => row.scenario)).toEqual([
      'read: GET one segment by id',
      'write: PUT a customer assignment (and its event)',
    ]);
    for (const row of result.results)
      for (const run of [row.off, row.on]) expect(run).toMatchObject({ total: 100, errors: 0 });
    expect(result.received.exports).toBeGreaterThan(0);
    expect(result.markdown).toContain('| read: GET one segment by id | off |');
  }, 60_000);
});
