'use strict';
/**
 * Deterministic benchmark data, loaded straight into Postgres with INSERT ... SELECT over
 * generate_series. Every "random" choice is a hash of (row number, seed, purpose), so the same seed
 * gives the same data on any server. The schema must exist (the service's migrations).
 *
 * Shape at scale 1: 100 tenants; 1,000 segments, 30% in the hot tenant `t000`; ~1,000,000 customer
 * assignments (segment `t000-seg-00000` has 50,000, nine more have 20,000) with mixins, ~20% B2B;
 * ~5,000 categories in trees up to 6 deep; ~100,000 products with their categories; 100,000 item
 * assignments (90 products + 10 categories per segment); ~20,000 legal entities with one location
 * each; 100,000 contact assignments; customer rows for every customer id used. Ids carry their tenant
 * (`t042-cust000123`), so that, as with random ids, no id repeats across tenants (planner statistics).
 *
 * Usage: node tools/bench/generate.js <database-url> [--scale=1] [--seed=42]
 */
const { Client } = require('pg');

const HOT_TENANT = 't000';
/** The customer that scenario 9 uses: assigned to the first `vipSegments` (ACTIVE, site main) segments of the hot tenant. */
const VIP_CUSTOMER = 'cust-vip';

/** All counts for a scale factor (1 = the full benchmark; small factors for the smoke test). */
function plan(scale = 1) {
  const n = (full, min) => Math.max(min, Math.round(full * scale));
  const tenants = n(100, 2);
  return {
    tenants,
    hotSegments: n(300, 25),
    otherSegments: n(700, tenants - 1),
    bigSegment: n(50_000, 600),
    largeSegments: 9,
    largeSize: n(20_000, 250),
    /** Mean size of the remaining segments. */
    restMean: n(778, 10),
    hotCustomers: n(100_000, 1_200),
    otherCustomers: n(3_000, 40),
    hotCategories: { roots: 6, branch: 3, count: 2_184 }, // 6 levels: 6, 18, 54, 162, 486, 1,458
    otherCategories: { roots: 1, branch: 3, count: 28 }, // 4 levels
    hotProducts: n(40_000, 200),
    otherProducts: n(606, 100),
    hotLegalEntities: n(6_000, 30),
    otherLegalEntities: n(141, 5),
    contactsPerLegalEntity: 5,
    productItems: 90,
    categoryItems: 10,
    vipSegments: 20,
  };
}

