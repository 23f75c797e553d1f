import { Scopes } from '@cs/contracts';
import { run } from '@cs/segments-cli';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    for (const id of ['vip', 'assortment']) await f.segment(id, { status: 'INACTIVE' });
  });
  afterAll(() => e2e.server.close());

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
});
