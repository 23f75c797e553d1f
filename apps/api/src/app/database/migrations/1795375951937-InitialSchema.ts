import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795375951937 implements MigrationInterface {
  name = 'InitialSchema1795375951937';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "catalog_category" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "id" character varying(128) NOT NULL, "parent_id" character varying(128), "code" character varying(255), "name" jsonb NOT NULL DEFAULT \'{}\', "description" jsonb NOT NULL DEFAULT \'{}\', "slug" jsonb NOT NULL DEFAULT \'{}\', "ecn" jsonb NOT NULL DEFAULT \'[]\', "validity_from" TIMESTAMP WITH TIME ZONE, "validity_to" TIMESTAMP WITH TIME ZONE, "position" integer, "published" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_3c4fe5807a50edc208fc25e47bb" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query('CREATE INDEX "catalog_category_parent" ON "catalog_category" ("tenant", "parent_id") ');
    await queryRunner.query(
      'CREATE TABLE "catalog_product" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "id" character varying(128) NOT NULL, "code" character varying(255), "name" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_b7f22f4c7674bf3754f419fc42c" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "catalog_product_category" ("tenant" character varying(16) NOT NULL, "product_id" character varying(128) NOT NULL, "category_id" character varying(128) NOT NULL, CONSTRAINT "PK_82a0d4d2136dbc9f6cefbfa14b3" PRIMARY KEY ("tenant", "product_id", "category_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "catalog_product_category_category" ON "catalog_product_category" ("tenant", "category_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "legal_entity" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "id" character varying(66) NOT NULL, "name" character varying(255) NOT NULL, "type" character varying(16) NOT NULL DEFAULT \'COMPANY\', "parent_id" character varying(66), "account_limit" jsonb, "legal_info" jsonb, "customer_groups" jsonb NOT NULL DEFAULT \'[]\', "entities_addresses" jsonb NOT NULL DEFAULT \'[]\', "approval_group" jsonb NOT NULL DEFAULT \'[]\', "restrictions" jsonb, CONSTRAINT "PK_86145453cb2f21d36851474f4e5" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query('CREATE INDEX "legal_entity_parent" ON "legal_entity" ("tenant", "parent_id") ');
    await queryRunner.query(
      'CREATE TABLE "contact_assignment" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "id" character varying(66) NOT NULL, "legal_entity_id" character varying(66) NOT NULL, "customer_id" character varying(128) NOT NULL, "type" character varying(16) NOT NULL DEFAULT \'CONTACT\', "primary" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_c77f7bb7bfa5a1417a03474dee3" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "contact_assignment_customer" ON "contact_assignment" ("tenant", "customer_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "contact_assignment_legal_entity" ON "contact_assignment" ("tenant", "legal_entity_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "customer" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "id" character varying(128) NOT NULL, "first_name" character varying(255), "last_name" character varying(255), "email" character varying(320), "phone" character varying(64), CONSTRAINT "PK_0587c6cae1d7c5865ff2d893e7b" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "location" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "id" character varying(66) NOT NULL, "name" character varying(255), "type" character varying(16) NOT NULL, "contact_details" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_52ee90b6188b0c38526a4a956b5" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "segment" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "id" character varying(66) NOT NULL, "name" jsonb NOT NULL, "description" jsonb, "status" character varying(16) NOT NULL DEFAULT \'INACTIVE\', "site_code" character varying(128) NOT NULL, "validity_from" TIMESTAMP WITH TIME ZONE, "validity_to" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_edd891704a6b57d92bd8a0cc9b6" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query('CREATE INDEX "segment_site_status" ON "segment" ("tenant", "site_code", "status") ');
    await queryRunner.query(
      'CREATE TABLE "customer_assignment" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "segment_id" character varying(66) NOT NULL, "customer_id" character varying(128) NOT NULL, "legal_entity_id" character varying(128) NOT NULL DEFAULT \'\', "assignment_type" character varying(16) NOT NULL DEFAULT \'MANUAL\', CONSTRAINT "PK_db12bad24774e60d1085703b080" PRIMARY KEY ("tenant", "segment_id", "customer_id", "legal_entity_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "customer_assignment_customer" ON "customer_assignment" ("tenant", "customer_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "item_assignment" ("tenant" character varying(16) NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "modified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mixins" jsonb NOT NULL DEFAULT \'{}\', "metadata_mixins" jsonb NOT NULL DEFAULT \'{}\', "segment_id" character varying(66) NOT NULL, "type" character varying(16) NOT NULL, "item_id" character varying(128) NOT NULL, CONSTRAINT "PK_f7e59072b1b9c257699c224c360" PRIMARY KEY ("tenant", "segment_id", "type", "item_id"))',
    );
    await queryRunner.query('CREATE INDEX "item_assignment_item" ON "item_assignment" ("tenant", "type", "item_id") ');
    await queryRunner.query(
      'CREATE TABLE "outbox" ("tenant" character varying(16) NOT NULL, "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "type" character varying(80) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_64a796e2b01eab97c75c77908f4" PRIMARY KEY ("tenant", "id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "catalog_product_category" ADD CONSTRAINT "FK_c666c277ffb7954511644248259" FOREIGN KEY ("tenant", "product_id") REFERENCES "catalog_product"("tenant","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "contact_assignment" ADD CONSTRAINT "FK_d68fae1e7b889dfd0c40243c79f" FOREIGN KEY ("tenant", "legal_entity_id") REFERENCES "legal_entity"("tenant","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "customer_assignment" ADD CONSTRAINT "FK_879da0fecaf7897f5ee543b8cac" FOREIGN KEY ("tenant", "segment_id") REFERENCES "segment"("tenant","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "item_assignment" ADD CONSTRAINT "FK_6f1ac1f58e08bedb5321489b7f7" FOREIGN KEY ("tenant", "segment_id") REFERENCES "segment"("tenant","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "item_assignment" DROP CONSTRAINT "FK_6f1ac1f58e08bedb5321489b7f7"');
    await queryRunner.query('ALTER TABLE "customer_assignment" DROP CONSTRAINT "FK_879da0fecaf7897f5ee543b8cac"');
    await queryRunner.query('ALTER TABLE "contact_assignment" DROP CONSTRAINT "FK_d68fae1e7b889dfd0c40243c79f"');
    await queryRunner.query('ALTER TABLE "catalog_product_category" DROP CONSTRAINT "FK_c666c277ffb7954511644248259"');
    await queryRunner.query('DROP TABLE "outbox"');
    await queryRunner.query('DROP INDEX "public"."item_assignment_item"');
    await queryRunner.query('DROP TABLE "item_assignment"');
    await queryRunner.query('DROP INDEX "public"."customer_assignment_customer"');
    await queryRunner.query('DROP TABLE "customer_assignment"');
    await queryRunner.query('DROP INDEX "public"."segment_site_status"');
    await queryRunner.query('DROP TABLE "segment"');
    await queryRunner.query('DROP TABLE "location"');
    await queryRunner.query('DROP TABLE "customer"');
    await queryRunner.query('DROP INDEX "public"."contact_assignment_legal_entity"');
    await queryRunner.query('DROP INDEX "public"."contact_assignment_customer"');
    await queryRunner.query('DROP TABLE "contact_assignment"');
    await queryRunner.query('DROP INDEX "public"."legal_entity_parent"');
    await queryRunner.query('DROP TABLE "legal_entity"');
    await queryRunner.query('DROP INDEX "public"."catalog_product_category_category"');
    await queryRunner.query('DROP TABLE "catalog_product_category"');
    await queryRunner.query('DROP TABLE "catalog_product"');
    await queryRunner.query('DROP INDEX "public"."catalog_category_parent"');
    await queryRunner.query('DROP TABLE "catalog_category"');
  }
}
