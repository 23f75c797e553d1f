import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints, the deliveries queued for them and the attempts of each. */
export class Webhooks1796309228991 implements MigrationInterface {
  name = 'Webhooks1796309228991';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoint" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL, "url" text NOT NULL, "description" character varying(1000), "event_types" text array NOT NULL DEFAULT \'{}\', "active" boolean NOT NULL DEFAULT true, "disabled_reason" character varying(16), "secret" character varying(64) NOT NULL, "previous_secret" character varying(64), "previous_secret_until" TIMESTAMP WITH TIME ZONE, "failing_since" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4a26b59ffd391886b75a87c1a98" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_delivery" ("tenant" character varying(16) NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "endpoint_id" uuid NOT NULL, "event_id" character varying(48) NOT NULL, "event_type" character varying(80) NOT NULL, "payload" text NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "lease_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7595854e8e1d764d233feeda30" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "webhook_delivery_leased" ON "webhook_delivery" ("tenant", "endpoint_id", "lease_until") WHERE "lease_until" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "webhook_delivery_finished" ON "webhook_delivery" ("tenant", "created_at") WHERE "status" <> \'pending\'',
    );
    await queryRunner.query(
      'CREATE INDEX "webhook_delivery_due" ON "webhook_delivery" ("tenant", "endpoint_id", "next_attempt_at", "id") WHERE "status" = \'pending\'',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_attempt" ("tenant" character varying(16) NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "delivery_id" bigint NOT NULL, "endpoint_id" uuid NOT NULL, "event_id" character varying(48) NOT NULL, "event_type" character varying(80) NOT NULL, "number" integer NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "response_status" integer, "latency_ms" integer NOT NULL, "error" character varying(500), "next_attempt_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_713a00d2c17cd88ad01cd5a455d" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query('CREATE INDEX "webhook_attempt_delivery" ON "webhook_attempt" ("tenant", "delivery_id") ');
    await queryRunner.query(
      'CREATE INDEX "webhook_attempt_endpoint" ON "webhook_attempt" ("tenant", "endpoint_id", "id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_762248011d86844b4216e5853f3" FOREIGN KEY ("tenant", "endpoint_id") REFERENCES "webhook_endpoint"("tenant","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_attempt" ADD CONSTRAINT "FK_71b62d376f47d1f50ebcf4c21ab" FOREIGN KEY ("tenant", "endpoint_id") REFERENCES "webhook_endpoint"("tenant","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "webhook_attempt" DROP CONSTRAINT "FK_71b62d376f47d1f50ebcf4c21ab"');
    await queryRunner.query('ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_762248011d86844b4216e5853f3"');
    await queryRunner.query('DROP INDEX "public"."webhook_attempt_endpoint"');
    await queryRunner.query('DROP INDEX "public"."webhook_attempt_delivery"');
    await queryRunner.query('DROP TABLE "webhook_attempt"');
    await queryRunner.query('DROP INDEX "public"."webhook_delivery_due"');
    await queryRunner.query('DROP INDEX "public"."webhook_delivery_finished"');
    await queryRunner.query('DROP INDEX "public"."webhook_delivery_leased"');
    await queryRunner.query('DROP TABLE "webhook_delivery"');
    await queryRunner.query('DROP TABLE "webhook_endpoint"');
  }
}
