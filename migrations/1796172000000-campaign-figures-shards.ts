import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CampaignFigures1796170490814 } from './1796170490814-campaign-figures.js';

/**
 * The campaign counters split into shards, so that canvassers writing at the same
 * moment do not wait for one another.
 *
 * With one row per campaign (and per 15-minute slot, per issue), every conversation
 * of a campaign updated the same rows, whose locks are held until the writing
 * transaction commits: 16 doors logged at once were written one after the other
 * (the bench saw nearly every INSERT waiting on a transaction lock). Each database
 * connection now adds to its own shard row (pg_backend_pid() % SHARDS); reads sum
 * the shards. A bulk statement (an import, the bench's generated campaign) runs on
 * one connection, so it still fills one row per slot, not one per conversation.
 *
 * campaign_contact_figures and campaign_issue_contacts stay as they are: their rows
 * are per person, which two canvassers rarely write at the same moment.
 */
const SHARDS = 32;
const SHARD = `(pg_backend_pid() % ${SHARDS})::smallint`;

export class CampaignFiguresShards1796172000000 implements MigrationInterface {
  name = 'CampaignFiguresShards1796172000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_figures ADD COLUMN shard smallint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE campaign_figures DROP CONSTRAINT campaign_figures_pkey, ADD PRIMARY KEY (campaign_id, shard)`);
    await q.query(`ALTER TABLE campaign_week_figures ADD COLUMN shard smallint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE campaign_week_figures DROP CONSTRAINT campaign_week_figures_pkey, ADD PRIMARY KEY (campaign_id, slot, shard)`);
    await q.query(`ALTER TABLE campaign_issue_figures ADD COLUMN shard smallint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE campaign_issue_figures DROP CONSTRAINT campaign_issue_figures_pkey, ADD PRIMARY KEY (campaign_id, issue_id, shard)`);

