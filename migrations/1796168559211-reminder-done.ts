import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderDone1796168559211 implements MigrationInterface {
  name = 'ReminderDone1796168559211';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" ADD "done_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "done_at"`);
  }
}