const steps = (p, seed) => [
  [
    'helpers',
    `CREATE FUNCTION pg_temp.rnd(i bigint, purpose int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT ((hashint8extended(i, ${seed}::bigint * 1000 + purpose) >> 11) & 4503599627370495)::float8 / 4503599627370496::float8 $$`,
    `CREATE TEMP TABLE bench_tenant AS
       SELECT t, 't' || lpad(t::text, 3, '0') AS tenant, t = 0 AS hot,
              CASE WHEN t = 0 THEN ${p.hotSegments} ELSE ${Math.floor(p.otherSegments / (p.tenants - 1))} + (CASE WHEN t <= ${p.otherSegments % (p.tenants - 1)} THEN 1 ELSE 0 END) END AS segments,
              CASE WHEN t = 0 THEN ${p.hotCustomers} ELSE ${p.otherCustomers} END AS customers,
              CASE WHEN t = 0 THEN ${p.hotCategories.count} ELSE ${p.otherCategories.count} END AS categories,
              CASE WHEN t = 0 THEN ${p.hotCategories.roots} ELSE ${p.otherCategories.roots} END AS category_roots,
              CASE WHEN t = 0 THEN ${p.hotCategories.branch} ELSE ${p.otherCategories.branch} END AS category_branch,
              CASE WHEN t = 0 THEN ${p.hotProducts} ELSE ${p.otherProducts} END AS products,
              CASE WHEN t = 0 THEN ${p.hotLegalEntities} ELSE ${p.otherLegalEntities} END AS legal_entities
       FROM generate_series(0, ${p.tenants - 1}) t`,
    // One row per segment with its size and where its members start in the tenant's customer pool.
    `CREATE TEMP TABLE bench_segment AS
       SELECT bt.tenant, bt.hot, k, bt.tenant || '-seg-' || lpad(k::text, 5, '0') AS id, (bt.t * 100000 + k)::bigint AS g,
              CASE WHEN bt.hot AND k = 0 THEN ${p.bigSegment}
                   WHEN bt.hot AND k <= ${p.largeSegments} THEN ${p.largeSize}
                   ELSE least(bt.customers, floor(${p.restMean} * (0.5 + pg_temp.rnd(bt.t * 100000 + k, 1)))::int) END AS size,
              bt.customers, bt.products, bt.categories
       FROM bench_tenant bt, generate_series(0, bt.segments - 1) k`,
  ],
  [
    'segments',
    `INSERT INTO segment (tenant, id, name, description, status, site_code, validity_from, validity_to, mixins, metadata_mixins, version, created_at, modified_at)
     SELECT s.tenant, s.id,
            jsonb_build_object('en', 'Segment ' || s.k || ' ' || w.word, 'de', 'Segment ' || s.k || ' ' || w.word || ' (de)'),
            jsonb_build_object('en', 'Customers of the ' || w.word || ' programme'),
            CASE WHEN (s.hot AND s.k < ${p.vipSegments + 10}) OR pg_temp.rnd(s.g, 2) < 0.8 THEN 'ACTIVE' ELSE 'INACTIVE' END,
            CASE WHEN (s.hot AND s.k < ${p.vipSegments + 10}) OR pg_temp.rnd(s.g, 3) < 0.75 THEN 'main' ELSE 'b2b' END,
            CASE WHEN pg_temp.rnd(s.g, 4) < 0.1 AND NOT (s.hot AND s.k < ${p.vipSegments + 10}) THEN timestamptz '2024-01-01' END,
            CASE WHEN pg_temp.rnd(s.g, 4) < 0.05 AND NOT (s.hot AND s.k < ${p.vipSegments + 10}) THEN timestamptz '2025-01-01' END,
            jsonb_build_object('crm', jsonb_build_object('owner', 'team-' || (s.k % 7), 'priority', s.k % 3)),
            '{"crm": "https://schemas.example.com/crm.v1.json"}'::jsonb,
            1 + floor(pg_temp.rnd(s.g, 5) * 3)::int,
            timestamptz '2024-01-01' + pg_temp.rnd(s.g, 6) * interval '365 days',
            timestamptz '2025-01-01' + pg_temp.rnd(s.g, 7) * interval '180 days'
     FROM bench_segment s
     CROSS JOIN LATERAL (SELECT (ARRAY['gold','silver','bronze','platinum','basic','premium','vip','new','loyal','dormant'])[1 + (s.k % 10)] AS word) w`,
  ],
  [
    'customers',
    `INSERT INTO customer (tenant, id, first_name, last_name, email, phone, version, created_at, modified_at)
     SELECT bt.tenant, bt.tenant || '-cust' || lpad(i::text, 6, '0'),
            (ARRAY['Anna','Ben','Clara','David','Emma','Felix','Greta','Hugo','Ida','Jonas','Klara','Leon','Mia','Noah','Olga','Paul'])[1 + floor(pg_temp.rnd(bt.t * 1000000 + i, 10) * 16)::int],
            (ARRAY['Schmidt','Meyer','Weber','Fischer','Wagner','Becker','Schulz','Hoffmann','Koch','Richter','Klein','Wolf'])[1 + floor(pg_temp.rnd(bt.t * 1000000 + i, 11) * 12)::int],
            'customer' || i || '@' || bt.tenant || '.example.com', '+49 30 ' || (1000000 + i),
            1, timestamptz '2023-06-01', timestamptz '2023-06-01'
     FROM bench_tenant bt, generate_series(0, bt.customers - 1) i`,
    `INSERT INTO customer (tenant, id, first_name, last_name, email, version) VALUES ('${HOT_TENANT}', '${VIP_CUSTOMER}', 'Vera', 'Important', 'vip@example.com', 1)`,
  ],
  [
    'legal entities and locations',
    `INSERT INTO location (tenant, id, name, type, contact_details, version, created_at, modified_at)
     SELECT bt.tenant, bt.tenant || '-loc' || lpad(i::text, 5, '0'), 'Site ' || i, (ARRAY['HEADQUARTER','WAREHOUSE','OFFICE'])[1 + i % 3],
            jsonb_build_object('emails', jsonb_build_array('site' || i || '@example.com'), 'city', 'Berlin', 'postcode', lpad((10000 + i % 89999)::text, 5, '0'), 'countryCode', 'DE'),
            1, timestamptz '2023-06-01', timestamptz '2023-06-01'
     FROM bench_tenant bt, generate_series(0, bt.legal_entities - 1) i`,
    `INSERT INTO legal_entity (tenant, id, name, type, parent_id, legal_info, customer_groups, entities_addresses, approval_group, mixins, version, created_at, modified_at)
     SELECT bt.tenant, bt.tenant || '-le' || lpad(i::text, 5, '0'), 'Company ' || i || ' GmbH',
            CASE WHEN i % 10 = 9 THEN 'SUBSIDIARY' ELSE 'COMPANY' END,
            CASE WHEN i % 10 = 9 THEN bt.tenant || '-le' || lpad((i - 9)::text, 5, '0') END,
            jsonb_build_object('legalName', 'Company ' || i || ' GmbH', 'taxRegistrationNumber', 'DE' || (100000000 + i), 'countryOfRegistration', 'DE'),
            '[]'::jsonb,
            jsonb_build_array(bt.tenant || '-loc' || lpad(i::text, 5, '0')),
            jsonb_build_array(bt.tenant || '-ca' || lpad((i * ${p.contactsPerLegalEntity})::text, 6, '0')),
            jsonb_build_object('erp', jsonb_build_object('account', 'A-' || i)),
            1, timestamptz '2023-06-01', timestamptz '2023-06-01'
     FROM bench_tenant bt, generate_series(0, bt.legal_entities - 1) i`,
    `INSERT INTO contact_assignment (tenant, id, legal_entity_id, customer_id, type, "primary", version, created_at, modified_at)
     SELECT bt.tenant, bt.tenant || '-ca' || lpad((i * ${p.contactsPerLegalEntity} + m)::text, 6, '0'), bt.tenant || '-le' || lpad(i::text, 5, '0'),
            bt.tenant || '-cust' || lpad((((i * ${p.contactsPerLegalEntity} + m)::bigint * 7919) % bt.customers)::text, 6, '0'),
            CASE WHEN m = 0 THEN 'PRIMARY' WHEN m = 1 THEN 'BILLING' ELSE 'CONTACT' END, m = 0,
            1, timestamptz '2023-06-01', timestamptz '2023-06-01'
     FROM bench_tenant bt, generate_series(0, bt.legal_entities - 1) i, generate_series(0, ${p.contactsPerLegalEntity - 1}) m`,
  ],
  [
    'customer assignments',
    // Members of a segment are consecutive ids of the tenant's pool from a hashed start, so unique per
    // segment; a customer is B2B (with one legal entity) with probability 0.2. All are MANUAL: AUTOMATIC ones are
    // the criteria's, and these segments have none.
    `INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, assignment_type, mixins, metadata_mixins, version, created_at, modified_at)
     SELECT m.tenant, m.id, m.tenant || '-cust' || lpad(m.c::text, 6, '0'),
            CASE WHEN pg_temp.rnd(m.c, 20) < 0.2 THEN m.tenant || '-le' || lpad((m.c % bt.legal_entities)::text, 5, '0') ELSE '' END,
            'MANUAL',
            jsonb_build_object('loyalty', jsonb_build_object('tier', (ARRAY['bronze','silver','gold'])[1 + floor(pg_temp.rnd(m.r, 22) * 3)::int], 'points', floor(pg_temp.rnd(m.r, 23) * 10000)::int)),
            '{"loyalty": "https://schemas.example.com/loyalty.v1.json"}'::jsonb,
            1 + floor(pg_temp.rnd(m.r, 24) * 3)::int,
            timestamptz '2024-01-01' + pg_temp.rnd(m.r, 25) * interval '365 days',
            timestamptz '2025-01-01' + pg_temp.rnd(m.r, 26) * interval '180 days'
     FROM (SELECT s.tenant, s.id, (floor(pg_temp.rnd(s.g, 27) * s.customers)::int + j) % s.customers AS c, s.g * 1000000 + j AS r
           FROM bench_segment s, generate_series(0, s.size - 1) j) m
     JOIN bench_tenant bt ON bt.tenant = m.tenant`,
    `INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, mixins, metadata_mixins, version, created_at, modified_at)
     SELECT '${HOT_TENANT}', '${HOT_TENANT}' || '-seg-' || lpad(k::text, 5, '0'), '${VIP_CUSTOMER}', '', '{}', '{}', 1, timestamptz '2024-06-01', timestamptz '2024-06-01'
     FROM generate_series(0, ${p.vipSegments - 1}) k`,
  ],
  [
    'catalog',
    // Heap-shaped trees: categories 0..roots-1 are roots, category i >= roots has parent (i - roots) / branch.
    `INSERT INTO catalog_category (tenant, id, parent_id, code, name, description, slug, ecn, position, published, version, created_at, modified_at)
     SELECT bt.tenant, bt.tenant || '-cat' || lpad(i::text, 5, '0'),
            CASE WHEN i >= bt.category_roots THEN bt.tenant || '-cat' || lpad(((i - bt.category_roots) / bt.category_branch)::text, 5, '0') END,
            'C' || i, jsonb_build_object('en', 'Category ' || i, 'de', 'Kategorie ' || i),
            jsonb_build_object('en', 'All about category ' || i), jsonb_build_object('en', 'category-' || i),
            '[]'::jsonb, i % 10, i % 17 <> 16, 1, timestamptz '2023-06-01', timestamptz '2023-06-01'
     FROM bench_tenant bt, generate_series(0, bt.categories - 1) i`,
    `INSERT INTO catalog_product (tenant, id, code, name, version, created_at, modified_at)
     SELECT bt.tenant, bt.tenant || '-prod' || lpad(i::text, 6, '0'), 'P' || i, jsonb_build_object('en', 'Product ' || i, 'de', 'Produkt ' || i), 1, timestamptz '2023-06-01', timestamptz '2023-06-01'
     FROM bench_tenant bt, generate_series(0, bt.products - 1) i`,
    `INSERT INTO catalog_product_category (tenant, product_id, category_id)
     SELECT bt.tenant, bt.tenant || '-prod' || lpad(i::text, 6, '0'), bt.tenant || '-cat' || lpad(c::text, 5, '0')
     FROM bench_tenant bt, generate_series(0, bt.products - 1) i,
          LATERAL (SELECT floor(pg_temp.rnd(bt.t * 1000000 + i, 30) * bt.categories)::int AS c1) first,
          LATERAL (SELECT first.c1 AS c UNION ALL
                   SELECT (first.c1 + 1 + floor(pg_temp.rnd(bt.t * 1000000 + i, 31) * (bt.categories - 1))::int) % bt.categories
                   WHERE pg_temp.rnd(bt.t * 1000000 + i, 32) < 0.3) cats`,
  ],
  [
    'item assignments',
    `INSERT INTO item_assignment (tenant, segment_id, type, item_id, mixins, metadata_mixins, version, created_at, modified_at)
     SELECT s.tenant, s.id, 'PRODUCT', s.tenant || '-prod' || lpad(((floor(pg_temp.rnd(s.g, 40) * s.products)::int + j) % s.products)::text, 6, '0'),
            '{}'::jsonb, '{}'::jsonb, 1, timestamptz '2024-01-01' + pg_temp.rnd(s.g * 1000 + j, 41) * interval '365 days', timestamptz '2025-01-01'
     FROM bench_segment s, generate_series(0, ${p.productItems - 1}) j
     UNION ALL
     SELECT s.tenant, s.id, 'CATEGORY', s.tenant || '-cat' || lpad(((floor(pg_temp.rnd(s.g, 42) * s.categories)::int + j * 5) % s.categories)::text, 5, '0'),
            '{}'::jsonb, '{}'::jsonb, 1, timestamptz '2024-01-01' + pg_temp.rnd(s.g * 1000 + j, 43) * interval '365 days', timestamptz '2025-01-01'
     FROM bench_segment s, generate_series(0, ${p.categoryItems - 1}) j`,
  ],
];

