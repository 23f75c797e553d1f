// Runs the whole harness on tiny data with very short measurements: generator, service start, every
// scenario's answers, the SQL counter, the baselines (pgbench, the bare server, the service on today's SQL
// statements) and the report. Not a performance test.
const { main } = require('./run');

// The run's server (the embedded one cannot be started inside Jest's module system).
process.env.DATABASE_URL ||= process.env.CS_TEST_PG_SERVER_URL;

describe('bench harness (smoke)', () => {
  // Every scenario at the smoke size, the overlapping-bulk ones included: about a minute on two loaded cores.
  it('runs every scenario against the service and its baselines and renders the report', async () => {
    const report = await main(['--smoke']);
    const ids = report.results.map((result) => result.id);
    const sqlBaselined = ['8', '9a', '9b'];
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
      '13a',
      '13b',
      '14',
      '15',
      '12',
    ]);
    for (const result of report.results) {
      const run = result.service.runs[4];
      expect({ id: result.id, errors: run.errors }).toEqual({ id: result.id, errors: 0 });
      expect(run.total).toBeGreaterThan(0);
      // 12's q is refused before any statement; the read model may answer 8, 9a and 9b from memory alone.
      const someSql = result.id !== '12' && !sqlBaselined.includes(result.id);
      expect(result.queriesPerRequest.every((n) => n >= (someSql ? 1 : 0))).toBe(true);
      if (result.bare) expect({ id: result.id, sameJson: result.sameJson }).toEqual({ id: result.id, sameJson: true });
    }
    // The storefront reads, measured against the service on today's SQL statements, whose SQL pgbench replays.
    for (const id of sqlBaselined) {
      const { sql, db } = report.results.find((result) => result.id === id);
      expect({ id, errors: sql.runs[4].errors, sameJson: sql.sameJson }).toEqual({ id, errors: 0, sameJson: true });
      expect(sql.runs[4].total).toBeGreaterThan(0);
      expect(sql.queriesPerRequest.every((n) => n >= 1)).toBe(true);
      if (report.data.opts.pgbench) expect(db.tps).toBeGreaterThan(0);
    }
    expect(report.results.find((result) => result.id === '6').sql).toBeUndefined();
    expect(report.markdown).toContain('| SQL service req/s |');
    expect(report.markdown).toContain('| 9b req/s >= 1000 (c4) |');
    expect(report.results.find((result) => result.id === '1').bare.runs[4].total).toBeGreaterThan(0);
    if (report.data.opts.pgbench) expect(report.results.find((result) => result.id === '3a').db.tps).toBeGreaterThan(0);
    expect(report.markdown).toContain('| # | scenario | conns | req/s |');
    expect(report.markdown).toMatch(/Targets: \d+ of \d+ met/);
  }, 180_000);

  it('measures the write scenarios with the read-generation triggers on and off', async () => {
    const report = await main(['--smoke', '--read-generations-ab', '--ab-rounds=2', '--only=1,7a,14']);
    const [read, ...writes] = report.results;
    expect(read.readGenerationsOff).toBeUndefined();
    for (const { id, service, readGenerationsOff, readGenerationsAlone } of writes) {
      for (const run of [service.runs[4], readGenerationsOff.runs[4]]) {
        expect({ id, errors: run.errors, rounds: run.roundRps.length }).toEqual({ id, errors: 0, rounds: 2 });
        expect(run.total).toBeGreaterThan(0);
      }
      expect(readGenerationsAlone.on).toBeGreaterThan(0);
      expect(readGenerationsAlone.off).toBeGreaterThan(0);
    }
    expect(report.markdown).toContain('| # | scenario | conns | on req/s | off req/s | on/off req/s |');
  }, 120_000);
});
