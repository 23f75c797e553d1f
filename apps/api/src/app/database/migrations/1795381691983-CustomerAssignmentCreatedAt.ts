import { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerAssignmentCreatedAt1795381691983 implements MigrationInterface {
  name = 'CustomerAssignmentCreatedAt1795381691983';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "customer_assignment_created_at" ON "customer_assignment" ("tenant", "segment_id", "created_at", "customer_id", "legal_entity_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."customer_assignment_created_at"');
  }
}
