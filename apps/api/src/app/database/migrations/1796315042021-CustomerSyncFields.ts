import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer data gains the customer service's preferred site, language and currency, active flag, B2B properties,
 * business model, type, company, customer number and creation date (`customer_created_at`), all nullable.
 */
export class CustomerSyncFields1796315042021 implements MigrationInterface {
  name = 'CustomerSyncFields1796315042021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "customer" ADD "preferred_site" character varying(128)');
    await queryRunner.query('ALTER TABLE "customer" ADD "preferred_language" character varying(35)');
    await queryRunner.query('ALTER TABLE "customer" ADD "preferred_currency" character varying(3)');
    await queryRunner.query('ALTER TABLE "customer" ADD "active" boolean');
    await queryRunner.query('ALTER TABLE "customer" ADD "b2b" jsonb');
    await queryRunner.query('ALTER TABLE "customer" ADD "business_model" character varying(16)');
    await queryRunner.query('ALTER TABLE "customer" ADD "type" character varying(16)');
    await queryRunner.query('ALTER TABLE "customer" ADD "company" character varying(255)');
    await queryRunner.query('ALTER TABLE "customer" ADD "customer_number" character varying(128)');
    await queryRunner.query('ALTER TABLE "customer" ADD "customer_created_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "customer_created_at"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "customer_number"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "company"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "type"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "business_model"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "b2b"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "active"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "preferred_currency"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "preferred_language"');
    await queryRunner.query('ALTER TABLE "customer" DROP COLUMN "preferred_site"');
  }
}
