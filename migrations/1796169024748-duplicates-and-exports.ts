import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DuplicatesAndExports1796169024748 implements MigrationInterface {
  name = 'DuplicatesAndExports1796169024748';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contact_exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "token_hash" text NOT NULL, "created_by_user_id" uuid NOT NULL, "format" text NOT NULL, "filter" jsonb NOT NULL DEFAULT '{}', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_acf13329ab6e25d296d4f121c33" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ad9a249bad6ea546b12b80181f" ON "contact_exports"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_58033fc01e75be15c8c0e1ef01" ON "contact_exports"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "contact_merges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kept_contact_id" uuid NOT NULL, "dropped_contact_id" uuid NOT NULL, "merged_by_user_id" uuid, "filled_fields" text array NOT NULL DEFAULT '{}', "lost_values" jsonb NOT NULL DEFAULT '{}', "moved" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_1723ca3255c3c9b6fb09537986b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_13c94d16b6f2dc46b0b814c8e5" ON "contact_merges"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_db0002877283208d4fc844bda1" ON "contact_merges"  ("organization_id", "kept_contact_id") `);
    await queryRunner.query(
      `CREATE TABLE "dismissed_duplicates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "contact_a_id" uuid NOT NULL, "contact_b_id" uuid NOT NULL, "dismissed_by_user_id" uuid, CONSTRAINT "PK_ef42fdf24f86b57c1d0aa338773" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b2d563fea31ec7b0b75402ee6f" ON "dismissed_duplicates"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_873c994c07df3a985077f33309" ON "dismissed_duplicates"  ("contact_b_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7a82bc11b22c8253e3c9c98d01" ON "dismissed_duplicates"  ("organization_id", "contact_a_id", "contact_b_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "dismissed_duplicates" ADD CONSTRAINT "FK_63e4f4d816e2dd24174c323d91a" FOREIGN KEY ("contact_a_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dismissed_duplicates" ADD CONSTRAINT "FK_873c994c07df3a985077f333097" FOREIGN KEY ("contact_b_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Duplicate candidates (libs/people-data/src/duplicates). Names: pg_trgm's similarity of
    // sort_key (already without accents or case). Buildings and streets are compared folded by
    // rapport_fold: lower case, accents replaced and spaces and punctuation removed, with
    // translate() alone ("Bât. Oiseaux" and "bat oiseaux" both give "batoiseaux"). It is an
    // IMMUTABLE SQL function PostgreSQL inlines; unaccent() (only STABLE) or a regular
    // expression cost a function call per row: seconds at 50,000 contacts.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION rapport_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
         AS $$ SELECT translate(lower(value), 'àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőœŕřśšşťùúûüūůűųýÿžźżæ 	
.,;:!?''’"()[]/\\-_°#&', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuuyyzzza') $$`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_contacts_org_phone" ON "contacts" ("organization_id", "phone") WHERE "phone" IS NOT NULL AND "erased_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_contacts_org_email" ON "contacts" ("organization_id", "email") WHERE "email" IS NOT NULL AND "erased_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['IDX_contacts_org_email', 'IDX_contacts_org_phone']) await queryRunner.query(`DROP INDEX "public"."${index}"`);
    await queryRunner.query(`DROP FUNCTION rapport_fold(text)`);
    await queryRunner.query(`ALTER TABLE "dismissed_duplicates" DROP CONSTRAINT "FK_873c994c07df3a985077f333097"`);
    await queryRunner.query(`ALTER TABLE "dismissed_duplicates" DROP CONSTRAINT "FK_63e4f4d816e2dd24174c323d91a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a82bc11b22c8253e3c9c98d01"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_873c994c07df3a985077f33309"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b2d563fea31ec7b0b75402ee6f"`);
    await queryRunner.query(`DROP TABLE "dismissed_duplicates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_db0002877283208d4fc844bda1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13c94d16b6f2dc46b0b814c8e5"`);
    await queryRunner.query(`DROP TABLE "contact_merges"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_58033fc01e75be15c8c0e1ef01"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ad9a249bad6ea546b12b80181f"`);
    await queryRunner.query(`DROP TABLE "contact_exports"`);
  }
}
