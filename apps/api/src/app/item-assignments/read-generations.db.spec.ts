import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../database/migrations';
import { ReadModelRepository } from './read-model.repository';

const SEGMENT = (tenant: string, id: string, extra = '') =>
  `INSERT INTO segment (tenant, id, version, name, site_code, status${extra ? ', validity_from' : ''})
   VALUES ('${tenant}', '${id}', 1, '{}', 'main', 'ACTIVE'${extra ? `, ${extra}` : ''})`;
const ITEMS = (tenant: string, segmentId: string, count: number) =>
  `INSERT INTO item_assignment (tenant, version, segment_id, type, item_id)
   SELECT '${tenant}', 1, '${segmentId}', 'PRODUCT', 'p' || n FROM generate_series(1, ${count}) n`;

describe('read generations (migration ReadGenerations) and the read model statements', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let repository: ReadModelRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: MIGRATIONS, poolSize: 3 });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    repository = new ReadModelRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const rows = () => dataSource.query('SELECT tenant, slot, segments, catalog FROM read_generation ORDER BY 1, 2');
  const inTransaction = (...statements: string[]) =>
    dataSource.transaction(async (tx) => {
      for (const sql of statements) await tx.query(sql);
    });

  it('marks one row per committed transaction, tenant and part, at commit, and nothing for a rollback', async () => {
    expect(await repository.state('t1')).toMatchObject({ segments: '', catalog: '', customerSegments: null });
    await inTransaction(SEGMENT('t1', 's1'), ITEMS('t1', 's1', 500), `UPDATE segment SET status = 'INACTIVE'`);
    const [marked] = await rows();
    expect(await rows()).toEqual([{ tenant: 't1', slot: marked.slot, segments: marked.segments, catalog: '0' }]);
    const first = await repository.state('t1');
    expect(first.segments).toBe(`t1/${marked.slot}/${marked.segments}`);

    await expect(inTransaction(ITEMS('t1', 's1', 600).replace("'p' || n", "'q' || n"), 'SELECT 1/0')).rejects.toThrow();
    expect(await repository.state('t1')).toMatchObject({ segments: first.segments, catalog: first.catalog });

    await inTransaction(`INSERT INTO catalog_category (tenant, id, version) VALUES ('t1', 'c1', 1)`);
    const second = await repository.state('t1');
    expect(second.segments).toBe(first.segments);
    expect(second.catalog).not.toBe(first.catalog);
    // Another tenant's commits leave t1's generation alone.
    await inTransaction(SEGMENT('t2', 's1'));
    expect(await repository.state('t1')).toMatchObject({ segments: second.segments, catalog: second.catalog });
  });

  it("marks every tenant through the row of tenant '' when a table is truncated", async () => {
    const before = await repository.state('t1');
    await dataSource.query('TRUNCATE item_assignment');
    const after = await repository.state('t1');
    expect(after.segments).not.toBe(before.segments);
    expect(after.catalog).not.toBe(before.catalog);
    expect(after.segments.startsWith('/0/')).toBe(true);
  });

  it("reads a customer's segments as visibleToCustomerSql counts them, and the database's now", async () => {
    await inTransaction(SEGMENT('t1', 's2'), SEGMENT('t1', 's3'));
    await dataSource.query(
      `INSERT INTO customer_assignment (tenant, version, segment_id, customer_id, legal_entity_id)
       VALUES ('t1', 1, 's1', 'c1', ''), ('t1', 1, 's2', 'c1', 'le1'), ('t1', 1, 's3', 'c1', 'le2')`,
    );
    const sorted = async (legalEntityIds?: string[]) =>
      (await repository.state('t1', { customerId: 'c1', legalEntityIds })).customerSegments?.sort();
    expect(await sorted()).toEqual(['s1', 's2', 's3']);
    expect(await sorted(['le1'])).toEqual(['s1', 's2']);
    expect((await repository.state('t1', { customerId: undefined })).customerSegments).toEqual([]);
    const [{ now }] = await dataSource.query(`SELECT (extract(epoch FROM now()) * 1000000)::float8 AS now`);
    expect(Math.abs((await repository.state('t1')).now - now)).toBeLessThan(60_000_000);
  });

  it('loads a part with its generation in one snapshot, and only its size when that reaches the bound', async () => {
    await inTransaction(
      SEGMENT('t3', 'window', `'2030-01-01T00:00:00.000001Z'`),
      ITEMS('t3', 'window', 3),
      `INSERT INTO item_assignment (tenant, version, segment_id, type, item_id) VALUES ('t3', 1, 'window', 'CATEGORY', 'c1')`,
    );
    const state = await repository.state('t3');
    const loaded = await repository.loadSegments('t3', 100);
    expect(loaded.generation).toBe(state.segments);
    expect(loaded.rows).toBe('5');
    expect(loaded.model?.segments).toEqual([['window', 'main', true, Date.UTC(2030, 0, 1) * 1000 + 1, null]]);
    expect(loaded.model?.items).toHaveLength(4);
    expect(loaded.model?.items).toContainEqual(['window', false, 'c1']);
    expect(await repository.loadSegments('t3', 5)).toEqual({ generation: state.segments, rows: '5', model: null });
    const catalog = await repository.loadCatalog('t3', 100);
    expect(catalog).toEqual({
      generation: state.catalog,
      rows: '0',
      model: { categories: [], productCategories: [] },
    });
  });
});
