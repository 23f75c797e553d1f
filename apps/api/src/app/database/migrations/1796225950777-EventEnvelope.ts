import { MigrationInterface, QueryRunner } from 'typeorm';

/** `resourceId(...)` of @cs/contracts for one part: `%` and `/` percent-encoded (as of this migration). */
const encoded = (part: string) => `replace(replace(${part}, '%', '%25'), '/', '%2F')`;

/**
 * Events get their envelope: resource, version, and (from the relay's sequencer) position and per-resource sequence;
 * sinks keep cursors instead of `delivered_at`. Events recorded before are given their resource from type and payload.
 */
export class EventEnvelope1796225950777 implements MigrationInterface {
  name = 'EventEnvelope1796225950777';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "event_sequence" ("tenant" character varying(16) NOT NULL, "resource_type" character varying(40) NOT NULL, "resource_id" text NOT NULL, "last_sequence" integer NOT NULL, CONSTRAINT "PK_5e7922bb774db6532da9dd611fc" PRIMARY KEY ("tenant", "resource_type", "resource_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "event_sink_cursor" ("tenant" character varying(16) NOT NULL, "sink" character varying(40) NOT NULL, "position" bigint NOT NULL, CONSTRAINT "PK_5a4c5807eb0240ae1f52ed7fab9" PRIMARY KEY ("tenant", "sink"))',
    );
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "delivered_at"');
    await queryRunner.query('ALTER TABLE "outbox" ADD "resource_type" character varying(40)');
    await queryRunner.query('ALTER TABLE "outbox" ADD "resource_id" text');
    await queryRunner.query('ALTER TABLE "outbox" ADD "version" integer');
    await queryRunner.query('ALTER TABLE "outbox" ADD "position" bigint');
    await queryRunner.query('ALTER TABLE "outbox" ADD "sequence" integer');
    // Only segment and assignment events existed; their payloads name the document (deletions carry no metadata).
    await queryRunner.query(`UPDATE "outbox" SET
      "resource_type" = CASE
        WHEN type LIKE 'customer-segment.segment-%' THEN 'segment'
        WHEN type LIKE 'customer-segment.customer-assignment-%' THEN 'customer-assignment'
        WHEN type LIKE 'customer-segment.item-assignment-%' THEN 'item-assignment'
        ELSE split_part(type, '.', 1) END,
      "resource_id" = COALESCE(CASE
        WHEN type LIKE 'customer-segment.segment-%' THEN payload->>'id'
        WHEN type LIKE 'customer-segment.customer-assignment-%' THEN concat_ws('/',
          ${encoded(`payload->>'segmentId'`)},
          ${encoded(`COALESCE(payload->>'customerId', payload->'customer'->>'id')`)},
          ${encoded(`NULLIF(COALESCE(payload->>'legalEntityId', payload->'legalEntity'->>'id'), '')`)})
        WHEN type LIKE 'customer-segment.item-assignment-%' THEN concat_ws('/',
          ${encoded(`payload->>'segmentId'`)}, ${encoded(`payload->>'type'`)},
          ${encoded(`COALESCE(payload->'item'->>'id', payload->>'itemId')`)})
        END, id::text),
      "version" = (payload->'metadata'->>'version')::int`);
    await queryRunner.query('ALTER TABLE "outbox" ALTER COLUMN "resource_type" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "outbox" ALTER COLUMN "resource_id" SET NOT NULL');
    await queryRunner.query('CREATE INDEX "outbox_unsequenced" ON "outbox" ("tenant", "id") WHERE "position" IS NULL');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "outbox_position" ON "outbox" ("tenant", "position") WHERE "position" IS NOT NULL',
    );
    // Positions of all tenants, given by the sequencer in commit order.
    await queryRunner.query('CREATE SEQUENCE "event_position" AS bigint');
    // Wakes the relay: delivered at commit, one notification per transaction however many statements insert.
    await queryRunner.query(`CREATE FUNCTION "outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$`);
    await queryRunner.query(
      'CREATE TRIGGER "outbox_notify" AFTER INSERT ON "outbox" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_notify"()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "outbox_notify" ON "outbox"');
    await queryRunner.query('DROP FUNCTION "outbox_notify"()');
    await queryRunner.query('DROP SEQUENCE "event_position"');
    await queryRunner.query('DROP INDEX "public"."outbox_position"');
    await queryRunner.query('DROP INDEX "public"."outbox_unsequenced"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "sequence"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "position"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "resource_id"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "resource_type"');
    await queryRunner.query('ALTER TABLE "outbox" ADD "delivered_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('DROP TABLE "event_sink_cursor"');
    await queryRunner.query('DROP TABLE "event_sequence"');
  }
}
