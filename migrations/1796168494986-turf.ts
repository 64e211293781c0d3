import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Turf1796168494986 implements MigrationInterface {
  name = 'Turf1796168494986';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "buildings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "street" text NOT NULL, "number" text NOT NULL, "name" text, "postal_code" text, "city" text, "floors" integer NOT NULL, "dedupe_key" text NOT NULL, CONSTRAINT "PK_bc65c1acce268c383e41a69003a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5ab0dc33dfd1ac91b80f954ae9" ON "buildings"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e4edfdd69c7e39847eef4516e7" ON "buildings"  ("campaign_id", "dedupe_key") `);
    await queryRunner.query(
      `CREATE TABLE "doors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "building_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "floor" integer NOT NULL, "label" text NOT NULL, "visits" integer NOT NULL DEFAULT '0', "last_outcome" text, "last_visit_at" TIMESTAMP WITH TIME ZONE, "talked" boolean NOT NULL DEFAULT false, "do_not_knock" boolean NOT NULL DEFAULT false, "contact_id" uuid, CONSTRAINT "PK_2d0548e044c703347d6c02a4e0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_315d4f91a64c7d10efd0bff433" ON "doors"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4f135a85f146bf2dbce87a725c" ON "doors"  ("contact_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f75d799e8d2b59a04d9ae89799" ON "doors"  ("campaign_id", "last_visit_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_79c539cee296ee29c75392652b" ON "doors"  ("building_id", "floor", "label") `);
    await queryRunner.query(
      `CREATE TABLE "building_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "building_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_04639e37a759a17a80261d027c6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f8690bc3db1db8614bde35e39f" ON "building_assignments"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd16448d87e9cde0a1a515964b" ON "building_assignments"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2cbdfb79b825653b57f0f8c60b" ON "building_assignments"  ("building_id", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "door_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "client_id" text NOT NULL, "door_ids" uuid array NOT NULL, CONSTRAINT "PK_d90b74dcc91230ead3330e08805" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b5f85711c268e45cfcd31409ee" ON "door_batches"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7280fb148567b43d5d69956790" ON "door_batches"  ("organization_id", "client_id") `);
    await queryRunner.query(`ALTER TABLE "conversations" ADD "door_id" uuid`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD "action_id" uuid`);
    await queryRunner.query(`ALTER TABLE "actions" ADD "cancelled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "action_participants" ADD "last_call_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "action_participants" ADD "last_call_note" text`);
    await queryRunner.query(`CREATE INDEX "IDX_5174ec3674fa3fdac9880a0907" ON "conversations"  ("door_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_48c87f5445d483c4f2c8bd6476" ON "conversations"  ("action_id") `);
    await queryRunner.query(
      `ALTER TABLE "buildings" ADD CONSTRAINT "FK_5ab0dc33dfd1ac91b80f954ae90" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "buildings" ADD CONSTRAINT "FK_ac4637549fcaa5b89825142021f" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "doors" ADD CONSTRAINT "FK_b8dd3f2eb8c1af5d247fda06cfe" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "doors" ADD CONSTRAINT "FK_4f135a85f146bf2dbce87a725c8" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "building_assignments" ADD CONSTRAINT "FK_946bd62480766983607068466bd" FOREIGN KEY ("building_id") REFERENCES "buildings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "building_assignments" ADD CONSTRAINT "FK_bd16448d87e9cde0a1a515964ba" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "building_assignments" DROP CONSTRAINT "FK_bd16448d87e9cde0a1a515964ba"`);
    await queryRunner.query(`ALTER TABLE "building_assignments" DROP CONSTRAINT "FK_946bd62480766983607068466bd"`);
    await queryRunner.query(`ALTER TABLE "doors" DROP CONSTRAINT "FK_4f135a85f146bf2dbce87a725c8"`);
    await queryRunner.query(`ALTER TABLE "doors" DROP CONSTRAINT "FK_b8dd3f2eb8c1af5d247fda06cfe"`);
    await queryRunner.query(`ALTER TABLE "buildings" DROP CONSTRAINT "FK_ac4637549fcaa5b89825142021f"`);
    await queryRunner.query(`ALTER TABLE "buildings" DROP CONSTRAINT "FK_5ab0dc33dfd1ac91b80f954ae90"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48c87f5445d483c4f2c8bd6476"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5174ec3674fa3fdac9880a0907"`);
    await queryRunner.query(`ALTER TABLE "action_participants" DROP COLUMN "last_call_note"`);
    await queryRunner.query(`ALTER TABLE "action_participants" DROP COLUMN "last_call_at"`);
    await queryRunner.query(`ALTER TABLE "actions" DROP COLUMN "cancelled_at"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "action_id"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "door_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7280fb148567b43d5d69956790"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b5f85711c268e45cfcd31409ee"`);
    await queryRunner.query(`DROP TABLE "door_batches"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2cbdfb79b825653b57f0f8c60b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bd16448d87e9cde0a1a515964b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f8690bc3db1db8614bde35e39f"`);
    await queryRunner.query(`DROP TABLE "building_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_79c539cee296ee29c75392652b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f75d799e8d2b59a04d9ae89799"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f135a85f146bf2dbce87a725c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_315d4f91a64c7d10efd0bff433"`);
    await queryRunner.query(`DROP TABLE "doors"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e4edfdd69c7e39847eef4516e7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5ab0dc33dfd1ac91b80f954ae9"`);
    await queryRunner.query(`DROP TABLE "buildings"`);
  }
}
