import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countRows, Entry, formatOf, openInput, RowWriter, splitCsvLine } from './rows';

const dir = mkdtempSync(join(tmpdir(), 'cli-rows-'));

async function read(name: string, text: string, format: 'csv' | 'jsonl') {
  writeFileSync(join(dir, name), text);
  const input = await openInput(join(dir, name), format);
  const entries: Entry[] = [];
  for await (const entry of input.entries) entries.push(entry);
  return { columns: input.columns, entries };
}

describe('CSV lines', () => {
  it('splits values, with RFC 4180 quotes', () => {
    expect(splitCsvLine('c1,,{}')).toEqual(['c1', '', '{}']);
    expect(splitCsvLine('"c,1", "say ""hi""" ,x')).toEqual(['c,1', 'say "hi"', 'x']);
    expect(splitCsvLine('c1,"",')).toEqual(['c1', '', '']);
    expect(splitCsvLine('c1,,{"a":1}')).toEqual(['c1', '', '{"a":1}']);
    expect(splitCsvLine('')).toEqual(['']);
  });

  it('says why a line is not valid CSV', () => {
    expect(splitCsvLine('c1,"le1,{}')).toBe('unclosed quote');
    expect(splitCsvLine('c1,"le1"x,{}')).toBe('text after the closing quote at character 9');
  });
});

describe('files', () => {
  it('picks the format from the file name', () => {
    expect(formatOf('a.csv')).toBe('csv');
    expect(formatOf('a.JSONL')).toBe('jsonl');
    expect(formatOf('a.txt', 'jsonl')).toBe('jsonl');
    expect(() => formatOf('a.csv', 'xml')).toThrow(/Unknown format/);
  });

  it('streams CSV with a header and JSON Lines, reporting lines that are not JSON objects', async () => {
    const csv = await read('in.csv', '\ufeffcustomerId,legalEntityId,mixins\nc1,,\n"c2",le1,"{""a"":1}"\n', 'csv');
    expect(csv.columns).toEqual(['customerId', 'legalEntityId', 'mixins']);
    expect(csv.entries.map((entry) => entry.row)).toEqual([
      { customerId: 'c1', legalEntityId: '', mixins: '' },
      { customerId: 'c2', legalEntityId: 'le1', mixins: '{"a":1}' },
    ]);
    const jsonl = await read('in.jsonl', '{"customerId":"c1"}\n\nnot json\n[1]\n', 'jsonl');
    expect(jsonl.columns).toEqual(['customerId']);
    expect(jsonl.entries).toEqual([
      { line: 1, raw: '{"customerId":"c1"}', row: { customerId: 'c1' } },
      { line: 3, raw: 'not json', error: 'line is not valid JSON' },
      { line: 4, raw: '[1]', error: 'line is not a JSON object' },
    ]);
  });

  it('turns a malformed CSV line into a failed entry and reads on', async () => {
    const csv = await read(
      'bad.csv',
      'customerId,legalEntityId,mixins\nc1,,\nc2,le1,{},extra\nc3,"le1,{}\n\nc4\n',
      'csv',
    );
    expect(csv.entries).toEqual([
      { line: 2, raw: 'c1,,', row: { customerId: 'c1', legalEntityId: '', mixins: '' } },
      { line: 3, raw: 'c2,le1,{},extra', error: '4 values where the header has 3 columns' },
      { line: 4, raw: 'c3,"le1,{}', error: 'unclosed quote' },
      { line: 6, raw: 'c4', row: { customerId: 'c4', legalEntityId: '', mixins: '' } },
    ]);
  });

  it('finds the columns of JSON Lines in the first object, and reads the lines before it too', async () => {
    const jsonl = await read('late.jsonl', 'oops\n{"id":"p1","type":"PRODUCT"}\n{"id":"p2"}\n', 'jsonl');
    expect(jsonl.columns).toEqual(['id', 'type']);
    expect(jsonl.entries.map((entry) => entry.line)).toEqual([1, 2, 3]);
    expect((await read('empty.jsonl', '', 'jsonl')).columns).toEqual([]);
    expect((await read('empty.csv', '\n', 'csv')).columns).toEqual([]);
  });

  it('says so when the file cannot be read', async () => {
    await expect(openInput(join(dir, 'missing.csv'), 'csv')).rejects.toThrow(
      `Cannot read ${dir}/missing.csv: no such file.`,
    );
  });

  it('counts the rows of a file', async () => {
    writeFileSync(join(dir, 'count.csv'), 'customerId\r\nc1\r\n\r\nc2');
    expect(await countRows(join(dir, 'count.csv'), 'csv')).toBe(2);
    expect(await countRows(join(dir, 'count.csv'), 'jsonl')).toBe(3);
  });

  it('writes CSV with objects as JSON text, and JSON Lines', async () => {
    const csv = new RowWriter(join(dir, 'out.csv'), 'csv', ['customerId', 'mixins']);
    await csv.write({ customerId: 'c1', mixins: { a: 1 } });
    await csv.commit();
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('customerId,mixins\nc1,"{""a"":1}"\n');
    const jsonl = new RowWriter(join(dir, 'out.jsonl'), 'jsonl', []);
    await jsonl.write({ id: 'p1' });
    await jsonl.commit();
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe('{"id":"p1"}\n');
  });

  it('replaces the previous file only on commit, so an interrupted run leaves it intact', async () => {
    writeFileSync(join(dir, 'kept.csv'), 'id\nold\n');
    const writer = new RowWriter(join(dir, 'kept.csv'), 'csv', ['id']);
    await writer.write({ id: 'new' });
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('id\nold\n');
    await writer.discard();
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('id\nold\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(existsSync(join(dir, 'kept.csv'))).toBe(true);
  });
});
