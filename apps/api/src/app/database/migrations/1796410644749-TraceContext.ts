import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trace context of the write that recorded an event (`traceparent`, NULL without tracing): on the outbox,
 * defaulting to what the writing transaction set, and on the webhook deliveries that send the event.
 */
export class TraceContext1796410644749 implements MigrationInterface {
  name = 'TraceContext1796410644749';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "outbox" ADD "trace_parent" text DEFAULT NULLIF(current_setting(\'app.trace_parent\', true), \'\')',
    );
    await queryRunner.query('ALTER TABLE "webhook_delivery" ADD "trace_parent" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "webhook_delivery" DROP COLUMN "trace_parent"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "trace_parent"');
  }
}
