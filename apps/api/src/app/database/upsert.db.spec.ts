import { EventTypes } from '@cs/contracts';
import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { Client } from 'pg';
import { EntityManager } from 'typeorm';
import { ConflictError } from '../errors/domain-errors';
import { UpsertResult, upsertVersioned, upsertVersionedMany, VersionedUpsert } from './upsert';

// The doc's events; any family's types do.
const CREATED = EventTypes.segmentCreated;
const UPDATED = EventTypes.segmentUpdated;

const SCHEMA = `
  CREATE TABLE parent (tenant varchar NOT NULL, id varchar NOT NULL, PRIMARY KEY (tenant, id));
  CREATE TABLE doc (
    tenant varchar NOT NULL, parent_id varchar NOT NULL, id varchar NOT NULL,
    name varchar, tags jsonb NOT NULL, valid_from timestamptz, version integer NOT NULL,
    created_at timestamptz NOT NULL, modified_at timestamptz NOT NULL,
    PRIMARY KEY (tenant, parent_id, id), FOREIGN KEY (tenant, parent_id) REFERENCES parent (tenant, id));
  CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY, tenant varchar NOT NULL, type varchar NOT NULL,
    resource_type varchar NOT NULL, resource_id text NOT NULL, version integer, payload jsonb NOT NULL);
  INSERT INTO parent VALUES ('t', 'p');`;

interface Values {
  name: string | null;
  tags: Record<string, unknown>;
  valid_from: Date | null;
}

