// Runs the whole harness on tiny data with very short measurements: generator, service start, every
// scenario's answers, the SQL counter, both baselines and the report. Not a performance test.
const { main } = require('./run');

// The run's server (the embedded one cannot be started inside Jest's module system).
process.env.DATABASE_URL ||= process.env.CS_TEST_PG_SERVER_URL;

describe('bench harness (smoke)', () => {
  // Every scenario at the smoke size, the overlapping-bulk ones included: about a minute on two loaded cores.
  it('runs every scenario against the service and both baselines and renders the report', async () => {
    const report = await main(['--smoke']);
    const ids = report.results.map((result) => result.id);
    expect(ids).toEqual([
      '1',
      '2a',
      '2b',
      '3a',
      '3b',
      '3c',
      '3d',
      '4a',
      '4b',
      '4c',
      '4d',
      '5',
      '10',
      '8',
      '9a',
      '9b',
      '6',
      '7a',
      '7b',
      '11a',
      '11b',
      '12',
    ]);
    for (const result of report.results) {
      const run = result.service.runs[4];
      expect({ id: result.id, errors: run.errors }).toEqual({ id: result.id, errors: 0 });
      expect(run.total).toBeGreaterThan(0);
      // 12's q is refused before any statement.
      expect(result.queriesPerRequest.every((n) => n >= (result.id === '12' ? 0 : 1))).toBe(true);
      if (result.bare) expect({ id: result.id, sameJson: result.sameJson }).toEqual({ id: result.id, sameJson: true });
    }
    expect(report.results.find((result) => result.id === '1').bare.runs[4].total).toBeGreaterThan(0);
    if (report.data.opts.pgbench) expect(report.results.find((result) => result.id === '3a').db.tps).toBeGreaterThan(0);
    expect(report.markdown).toContain('| # | scenario | conns | req/s |');
    expect(report.markdown).toMatch(/Targets: \d+ of \d+ met/);
  }, 180_000);
});
