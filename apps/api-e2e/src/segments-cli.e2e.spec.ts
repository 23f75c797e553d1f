import { Scopes } from '@cs/contracts';
import { run } from '@cs/segments-cli';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures } from './fixtures';
import { E2e, startE2e, TEST_TENANT } from './support';

/** The CLI, in-process, against a started server; returns its exit code and output. */
async function cli(e2e: E2e, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    [
      ...args,
      '--base-url',
      e2e.server.baseUrl,
      '--tenant',
      TEST_TENANT,
      '--client-id',
      'dev-client',
      '--client-secret',
      'dev-secret',
    ],
    {
      out: (line) => out.push(line),
      err: (text) => err.push(text),
      isTty: false,
    },
  );
  return { code, out: out.join('\n'), err: err.join('') };
}

describe('segments-cli against a running service', () => {
  let e2e: E2e;
  const dir = mkdtempSync(join(tmpdir(), 'segments-cli-'));

  beforeAll(async () => {
    e2e = await startE2e();
    const f = fixtures(e2e, await e2e.client([Scopes.segmentManage]));
    for (const id of ['vip', 'assortment', 'broken', 'headers', 'retry', 'mixed', 'mixed-copy', 'nul'])
      await f.segment(id, { status: 'INACTIVE' });
  });
  afterAll(() => e2e.server.close());

  const assigned = async (segmentId: string, table = 'customer_assignment') => {
    const [{ count }] = await e2e.server.db.query(
      `SELECT count(*)::int AS count FROM ${table} WHERE tenant = $1 AND segment_id = $2`,
      [TEST_TENANT, segmentId],
    );
    return count as number;
  };

  it('imports 1,000 customer rows in bulk, reports the bad ones in a file, and is safe to re-run', async () => {
    const lines = ['customerId,legalEntityId,mixins'];
    for (let i = 0; i < 1000; i++) {
      if (i % 100 === 7)
        lines.push(`,le1,`); // no customer id
      else if (i % 100 === 42) lines.push(`c${i},,{not json`);
      else lines.push(`c${i},${i % 2 ? 'le1' : ''},"{""rank"":${i}}"`);
    }
    writeFileSync(join(dir, 'customers.csv'), `${lines.join('\n')}\n`);

    const first = await cli(e2e, 'import', 'customers', '--segment', 'vip', '--file', join(dir, 'customers.csv'));
    expect(first.code).toBe(1);
    expect(first.out).toContain('1000 rows: 980 created, 0 updated, 20 failed');
    const failed = readFileSync(join(dir, 'customers.failed.csv'), 'utf8').trim().split('\n');
    expect(failed[0]).toBe('customerId,legalEntityId,mixins,error');
    expect(failed).toHaveLength(21);
    expect(failed.filter((line) => line.includes('customerId is required'))).toHaveLength(10);
    expect(failed.filter((line) => line.includes('mixins must be a JSON object'))).toHaveLength(10);
    const [{ count }] = await e2e.server.db.query(
      `SELECT count(*)::int AS count FROM customer_assignment WHERE tenant = $1 AND segment_id = 'vip'`,
      [TEST_TENANT],
    );
    expect(count).toBe(980);
    const [b2b] = await e2e.server.db.query(
      `SELECT legal_entity_id, mixins FROM customer_assignment WHERE tenant = $1 AND segment_id = 'vip' AND customer_id = 'c1'`,
      [TEST_TENANT],
    );
    expect(b2b).toEqual({ legal_entity_id: 'le1', mixins: { rank: 1 } });

    const again = await cli(e2e, 'import', 'customers', '--segment', 'vip', '--file', join(dir, 'customers.csv'));
    expect(again.out).toContain('1000 rows: 0 created, 980 updated, 20 failed');
    const [{ count: after }] = await e2e.server.db.query(
      `SELECT count(*)::int AS count FROM customer_assignment WHERE tenant = $1 AND segment_id = 'vip'`,
      [TEST_TENANT],
    );
    expect(after).toBe(980);
  });

  it('exports all pages of a segment and the export imports back into another segment unchanged', async () => {
    const exported = await cli(e2e, 'export', 'customers', '--segment', 'vip', '--out', join(dir, 'vip.jsonl'));
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('Exported 980 customers');
    const rows = readFileSync(join(dir, 'vip.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toHaveLength(980);
    expect(rows.find((row) => row.customerId === 'c1')).toEqual({
      customerId: 'c1',
      legalEntityId: 'le1',
      mixins: { rank: 1 },
    });

    const imported = await cli(e2e, 'import', 'customers', '--segment', 'assortment', '--file', join(dir, 'vip.jsonl'));
    expect(imported.code).toBe(0);
    await cli(e2e, 'export', 'customers', '--segment', 'assortment', '--out', join(dir, 'assortment.jsonl'));
    expect(readFileSync(join(dir, 'assortment.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'vip.jsonl'), 'utf8'));
  });

  it('imports and exports item assignments of one type', async () => {
    writeFileSync(
      join(dir, 'items.jsonl'),
      ['{"id":"p1","mixins":{"promo":true}}', '{"id":"p2"}', 'oops', '{"id":"p3","type":"CATEGORY"}'].join('\n'),
    );
    const imported = await cli(
      e2e,
      'import',
      'items',
      '--type',
      'PRODUCT',
      '--segment',
      'assortment',
      '--file',
      join(dir, 'items.jsonl'),
    );
    expect(imported.code).toBe(1);
    expect(imported.out).toContain('4 rows: 2 created, 0 updated, 2 failed');
    const exported = await cli(e2e, 'export', 'items', '--segment', 'assortment', '--out', join(dir, 'items.csv'));
    expect(exported.out).toContain('Exported 2 items');
    expect(readFileSync(join(dir, 'items.csv'), 'utf8')).toBe(
      'id,type,mixins\np1,PRODUCT,"{""promo"":true}"\np2,PRODUCT,{}\n',
    );
  });

  it('explains usage problems with exit code 2 and prints help', async () => {
    const errors: string[] = [];
    expect(
      await run(['import', 'customers', '--segment', 'x', '--file', 'y.csv'], {
        out: () => undefined,
        err: (text) => errors.push(text),
        isTty: false,
      }),
    ).toBe(2);
    expect(errors.join('')).toMatch(/tenant is required/);
    const noTenant = await run(['export', 'customers', '--segment', 'x', '--out', join(dir, 'x.csv'), '--token', 't'], {
      out: () => undefined,
      err: () => undefined,
      isTty: false,
    });
    expect(noTenant).toBe(2);
    const help: string[] = [];
    expect(
      await run(['import', '--help'], { out: (line) => help.push(line), err: () => undefined, isTty: false }),
    ).toBe(0);
    expect(help.join('\n')).toContain('--segment <id>');
    expect((await cli(e2e, 'import', 'items', '--segment', 'vip', '--file', join(dir, 'items.jsonl'))).code).toBe(2);
  });

  it('turns malformed CSV lines into failed rows with their line and text, and imports every other row', async () => {
    const lines = ['customerId,legalEntityId,mixins'];
    for (let i = 0; i < 1000; i++) lines.push(`c${i},,`);
    lines[501] = 'c500,le1,{},extra';
    lines[701] = 'c700,"le1,{}';
    writeFileSync(join(dir, 'broken.csv'), `${lines.join('\n')}\n`);
    const result = await cli(e2e, 'import', 'customers', '--segment', 'broken', '--file', join(dir, 'broken.csv'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('1000 rows: 998 created, 0 updated, 2 failed');
    expect(await assigned('broken')).toBe(998);
    expect(readFileSync(join(dir, 'broken.failed.csv'), 'utf8')).toBe(
      [
        'customerId,legalEntityId,mixins,error',
        ',,,"line 502: 4 values where the header has 3 columns: c500,le1,{},extra"',
        ',,,"line 702: unclosed quote: c700,""le1,{}"',
        '',
      ].join('\n'),
    );
  });

  it('checks the header before sending anything, naming the expected and the found columns', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['id.csv', 'id,legalEntityId,mixins\nc1,,\n', /found id, legalEntityId, mixins\./],
      ['semicolons.csv', 'customerId;legalEntityId;mixins\nc1;;\n', /not ';'/],
      ['no-header.csv', 'c1,le1,\nc2,,\n', /found c1, le1, \(empty\)/],
      ['items-as-customers.jsonl', '{"id":"p1"}\n', /found in the first row id\./],
    ];
    for (const [name, text, found] of cases) {
      writeFileSync(join(dir, name), text);
      const result = await cli(e2e, 'import', 'customers', '--segment', 'headers', '--file', join(dir, name));
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/Expected .*customerId \(required\), legalEntityId, mixins; found/);
      expect(result.err).toMatch(found);
      expect(existsSync(join(dir, name.replace(/\.(\w+)$/, '.failed.$1')))).toBe(false);
    }
    expect(await assigned('headers')).toBe(0);
  });

  it('checks the segment and the input file first', async () => {
    writeFileSync(join(dir, 'one.csv'), 'customerId\nc1\n');
    const missing = await cli(e2e, 'import', 'customers', '--segment', 'nope', '--file', join(dir, 'one.csv'));
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining("Segment 'nope' not found") });
    const exported = await cli(e2e, 'export', 'customers', '--segment', 'nope', '--out', join(dir, 'nope.csv'));
    expect(exported).toMatchObject({ code: 2, err: expect.stringContaining("Segment 'nope' not found") });
    expect(existsSync(join(dir, 'nope.csv'))).toBe(false);
    const noFile = await cli(e2e, 'import', 'customers', '--segment', 'vip', '--file', join(dir, 'absent.csv'));
    expect(noFile).toMatchObject({ code: 2, err: `Cannot read ${join(dir, 'absent.csv')}: no such file.\n` });
  });

  it('keeps failed rows as they were, and a retry of the failed file rewrites that file', async () => {
    writeFileSync(join(dir, 'retry.csv'), 'mixins,customerId\n{oops, c1 \n{},c2\n{bad,c3\n');
    const first = await cli(e2e, 'import', 'customers', '--segment', 'retry', '--file', join(dir, 'retry.csv'));
    expect(first.out).toContain('3 rows: 1 created, 0 updated, 2 failed');
    const failedFile = join(dir, 'retry.failed.csv');
    expect(readFileSync(failedFile, 'utf8')).toBe(
      'mixins,customerId,error\n{oops, c1 ,line 2: mixins must be a JSON object\n{bad,c3,line 4: mixins must be a JSON object\n',
    );

    writeFileSync(failedFile, readFileSync(failedFile, 'utf8').replace('{oops', '{}'));
    const retry = await cli(e2e, 'import', 'customers', '--segment', 'retry', '--file', failedFile);
    expect(retry.out).toContain('2 rows: 1 created, 0 updated, 1 failed');
    expect(retry.out).toContain(`Failed rows with their errors: ${failedFile}`);
    expect(readFileSync(failedFile, 'utf8')).toBe(
      'mixins,customerId,error\n{bad,c3,line 3: mixins must be a JSON object\n',
    );
    expect(existsSync(join(dir, 'retry.failed.failed.csv'))).toBe(false);

    writeFileSync(failedFile, readFileSync(failedFile, 'utf8').replace('{bad', '{}'));
    const last = await cli(e2e, 'import', 'customers', '--segment', 'retry', '--file', failedFile);
    expect(last).toMatchObject({
      code: 0,
      out: expect.stringContaining(`No rows failed; ${failedFile} now lists none.`),
    });
    expect(readFileSync(failedFile, 'utf8')).toBe('mixins,customerId,error\n');
    expect(await assigned('retry')).toBe(3);

    writeFileSync(join(dir, 'retry.jsonl'), '{"mixins":[1],"customerId":"c9"}\nnope\n');
    await cli(e2e, 'import', 'customers', '--segment', 'retry', '--file', join(dir, 'retry.jsonl'));
    expect(readFileSync(join(dir, 'retry.failed.jsonl'), 'utf8')).toBe(
      '{"mixins":[1],"customerId":"c9","error":"line 1: mixins must be a JSON object"}\n' +
        '{"error":"line 2: line is not valid JSON: nope"}\n',
    );
  });

  it('validates without sending anything on --dry-run', async () => {
    const lines = ['customerId,legalEntityId,mixins'];
    for (let i = 0; i < 450; i++) lines.push(i % 150 === 3 ? ',le1,' : `d${i},,`);
    writeFileSync(join(dir, 'dry.csv'), `${lines.join('\n')}\n`);
    const result = await cli(
      e2e,
      'import',
      'customers',
      '--segment',
      'headers',
      '--file',
      join(dir, 'dry.csv'),
      '--dry-run',
    );
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      [
        'Dry run, nothing sent: 450 rows, 447 would be sent to segment headers in 3 bulk requests, 3 failed the checks.',
        '  line 5: customerId is required',
        '  line 155: customerId is required',
        '  line 305: customerId is required',
      ].join('\n'),
    );
    expect(await assigned('headers')).toBe(0);
    expect(existsSync(join(dir, 'dry.failed.csv'))).toBe(false);
  });

  it('re-imports an export of mixed item types in one go, from its type column', async () => {
    writeFileSync(
      join(dir, 'mixed.csv'),
      'id,type,mixins\np1,PRODUCT,\nc1,category,"{""a"":1}"\np2,PRODUCT,\nx,BRAND,\n',
    );
    const imported = await cli(e2e, 'import', 'items', '--segment', 'mixed', '--file', join(dir, 'mixed.csv'));
    expect(imported.out).toContain('4 rows: 3 created, 0 updated, 1 failed');
    await cli(e2e, 'export', 'items', '--segment', 'mixed', '--out', join(dir, 'mixed-export.csv'));
    const copied = await cli(
      e2e,
      'import',
      'items',
      '--segment',
      'mixed-copy',
      '--file',
      join(dir, 'mixed-export.csv'),
    );
    expect(copied).toMatchObject({ code: 0, out: expect.stringContaining('3 rows: 3 created, 0 updated, 0 failed') });
    await cli(e2e, 'export', 'items', '--segment', 'mixed-copy', '--out', join(dir, 'mixed-copy.csv'));
    expect(readFileSync(join(dir, 'mixed-copy.csv'), 'utf8')).toBe(readFileSync(join(dir, 'mixed-export.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'mixed-copy.csv'), 'utf8').split('\n').sort()).toEqual(
      ['', 'c1,CATEGORY,"{""a"":1}"', 'id,type,mixins', 'p1,PRODUCT,{}', 'p2,PRODUCT,{}'].sort(),
    );
  });

  it('reports only the row with a NUL character, not the rest of its bulk of 200', async () => {
    const lines = ['customerId,legalEntityId,mixins'];
    for (let i = 0; i < 450; i++)
      lines.push(i === 250 ? `n${i}\u0000,,` : i === 300 ? `n${i},,"{""a"":""\\u0000""}"` : `n${i},,`);
    writeFileSync(join(dir, 'nul.csv'), `${lines.join('\n')}\n`);
    const result = await cli(e2e, 'import', 'customers', '--segment', 'nul', '--file', join(dir, 'nul.csv'));
    expect(result.out).toContain('450 rows: 448 created, 0 updated, 2 failed');
    expect(await assigned('nul')).toBe(448);
    const failed = readFileSync(join(dir, 'nul.failed.csv'), 'utf8').trim().split('\n');
    expect(failed).toHaveLength(3);
    expect(failed[1].startsWith('n250\u0000,,,line 252: 400 ')).toBe(true);
    expect(failed[2]).toMatch(/^n300,,"{""a"":""\\u0000""}",line 302: 400 /);
  });
});
