import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignDomain1795270420287 implements MigrationInterface {
  name = 'CampaignDomain1795270420287';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram search over names, phones and emails ("%dupo%" finds Dupont); trusted since PostgreSQL 13.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" text NOT NULL, "remind_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'SCHEDULED', "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "recipient_user_id" uuid, "commitment_id" uuid, "conversation_id" uuid, "action_id" uuid, "claimed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7218a52feb26b825f789978d6f" ON "reminders"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d62e74f17d86b806af18ac5b9b" ON "reminders"  ("recipient_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6dc0e8611f629bc24850086627" ON "reminders"  ("commitment_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d7db10bdbafd68a777d3e7dcb0" ON "reminders"  ("conversation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5f10f864e6278acb30d9865c75" ON "reminders"  ("action_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b8bbd5e397380d493e6d320a60" ON "reminders"  ("recipient_user_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_7192b680b67a8f5dce05f561c1" ON "reminders"  ("status", "remind_at") `);
    await queryRunner.query(
      `CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "first_name" text NOT NULL, "last_name" text, "phone" text, "email" text, "street" text, "building" text, "postal_code" text, "city" text, "neighbourhood" text, "languages" text array NOT NULL DEFAULT '{}', "ally_roles" text array NOT NULL DEFAULT '{}', "is_leader" boolean NOT NULL DEFAULT false, "tags" text array NOT NULL DEFAULT '{}', "consent_given_at" TIMESTAMP WITH TIME ZONE, "search_text" text NOT NULL DEFAULT '', "sort_key" text NOT NULL DEFAULT '', "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "erased_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0799185e89f0eec8f7ec05a5bb" ON "contacts"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_77020f09cdb4ba4a7ff317ffb4" ON "contacts"  ("organization_id", "sort_key", "id") `);
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "goal" text, "stage" text NOT NULL DEFAULT 'LISTENING', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b82fcefa3141cf82e4eb695b73" ON "campaigns"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "campaign_stage_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "stage" text NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" text, CONSTRAINT "PK_429588bf37fc16aa383202bcea0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2238c4311025d0949e7631dacf" ON "campaign_stage_changes"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_165357b705dacb311ff160d006" ON "campaign_stage_changes"  ("campaign_id", "entered_at") `);
    await queryRunner.query(
      `CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "client_id" text, "kind" text NOT NULL, "outcome" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "campaign_id" uuid, "contact_id" uuid, "organiser_id" uuid NOT NULL, "street" text, "building" text, "door" text, "self_interest" text, "interest_level" integer, "leadership_potential" boolean NOT NULL DEFAULT false, "follow_up_at" TIMESTAMP WITH TIME ZONE, "notes" text, CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_87d9df8c99fb824a39c681ec33" ON "conversations"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1e376a294ea12a91e08f83f88c" ON "conversations"  ("organiser_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3e605129623b629ddd0583740d" ON "conversations"  ("contact_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_13914dc1023453edeea73c3931" ON "conversations"  ("campaign_id", "occurred_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a4d8dee08814eac210b6379a6c" ON "conversations"  ("organization_id", "client_id") `);
    await queryRunner.query(
      `CREATE TABLE "issues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "normalized_name" text NOT NULL, CONSTRAINT "PK_9d8ecbbeff46229c700f0449257" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4b9f1ac70ed804f7ebb2c0a0c8" ON "issues"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4ea8664fd0672c3b5209b800c5" ON "issues"  ("organization_id", "normalized_name") `);
    await queryRunner.query(
      `CREATE TABLE "raised_issues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "conversation_id" uuid NOT NULL, "issue_id" uuid NOT NULL, "intensity" integer NOT NULL, "quote" text, CONSTRAINT "PK_832b6aa22edea9535463276a426" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8a499e5bb37fe90c6d132439f3" ON "raised_issues"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_094c85e5fa1e784d90168fbea6" ON "raised_issues"  ("issue_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0bebdd0e679661013c09dfff69" ON "raised_issues"  ("conversation_id") `);
    await queryRunner.query(
      `CREATE TABLE "decision_makers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "title" text, "institution" text, "power" integer NOT NULL DEFAULT '3', "stance" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_54cca40282bad7fdad804c5be90" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ce423d957d2607d8a758195f86" ON "decision_makers"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "demands" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "title" text NOT NULL, "target_id" uuid, "status" text NOT NULL DEFAULT 'DRAFT', "deadline" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d63565b0747a0cfc73e319bfc03" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c4c378675a9044246fb92b53a6" ON "demands"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea36afd7cd42ffb1ebad477d39" ON "demands"  ("target_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bc5f74c29d82d338823e89d4d5" ON "demands"  ("campaign_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "title" text NOT NULL, "kind" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" text, "target_id" uuid, "turnout_goal" integer, "visibility" text NOT NULL DEFAULT 'TEAM', "outcome" text, "organiser_id" uuid, CONSTRAINT "PK_7bfb822f56be449c0b8adbf83cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3b2faae0b7ca8f8e69c56a1c23" ON "actions"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ba1b949466ac1a8c8a1967e57e" ON "actions"  ("campaign_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_586ba00bfec429cad882c2a29f" ON "actions"  ("organization_id", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "action_participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "action_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "status" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c7bf92bf81747e03fdd312f0fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_29dc4c7b686ed60ac3dde99455" ON "action_participants"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_52fe45614abcafed7c0ae10bdf" ON "action_participants"  ("contact_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3829021b46b05d4a7b84ef94b0" ON "action_participants"  ("action_id", "contact_id") `);
    await queryRunner.query(
      `CREATE TABLE "negotiations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'PLANNED', "report" text, "objective" text, "our_leverage" text, "their_interests" text, "fallback" text, "if_no_agreement" text, "brief_demand_ids" uuid array NOT NULL DEFAULT '{}', "brief_arguments" jsonb NOT NULL DEFAULT '[]', "brief_roles" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6162623f2af0c4b2da55563413" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9a93906af71df33ab76b99f799" ON "negotiations"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_85bbf611a0f5e45c8dc581d1dc" ON "negotiations"  ("campaign_id", "scheduled_at") `);
    await queryRunner.query(
      `CREATE TABLE "negotiation_decision_makers" ("negotiation_id" uuid NOT NULL, "decision_maker_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_6e7a04d2845331d3815697310e5" PRIMARY KEY ("negotiation_id", "decision_maker_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d35ef01755a42f737fcc9d8eed" ON "negotiation_decision_makers"  ("decision_maker_id") `);
    await queryRunner.query(
      `CREATE TABLE "commitments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid, "contact_id" uuid, "decision_maker_id" uuid, "negotiation_id" uuid, "description" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "remind_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "follow_up_owner_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution_note" text, CONSTRAINT "CHK_commitments_one_party" CHECK (("contact_id" IS NULL) <> ("decision_maker_id" IS NULL)), CONSTRAINT "PK_82060edcfe810ce82b7565521af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_51be18569525c34f09eaa24678" ON "commitments"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_779a1d15982ce96e425613992c" ON "commitments"  ("contact_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0bc0860a9ea773620acc238c0" ON "commitments"  ("decision_maker_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a31c65e8101ed7b31788f5475a" ON "commitments"  ("negotiation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2dc21a9f97def7a4ef034440a4" ON "commitments"  ("organization_id", "status", "due_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_3d5894417fb48c55b4ec5340a6" ON "commitments"  ("campaign_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "wins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "title" text NOT NULL, "won_at" TIMESTAMP WITH TIME ZONE NOT NULL, "size" text NOT NULL, "celebrated" boolean NOT NULL DEFAULT false, "celebrated_at" TIMESTAMP WITH TIME ZONE, "celebration_action_id" uuid, "demand_id" uuid, CONSTRAINT "PK_b3458264724f58a0153dda58904" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f335d60fff783d4fb69cc8dd50" ON "wins"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5dfa890ce513c4a31e1e3159cf" ON "wins"  ("organization_id", "celebrated", "won_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_deac8f595557bef568801b7407" ON "wins"  ("campaign_id", "won_at") `);
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_d62e74f17d86b806af18ac5b9b7" FOREIGN KEY ("recipient_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contacts" ADD CONSTRAINT "FK_0799185e89f0eec8f7ec05a5bb8" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "FK_b82fcefa3141cf82e4eb695b73c" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_stage_changes" ADD CONSTRAINT "FK_0dbde1dd0cc546ae25dc149578e" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "FK_4e817b0abc2dba35563fcc64483" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "FK_3e605129623b629ddd0583740db" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "FK_1e376a294ea12a91e08f83f88cf" FOREIGN KEY ("organiser_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "raised_issues" ADD CONSTRAINT "FK_0bebdd0e679661013c09dfff698" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "raised_issues" ADD CONSTRAINT "FK_094c85e5fa1e784d90168fbea61" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "FK_7fa9341e3e8702b717907da3d11" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "FK_ea36afd7cd42ffb1ebad477d39d" FOREIGN KEY ("target_id") REFERENCES "decision_makers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "FK_2fc5ef3dd904a9c5cb78a725f15" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "FK_f195e06e5332bb161ade4a8f322" FOREIGN KEY ("target_id") REFERENCES "decision_makers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "actions" ADD CONSTRAINT "FK_8589bdd7e5aa4fefaa548071e5d" FOREIGN KEY ("organiser_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_participants" ADD CONSTRAINT "FK_3783308c3b8627eb75b8620053a" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_participants" ADD CONSTRAINT "FK_52fe45614abcafed7c0ae10bdf9" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "negotiations" ADD CONSTRAINT "FK_9bf4f2ddc3bc9fea33d49322db1" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "negotiation_decision_makers" ADD CONSTRAINT "FK_38a8af995a2a4852fd2cbd0cf09" FOREIGN KEY ("negotiation_id") REFERENCES "negotiations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "negotiation_decision_makers" ADD CONSTRAINT "FK_d35ef01755a42f737fcc9d8eedd" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_902772ec6d9817f9b06a175afba" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_779a1d15982ce96e425613992c9" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_c0bc0860a9ea773620acc238c00" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_a31c65e8101ed7b31788f5475ae" FOREIGN KEY ("negotiation_id") REFERENCES "negotiations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitments" ADD CONSTRAINT "FK_e71b55cac2c15e11121f04578f6" FOREIGN KEY ("follow_up_owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wins" ADD CONSTRAINT "FK_4e593a2927df972b6ea6e4bb132" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wins" ADD CONSTRAINT "FK_650c1a2672b59315b34f258ba84" FOREIGN KEY ("celebration_action_id") REFERENCES "actions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wins" ADD CONSTRAINT "FK_5dd73a776721a563e0479d589b4" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_contacts_search_trgm" ON "contacts" USING gin ("search_text" gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_contacts_search_trgm"`);
    await queryRunner.query(`ALTER TABLE "wins" DROP CONSTRAINT "FK_5dd73a776721a563e0479d589b4"`);
    await queryRunner.query(`ALTER TABLE "wins" DROP CONSTRAINT "FK_650c1a2672b59315b34f258ba84"`);
    await queryRunner.query(`ALTER TABLE "wins" DROP CONSTRAINT "FK_4e593a2927df972b6ea6e4bb132"`);
    await queryRunner.query(`ALTER TABLE "commitments" DROP CONSTRAINT "FK_e71b55cac2c15e11121f04578f6"`);
    await queryRunner.query(`ALTER TABLE "commitments" DROP CONSTRAINT "FK_a31c65e8101ed7b31788f5475ae"`);
    await queryRunner.query(`ALTER TABLE "commitments" DROP CONSTRAINT "FK_c0bc0860a9ea773620acc238c00"`);
    await queryRunner.query(`ALTER TABLE "commitments" DROP CONSTRAINT "FK_779a1d15982ce96e425613992c9"`);
    await queryRunner.query(`ALTER TABLE "commitments" DROP CONSTRAINT "FK_902772ec6d9817f9b06a175afba"`);
    await queryRunner.query(`ALTER TABLE "negotiation_decision_makers" DROP CONSTRAINT "FK_d35ef01755a42f737fcc9d8eedd"`);
    await queryRunner.query(`ALTER TABLE "negotiation_decision_makers" DROP CONSTRAINT "FK_38a8af995a2a4852fd2cbd0cf09"`);
    await queryRunner.query(`ALTER TABLE "negotiations" DROP CONSTRAINT "FK_9bf4f2ddc3bc9fea33d49322db1"`);
    await queryRunner.query(`ALTER TABLE "action_participants" DROP CONSTRAINT "FK_52fe45614abcafed7c0ae10bdf9"`);
    await queryRunner.query(`ALTER TABLE "action_participants" DROP CONSTRAINT "FK_3783308c3b8627eb75b8620053a"`);
    await queryRunner.query(`ALTER TABLE "actions" DROP CONSTRAINT "FK_8589bdd7e5aa4fefaa548071e5d"`);
    await queryRunner.query(`ALTER TABLE "actions" DROP CONSTRAINT "FK_f195e06e5332bb161ade4a8f322"`);
    await queryRunner.query(`ALTER TABLE "actions" DROP CONSTRAINT "FK_2fc5ef3dd904a9c5cb78a725f15"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "FK_ea36afd7cd42ffb1ebad477d39d"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "FK_7fa9341e3e8702b717907da3d11"`);
    await queryRunner.query(`ALTER TABLE "raised_issues" DROP CONSTRAINT "FK_094c85e5fa1e784d90168fbea61"`);
    await queryRunner.query(`ALTER TABLE "raised_issues" DROP CONSTRAINT "FK_0bebdd0e679661013c09dfff698"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_1e376a294ea12a91e08f83f88cf"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_3e605129623b629ddd0583740db"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "FK_4e817b0abc2dba35563fcc64483"`);
    await queryRunner.query(`ALTER TABLE "campaign_stage_changes" DROP CONSTRAINT "FK_0dbde1dd0cc546ae25dc149578e"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_b82fcefa3141cf82e4eb695b73c"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_0799185e89f0eec8f7ec05a5bb8"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_d62e74f17d86b806af18ac5b9b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_deac8f595557bef568801b7407"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5dfa890ce513c4a31e1e3159cf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f335d60fff783d4fb69cc8dd50"`);
    await queryRunner.query(`DROP TABLE "wins"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3d5894417fb48c55b4ec5340a6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2dc21a9f97def7a4ef034440a4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a31c65e8101ed7b31788f5475a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0bc0860a9ea773620acc238c0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_779a1d15982ce96e425613992c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51be18569525c34f09eaa24678"`);
    await queryRunner.query(`DROP TABLE "commitments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d35ef01755a42f737fcc9d8eed"`);
    await queryRunner.query(`DROP TABLE "negotiation_decision_makers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_85bbf611a0f5e45c8dc581d1dc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a93906af71df33ab76b99f799"`);
    await queryRunner.query(`DROP TABLE "negotiations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3829021b46b05d4a7b84ef94b0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52fe45614abcafed7c0ae10bdf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29dc4c7b686ed60ac3dde99455"`);
    await queryRunner.query(`DROP TABLE "action_participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_586ba00bfec429cad882c2a29f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba1b949466ac1a8c8a1967e57e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b2faae0b7ca8f8e69c56a1c23"`);
    await queryRunner.query(`DROP TABLE "actions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bc5f74c29d82d338823e89d4d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ea36afd7cd42ffb1ebad477d39"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4c378675a9044246fb92b53a6"`);
    await queryRunner.query(`DROP TABLE "demands"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce423d957d2607d8a758195f86"`);
    await queryRunner.query(`DROP TABLE "decision_makers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0bebdd0e679661013c09dfff69"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_094c85e5fa1e784d90168fbea6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a499e5bb37fe90c6d132439f3"`);
    await queryRunner.query(`DROP TABLE "raised_issues"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ea8664fd0672c3b5209b800c5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4b9f1ac70ed804f7ebb2c0a0c8"`);
    await queryRunner.query(`DROP TABLE "issues"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a4d8dee08814eac210b6379a6c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13914dc1023453edeea73c3931"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e605129623b629ddd0583740d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1e376a294ea12a91e08f83f88c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87d9df8c99fb824a39c681ec33"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_165357b705dacb311ff160d006"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2238c4311025d0949e7631dacf"`);
    await queryRunner.query(`DROP TABLE "campaign_stage_changes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b82fcefa3141cf82e4eb695b73"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77020f09cdb4ba4a7ff317ffb4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0799185e89f0eec8f7ec05a5bb"`);
    await queryRunner.query(`DROP TABLE "contacts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7192b680b67a8f5dce05f561c1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8bbd5e397380d493e6d320a60"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5f10f864e6278acb30d9865c75"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d7db10bdbafd68a777d3e7dcb0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6dc0e8611f629bc24850086627"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d62e74f17d86b806af18ac5b9b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7218a52feb26b825f789978d6f"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
  }
}
