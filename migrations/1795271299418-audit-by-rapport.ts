import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditByRapport1795271299418 implements MigrationInterface {
  name = 'AuditByRapport1795271299418';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP CONSTRAINT "FK_eeff0593464209220a1d6929397"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "actor_user_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "audit_entries" ADD CONSTRAINT "FK_eeff0593464209220a1d6929397" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP CONSTRAINT "FK_eeff0593464209220a1d6929397"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "actor_user_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "audit_entries" ADD CONSTRAINT "FK_eeff0593464209220a1d6929397" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }
}
