import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** Lints each `[file, source]` with the repository's ESLint config and returns the `no-restricted-imports` messages per case. */
function restrictedImports(cases: Array<[string, string]>): string[][] {
  // A child process: the flat config is an ES module, which Jest's module system cannot load.
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(cases.map(([filePath, code]) => eslint.lintText(code, { filePath }))).then((results) =>
      console.log(JSON.stringify(results.map(([result]) =>
        result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)))));`;
  const output = execFileSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  // The last line: the Nx rule prints a warning of its own (no project graph) on stdout first.
  return JSON.parse(output.trim().split('\n').pop() ?? '');
}

const app = (path: string) => `apps/api/src/app/${path}`;
const importing = (path: string) => `import { x } from '${path}';\nexport const y = x;\n`;

describe('import boundaries (eslint.config.mjs)', () => {
  it('reject imports against the direction of the layers, and from contracts into frameworks', () => {
    const rejected: Array<[string, string]> = [
      [app('database/probe.ts'), importing('../common/documents')],
      [app('database/probe.ts'), importing('../filters/error-mapping')],
      [app('database/probe.ts'), importing('../auth/auth.guard')],
      [app('database/probe.ts'), importing('../entities')],
      [app('database/migrations/probe.ts'), importing('../../segments/segment.entity')],
      [app('common/probe.ts'), importing('../segments/segments.service')],
      [app('common/probe.ts'), importing('../customer-management/documents')],
      [app('errors/probe.ts'), importing('../config/config')],
      [app('filters/probe.ts'), importing('../common/listing')],
      [app('auth/probe.ts'), importing('../common/validation')],
      [app('segments/probe.ts'), importing('../customer-assignments/customer-assignments.service')],
      [app('segments/probe.ts'), importing('../customer-assignments/customer-assignments.repository')],
      [app('segments/probe.ts'), importing('../item-assignments/item-assignments.repository')],
      [app('catalog/probe.ts'), importing('../segments/segment.entity')],
      [app('customer-management/locations/probe.ts'), importing('../../item-assignments/match.service')],
      [app('health/probe.ts'), importing('../app.module')],
      [app('metrics/probe.ts'), importing('../database/transactions')],
      [app('metrics/probe.ts'), importing('../events/event-relay')],
      ['libs/contracts/src/probe.ts', importing('@nestjs/common')],
      ['libs/contracts/src/probe.ts', importing('typeorm')],
      ['libs/contracts/src/probe.ts', importing('class-validator')],
      ['libs/contracts/src/probe.ts', importing('pg')],
    ];
    const allowed: Array<[string, string]> = [
      [app('database/probe.ts'), importing('../errors/domain-errors')],
      [app('database/probe.ts'), importing('../config/config')],
      [app('database/probe.ts'), importing('../metrics/metrics')],
      [app('segments/probe.ts'), importing('../metrics/metrics')],
      [app('metrics/probe.ts'), importing('../config/config.module')],
      [app('database/probe.spec.ts'), importing('../filters/error-mapping')],
      [app('filters/probe.ts'), importing('../database/pg-errors')],
      [app('common/probe.ts'), importing('../database/select')],
      [app('auth/probe.ts'), importing('../decorators/auth.decorators')],
      [app('customer-assignments/probe.ts'), importing('../segments/segments.repository')],
      [app('item-assignments/probe.ts'), importing('../segments/segment-visibility')],
      [app('item-assignments/probe.ts'), importing('../catalog/catalog.mapper')],
      [app('customer-management/locations/probe.ts'), importing('../legal-entities/legal-entity.entity')],
      [app('customer-management/locations/probe.ts'), importing('../../common/listing')],
      [app('app.module.ts'), importing('./segments/segments.module')],
      ['libs/contracts/src/probe.ts', importing('./scopes')],
    ];
    const results = restrictedImports([...rejected, ...allowed]);
    const outcome = (cases: Array<[string, string]>, offset: number) =>
      cases.map(([file, code], i) => `${file}: ${code.split('\n')[0]} -> ${results[offset + i].length}`);
    expect(outcome(rejected, 0)).toEqual(rejected.map(([file, code]) => `${file}: ${code.split('\n')[0]} -> 1`));
    expect(outcome(allowed, rejected.length)).toEqual(
      allowed.map(([file, code]) => `${file}: ${code.split('\n')[0]} -> 0`),
    );
  });
});