    await q.query(`
      CREATE OR REPLACE FUNCTION rapport_count_issue(p_campaign uuid, p_contact uuid, p_issue uuid, p_intensity int, p_sign int) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        after_n int;
        s smallint := ${SHARD};
      BEGIN
        IF p_campaign IS NULL THEN RETURN; END IF;
        INSERT INTO campaign_issue_figures AS f (campaign_id, issue_id, shard, mentions, intensity_sum)
             VALUES (p_campaign, p_issue, s, p_sign, p_sign * p_intensity)
        ON CONFLICT (campaign_id, issue_id, shard) DO UPDATE
             SET mentions = f.mentions + EXCLUDED.mentions, intensity_sum = f.intensity_sum + EXCLUDED.intensity_sum;
        IF p_contact IS NULL THEN RETURN; END IF;
        INSERT INTO campaign_issue_contacts AS c (campaign_id, issue_id, contact_id, n) VALUES (p_campaign, p_issue, p_contact, p_sign)
        ON CONFLICT (campaign_id, issue_id, contact_id) DO UPDATE SET n = c.n + EXCLUDED.n
        RETURNING n INTO after_n;
        -- A person counts once per issue: when their first mention arrives, or their last goes
        -- (in this connection's shard row, written just above: the sum over shards is the count).
        IF p_sign > 0 AND after_n = 1 THEN
          UPDATE campaign_issue_figures SET contacts = contacts + 1 WHERE campaign_id = p_campaign AND issue_id = p_issue AND shard = s;
        ELSIF p_sign < 0 AND after_n = 0 THEN
          UPDATE campaign_issue_figures SET contacts = contacts - 1 WHERE campaign_id = p_campaign AND issue_id = p_issue AND shard = s;
          DELETE FROM campaign_issue_contacts WHERE campaign_id = p_campaign AND issue_id = p_issue AND contact_id = p_contact;
        END IF;
      END $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION rapport_count_conversation(c conversations, p_sign int, p_with_issues boolean) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        before_row campaign_contact_figures%ROWTYPE;
        after_row campaign_contact_figures%ROWTYPE;
        is_leader boolean;
        reached_delta int := 0;
        leaders_delta int := 0;
        ri record;
        s smallint := ${SHARD};
      BEGIN
        IF c.campaign_id IS NULL THEN RETURN; END IF;
        IF c.contact_id IS NOT NULL THEN
          INSERT INTO campaign_contact_figures AS f (campaign_id, contact_id, conversations, talked, leadership)
               VALUES (c.campaign_id, c.contact_id, p_sign, p_sign * (c.outcome = 'TALKED')::int, p_sign * c.leadership_potential::int)
          ON CONFLICT (campaign_id, contact_id) DO UPDATE
               SET conversations = f.conversations + EXCLUDED.conversations, talked = f.talked + EXCLUDED.talked, leadership = f.leadership + EXCLUDED.leadership
          RETURNING * INTO after_row;
          before_row.conversations := after_row.conversations - p_sign;
          before_row.talked := after_row.talked - p_sign * (c.outcome = 'TALKED')::int;
          before_row.leadership := after_row.leadership - p_sign * c.leadership_potential::int;
          SELECT k.is_leader INTO is_leader FROM contacts k WHERE k.id = c.contact_id;
          is_leader := coalesce(is_leader, false);
          reached_delta := (after_row.talked > 0)::int - (before_row.talked > 0)::int;
          leaders_delta := (after_row.conversations > 0 AND (is_leader OR after_row.leadership > 0))::int
                         - (before_row.conversations > 0 AND (is_leader OR before_row.leadership > 0))::int;
          IF after_row.conversations = 0 THEN
            DELETE FROM campaign_contact_figures WHERE campaign_id = c.campaign_id AND contact_id = c.contact_id;
          END IF;
        END IF;
        INSERT INTO campaign_figures AS f (campaign_id, shard, organization_id, doors_knocked, conversations_held, one_to_ones, contacts_reached, leaders)
             VALUES (c.campaign_id, s, c.organization_id, p_sign * (c.kind = 'DOOR_KNOCK')::int, p_sign * (c.outcome = 'TALKED')::int,
                     p_sign * (c.kind = 'ONE_TO_ONE' AND c.outcome = 'TALKED')::int, reached_delta, leaders_delta)
        ON CONFLICT (campaign_id, shard) DO UPDATE
             SET doors_knocked = f.doors_knocked + EXCLUDED.doors_knocked, conversations_held = f.conversations_held + EXCLUDED.conversations_held,
                 one_to_ones = f.one_to_ones + EXCLUDED.one_to_ones, contacts_reached = f.contacts_reached + EXCLUDED.contacts_reached,
                 leaders = f.leaders + EXCLUDED.leaders;
        INSERT INTO campaign_week_figures AS w (campaign_id, slot, shard, n)
             VALUES (c.campaign_id, date_bin('15 minutes', c.occurred_at, timestamptz '2000-01-01'), s, p_sign)
        ON CONFLICT (campaign_id, slot, shard) DO UPDATE SET n = w.n + EXCLUDED.n;
        IF p_with_issues THEN
          FOR ri IN SELECT issue_id, intensity FROM raised_issues WHERE conversation_id = c.id LOOP
            PERFORM rapport_count_issue(c.campaign_id, c.contact_id, ri.issue_id, ri.intensity, p_sign);
          END LOOP;
        END IF;
      END $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION rapport_contacts_leader_figures() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO campaign_figures AS f (campaign_id, shard, organization_id, leaders)
        SELECT cf.campaign_id, ${SHARD}, NEW.organization_id, CASE WHEN NEW.is_leader THEN 1 ELSE -1 END
          FROM campaign_contact_figures cf
         WHERE cf.contact_id = NEW.id AND cf.conversations > 0 AND cf.leadership = 0
        ON CONFLICT (campaign_id, shard) DO UPDATE SET leaders = f.leaders + EXCLUDED.leaders;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to one row per key: the previous migration's tables and functions, rebuilt
    // by its own full recount (the counters are derived data).
    const previous = new CampaignFigures1796170490814();
    await previous.down(q);
    await previous.up(q);
  }
}
