import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The validity boundaries still to be announced (`segment_validity_boundary`, see its entity), kept by a trigger on
 * `segment`: a write that changes `validity_from` or `validity_to` drops that boundary's row and adds one when the
 * new instant lies after the start of the write's transaction; a boundary the write itself sets in the past is not
 * announced (the write's own event shows it). Boundaries of existing segments that are still ahead are added here;
 * those that passed before this migration are not announced.
 */
export class SegmentValidityBoundaries1796590960286 implements MigrationInterface {
  name = 'SegmentValidityBoundaries1796590960286';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "segment_validity_boundary" ("tenant" character varying(16) NOT NULL, "segment_id" character varying(66) NOT NULL, "boundary" character varying(4) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3c661f8ae35c6fa2099c8bdddfd" PRIMARY KEY ("tenant", "segment_id", "boundary"))',
    );
    await queryRunner.query(
      'CREATE INDEX "segment_validity_boundary_due" ON "segment_validity_boundary" ("tenant", "at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "segment_validity_boundary" ADD CONSTRAINT "FK_924e03c17678a14a2bd4a4064c2" FOREIGN KEY ("tenant", "segment_id") REFERENCES "segment"("tenant","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(`CREATE FUNCTION "segment_validity_plan"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        from_changed boolean := true;
        to_changed boolean := true;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          from_changed := OLD.validity_from IS DISTINCT FROM NEW.validity_from;
          to_changed := OLD.validity_to IS DISTINCT FROM NEW.validity_to;
          DELETE FROM segment_validity_boundary b WHERE b.tenant = NEW.tenant AND b.segment_id = NEW.id
            AND (b.boundary = 'from' AND from_changed OR b.boundary = 'to' AND to_changed);
        END IF;
        INSERT INTO segment_validity_boundary (tenant, segment_id, boundary, at)
        SELECT NEW.tenant, NEW.id, b.boundary, b.at
        FROM (VALUES ('from', NEW.validity_from, from_changed), ('to', NEW.validity_to, to_changed)) AS b(boundary, at, changed)
        WHERE b.changed AND b.at > now();
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "segment_validity_plan" AFTER INSERT OR UPDATE OF validity_from, validity_to
      ON "segment" FOR EACH ROW EXECUTE FUNCTION "segment_validity_plan"()`);
    await queryRunner.query(`INSERT INTO segment_validity_boundary (tenant, segment_id, boundary, at)
      SELECT s.tenant, s.id, b.boundary, b.at FROM segment s
      CROSS JOIN LATERAL (VALUES ('from', s.validity_from), ('to', s.validity_to)) AS b(boundary, at)
      WHERE b.at > now()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "segment_validity_plan" ON "segment"');
    await queryRunner.query('DROP FUNCTION "segment_validity_plan"()');
    await queryRunner.query('ALTER TABLE "segment_validity_boundary" DROP CONSTRAINT "FK_924e03c17678a14a2bd4a4064c2"');
    await queryRunner.query('DROP INDEX "public"."segment_validity_boundary_due"');
    await queryRunner.query('DROP TABLE "segment_validity_boundary"');
  }
}
