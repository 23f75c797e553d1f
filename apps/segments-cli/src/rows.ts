import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
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

/**
 * Streams the rows of a CSV (with a header line) or JSON Lines file, one at a time, so files of any
 * size are read in constant memory. A JSON Lines line that does not parse yields `{ __error }`.
 */
export async function* readRows(file: string, format: Format): AsyncGenerator<Row> {
  if (format === 'csv') {
    yield* createReadStream(file).pipe(
      parse({ columns: true, skip_empty_lines: true, trim: true, bom: true }),
    ) as AsyncIterable<Row>;
    return;
  }
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      yield value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Row)
        : { __error: 'line is not a JSON object', __line: line };
    } catch {
      yield { __error: 'line is not valid JSON', __line: line };
    }
  }
}

/** Writes rows as CSV (fixed columns; objects as JSON text) or JSON Lines. */
export class RowWriter {
  private readonly out: WriteStream;
  private readonly csv?: ReturnType<typeof stringify>;

  constructor(
    file: string,
    private readonly format: Format,
    columns: string[],
  ) {
    this.out = createWriteStream(file);
    if (format === 'csv') {
      this.csv = stringify({ header: true, columns, cast: { object: (value) => JSON.stringify(value) } });
      this.csv.pipe(this.out);
    }
  }

  async write(row: Row): Promise<void> {
    const ok = this.csv ? this.csv.write(row) : this.out.write(`${JSON.stringify(row)}\n`);
    if (!ok) await once(this.csv ?? this.out, 'drain');
  }

  async close(): Promise<void> {
    const finished = once(this.out, 'finish');
    if (this.csv) this.csv.end();
    else this.out.end();
    await finished;
  }
}
