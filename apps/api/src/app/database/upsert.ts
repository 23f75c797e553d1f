import { EventType, ResourceType } from '@cs/contracts';
import { EntityManager } from 'typeorm';
import { ConflictError, VERSION_CONFLICT_MESSAGE } from '../errors/domain-errors';
import { lockOrder } from './lock-order';
import { pgErrorKind } from './pg-errors';
import { isoTimestampSql } from './sql';

export interface VersionedUpsert {
  /** Table name (trusted, from our code). */
  table: string;
  /** Primary-key columns and their values: the conflict target. */
  key: Record<string, string>;
  /** All other stored columns and their values; objects and arrays are stored as JSON. */
  values: Record<string, unknown>;
  /** `metadata.version` the caller saw; absent means "write without the check". */
  expectedVersion?: number;
  /** Resource id for the 409 body. */
  resourceId?: string;
  /**
   * The row the new row references (trusted table, bound key values): checked in the same statement, and
   * when it does not exist nothing is written and `parentMissing()` is thrown. This keeps an expected 404
   * from being a failed statement (which the service would log as an error).
   */
  parent?: UpsertParent;
  /** The outbox event written in the same statement, with the stored `metadata` added to its payload. */
  event?: UpsertEvent;
}

export interface UpsertParent {
  table: string;
  key: Record<string, string>;
  parentMissing: () => Error;
}

export interface UpsertEvent {
  tenant: string;
  createdType: EventType;
  updatedType: EventType;
  resourceType: ResourceType;
  /** The written document's resource id (`resourceId(...)` of @cs/contracts); its version is the stored one. */
  resourceId: string;
  /** The event payload without `metadata`. */
  payload: object;
  /** Added to the payload's `metadata` beside `version`, `createdAt` and `modifiedAt` (e.g. `{ mixins }`). */
  metadata?: object;
  /**
   * Trusted SQL of a jsonb object merged into the payload (top-level keys replace the payload's): what the event
   * carries of other tables, read by the writing statement from the written row `up` (its key columns).
   */
  payloadSql?: string;
}

/** A write that inserted the row (`created`) or changed its values: a new version, `modifiedAt` and event. */
export interface WrittenUpsert {
  changed: true;
  created: boolean;
  version: number;
  createdAt: Date;
  modifiedAt: Date;
}

/** The stored row held the written values already: nothing was written (same version and `modifiedAt`, no event). */
export interface UnchangedUpsert {
  changed: false;
  created: false;
}

export type UpsertResult = WrittenUpsert | UnchangedUpsert;

interface UpsertRow {
  created: boolean;
  version: number;
  created_at: Date;
  modified_at: Date;
}

/**
 * Insert-or-replace in one statement with the optimistic lock checked in SQL: a row that exists with
 * another version is left alone and the caller gets a 409. A row that holds the written values already
 * is left alone too (`changed: false`): no new version, no event. The parent check and the outbox event,
 * when asked for, are part of the same statement, so a write is one round trip; only a row left alone
 * despite an expected version costs a second one, which tells "unchanged" from "conflict".
 */
export async function upsertVersioned(tx: EntityManager, spec: VersionedUpsert): Promise<UpsertResult> {
  const params: unknown[] = [];
  const bind = (value: unknown): string => `$${params.push(toParam(value))}`;
  const keyColumns = Object.keys(spec.key).map(quoteIdentifier);
  const valueColumns = Object.keys(spec.values).map(quoteIdentifier);
  const values = [...Object.values(spec.key), ...Object.values(spec.values)].map(bind);
  const versionParam = `${bind(spec.expectedVersion ?? null)}::int`;
  const parent =
    spec.parent &&
    `SELECT EXISTS (SELECT 1 FROM ${spec.parent.table} WHERE ${equalities(spec.parent.key, bind)}) AS found`;
  const insert = `INSERT INTO ${spec.table} AS t (${[...keyColumns, ...valueColumns].join(', ')}, version, created_at, modified_at)
    ${parent ? `SELECT ${values.join(', ')}, 1, now(), now() FROM parent WHERE parent.found` : `VALUES (${values.join(', ')}, 1, now(), now())`}
    ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${[...valueColumns.map((column) => `${column} = EXCLUDED.${column}`), 'version = t.version + 1', 'modified_at = now()'].join(', ')}
    WHERE (${versionParam} IS NULL OR t.version = ${versionParam}) AND ${changesSql(valueColumns)}
    RETURNING ${spec.event?.payloadSql ? `${keyColumns.join(', ')}, ` : ''}(xmax = 0) AS created, version, created_at, modified_at`;
  const ctes = [
    ...(parent ? [`parent AS (${parent})`] : []),
    `up AS (${insert})`,
    ...(spec.event ? [`event AS (${outboxInsert(spec.event, bind)})`] : []),
  ];
  const sql = `WITH ${ctes.join(',\n')}
    SELECT ${parent ? 'parent.found' : 'true AS found'}, up.* FROM ${parent ? 'parent LEFT JOIN up ON true' : 'up'}`;
  const rows: Array<UpsertRow & { found: boolean }> = await tx.query(sql, params).catch((error: unknown) => {
    // The parent removed between the check and the insert: the foreign key reports it.
    if (spec.parent && pgErrorKind(error) === 'foreign-key-violation') throw spec.parent.parentMissing();
    throw error;
  });
  if (spec.parent && !rows[0]?.found) throw spec.parent.parentMissing();
  const row = rows[0];
  if (row && row.version !== null)
    return {
      changed: true,
      created: row.created,
      version: row.version,
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
    };
  if (spec.expectedVersion !== undefined) {
    const [stored] = await storedVersions(tx, spec.table, [spec.key]);
    if (stored !== spec.expectedVersion) throw new ConflictError(VERSION_CONFLICT_MESSAGE, spec.resourceId);
  }
  return UNCHANGED;
}

