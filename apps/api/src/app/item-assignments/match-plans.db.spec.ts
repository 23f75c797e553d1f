import { createTestDatabase, ScratchDatabase } from '@cs/postgres';
import { Client } from 'pg';
import { runMigrations } from '../database/schema-diff';
import { categoryTreeQuery, EXPLAIN_MATCH_SQL, MATCH_SQL } from './item-assignments.repository';

const TENANT = 'perftenant';
/**
 * Catalog and segments of a large tenant: 100k products, 5k categories (5 levels), 1k segments.
 * The plans must stay index-driven as data grows; timings are measured by the benchmark (tools/bench).
 */
const SEED = [
  // Category i's parent is (i - 1) / 5: a tree of 5,000 categories, 5-6 levels deep.
  `INSERT INTO catalog_category (tenant, id, parent_id, name, version)
   SELECT $1, 'cat-' || i, CASE WHEN i = 0 THEN NULL ELSE 'cat-' || ((i - 1) / 5) END, jsonb_build_object('en', 'Category ' || i), 1 FROM generate_series(0, 4999) i`,
  `INSERT INTO catalog_product (tenant, id, code, name, version) SELECT $1, 'prod-' || i, 'P' || i, jsonb_build_object('en', 'Product ' || i), 1 FROM generate_series(0, 99999) i`,
  `INSERT INTO catalog_product_category (tenant, product_id, category_id)
   SELECT $1, 'prod-' || i, 'cat-' || (1000 + i % 4000) FROM generate_series(0, 99999) i
   UNION SELECT $1, 'prod-' || i, 'cat-' || (1000 + (i * 7) % 4000) FROM generate_series(0, 99999) i`,
  `INSERT INTO segment (tenant, id, name, status, site_code, version) SELECT $1, 'seg-' || i, '{"en":"s"}', CASE WHEN i % 10 = 0 THEN 'INACTIVE' ELSE 'ACTIVE' END, 'main', 1 FROM generate_series(0, 999) i`,
  `INSERT INTO item_assignment (tenant, segment_id, type, item_id, version)
   SELECT $1, 'seg-' || (i % 1000), 'PRODUCT', 'prod-' || ((i * 37) % 100000), 1 FROM generate_series(0, 49999) i ON CONFLICT DO NOTHING`,
  `INSERT INTO item_assignment (tenant, segment_id, type, item_id, version)
   SELECT $1, 'seg-' || (i % 1000), 'CATEGORY', 'cat-' || ((i * 13) % 5000), 1 FROM generate_series(0, 4999) i ON CONFLICT DO NOTHING`,
  `INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, version)
   SELECT $1, 'seg-' || i, 'cust-' || (i % 50), '', 1 FROM generate_series(0, 999) i`,
  'ANALYZE',
];
/**
 * Tables whose size grows with products and assignments: they must be read through indexes. The 5k
 * categories and 1k segments may be hashed whole by a recursive step or join, which the planner
 * rightly finds cheaper at that size (well under a millisecond).
 */
const BIG_TABLES = ['catalog_product', 'catalog_product_category', 'item_assignment', 'customer_assignment'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Seq Scan' && node['Relation Name'] && BIG_TABLES.includes(node['Relation Name'])
      ? [node['Relation Name']]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

describe('match and category trees on a large tenant', () => {
  let database: ScratchDatabase;
  let client: Client;

  const explain = async (text: string, values: unknown[]) => {
    const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${text}`,
      values,
    );
    return rows[0]['QUERY PLAN'][0];
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await runMigrations(database.url);
    client = new Client({ connectionString: database.url });
    await client.connect();
    for (const statement of SEED) await client.query(statement, statement === 'ANALYZE' ? [] : [TENANT]);
  }, 120_000);
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('matches 200 products against 50 segments reading products and assignments through indexes', async () => {
    const products = Array.from({ length: 200 }, (_, i) => `prod-${i * 499}`);
    const segments = Array.from({ length: 50 }, (_, i) => `seg-${i * 20 + 1}`);
    const values = [TENANT, products, segments, 'main'];
    const { rows } = await client.query<{ id: string }>(MATCH_SQL, values);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(200);

    const plan = await explain(MATCH_SQL, values);
    expect(seqScans(plan.Plan)).toEqual([]);
  });

  it('matches 200 products against all 1,000 segments through indexes', async () => {
    const values = [
      TENANT,
      Array.from({ length: 200 }, (_, i) => `prod-${i * 311}`),
      Array.from({ length: 1000 }, (_, i) => `seg-${i}`),
      'main',
    ];
    const plan = await explain(MATCH_SQL, values);
    expect(seqScans(plan.Plan)).toEqual([]);
  });

  it('explains the same matches as it finds, through indexes', async () => {
    const values = [
      TENANT,
      Array.from({ length: 200 }, (_, i) => `prod-${i * 311}`),
      Array.from({ length: 1000 }, (_, i) => `seg-${i}`),
      'main',
    ];
    const matched = (await client.query<{ id: string }>(MATCH_SQL, values)).rows.map((row) => row.id);
    const explained = (await client.query<{ id: string }>(EXPLAIN_MATCH_SQL, values)).rows.map((row) => row.id);
    expect(matched.length).toBeGreaterThan(0);
    expect([...new Set(explained)]).toEqual(matched);
    expect(seqScans((await explain(EXPLAIN_MATCH_SQL, values)).Plan)).toEqual([]);
  });

  it("builds a customer's category trees reading assignments through indexes", async () => {
    const { text, values } = categoryTreeQuery(TENANT, { view: { customerId: 'cust-7' } });
    const { rows } = await client.query(text, values);
    expect(rows.length).toBeGreaterThan(0);

    const plan = await explain(text, values);
    expect(seqScans(plan.Plan)).toEqual([]);
  });
});
