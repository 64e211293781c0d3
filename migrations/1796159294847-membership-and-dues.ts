import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipAndDues1796159294847 implements MigrationInterface {
  name = 'MembershipAndDues1796159294847';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "membership_settings" ("organization_id" uuid NOT NULL, "suggested_dues_cents" integer NOT NULL DEFAULT '1200', "currency" text NOT NULL DEFAULT 'EUR', "period_kind" text NOT NULL DEFAULT 'CALENDAR_YEAR', "grace_days" integer NOT NULL DEFAULT '60', "renewal_reminder_days" integer NOT NULL DEFAULT '30', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_76ed4f44e3b77d897a42b87f73c" PRIMARY KEY ("organization_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "receipt_counters" ("organization_id" uuid NOT NULL, "year" integer NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_a286f392f04f99fd40c16cf5c98" PRIMARY KEY ("organization_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "dues_payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "client_id" text, "payer_contact_id" uuid NOT NULL, "amount_cents" integer NOT NULL, "method" text NOT NULL, "paid_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reference" text, "receipt_number" text NOT NULL, "to_solidarity_fund_cents" integer NOT NULL DEFAULT '0', "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "recorded_by_user_id" uuid, CONSTRAINT "PK_a589ad6bdfdd5097f3cbceaf9af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_34ed8854f8c1bce3747db2deb3" ON "dues_payments"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9cae132ae1dcff81648a396a4" ON "dues_payments"  ("payer_contact_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4aac9e39292c9a9f2242174138" ON "dues_payments"  ("organization_id", "paid_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_dues_payments_receipt" ON "dues_payments"  ("organization_id", "receipt_number") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_dues_payments_client_id" ON "dues_payments"  ("organization_id", "client_id") WHERE "client_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "contact_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payment_id" uuid, "funded_by_contact_id" uuid, "from_solidarity_fund" boolean NOT NULL DEFAULT false, "amount_cents" integer NOT NULL, "suggested_cents" integer NOT NULL, CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e5380c394ec7912046d07b5429" ON "memberships"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc362733a3ee2eeb61cf1916fa" ON "memberships"  ("payment_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_11b6c2e8f5892aa68628ec26fb" ON "memberships"  ("organization_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_99d20cf3717f22b7b759658f48" ON "memberships"  ("organization_id", "contact_id", "ends_at") `);
    await queryRunner.query(`ALTER TABLE "reminders" ADD "membership_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_18526d0ff4fd5312878a436fa4" ON "reminders"  ("membership_id") `);
    await queryRunner.query(
      `ALTER TABLE "membership_settings" ADD CONSTRAINT "FK_76ed4f44e3b77d897a42b87f73c" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "receipt_counters" ADD CONSTRAINT "FK_99deced287cbbcdb2d396cd2e3f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dues_payments" ADD CONSTRAINT "FK_34ed8854f8c1bce3747db2deb34" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dues_payments" ADD CONSTRAINT "FK_a9cae132ae1dcff81648a396a4d" FOREIGN KEY ("payer_contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dues_payments" ADD CONSTRAINT "FK_67817936503cb006c83959cc07a" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "FK_e5380c394ec7912046d07b54290" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "FK_e09e7d744c616e38c519047feab" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "FK_fc362733a3ee2eeb61cf1916fa5" FOREIGN KEY ("payment_id") REFERENCES "dues_payments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "FK_e96d2d21430c64eae024f96979a" FOREIGN KEY ("funded_by_contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_e96d2d21430c64eae024f96979a"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_fc362733a3ee2eeb61cf1916fa5"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_e09e7d744c616e38c519047feab"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "FK_e5380c394ec7912046d07b54290"`);
    await queryRunner.query(`ALTER TABLE "dues_payments" DROP CONSTRAINT "FK_67817936503cb006c83959cc07a"`);
    await queryRunner.query(`ALTER TABLE "dues_payments" DROP CONSTRAINT "FK_a9cae132ae1dcff81648a396a4d"`);
    await queryRunner.query(`ALTER TABLE "dues_payments" DROP CONSTRAINT "FK_34ed8854f8c1bce3747db2deb34"`);
    await queryRunner.query(`ALTER TABLE "receipt_counters" DROP CONSTRAINT "FK_99deced287cbbcdb2d396cd2e3f"`);
    await queryRunner.query(`ALTER TABLE "membership_settings" DROP CONSTRAINT "FK_76ed4f44e3b77d897a42b87f73c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_18526d0ff4fd5312878a436fa4"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "membership_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99d20cf3717f22b7b759658f48"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_11b6c2e8f5892aa68628ec26fb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc362733a3ee2eeb61cf1916fa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5380c394ec7912046d07b5429"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_dues_payments_client_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_dues_payments_receipt"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4aac9e39292c9a9f2242174138"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a9cae132ae1dcff81648a396a4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_34ed8854f8c1bce3747db2deb3"`);
    await queryRunner.query(`DROP TABLE "dues_payments"`);
    await queryRunner.query(`DROP TABLE "receipt_counters"`);
    await queryRunner.query(`DROP TABLE "membership_settings"`);
  }
}
