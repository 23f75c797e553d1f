import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { E2e, startE2e } from './support';

const ROOT = join(__dirname, '..', '..', '..');

/** The first ```bash block of the README section whose heading starts with `heading`. */
function readmeBlock(heading: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}`);
  const block =
    start < 0 ? null : /```bash\n([\s\S]*?)```/.exec(readme.slice(start, readme.indexOf('\n## ', start + 1)));
  if (!block) throw new Error(`README has no bash block under "## ${heading}"`);
  return block[1];
}

describe('README', () => {
  let e2e: E2e;
  beforeAll(async () => (e2e = await startE2e()));
  afterAll(() => e2e.server.close());

  it('quick start: every command prints what its "# →" line says', async () => {
    const script = readmeBlock('Quick start');
    const documented = script
      .split('\n')
      .filter((line) => line.startsWith('# → '))
      .map((line) => line.slice('# → '.length));
    const { stdout } = await promisify(execFile)('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd: ROOT,
      env: { ...process.env, API: e2e.server.baseUrl },
      timeout: 60_000,
    });
    expect(documented.length).toBeGreaterThanOrEqual(6);
    expect(stdout.trimEnd().split('\n')).toEqual(documented);
  }, 90_000);
});
