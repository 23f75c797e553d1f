import { failedFileOf, run } from './cli';
import { progressLine } from './progress';

async function output(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (line) => out.push(line), err: (text) => err.push(text), isTty: false });
  return { code, out: out.join('\n'), err: err.join('') };
}

describe('the command line', () => {
  it('names the failed file after the input, and a retry of a failed file after itself', () => {
    expect(failedFileOf('data/members.csv', 'csv')).toBe('data/members.failed.csv');
    expect(failedFileOf('data/members.failed.csv', 'csv')).toBe('data/members.failed.csv');
    expect(failedFileOf('items.json', 'jsonl')).toBe('items.failed.jsonl');
    expect(failedFileOf('v1.2/list', 'csv')).toBe('v1.2/list.failed.csv');
  });

  it('prints its version, and help with examples, formats and exit codes', async () => {
    expect(await output('--version')).toEqual({ code: 0, out: '0.1.0', err: '' });
    const help = await output('--help');
    expect(help.code).toBe(0);
    for (const text of ['Examples:', '--dry-run', 'Formats', 'JSON Lines', 'Exit codes:', 'SEGMENTS_TENANT'])
      expect(help.out).toContain(text);
    const importHelp = await output('import', '--help');
    expect(importHelp.out).toContain('--dry-run');
    expect(importHelp.out).toContain('Exit codes:');
  });

  it('shows progress with the total, rate and time left', () => {
    expect(progressLine(2000, 3, 10_000, 4000)).toBe('2000/10000 rows (20%) · 500 rows/s · ETA 16s · 3 failed');
    expect(progressLine(600, 0, undefined, 2000)).toBe('600 rows · 300 rows/s');
    expect(progressLine(10, 0, 100_000, 1000)).toBe('10/100000 rows (0%) · 10 rows/s · ETA 2h 46m');
    expect(progressLine(0, 0, 5, 0)).toBe('0/5 rows (0%) · 0 rows/s');
  });
});
