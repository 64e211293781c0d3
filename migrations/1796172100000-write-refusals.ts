import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * rapport_refuse(reason): aborts the statement it is evaluated in, with SQLSTATE RP001
 * and the message "rapport_refuse: <reason>". A write made of one statement (logConversation:
 * contact, issues, conversation, raised issues) checks what it found in its last SELECT
 * and refuses there, so that nothing it already inserted is kept — no transaction to
 * open and commit around it. The api maps the reason to its error (NOT_FOUND naming the field…).
 */
export class WriteRefusals1796172100000 implements MigrationInterface {
  name = 'WriteRefusals1796172100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION rapport_refuse(reason text) RETURNS boolean
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        RAISE EXCEPTION 'rapport_refuse: %', reason USING ERRCODE = 'RP001';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION rapport_refuse(text)`);
  }
}
