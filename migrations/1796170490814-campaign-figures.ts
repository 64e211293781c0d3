import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's figures kept up to date as conversations are written, so that
 * campaignProgress costs the same at 10,000 and at 1,000,000 conversations.
 *
 * Triggers, not application code: every path that writes a conversation or a raised
 * issue (logConversation, door batches, merges, erasure, imports, corrections, plain
 * SQL) is counted in the same transaction, with nothing to forget. The full recounts
 * of libs/dashboard/src/dashboard.queries.ts stay the reference: a test checks the
 * counters equal them on random data.
 *
 * - campaign_figures: one row per campaign (doors, talks, one-to-ones, people reached, leaders);
 * - campaign_contact_figures: per campaign and person, to count people once (reached, leaders);
 * - campaign_week_figures: conversations per 15-minute slot (weeks are cut in the organisation's
 *   time zone when read; every zone's offset is a multiple of 15 minutes);
 * - campaign_issue_figures and campaign_issue_contacts: the listening tally per issue.
 */
export class CampaignFigures1796170490814 implements MigrationInterface {
  name = 'CampaignFigures1796170490814';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaign_figures (
        campaign_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        doors_knocked int NOT NULL DEFAULT 0,
        conversations_held int NOT NULL DEFAULT 0,
        one_to_ones int NOT NULL DEFAULT 0,
        contacts_reached int NOT NULL DEFAULT 0,
        leaders int NOT NULL DEFAULT 0)`);
    await q.query(`
      CREATE TABLE campaign_contact_figures (
        campaign_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        conversations int NOT NULL DEFAULT 0,
        talked int NOT NULL DEFAULT 0,
        leadership int NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, contact_id))`);
    await q.query(`CREATE INDEX campaign_contact_figures_contact ON campaign_contact_figures (contact_id)`);
    await q.query(`
      CREATE TABLE campaign_week_figures (
        campaign_id uuid NOT NULL,
        slot timestamptz NOT NULL,
        n int NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, slot))`);
    await q.query(`
      CREATE TABLE campaign_issue_figures (
        campaign_id uuid NOT NULL,
        issue_id uuid NOT NULL,
        mentions int NOT NULL DEFAULT 0,
        intensity_sum bigint NOT NULL DEFAULT 0,
        contacts int NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, issue_id))`);
    await q.query(`
      CREATE TABLE campaign_issue_contacts (
        campaign_id uuid NOT NULL,
        issue_id uuid NOT NULL,
        contact_id uuid NOT NULL,
        n int NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, issue_id, contact_id))`);

    // One raised issue counted in (sign = 1) or out (sign = -1) of its campaign's tally.
    await q.query(`
      CREATE FUNCTION rapport_count_issue(p_campaign uuid, p_contact uuid, p_issue uuid, p_intensity int, p_sign int) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        after_n int;
      BEGIN
        IF p_campaign IS NULL THEN RETURN; END IF;
        INSERT INTO campaign_issue_figures AS f (campaign_id, issue_id, mentions, intensity_sum)
             VALUES (p_campaign, p_issue, p_sign, p_sign * p_intensity)
        ON CONFLICT (campaign_id, issue_id) DO UPDATE
             SET mentions = f.mentions + EXCLUDED.mentions, intensity_sum = f.intensity_sum + EXCLUDED.intensity_sum;
        IF p_contact IS NULL THEN RETURN; END IF;
        INSERT INTO campaign_issue_contacts AS c (campaign_id, issue_id, contact_id, n) VALUES (p_campaign, p_issue, p_contact, p_sign)
        ON CONFLICT (campaign_id, issue_id, contact_id) DO UPDATE SET n = c.n + EXCLUDED.n
        RETURNING n INTO after_n;
        -- A person counts once per issue: when their first mention arrives, or their last goes.
        IF p_sign > 0 AND after_n = 1 THEN
          UPDATE campaign_issue_figures SET contacts = contacts + 1 WHERE campaign_id = p_campaign AND issue_id = p_issue;
        ELSIF p_sign < 0 AND after_n = 0 THEN
          UPDATE campaign_issue_figures SET contacts = contacts - 1 WHERE campaign_id = p_campaign AND issue_id = p_issue;
          DELETE FROM campaign_issue_contacts WHERE campaign_id = p_campaign AND issue_id = p_issue AND contact_id = p_contact;
        END IF;
      END $$`);

    // One conversation counted in or out, with its raised issues when asked (updates and deletions).
    await q.query(`
      CREATE FUNCTION rapport_count_conversation(c conversations, p_sign int, p_with_issues boolean) RETURNS void
      LANGUAGE plpgsql AS $$
      DECLARE
        before_row campaign_contact_figures%ROWTYPE;
        after_row campaign_contact_figures%ROWTYPE;
        is_leader boolean;
        reached_delta int := 0;
        leaders_delta int := 0;
        ri record;
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
        INSERT INTO campaign_figures AS f (campaign_id, organization_id, doors_knocked, conversations_held, one_to_ones, contacts_reached, leaders)
             VALUES (c.campaign_id, c.organization_id, p_sign * (c.kind = 'DOOR_KNOCK')::int, p_sign * (c.outcome = 'TALKED')::int,
                     p_sign * (c.kind = 'ONE_TO_ONE' AND c.outcome = 'TALKED')::int, reached_delta, leaders_delta)
        ON CONFLICT (campaign_id) DO UPDATE
             SET doors_knocked = f.doors_knocked + EXCLUDED.doors_knocked, conversations_held = f.conversations_held + EXCLUDED.conversations_held,
                 one_to_ones = f.one_to_ones + EXCLUDED.one_to_ones, contacts_reached = f.contacts_reached + EXCLUDED.contacts_reached,
                 leaders = f.leaders + EXCLUDED.leaders;
        INSERT INTO campaign_week_figures AS w (campaign_id, slot, n)
             VALUES (c.campaign_id, date_bin('15 minutes', c.occurred_at, timestamptz '2000-01-01'), p_sign)
        ON CONFLICT (campaign_id, slot) DO UPDATE SET n = w.n + EXCLUDED.n;
        IF p_with_issues THEN
          FOR ri IN SELECT issue_id, intensity FROM raised_issues WHERE conversation_id = c.id LOOP
            PERFORM rapport_count_issue(c.campaign_id, c.contact_id, ri.issue_id, ri.intensity, p_sign);
          END LOOP;
        END IF;
      END $$`);

    await q.query(`
      CREATE FUNCTION rapport_conversations_figures() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- Its raised issues are inserted after it, and counted by their own trigger.
          PERFORM rapport_count_conversation(NEW, 1, false);
        ELSIF TG_OP = 'DELETE' THEN
          -- BEFORE DELETE: its raised issues are still there (they go with it, by cascade).
          PERFORM rapport_count_conversation(OLD, -1, true);
          RETURN OLD;
        ELSIF (OLD.campaign_id, OLD.contact_id, OLD.kind, OLD.outcome, OLD.occurred_at, OLD.leadership_potential)
              IS DISTINCT FROM (NEW.campaign_id, NEW.contact_id, NEW.kind, NEW.outcome, NEW.occurred_at, NEW.leadership_potential) THEN
          PERFORM rapport_count_conversation(OLD, -1, true);
          PERFORM rapport_count_conversation(NEW, 1, true);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER conversations_figures_write AFTER INSERT OR UPDATE ON conversations FOR EACH ROW EXECUTE FUNCTION rapport_conversations_figures()`,
    );
    await q.query(`CREATE TRIGGER conversations_figures_delete BEFORE DELETE ON conversations FOR EACH ROW EXECUTE FUNCTION rapport_conversations_figures()`);

    await q.query(`
      CREATE FUNCTION rapport_raised_issues_figures() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        c record;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          -- Gone with its conversation (cascade): already counted out by the conversation's trigger.
          SELECT campaign_id, contact_id INTO c FROM conversations WHERE id = OLD.conversation_id;
          IF FOUND THEN PERFORM rapport_count_issue(c.campaign_id, c.contact_id, OLD.issue_id, OLD.intensity, -1); END IF;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          SELECT campaign_id, contact_id INTO c FROM conversations WHERE id = NEW.conversation_id;
          IF FOUND THEN PERFORM rapport_count_issue(c.campaign_id, c.contact_id, NEW.issue_id, NEW.intensity, 1); END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER raised_issues_figures AFTER INSERT OR DELETE OR UPDATE OF conversation_id, issue_id, intensity ON raised_issues FOR EACH ROW EXECUTE FUNCTION rapport_raised_issues_figures()`,
    );

    // A person named leader (or no longer) changes the leaders count of every campaign they were seen in.
    await q.query(`
      CREATE FUNCTION rapport_contacts_leader_figures() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE campaign_figures f SET leaders = f.leaders + CASE WHEN NEW.is_leader THEN 1 ELSE -1 END
          FROM campaign_contact_figures cf
         WHERE cf.contact_id = NEW.id AND cf.campaign_id = f.campaign_id AND cf.conversations > 0 AND cf.leadership = 0;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER contacts_leader_figures AFTER UPDATE OF is_leader ON contacts FOR EACH ROW WHEN (OLD.is_leader IS DISTINCT FROM NEW.is_leader) EXECUTE FUNCTION rapport_contacts_leader_figures()`,
    );

    // What was there before: the full recount, once.
    await q.query(`
      INSERT INTO campaign_contact_figures (campaign_id, contact_id, conversations, talked, leadership)
      SELECT campaign_id, contact_id, count(*), count(*) FILTER (WHERE outcome = 'TALKED'), count(*) FILTER (WHERE leadership_potential)
        FROM conversations WHERE campaign_id IS NOT NULL AND contact_id IS NOT NULL GROUP BY 1, 2`);
    await q.query(`
      INSERT INTO campaign_figures (campaign_id, organization_id, doors_knocked, conversations_held, one_to_ones, contacts_reached, leaders)
      SELECT c.campaign_id, min(c.organization_id::text)::uuid,
             count(*) FILTER (WHERE kind = 'DOOR_KNOCK'), count(*) FILTER (WHERE outcome = 'TALKED'),
             count(*) FILTER (WHERE kind = 'ONE_TO_ONE' AND outcome = 'TALKED'),
             count(DISTINCT contact_id) FILTER (WHERE outcome = 'TALKED'),
             (SELECT count(*) FROM campaign_contact_figures cf JOIN contacts k ON k.id = cf.contact_id
               WHERE cf.campaign_id = c.campaign_id AND (k.is_leader OR cf.leadership > 0))
        FROM conversations c WHERE c.campaign_id IS NOT NULL GROUP BY c.campaign_id`);
    await q.query(`
      INSERT INTO campaign_week_figures (campaign_id, slot, n)
      SELECT campaign_id, date_bin('15 minutes', occurred_at, timestamptz '2000-01-01'), count(*)
        FROM conversations WHERE campaign_id IS NOT NULL GROUP BY 1, 2`);
    await q.query(`
      INSERT INTO campaign_issue_contacts (campaign_id, issue_id, contact_id, n)
      SELECT c.campaign_id, ri.issue_id, c.contact_id, count(*)
        FROM raised_issues ri JOIN conversations c ON c.id = ri.conversation_id
       WHERE c.campaign_id IS NOT NULL AND c.contact_id IS NOT NULL GROUP BY 1, 2, 3`);
    await q.query(`
      INSERT INTO campaign_issue_figures (campaign_id, issue_id, mentions, intensity_sum, contacts)
      SELECT c.campaign_id, ri.issue_id, count(*), sum(ri.intensity), count(DISTINCT c.contact_id)
        FROM raised_issues ri JOIN conversations c ON c.id = ri.conversation_id
       WHERE c.campaign_id IS NOT NULL GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER contacts_leader_figures ON contacts`);
    await q.query(`DROP TRIGGER raised_issues_figures ON raised_issues`);
    await q.query(`DROP TRIGGER conversations_figures_delete ON conversations`);
    await q.query(`DROP TRIGGER conversations_figures_write ON conversations`);
    await q.query(`DROP FUNCTION rapport_contacts_leader_figures, rapport_raised_issues_figures, rapport_conversations_figures`);
    await q.query(`DROP FUNCTION rapport_count_conversation, rapport_count_issue`);
    await q.query(`DROP TABLE campaign_issue_contacts, campaign_issue_figures, campaign_week_figures, campaign_contact_figures, campaign_figures`);
  }
}
