// Every figure of the dashboard, in plain SQL: one statement per figure group,
// each served by an index (conversations(campaign_id, occurred_at), raised_issues
// (conversation_id), commitments(campaign_id, status), …). `npm run bench` compares
// them through the API with the same SQL run directly.

export const CONVERSATION_FIGURES = `
  SELECT count(*) FILTER (WHERE kind = 'DOOR_KNOCK')::int AS "doorsKnocked",
         count(*) FILTER (WHERE outcome = 'TALKED')::int AS "conversationsHeld",
         count(*) FILTER (WHERE kind = 'ONE_TO_ONE' AND outcome = 'TALKED')::int AS "oneToOnes",
         count(DISTINCT contact_id) FILTER (WHERE outcome = 'TALKED')::int AS "contactsReached"
    FROM conversations
   WHERE organization_id = $1 AND campaign_id = $2`;

/** A contact counts once if they are a leader, or were seen with leadership potential in one of the campaign's conversations. */
export const LEADERS_IDENTIFIED = `
  SELECT count(DISTINCT c.contact_id)::int AS count
    FROM conversations c JOIN contacts k ON k.id = c.contact_id
   WHERE c.organization_id = $1 AND c.campaign_id = $2 AND (k.is_leader OR c.leadership_potential)`;

/** Every issue raised in the campaign, most mentioned first, then angrier, then by name. */
export const ISSUE_TALLY = `
  SELECT i.id, i.name,
         count(*)::int AS mentions,
         count(DISTINCT c.contact_id)::int AS contacts,
         avg(ri.intensity)::float AS "averageIntensity"
    FROM raised_issues ri
    JOIN conversations c ON c.id = ri.conversation_id
    JOIN issues i ON i.id = ri.issue_id
   WHERE c.organization_id = $1 AND c.campaign_id = $2
   GROUP BY i.id, i.name
   ORDER BY mentions DESC, "averageIntensity" DESC, i.name ASC`;

/**
 * What people said about each issue in the campaign's conversations, quoted only for
 * people who consented (and were not erased): angriest first, then the most recent.
 * $3 is the issue ids asked for; the listening report keeps at most five per issue.
 */
export const ISSUE_QUOTES = `
  SELECT ri.issue_id AS "issueId", ri.quote
    FROM raised_issues ri
    JOIN conversations c ON c.id = ri.conversation_id
    JOIN contacts k ON k.id = c.contact_id
   WHERE c.organization_id = $1 AND c.campaign_id = $2 AND ri.issue_id = ANY($3::uuid[])
     AND k.consent_given_at IS NOT NULL AND k.erased_at IS NULL
     AND ri.quote IS NOT NULL AND btrim(ri.quote) <> ''
   ORDER BY ri.intensity DESC, c.occurred_at DESC, ri.id`;

export const DEMANDS_BY_STATUS = `
  SELECT status, count(*)::int AS count FROM demands
   WHERE organization_id = $1 AND campaign_id = $2
   GROUP BY status ORDER BY status`;

/** Commitments by status, split between contacts' and decision-makers'. */
export const COMMITMENTS_BY_STATUS = `
  SELECT (decision_maker_id IS NOT NULL) AS "byDecisionMaker", status, count(*)::int AS count
    FROM commitments
   WHERE organization_id = $1 AND campaign_id = $2
   GROUP BY 1, status ORDER BY status`;

export const OVERDUE_FOLLOW_UPS = `
  SELECT count(*)::int AS count FROM commitments
   WHERE organization_id = $1 AND campaign_id = $2 AND status = 'OPEN' AND due_at < now()`;

/**
 * Weeks start on Monday (date_trunc's ISO week) in the organisation's timezone.
 * Counting per 15-minute slot first keeps the timezone conversion off each row
 * (3× faster on 100,000 conversations); every zone's offset is a multiple of 15 minutes.
 */
export const CONVERSATIONS_PER_WEEK = `
  SELECT (date_trunc('week', slot AT TIME ZONE $3) AT TIME ZONE $3) AS "weekStart", sum(n)::int AS count
    FROM (SELECT date_bin('15 minutes', occurred_at, timestamptz '2000-01-01') AS slot, count(*) AS n
            FROM conversations
           WHERE organization_id = $1 AND campaign_id = $2
           GROUP BY 1) slots
   GROUP BY 1 ORDER BY 1`;

/** The campaign's stage and since when it holds it ($1 org, $2 campaign), both from one snapshot. */
export const STAGE_NOW = `
  SELECT c.stage, (SELECT max(entered_at) FROM campaign_stage_changes s
                    WHERE s.organization_id = $1 AND s.campaign_id = $2 AND s.stage = c.stage) AS since
    FROM campaigns c WHERE c.id = $2 AND c.organization_id = $1`;

// ——— What campaignProgress reads: the counters kept by the triggers of migration
// 1796170490814-campaign-figures (same transaction as every write). The recounts above
// are the reference; tests/src/integration/campaign-figures.spec.ts checks they agree.

/**
 * The campaign's counters (no row yet: nothing logged, all zero). Each is a sum over
 * shard rows (migration 1796172000000-campaign-figures-shards: concurrent writers add
 * to different rows), at most one per database connection that ever wrote.
 */
export const FIGURES = `
  SELECT sum(doors_knocked)::int AS "doorsKnocked", sum(conversations_held)::int AS "conversationsHeld", sum(one_to_ones)::int AS "oneToOnes",
         sum(contacts_reached)::int AS "contactsReached", sum(leaders)::int AS "leadersIdentified"
    FROM campaign_figures
   WHERE organization_id = $1 AND campaign_id = $2
   GROUP BY campaign_id`;

/** ISSUE_TALLY from the counters: same columns, same order. */
export const ISSUE_FIGURES = `
  SELECT i.id, i.name, f.mentions, f.contacts, f.intensity_sum::float / f.mentions AS "averageIntensity"
    FROM (SELECT issue_id, sum(mentions)::int AS mentions, sum(contacts)::int AS contacts, sum(intensity_sum) AS intensity_sum
            FROM campaign_issue_figures WHERE campaign_id = $2 GROUP BY issue_id) f
    JOIN issues i ON i.id = f.issue_id AND i.organization_id = $1
   WHERE f.mentions > 0
   ORDER BY f.mentions DESC, "averageIntensity" DESC, i.name ASC`;

/** CONVERSATIONS_PER_WEEK from the 15-minute counters: as many rows as slots with conversations, whatever their number. */
export const WEEK_FIGURES = `
  SELECT (date_trunc('week', slot AT TIME ZONE $3) AT TIME ZONE $3) AS "weekStart", sum(n)::int AS count
    FROM campaign_week_figures
   WHERE campaign_id = $2 AND n <> 0 AND EXISTS (SELECT 1 FROM campaigns WHERE id = $2 AND organization_id = $1)
   GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1`;

/** The dashboard's five top issues. */
export const TOP_ISSUE_FIGURES = `${ISSUE_FIGURES} LIMIT 5`;

/** WEEK_FIGURES in the organisation's own time zone, read in the same statement ($1 org, $2 campaign). */
export const WEEK_FIGURES_IN_ORGANIZATION_ZONE = WEEK_FIGURES.replaceAll('$3', '(SELECT timezone FROM organizations WHERE id = $1)');