const UNCHANGED: UnchangedUpsert = Object.freeze({ changed: false, created: false });

/**
 * The update condition that leaves a row holding the written values alone: true when a written column differs
 * from the stored one (jsonb compares by value, so key order does not count; NULLs compare as equal).
 */
function changesSql(valueColumns: string[]): string {
  const row = (alias: string) => `ROW(${valueColumns.map((column) => `${alias}.${column}`).join(', ')})`;
  return `${row('t')} IS DISTINCT FROM ${row('EXCLUDED')}`;
}

/**
 * The stored versions of rows the upsert left alone (undefined where absent), in the order of `keys`. Without an
 * expected version a row left alone is unchanged; with one, it is unchanged only if it has that version. The
 * upsert locked each row it found ("all rows will be locked when the ON CONFLICT DO UPDATE action is taken"),
 * so this read in the same transaction sees the version the upsert's check saw, whatever committed meanwhile.
 */
async function storedVersions(
  tx: EntityManager,
  table: string,
  keys: Array<Record<string, string>>,
): Promise<Array<number | undefined>> {
  const keyColumns = Object.keys(keys[0]).map(quoteIdentifier);
  const rows: Array<{ ord: string; version: number }> = await tx.query(
    `SELECT k.ord, t.version FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS k(value, ord)
     JOIN ${table} t ON ${keyColumns.map((column, i) => `t.${column} = k.value ->> ${i}`).join(' AND ')}`,
    [JSON.stringify(keys.map((key) => Object.values(key)))],
  );
  const versions: Array<number | undefined> = new Array(keys.length);
  for (const row of rows) versions[Number(row.ord) - 1] = row.version;
  return versions;
}

/**
 * The outbox row of the row a CTE `up` wrote (returning `created`, `version`, `created_at`, `modified_at`): the payload
 * with the stored metadata merged in, the stored version; for the writing statement's own CTE.
 */
export function outboxInsert(event: UpsertEvent, bind: (value: unknown) => string): string {
  return `INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT ${bind(event.tenant)}, ${eventTypeSql(event, bind)}, ${bind(event.resourceType)}, ${bind(event.resourceId)}, up.version,
      ${bind(event.payload)}::jsonb${joinedPayloadSql(event)} || jsonb_build_object('metadata', ${storedMetadataSql('up')} || ${bind(event.metadata ?? {})}::jsonb)
    FROM up`;
}

/** `|| payloadSql` when the event reads other tables. */
function joinedPayloadSql(event: Pick<UpsertEvent, 'payloadSql'>): string {
  return event.payloadSql ? ` || ${event.payloadSql}` : '';
}

/** The created or the updated type, by whether `up` inserted the row. */
function eventTypeSql(
  event: Pick<UpsertEvent, 'createdType' | 'updatedType'>,
  bind: (value: unknown) => string,
): string {
  return `CASE WHEN up.created THEN ${bind(event.createdType)} ELSE ${bind(event.updatedType)} END`;
}

/** `version`, `createdAt` and `modifiedAt` of a returned row as JSON, timestamps as ISO-8601 UTC like `Date.toISOString()`. */
export function storedMetadataSql(alias: string): string {
  return `jsonb_build_object('version', ${alias}.version, 'createdAt', ${isoTimestampSql(`${alias}.created_at`)}, 'modifiedAt', ${isoTimestampSql(`${alias}.modified_at`)})`;
}

