// Runs the automatic segments benchmark on tiny sizes: criteria changes with their events, the customer sync with and
// without automatic segments, the preview, the EXPLAIN replays, and the report. Not a performance test.
const { main } = require('./rules');

// The run's server (the embedded one cannot be started inside Jest's module system).
process.env.DATABASE_URL ||= process.env.CS_TEST_PG_SERVER_URL;

describe('automatic segments bench (smoke)', () => {
  it('changes criteria as full diffs with events, syncs with and without automatic segments, previews', async () => {
    const result = await main(['--smoke']);
    const { size } = result.ranges;
    expect(result.criteria.runs.map((run) => [run.joined, run.left, run.members])).toEqual([
      [size, 0, size],
      [size, size, size],
      [0, size, 0],
    ]);
    expect(result.base.n).toBe(5);
    expect(result.base.events).toEqual({ created: 0, deleted: 0 });
    expect(result.withSegments.n).toBe(5);
    expect(result.withSegments.events.created + result.withSegments.events.deleted).toBeGreaterThan(0);
    expect(result.setup.members).toBeGreaterThan(0);
    expect(result.preview.totalCount).toBe(1_200);
    expect(result.explained.map((e) => e.plans.length)).toEqual([1, 2, 2]);
    expect(result.markdown).toContain('| sync of 50 with 10 automatic segments p50 < 100 ms |');
  }, 120_000);
});
