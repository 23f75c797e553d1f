// Runs the tracing benchmark on tiny sizes: all three sides (the untraced side is the same build here), both
// scenarios, the discarding receiver, the report. Not a performance test.
const { join } = require('node:path');
const { main } = require('./tracing');

// The run's server (the embedded one cannot be started inside Jest's module system).
process.env.DATABASE_URL ||= process.env.CS_TEST_PG_SERVER_URL;

describe('tracing bench (smoke)', () => {
  it('measures a read and a write with tracing off, on (exporting its spans) and an untraced build', async () => {
    const untraced = join(__dirname, '../../apps/api/dist/main.js');
    const result = await main(['--smoke', `--untraced=${untraced}`]);
    expect(result.results.map((row) => row.scenario)).toEqual([
      'read: GET one segment by id',
      'write: PUT a customer assignment (and its event)',
    ]);
    for (const row of result.results) {
      expect(Object.keys(row.best)).toEqual(['off', 'on', 'untraced']);
      for (const run of Object.values(row.best)) expect(run).toMatchObject({ total: 100, errors: 0 });
    }
    expect(result.received.exports).toBeGreaterThan(0);
    expect(result.markdown).toContain('| read: GET one segment by id | off |');
    expect(result.markdown).toContain('|  | untraced |');
  }, 60_000);
});