const TABLES = [
  'segment',
  'customer_assignment',
  'item_assignment',
  'catalog_category',
  'catalog_product',
  'catalog_product_category',
  'customer',
  'legal_entity',
  'location',
  'contact_assignment',
];

/**
 * Loads the data into the (migrated, empty) database at `url`. Returns the row count of every table.
 * Foreign-key triggers are skipped during the load where the role may do so (the generated keys are consistent by construction).
 */
async function generate(url, { scale = 1, seed = 42, log = () => undefined } = {}) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client
      .query("SET session_replication_role = 'replica'")
      .catch(() => log('  (not a superuser: foreign keys are checked during the load)'));
    await client.query("SET maintenance_work_mem = '256MB'");
    // Commits stay synchronous: VACUUM marks no page all-visible while the inserting commit is not yet
    // flushed (the tuples cannot get their hint bits), and index-only scans would visit the heap.
    for (const [name, ...statements] of steps(plan(scale), Number(seed))) {
      const started = Date.now();
      await client.query('BEGIN');
      for (const sql of statements) await client.query(sql);
      await client.query('COMMIT');
      log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await client.query("SET session_replication_role = 'origin'").catch(() => undefined);
    const started = Date.now();
    await client.query('VACUUM ANALYZE');
    log(`  VACUUM ANALYZE: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const { rows: notAllVisible } = await client.query(
      'SELECT relname FROM pg_class WHERE relname = ANY($1) AND relkind = $2 AND relallvisible < relpages',
      [TABLES, 'r'],
    );
    if (notAllVisible.length)
      log(
        `  not all-visible after VACUUM (index-only scans will read the heap): ${notAllVisible.map((row) => row.relname).join(', ')}`,
      );
    // The load leaves about a gigabyte of dirty pages: written now, a checkpoint does not flush them
    // in the middle of a measured scenario (needs superuser or pg_checkpoint; skipped without).
    const checkpointStarted = Date.now();
    await client
      .query('CHECKPOINT')
      .then(() => log(`  CHECKPOINT: ${((Date.now() - checkpointStarted) / 1000).toFixed(1)} s`))
      .catch((error) => log(`  CHECKPOINT skipped: ${error.message}`));
    const counts = {};
    for (const table of TABLES)
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

module.exports = { generate, plan, HOT_TENANT, VIP_CUSTOMER, TABLES };

if (require.main === module) {
  const args = Object.fromEntries(process.argv.slice(3).map((arg) => arg.replace(/^--/, '').split('=')));
  const url = process.argv[2];
  if (!url) {
    console.error('usage: node tools/bench/generate.js <database-url> [--scale=1] [--seed=42]');
    process.exit(2);
  }
  const started = Date.now();
  generate(url, { scale: Number(args.scale ?? 1), seed: Number(args.seed ?? 42), log: console.log })
    .then((counts) => console.log(counts, `${((Date.now() - started) / 1000).toFixed(1)} s`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