describe('versioned upserts: a write that changes nothing writes nothing', () => {
  let database: ScratchDatabase;
  let client: Client;
  /** The statements the upsert sent, through an EntityManager stand-in (the upsert only calls `query`). */
  let statements: string[];
  const tx = {
    query: (sql: string, params?: unknown[]) => {
      statements.push(sql);
      return client.query(sql, params).then((result) => result.rows);
    },
  } as unknown as EntityManager;

  const stored = async (id: string) =>
    (await client.query('SELECT version, modified_at FROM doc WHERE id = $1', [id])).rows[0] as {
      version: number;
      modified_at: Date;
    };
  const events = async () => Number((await client.query('SELECT count(*) AS n FROM outbox')).rows[0].n);
  const upsert = (id: string, values: Values, expectedVersion?: number): Promise<UpsertResult> =>
    upsertVersioned(tx, {
      table: 'doc',
      key: { tenant: 't', parent_id: 'p', id },
      values: { ...values },
      expectedVersion,
      resourceId: id,
      parent: { table: 'parent', key: { tenant: 't', id: 'p' }, parentMissing: () => new Error('no parent') },
      event: {
        tenant: 't',
        createdType: CREATED,
        updatedType: UPDATED,
        resourceType: 'segment',
        resourceId: id,
        payload: { id },
      },
    } satisfies VersionedUpsert);

  const original: Values = { name: 'a', tags: { x: 1, y: [1, 2] }, valid_from: new Date('2024-01-02T03:04:05.678Z') };
  /** The same values as `original`, as a client might send them again: other key order, new Date objects. */
  const sameAgain: Values = { name: 'a', tags: { y: [1, 2], x: 1 }, valid_from: new Date('2024-01-02T03:04:05.678Z') };

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(SCHEMA);
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });
  beforeEach(async () => {
    statements = [];
    await client.query('TRUNCATE doc, outbox');
  });

  it('leaves a row holding the written values alone: same version and modifiedAt, no event, 1 statement', async () => {
    expect(await upsert('d', original)).toMatchObject({ changed: true, created: true, version: 1 });
    const before = await stored('d');
    statements = [];

    expect(await upsert('d', sameAgain)).toEqual({ changed: false, created: false });
    expect(await stored('d')).toEqual(before);
    expect(await events()).toBe(1);
    expect(statements).toHaveLength(1);
  });

  it("records the event's resource and the stored version after the change", async () => {
    await upsert('d', original);
    await upsert('d', { ...original, name: 'b' });
    const recorded = await client.query('SELECT type, resource_type, resource_id, version FROM outbox ORDER BY id');
    expect(recorded.rows).toEqual([
      { type: CREATED, resource_type: 'segment', resource_id: 'd', version: 1 },
      { type: UPDATED, resource_type: 'segment', resource_id: 'd', version: 2 },
    ]);
  });

  it('with the stored version expected, unchanged is no conflict; a second statement tells them apart', async () => {
    await upsert('d', original);
    statements = [];
    expect(await upsert('d', sameAgain, 1)).toEqual({ changed: false, created: false });
    expect(statements).toHaveLength(2);
    await expect(upsert('d', sameAgain, 2)).rejects.toThrow(ConflictError);
    await expect(upsert('d', { ...original, name: 'b' }, 2)).rejects.toThrow(ConflictError);
    expect((await stored('d')).version).toBe(1);
    expect(await events()).toBe(1);
  });

  it.each<[string, Partial<Values>]>([
    ['a text', { name: 'b' }],
    ['a text to NULL', { name: null }],
    ['a timestamp by a millisecond', { valid_from: new Date('2024-01-02T03:04:05.679Z') }],
    ['a timestamp to NULL', { valid_from: null }],
    ['a JSON value', { tags: { x: 1, y: [2, 1] } }],
    ['a JSON number to a string', { tags: { x: '1', y: [1, 2] } }],
  ])('counts a change of %s as a change: new version, new modified_at, updated event', async (_, change) => {
    await upsert('d', original);
    const before = await stored('d');
    const result = await upsert('d', { ...original, ...change }, 1);
    expect(result).toMatchObject({ changed: true, created: false, version: 2 });
    const after = await stored('d');
    expect(after.version).toBe(2);
    expect(after.modified_at.getTime()).toBeGreaterThanOrEqual(before.modified_at.getTime());
    expect((await client.query('SELECT type FROM outbox ORDER BY id')).rows).toEqual([
      { type: CREATED },
      { type: UPDATED },
    ]);
  });

  it('counts NULL to a value as a change', async () => {
    await upsert('d', { ...original, name: null, valid_from: null });
    expect(await upsert('d', { ...original, name: null, valid_from: null })).toMatchObject({ changed: false });
    expect(await upsert('d', original)).toMatchObject({ changed: true, version: 2 });
  });

  it('keeps a row it left alone locked until commit, so the version it compared stays true', async () => {
    await upsert('d', original);
    const other = new Client({ connectionString: database.url });
    await other.connect();
    try {
      await client.query('BEGIN');
      expect(await upsert('d', sameAgain, 1)).toMatchObject({ changed: false });
      await other.query("SET lock_timeout = '200ms'");
      await expect(other.query("UPDATE doc SET name = 'x' WHERE id = 'd'")).rejects.toThrow(/lock timeout/);
      await client.query('COMMIT');
      await other.query("UPDATE doc SET name = 'x' WHERE id = 'd'");
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
  });

  describe('many rows', () => {
    // The rows travel as JSON, which reaches text and jsonb columns (the assignments' kinds), not timestamps.
    const row = (id: string, { valid_from: _, ...values }: Values, expectedVersion?: number) => ({
      key: { tenant: 't', parent_id: 'p', id },
      values,
      expectedVersion,
      resourceId: id,
      event: { resourceId: id, payload: { id } },
    });
    const upsertMany = (rows: Array<ReturnType<typeof row>>) =>
      upsertVersionedMany(tx, {
        table: 'doc',
        rows,
        event: { tenant: 't', createdType: CREATED, updatedType: UPDATED, resourceType: 'segment' },
      });

    beforeEach(async () => {
      await upsertMany(['same', 'same-v', 'stale', 'edit'].map((id) => row(id, original)));
      await client.query('TRUNCATE outbox');
      statements = [];
    });

    it('writes only the rows that change; without expected versions in one statement', async () => {
      const results = await upsertMany([
        row('same', sameAgain),
        row('new', original),
        row('edit', { ...original, name: 'b' }),
      ]);
      expect(results).toEqual([
        { changed: false, created: false },
        { changed: true, created: true },
        { changed: true, created: false },
      ]);
      expect(statements).toHaveLength(1);
      expect((await client.query("SELECT type, payload->>'id' AS doc FROM outbox ORDER BY outbox.id")).rows).toEqual([
        { type: CREATED, doc: 'new' },
        { type: UPDATED, doc: 'edit' },
      ]);
      expect((await stored('same')).version).toBe(1);
    });

    it("records each row's own resource id and stored version", async () => {
      await upsertMany([row('edit', { ...original, name: 'b' }), row('new', original)]);
      const recorded = await client.query('SELECT resource_type, resource_id, version FROM outbox ORDER BY id');
      expect(recorded.rows).toEqual([
        { resource_type: 'segment', resource_id: 'edit', version: 2 },
        { resource_type: 'segment', resource_id: 'new', version: 1 },
      ]);
    });

    it('tells unchanged rows with their stored version from conflicts, with one more statement', async () => {
      const results = await upsertMany([
        row('same', sameAgain),
        row('same-v', sameAgain, 1),
        row('stale', sameAgain, 5),
        row('edit', { ...original, name: 'b' }, 1),
      ]);
      expect(results.slice(0, 2)).toEqual([
        { changed: false, created: false },
        { changed: false, created: false },
      ]);
      expect(results[2]).toBeInstanceOf(ConflictError);
      expect(results[3]).toEqual({ changed: true, created: false });
      expect(statements).toHaveLength(2);
      expect((await client.query("SELECT id, version FROM doc WHERE id <> 'edit' ORDER BY id")).rows).toEqual(
        ['same', 'same-v', 'stale'].map((id) => ({ id, version: 1 })),
      );
    });

    it('writes a repeated key after its earlier occurrence, leaving it alone when that wrote its values', async () => {
      const edited = { ...original, name: 'b' };
      const results = await upsertMany([row('edit', edited), row('edit', edited, 2), row('edit', original, 2)]);
      expect(results).toEqual([
        { changed: true, created: false },
        { changed: false, created: false },
        { changed: true, created: false },
      ]);
      expect((await stored('edit')).version).toBe(3);
    });
  });
});
