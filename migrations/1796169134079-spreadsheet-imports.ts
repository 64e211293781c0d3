import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SpreadsheetImports1796169134079 implements MigrationInterface {
  name = 'SpreadsheetImports1796169134079';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_user_id" uuid NOT NULL, "file_name" text NOT NULL, "format" text NOT NULL, "file_size" integer NOT NULL, "encoding" text NOT NULL, "delimiter" text, "status" text NOT NULL, "failure" text, "total_rows" integer NOT NULL DEFAULT '0', "processed_rows" integer NOT NULL DEFAULT '0', "created" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "dry_run" boolean NOT NULL DEFAULT false, "dedupe" text NOT NULL DEFAULT 'PHONE_OR_EMAIL', "tags" text array NOT NULL DEFAULT '{}', "locale" text NOT NULL DEFAULT 'fr', "mapping" jsonb NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_03041b438963d4538830d707ef" ON "import_jobs"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a147b5422aa71aa4cd2abaa5e5" ON "import_jobs"  ("organization_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "import_row_errors" ("id" BIGSERIAL NOT NULL, "job_id" uuid NOT NULL, "row" integer NOT NULL, "field" text, "message" text NOT NULL, CONSTRAINT "PK_8a45918af12a5335e72f357268d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_76206bd6a08dbf984fcc32a0f7" ON "import_row_errors"  ("job_id", "row") `);
    await queryRunner.query(
      `CREATE TABLE "import_file_chunks" ("job_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_6345e33874f340a7bfa1b6324c2" PRIMARY KEY ("job_id", "seq"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_jobs" ADD CONSTRAINT "FK_03041b438963d4538830d707efa" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_row_errors" ADD CONSTRAINT "FK_8a88bbaad11cd090b50aa4eecc6" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_file_chunks" ADD CONSTRAINT "FK_a19d64fbaa651ff48f8a054e271" FOREIGN KEY ("job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_file_chunks" DROP CONSTRAINT "FK_a19d64fbaa651ff48f8a054e271"`);
    await queryRunner.query(`ALTER TABLE "import_row_errors" DROP CONSTRAINT "FK_8a88bbaad11cd090b50aa4eecc6"`);
    await queryRunner.query(`ALTER TABLE "import_jobs" DROP CONSTRAINT "FK_03041b438963d4538830d707efa"`);
    await queryRunner.query(`DROP TABLE "import_file_chunks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_76206bd6a08dbf984fcc32a0f7"`);
    await queryRunner.query(`DROP TABLE "import_row_errors"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a147b5422aa71aa4cd2abaa5e5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_03041b438963d4538830d707ef"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
  }
}