function equalities(key: Record<string, string>, bind: (value: unknown) => string): string {
  return Object.entries(key)
    .map(([column, value]) => `${quoteIdentifier(column)} = ${bind(value)}`)
    .join(' AND ');
}

function quoteIdentifier(column: string): string {
  return `"${column.replace(/"/g, '""')}"`;
}

function isJson(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

/** Values as node-postgres should send them: objects and arrays as JSON text. */
export function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (isJson(value)) return JSON.stringify(value);
  return value;
}

/** One row of `upsertVersionedMany`; all rows have the same key and value columns. */
export interface VersionedUpsertRow {
  key: Record<string, string>;
  values: Record<string, unknown>;
  expectedVersion?: number;
  /** Resource id for the row's 409. */
  resourceId?: string;
  /** The row's resource id, its event payload without `metadata`, and what to add to its `metadata` (see `UpsertEvent`). */
  event?: { resourceId: string; payload: object; metadata?: object };
}

export interface VersionedUpsertMany {
  table: string;
  rows: VersionedUpsertRow[];
  /** Event types, resource type and tenant of the rows' outbox events; each row gives its resource id and payload. */
  event?: Omit<UpsertEvent, 'resourceId' | 'payload' | 'metadata'>;
}

/** One row of `upsertVersionedMany`, written (its version and timestamps are in its event) or left unchanged. */
export type ManyUpsertResult = Pick<UpsertResult, 'changed' | 'created'>;

/**
 * `upsertVersioned` for many rows: one statement (the rows as one JSON array) writes every row, with each row's version
 * check and outbox event. The rows are written in lock order (by key, see lock-order.ts), so overlapping calls do not
 * deadlock. The result per row, in order, is its `ManyUpsertResult` or the `ConflictError` of a failed version check;
 * a row that holds its values already is left alone without event (a second statement tells it from a conflict
 * only where the round has such rows with an expected version).
 * A key repeated in `rows` is written again after its earlier occurrence (one more statement per repetition), as if
 * the rows were written one after another.
 */
export async function upsertVersionedMany(
  tx: EntityManager,
  spec: VersionedUpsertMany,
): Promise<Array<ManyUpsertResult | ConflictError>> {
  const results: Array<ManyUpsertResult | ConflictError> = new Array(spec.rows.length);
  for (const round of roundsOfDistinctKeys(spec.rows)) {
    const rows: Array<{ ord: string; created: boolean | null }> = await tx.query(
      ...upsertManySql(
        spec,
        round.map((index) => spec.rows[index]),
      ),
    );
    const leftAloneDespiteVersion: number[] = [];
    for (const row of rows) {
      const index = round[Number(row.ord) - 1];
      if (row.created !== null) results[index] = { changed: true, created: row.created };
      else if (spec.rows[index].expectedVersion === undefined) results[index] = UNCHANGED;
      else leftAloneDespiteVersion.push(index);
    }
    if (!leftAloneDespiteVersion.length) continue;
    const stored = await storedVersions(
      tx,
      spec.table,
      leftAloneDespiteVersion.map((index) => spec.rows[index].key),
    );
    leftAloneDespiteVersion.forEach((index, i) => {
      const row = spec.rows[index];
      results[index] =
        stored[i] === row.expectedVersion ? UNCHANGED : new ConflictError(VERSION_CONFLICT_MESSAGE, row.resourceId);
    });
  }
  return results;
}

/**
 * `{ [key1]: { [key2]: ... expectedVersion } }` of the rows that give an expected version. The key values
 * are client ids, so the nodes have no prototype: an id `__proto__` is a key like any other.
 */
function expectedVersionTree(rows: VersionedUpsertRow[], keyNames: string[]): Record<string, unknown> {
  const tree: Record<string, unknown> = Object.create(null);
  for (const row of rows) {
    if (row.expectedVersion === undefined) continue;
    let node = tree;
    keyNames.forEach((name, i) => {
      const value = row.key[name];
      if (i === keyNames.length - 1) node[value] = row.expectedVersion;
      else node = (node[value] ??= Object.create(null)) as Record<string, unknown>;
    });
  }
  return tree;
}

