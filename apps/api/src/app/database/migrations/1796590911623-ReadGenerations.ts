import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read generations (item-assignments/read-model.ts): every committed transaction that changes what the storefront
 * reads compute from marks it in `read_generation`, so that a read can tell in the same round trip as its other
 * work whether the tables still hold what an in-memory model was loaded from.
 *
 * Two parts: `segments` (segment, item_assignment) and `catalog` (catalog_category, catalog_product,
 * catalog_product_category). A deferred constraint trigger runs at commit, once per transaction, tenant and part
 * (a transaction-local setting remembers it), and sets the part of one row `(tenant, slot)` to a fresh value of
 * `read_generation_value`: the slot comes from the transaction id, so concurrent writers of one tenant seldom wait
 * for each other, and as the row is written last, just before the commit, it adds no deadlock (a transaction writes one
 * tenant; one writing several would lock their rows in the order it wrote them). Per slot, writers
 * follow one another (the row lock), so equal rows mean equal committed changes, on the primary and on every
 * replica. TRUNCATE of a table (tests, manual repairs) touches no rows: it sets the row of tenant '' instead,
 * which every read includes.
 */
export class ReadGenerations1796590911623 implements MigrationInterface {
  name = 'ReadGenerations1796590911623';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "read_generation_value"`);
    await queryRunner.query(`
      CREATE TABLE "read_generation" (
        "tenant" varchar(16) NOT NULL,
        "slot" smallint NOT NULL,
        "segments" bigint NOT NULL DEFAULT 0,
        "catalog" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "PK_read_generation" PRIMARY KEY ("tenant", "slot")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION read_generation_mark() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        part text := TG_ARGV[0];
        marked_tenant text := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant ELSE NEW.tenant END;
        mark_slot smallint := (pg_current_xact_id()::text::bigint % 8)::smallint;
      BEGIN
        IF current_setting('read_generation.' || part, true) IS NOT DISTINCT FROM marked_tenant THEN
          RETURN NULL;
        END IF;
        PERFORM set_config('read_generation.' || part, marked_tenant, true);
        IF part = 'segments' THEN
          INSERT INTO read_generation (tenant, slot, segments) VALUES (marked_tenant, mark_slot, nextval('read_generation_value'))
          ON CONFLICT (tenant, slot) DO UPDATE SET segments = nextval('read_generation_value');
        ELSE
          INSERT INTO read_generation (tenant, slot, catalog) VALUES (marked_tenant, mark_slot, nextval('read_generation_value'))
          ON CONFLICT (tenant, slot) DO UPDATE SET catalog = nextval('read_generation_value');
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION read_generation_mark_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO read_generation (tenant, slot, segments, catalog)
        VALUES ('', 0, nextval('read_generation_value'), nextval('read_generation_value'))
        ON CONFLICT (tenant, slot) DO UPDATE
        SET segments = nextval('read_generation_value'), catalog = nextval('read_generation_value');
        RETURN NULL;
      END $$`);
    for (const [table, part] of TRIGGERED) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "${table}_read_generation" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_generation_mark('${part}')`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_read_generation_truncate" AFTER TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION read_generation_mark_truncate()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of TRIGGERED) {
      await queryRunner.query(`DROP TRIGGER "${table}_read_generation_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_read_generation" ON "${table}"`);
    }
    await queryRunner.query('DROP FUNCTION read_generation_mark_truncate()');
    await queryRunner.query('DROP FUNCTION read_generation_mark()');
    await queryRunner.query('DROP TABLE "read_generation"');
    await queryRunner.query('DROP SEQUENCE "read_generation_value"');
  }
}

/** The tables whose changes mark each part. */
const TRIGGERED = [
  ['segment', 'segments'],
  ['item_assignment', 'segments'],
  ['catalog_category', 'catalog'],
  ['catalog_product', 'catalog'],
  ['catalog_product_category', 'catalog'],
] as const;
