import { MigrationInterface, QueryRunner } from 'typeorm';

/** Automatic segments: a segment's criteria, its exclusions, and the indexes that re-evaluate memberships. */
export class AutomaticSegments1796315221666 implements MigrationInterface {
  name = 'AutomaticSegments1796315221666';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "segment_exclusion" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "segment_id" character varying(66) NOT NULL, "customer_id" character varying(128) NOT NULL, "legal_entity_id" character varying(128) NOT NULL DEFAULT \'\', CONSTRAINT "PK_d87eb0118a905b496b8dd92395a" PRIMARY KEY ("tenant", "segment_id", "customer_id", "legal_entity_id"))',
    );
    await queryRunner.query('ALTER TABLE "segment" ADD "criteria" text');
    await queryRunner.query(
      'CREATE INDEX "segment_automatic" ON "segment" ("tenant", "id") WHERE criteria IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "customer_assignment_automatic_legal_entity" ON "customer_assignment" ("tenant", "legal_entity_id") WHERE assignment_type = \'AUTOMATIC\' AND legal_entity_id <> \'\'',
    );
    await queryRunner.query(
      'ALTER TABLE "segment_exclusion" ADD CONSTRAINT "FK_2ee005c3f8691c7819aabcc409a" FOREIGN KEY ("tenant", "segment_id") REFERENCES "segment"("tenant","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "segment_exclusion" DROP CONSTRAINT "FK_2ee005c3f8691c7819aabcc409a"');
    await queryRunner.query('DROP INDEX "public"."customer_assignment_automatic_legal_entity"');
    await queryRunner.query('DROP INDEX "public"."segment_automatic"');
    await queryRunner.query('ALTER TABLE "segment" DROP COLUMN "criteria"');
    await queryRunner.query('DROP TABLE "segment_exclusion"');
  }
}