/** Row indexes grouped so that no group repeats a key: a key's n-th occurrence goes to the n-th group. */
function roundsOfDistinctKeys(rows: VersionedUpsertRow[]): number[][] {
  const occurrences = new Map<string, number>();
  const rounds: number[][] = [];
  rows.forEach((row, index) => {
    const key = JSON.stringify(Object.values(row.key));
    const round = occurrences.get(key) ?? 0;
    occurrences.set(key, round + 1);
    (rounds[round] ??= []).push(index);
  });
  return rounds;
}

function upsertManySql(spec: VersionedUpsertMany, rows: VersionedUpsertRow[]): [string, unknown[]] {
  const params: unknown[] = [];
  const bind = (value: unknown): string => `$${params.push(value)}`;
  const keyNames = Object.keys(rows[0].key);
  const valueNames = Object.keys(rows[0].values);
  // Input column i: c<i>, read as text, or as jsonb where a row holds an object or array there.
  const columns = [
    ...keyNames.map((name) => ({ name, values: rows.map((row) => row.key[name]) })),
    ...valueNames.map((name) => ({ name, values: rows.map((row) => row.values[name]) })),
  ].map((column, i) => ({ ...column, input: `c${i}`, json: column.values.some(isJson) }));
  // Rows are inserted, and so locked, in lock order (`lock` is a row's position in it); events and results keep request order (`ord`).
  const lockPosition: number[] = new Array(rows.length);
  lockOrder(rows, (row) => Object.values(row.key)).forEach((index, position) => (lockPosition[index] = position));
  // All rows travel as one JSON array: one JSON.stringify instead of escaping every element of a text[] per column.
  const input = rows.map((row, r) => {
    const object: Record<string, unknown> = {
      resourceId: row.event?.resourceId ?? null,
      payload: row.event?.payload ?? {},
      metadata: row.event?.metadata ?? {},
      lock: lockPosition[r],
    };
    for (const column of columns) object[column.input] = column.values[r];
    return object;
  });
  const inputColumns = [
    ...columns.map((column) => `value ${column.json ? '->' : '->>'} '${column.input}' AS ${column.input}`),
    "value ->> 'resourceId' AS resource_id",
    "value -> 'payload' AS payload",
    "value -> 'metadata' AS metadata",
    "(value ->> 'lock')::int AS lock",
    'ord',
  ];
  // The expected versions as a JSON tree keyed by the key columns' values in order, so the conflict
  // check finds a row's expected version by key lookups (a correlated scan of the input per row was a
  // third of the statement's time at 200 rows).
  const expectedVersions = bind(JSON.stringify(expectedVersionTree(rows, keyNames)));
  const expectedOf = (alias: string) =>
    `(${expectedVersions}::jsonb #>> ARRAY[${keyNames.map((name) => `${alias}.${quoteIdentifier(name)}`).join(', ')}]::text[])::int`;
  const keyColumns = keyNames.map(quoteIdentifier);
  const valueColumns = valueNames.map(quoteIdentifier);
  const sameKey = (alias: string, other: string) =>
    keyNames.map((name, i) => `${alias}.c${i} = ${other}.${quoteIdentifier(name)}`).join(' AND ');
  const insert = `INSERT INTO ${spec.table} AS t (${[...keyColumns, ...valueColumns].join(', ')}, version, created_at, modified_at)
    SELECT ${columns.map((column) => `input.${column.input}`).join(', ')}, 1, now(), now() FROM input ORDER BY input.lock
    ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${[...valueColumns.map((column) => `${column} = EXCLUDED.${column}`), 'version = t.version + 1', 'modified_at = now()'].join(', ')}
    WHERE t.version = COALESCE(${expectedOf('EXCLUDED')}, t.version) AND ${changesSql(valueColumns)}
    RETURNING ${keyColumns.join(', ')}, (xmax = 0) AS created, version, created_at, modified_at`;
  const event =
    spec.event &&
    `INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
    SELECT ${bind(spec.event.tenant)}, ${eventTypeSql(spec.event, bind)}, ${bind(spec.event.resourceType)}, input.resource_id, up.version,
      input.payload${joinedPayloadSql(spec.event)} || jsonb_build_object('metadata', ${storedMetadataSql('up')} || input.metadata)
    FROM input JOIN up ON ${sameKey('input', 'up')} ORDER BY input.ord`;
  const sql = `WITH input AS (SELECT ${inputColumns.join(', ')} FROM jsonb_array_elements(${bind(JSON.stringify(input))}::jsonb) WITH ORDINALITY AS input(value, ord)),
    up AS (${insert})${event ? `,\n    event AS (${event})` : ''}
    SELECT input.ord, up.created FROM input LEFT JOIN up ON ${sameKey('input', 'up')}`;
  return [sql, params];
}
