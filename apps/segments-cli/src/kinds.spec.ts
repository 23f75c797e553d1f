import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customersKind, itemsKind } from './kinds';
import { formatOf, readRows, RowWriter } from './rows';

describe('row checks', () => {
  it('turns customer rows into bulk items, mixins from JSON text or objects', () => {
    expect(customersKind.toItem({ customerId: ' c1 ', legalEntityId: '', mixins: '{"tier":"gold"}' })).toEqual({
      customerId: 'c1',
      mixins: { tier: 'gold' },
    });
    expect(customersKind.toItem({ customerId: 'c1', legalEntityId: 'le1', mixins: { a: 1 } })).toEqual({
      customerId: 'c1',
      legalEntityId: 'le1',
      mixins: { a: 1 },
    });
    expect(customersKind.toItem({ legalEntityId: 'le1' })).toBe('customerId is required');
    expect(customersKind.toItem({ customerId: 'c1', mixins: '[1,2]' })).toBe('mixins must be a JSON object');
    expect(customersKind.toItem({ customerId: 'c1', mixins: '{oops' })).toBe('mixins must be a JSON object');
  });

  it('checks item rows against the chosen type', () => {
    const products = itemsKind('PRODUCT');
    expect(products.toItem({ id: 'p1', type: 'product' })).toEqual({ id: 'p1' });
    expect(products.toItem({ id: 'p1', type: 'CATEGORY' })).toMatch(/does not match/);
    expect(products.toItem({ id: '' })).toBe('id is required');
  });
});

describe('files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-rows-'));

  it('picks the format from the file name', () => {
    expect(formatOf('a.csv')).toBe('csv');
    expect(formatOf('a.JSONL')).toBe('jsonl');
    expect(formatOf('a.txt', 'jsonl')).toBe('jsonl');
    expect(() => formatOf('a.csv', 'xml')).toThrow(/Unknown format/);
  });

  it('streams CSV with a header and JSON Lines, reporting lines that are not JSON objects', async () => {
    writeFileSync(join(dir, 'in.csv'), '\ufeffcustomerId,legalEntityId,mixins\nc1,,\n"c2",le1,"{""a"":1}"\n');
    writeFileSync(join(dir, 'in.jsonl'), '{"customerId":"c1"}\n\nnot json\n[1]\n');
    const csv = [];
    for await (const row of readRows(join(dir, 'in.csv'), 'csv')) csv.push(row);
    expect(csv).toEqual([
      { customerId: 'c1', legalEntityId: '', mixins: '' },
      { customerId: 'c2', legalEntityId: 'le1', mixins: '{"a":1}' },
    ]);
    const jsonl = [];
    for await (const row of readRows(join(dir, 'in.jsonl'), 'jsonl')) jsonl.push(row);
    expect(jsonl).toEqual([
      { customerId: 'c1' },
      { __error: 'line is not valid JSON', __line: 'not json' },
      { __error: 'line is not a JSON object', __line: '[1]' },
    ]);
  });

  it('writes CSV with objects as JSON text, and JSON Lines', async () => {
    const csv = new RowWriter(join(dir, 'out.csv'), 'csv', ['customerId', 'mixins']);
    await csv.write({ customerId: 'c1', mixins: { a: 1 } });
    await csv.close();
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('customerId,mixins\nc1,"{""a"":1}"\n');
    const jsonl = new RowWriter(join(dir, 'out.jsonl'), 'jsonl', []);
    await jsonl.write({ id: 'p1' });
    await jsonl.close();
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe('{"id":"p1"}\n');
  });
});
