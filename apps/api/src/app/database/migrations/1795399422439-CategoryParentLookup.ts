import { MigrationInterface, QueryRunner } from 'typeorm';

export class CategoryParentLookup1795399422439 implements MigrationInterface {
  name = 'CategoryParentLookup1795399422439';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "catalog_category_id_parent" ON "catalog_category" ("tenant", "id", "parent_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."catalog_category_id_parent"');
  }
}
