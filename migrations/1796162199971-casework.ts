import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Casework1796162199971 implements MigrationInterface {
  name = 'Casework1796162199971';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" text NOT NULL, "title" text NOT NULL, "location" text, "rrule" text NOT NULL, "starts_on" date NOT NULL, "start_time" text NOT NULL, "end_time" text NOT NULL, "visibility" text NOT NULL DEFAULT 'TEAM', CONSTRAINT "PK_077f57f4d4502f888c8874cbbec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_945f46d5a7e2de5a00a558a258" ON "session_series"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "series_id" uuid NOT NULL, "occurs_on" date NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a9e3486bb3e8509466d4c9d6c9" ON "sessions"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6699bf3e123d5869421a7318f7" ON "sessions"  ("series_id", "occurs_on") `);
    await queryRunner.query(
      `CREATE TABLE "session_attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "session_id" uuid NOT NULL, "contact_id" uuid NOT NULL, CONSTRAINT "PK_bc946a8e6bc80fd2531356f89e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f4e186d3867b464f80785c2c9b" ON "session_attendance"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3a6049e02ac921d64357e0e5d2" ON "session_attendance"  ("contact_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c3b9403962f4d0139e99f6f4c0" ON "session_attendance"  ("session_id", "contact_id") `);
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "contact_id" uuid NOT NULL, "owner_id" uuid, "opened_by_id" uuid, "agency" text NOT NULL, "agency_normalized" text NOT NULL, "issue_id" uuid, "summary" text NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "next_step_at" TIMESTAMP WITH TIME ZONE, "recovered_cents" integer, "campaign_id" uuid, "session_id" text, CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c47a144982a0234b25f91e0771" ON "cases"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_235467ca40e0930d12441c0f37" ON "cases"  ("contact_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_46f810d4d028e41986e6f38f78" ON "cases"  ("campaign_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9c973955238e9988dcd69ee244" ON "cases"  ("organization_id", "owner_id", "next_step_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_c821460252f1555e517cc53fde" ON "cases"  ("organization_id", "opened_at") `);
    await queryRunner.query(
      `CREATE TABLE "case_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "case_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "by_id" uuid, "note" text NOT NULL, CONSTRAINT "PK_a1a859c1512fde6f212afdb2e47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1d96c82e7c5a6d6275eb6f1e38" ON "case_steps"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2ecd9f3674c9e84f3f1693411b" ON "case_steps"  ("case_id", "at") `);
    await queryRunner.query(`ALTER TABLE "reminders" ADD "case_id" uuid`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD "session_id" text`);
    await queryRunner.query(`CREATE INDEX "IDX_90a8454f5ccc669946f0b97239" ON "reminders"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_285e84ab2537d6af999be71aa5" ON "conversations"  ("session_id") `);
    await queryRunner.query(
      `ALTER TABLE "session_series" ADD CONSTRAINT "FK_945f46d5a7e2de5a00a558a258a" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_a9e3486bb3e8509466d4c9d6c93" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_9d2ffba86516492b7deda8f88a7" FOREIGN KEY ("series_id") REFERENCES "session_series"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "FK_f4e186d3867b464f80785c2c9b0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "FK_fe13eeaaceb32f7ef9a269e1af2" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "FK_3a6049e02ac921d64357e0e5d25" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_c47a144982a0234b25f91e07717" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_235467ca40e0930d12441c0f373" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_db631d0b7f9d9ed808d6a51331c" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_8330b69630596034ed3cc4431ac" FOREIGN KEY ("opened_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_043626eafa01614ff9300269410" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_46f810d4d028e41986e6f38f781" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_steps" ADD CONSTRAINT "FK_1d96c82e7c5a6d6275eb6f1e38d" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_steps" ADD CONSTRAINT "FK_a307648116e63cca3eb3a326034" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_steps" ADD CONSTRAINT "FK_71888d095be54452810010c54b7" FOREIGN KEY ("by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_steps" DROP CONSTRAINT "FK_71888d095be54452810010c54b7"`);
    await queryRunner.query(`ALTER TABLE "case_steps" DROP CONSTRAINT "FK_a307648116e63cca3eb3a326034"`);
    await queryRunner.query(`ALTER TABLE "case_steps" DROP CONSTRAINT "FK_1d96c82e7c5a6d6275eb6f1e38d"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_46f810d4d028e41986e6f38f781"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_043626eafa01614ff9300269410"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_8330b69630596034ed3cc4431ac"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_db631d0b7f9d9ed808d6a51331c"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_235467ca40e0930d12441c0f373"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_c47a144982a0234b25f91e07717"`);
    await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_3a6049e02ac921d64357e0e5d25"`);
    await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_fe13eeaaceb32f7ef9a269e1af2"`);
    await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_f4e186d3867b464f80785c2c9b0"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_9d2ffba86516492b7deda8f88a7"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_a9e3486bb3e8509466d4c9d6c93"`);
    await queryRunner.query(`ALTER TABLE "session_series" DROP CONSTRAINT "FK_945f46d5a7e2de5a00a558a258a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_285e84ab2537d6af999be71aa5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_90a8454f5ccc669946f0b97239"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "session_id"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "case_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2ecd9f3674c9e84f3f1693411b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1d96c82e7c5a6d6275eb6f1e38"`);
    await queryRunner.query(`DROP TABLE "case_steps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c821460252f1555e517cc53fde"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9c973955238e9988dcd69ee244"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_46f810d4d028e41986e6f38f78"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_235467ca40e0930d12441c0f37"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c47a144982a0234b25f91e0771"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c3b9403962f4d0139e99f6f4c0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a6049e02ac921d64357e0e5d2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f4e186d3867b464f80785c2c9b"`);
    await queryRunner.query(`DROP TABLE "session_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6699bf3e123d5869421a7318f7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a9e3486bb3e8509466d4c9d6c9"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_945f46d5a7e2de5a00a558a258"`);
    await queryRunner.query(`DROP TABLE "session_series"`);
  }
}
