import { createTestDatabase } from '@cs/postgres';
import { DataSource } from 'typeorm';
import type { FieldMap } from '../field-map';

/** Test fixtures shared by the Postgres and property tests (excluded from the build). */

export const SAMPLE_DDL = `
  CREATE TABLE sample (
    id text PRIMARY KEY,
    code text,
    status text,
    is_primary boolean,
    quantity integer,
    price numeric(10, 2),
    name jsonb,
    mixins jsonb,
    created_at timestamptz,
    valid_to timestamptz
  )`;

export const SAMPLE_FIELDS: FieldMap = {
  id: { sql: 's.id', type: 'string' },
  code: { sql: 's.code', type: 'string' },
  status: { sql: 's.status', type: 'enum', values: ['ACTIVE', 'INACTIVE'] },
  primary: { sql: 's.is_primary', type: 'boolean' },
  quantity: { sql: 's.quantity', type: 'number' },
  price: { sql: 's.price', type: 'number' },
  name: { sql: 's.name', type: 'localized' },
  mixins: { sql: 's.mixins', type: 'json', sortable: true },
  'metadata.createdAt': { sql: 's.created_at', type: 'datetime' },
  validity: { sql: 's.valid_to', type: 'datetime', sortable: false },
  lowerCode: { sql: 'lower(s.code)', type: 'string' },
  tags: { sql: "s.mixins -> 'tags'", type: 'list' },
  numbers: { sql: "s.mixins -> 'a'", type: 'list' },
  'groups.id': { sql: "s.mixins -> 'groups'", type: 'list', element: 'id' },
};

export interface SampleRow {
  id: string;
  code: string | null;
  status: string | null;
  is_primary: boolean | null;
  quantity: number | null;
  price: string | null;
  name: unknown;
  mixins: unknown;
  created_at: string | null;
  valid_to: string | null;
}

const row = (r: Partial<SampleRow> & { id: string }): SampleRow => ({
  code: null,
  status: null,
  is_primary: null,
  quantity: null,
  price: null,
  name: null,
  mixins: null,
  created_at: null,
  valid_to: null,
  ...r,
});

export const SAMPLE_ROWS: SampleRow[] = [
  row({
    id: 'a1',
    code: 'ABC-1',
    status: 'ACTIVE',
    is_primary: true,
    quantity: 5,
    price: '9.99',
    name: { en: 'Yoghurt import', de: 'Joghurt' },
    mixins: { a: { b: 'x', n: 10 }, tags: ['t1', 't2'] },
    created_at: '2021-05-18T07:27:27.455Z',
  }),
  row({
    id: 'a2',
    code: 'abcd',
    status: 'INACTIVE',
    is_primary: false,
    quantity: 20,
    price: '100.00',
    name: { en: 'Milk' },
    mixins: { a: { b: 'y', n: 'ten' }, groups: [{ id: 'g1', role: 'admin' }, { id: 'g2' }, { role: 'none' }, 'g3'] },
    created_at: '2021-05-19T00:00:00Z',
    valid_to: '2022-01-01T00:00:00Z',
  }),
  row({
    id: 'a3',
    code: 'AB CD',
    status: 'ACTIVE',
    quantity: 15,
    name: { en: null, fr: 'Fromage' },
    mixins: { a: { n: 20.5, when: '2021-06-01T00:00:00Z' } },
    created_at: '2021-05-20T00:00:00Z',
  }),
  row({ id: 'a4', is_primary: true, created_at: '2021-05-21T12:00:00+02:00' }),
  row({
    id: 'a5',
    code: 'xyz',
    status: 'ACTIVE',
    is_primary: false,
    quantity: 10,
    price: '0.50',
    name: {},
    mixins: { a: { b: null, n: true }, tags: [], groups: [{ role: 'none' }] },
    created_at: '2020-01-01T00:00:00Z',
  }),
  row({
    id: 'a6',
    code: "O'Brien",
    status: 'INACTIVE',
    is_primary: true,
    quantity: 100,
    name: { en: 'John', de: 'Johann' },
    mixins: { a: 'scalar' },
    created_at: '2019-12-31T23:59:59Z',
  }),
  row({
    id: 'a7',
    code: 'Zed',
    status: 'ACTIVE',
    quantity: -3,
    name: 'not an object',
    mixins: { a: [1, 2], n: 7 },
    created_at: '2022-02-02T00:00:00Z',
    valid_to: '2021-01-01T00:00:00Z',
  }),
  row({
    id: 'a8',
    code: 'yoghurt',
    status: 'INACTIVE',
    quantity: 0,
    name: { en: 'Jack' },
    mixins: {},
    created_at: '2021-05-19T00:00:00Z',
  }),
];

export const SAMPLE_INSERT = `
  INSERT INTO sample (id, code, status, is_primary, quantity, price, name, mixins, created_at, valid_to)
  SELECT id, code, status, is_primary, quantity, price, name, mixins, created_at, valid_to
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, code text, status text, is_primary boolean, quantity integer,
    price numeric, name jsonb, mixins jsonb, created_at timestamptz, valid_to timestamptz)`;

/** Patterns the validator accepts; the Postgres test runs every one of them through `~*`. */
export const VALID_PATTERNS = [
  'ABC',
  'Yoghurt im',
  '^abc$',
  'a.c',
  'a|b|c',
  '(ab)+c*d?',
  '(?:ab){2,3}',
  'x{2}y{0,}z{1,5}',
  'a+?b*?c??d{1,2}?',
  '[a-z0-9_]+',
  '[^,]+',
  '[-a]',
  '[a-]',
  '[\\]\\[]',
  '\\d+\\.\\d{2}',
  '\\w\\W\\s\\S\\D',
  '\\(\\)\\{\\}\\*\\+\\?\\|\\^\\$\\\\',
  "O'Brien; DROP TABLE x --",
  'Jöghürt 漢字 🍦',
  '(a{10}){10}|[ -~]{0,5}',
];

/** A scratch database holding the sample table, and how to drop it again. */
export async function openSampleDatabase(): Promise<{ ds: DataSource; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  await ds.query(SAMPLE_DDL);
  await ds.query(SAMPLE_INSERT, [JSON.stringify(SAMPLE_ROWS)]);
  return {
    ds,
    async close() {
      await ds.destroy();
      await db.drop();
    },
  };
}
