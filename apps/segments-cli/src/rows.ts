import { stringify } from 'csv-stringify';
import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { UsageError } from './settings';

export type Format = 'csv' | 'jsonl';
export type Row = Record<string, unknown>;

export function formatOf(file: string, explicit?: string): Format {
  const format = explicit ?? (/\.jsonl?$/i.test(file) ? 'jsonl' : 'csv');
  if (format !== 'csv' && format !== 'jsonl') throw new UsageError(`Unknown format '${format}': use csv or jsonl.`);
  return format;
}

/** One record of an input file: where it is, its text, and its values or why it could not be read. */
export interface Entry {
  line: number;
  raw: string;
  row?: Row;
  error?: string;
}

export interface Input {
  /** CSV: the columns its header names; JSON Lines: the keys of its first object. */
  columns: string[];
  entries: AsyncIterable<Entry>;
}

/**
 * The values of one CSV line (RFC 4180 quoting, `""` for a quote inside quotes), or why it is not
 * valid CSV. A record is one line, so a broken line fails alone instead of swallowing the lines
 * after it. A quote inside an unquoted value is taken literally (`c1,,{"a":1}` works).
 */
export function splitCsvLine(line: string): string[] | string {
  const values: string[] = [];
  for (let start = 0; ;) {
    let end: number;
    const opening = /^[ \t]*"/.exec(line.slice(start));
    if (opening) {
      let value = '';
      for (let from = start + opening[0].length; ;) {
        const close = line.indexOf('"', from);
        if (close === -1) return 'unclosed quote';
        value += line.slice(from, close);
        if (line[close + 1] !== '"') {
          end = close + 1 + line.slice(close + 1).search(/[^ \t]|$/);
          break;
        }
        value += '"';
        from = close + 2;
      }
      if (end < line.length && line[end] !== ',') return `text after the closing quote at character ${end + 1}`;
      values.push(value);
    } else {
      end = line.indexOf(',', start);
      if (end === -1) end = line.length;
      values.push(line.slice(start, end));
    }
    if (end >= line.length) return values;
    start = end + 1;
  }
}

async function* nonBlankLines(file: string): AsyncGenerator<{ number: number; text: string }> {
  let number = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    number++;
    if (text.trim()) yield { number, text: number === 1 ? text.replace(/^\ufeff/, '') : text };
  }
}

function csvEntry(columns: string[], line: { number: number; text: string }): Entry {
  const entry = { line: line.number, raw: line.text };
  const values = splitCsvLine(line.text);
  if (typeof values === 'string') return { ...entry, error: values };
  if (values.length > columns.length)
    return { ...entry, error: `${values.length} values where the header has ${columns.length} columns` };
  return { ...entry, row: Object.fromEntries(columns.map((column, i) => [column, values[i] ?? ''])) };
}

function jsonEntry(line: { number: number; text: string }): Entry {
  const entry = { line: line.number, raw: line.text };
  try {
    const value: unknown = JSON.parse(line.text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ...entry, row: value as Row }
      : { ...entry, error: 'line is not a JSON object' };
  } catch {
    return { ...entry, error: 'line is not valid JSON' };
  }
}

/**
 * Opens a CSV (header line first) or JSON Lines file and reads as far as its columns, so they can be
 * checked before anything is sent; the entries then stream in constant memory. Blank lines are
 * skipped; line numbers count every line of the file.
 */
export async function openInput(file: string, format: Format): Promise<Input> {
  const lines = nonBlankLines(file);
  const next = async () => {
    try {
      const { value } = await lines.next();
      return value || undefined;
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      throw new UsageError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : message}.`);
    }
  };
  const read: Entry[] = [];
  let columns: string[] = [];
  let toEntry = jsonEntry;
  if (format === 'csv') {
    const header = await next();
    if (header) {
      const names = splitCsvLine(header.text);
      if (typeof names === 'string') throw new UsageError(`${file}: the header line is not valid CSV (${names}).`);
      columns = names.map((name) => name.trim());
    }
    toEntry = (line) => csvEntry(columns, line);
  } else {
    // JSON Lines have no header: the first object stands for it.
    for (let line = await next(); line; line = read.at(-1)?.row ? undefined : await next()) read.push(jsonEntry(line));
    columns = Object.keys(read.at(-1)?.row ?? {});
  }
  async function* entries(): AsyncGenerator<Entry> {
    yield* read;
    for (let line = await next(); line; line = await next()) yield toEntry(line);
  }
  return { columns, entries: entries() };
}

/** How many rows a regular file holds (non-blank lines, less the CSV header); undefined for pipes. */
export async function countRows(file: string, format: Format): Promise<number | undefined> {
  if (!(await stat(file)).isFile()) return undefined;
  let lines = 0;
  let blank = true;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 0x0a) {
        if (!blank) lines++;
        blank = true;
      } else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) blank = false;
    }
  }
  if (!blank) lines++;
  return format === 'csv' ? Math.max(lines - 1, 0) : lines;
}

/** Partial files of writers not yet committed, for removal when the process is interrupted. */
export const partialFiles = new Set<string>();

/**
 * Writes rows as CSV (fixed columns; objects as JSON text) or JSON Lines into a partial file that
 * `commit` moves into place, so an interrupted run never truncates the previous file, and a file can
 * be rewritten while it is being read (a retry of `x.failed.csv` writes `x.failed.csv`).
 */
export class RowWriter {
  private readonly partial: string;
  private readonly out: WriteStream;
  private readonly csv?: ReturnType<typeof stringify>;

  constructor(
    private readonly file: string,
    format: Format,
    columns: string[],
  ) {
    this.partial = `${file}.${process.pid}.partial`;
    partialFiles.add(this.partial);
    this.out = createWriteStream(this.partial);
    if (format === 'csv') {
      this.csv = stringify({ header: true, columns, cast: { object: (value) => JSON.stringify(value) } });
      this.csv.pipe(this.out);
    }
  }

  async write(row: Row): Promise<void> {
    const ok = this.csv ? this.csv.write(row) : this.out.write(`${JSON.stringify(row)}\n`);
    if (!ok) await once(this.csv ?? this.out, 'drain');
  }

  /** Finishes the file and replaces the previous one with it. */
  async commit(): Promise<void> {
    await this.close();
    await rename(this.partial, this.file);
    partialFiles.delete(this.partial);
  }

  /** Drops what was written; the previous file stays as it was. */
  async discard(): Promise<void> {
    if (!partialFiles.has(this.partial)) return;
    await this.close();
    await rm(this.partial, { force: true });
    partialFiles.delete(this.partial);
  }

  private async close(): Promise<void> {
    if (this.out.closed) return;
    const finished = once(this.out, 'close');
    if (this.csv) this.csv.end();
    else this.out.end();
    await finished;
  }
}
