import { CONVERSATION_FIGURES, CONVERSATIONS_PER_WEEK, FIGURES, ISSUE_FIGURES, ISSUE_TALLY, LEADERS_IDENTIFIED, WEEK_FIGURES } from '@rapport/dashboard';
import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';
import { createCampaign } from '../support/campaign-fixtures.js';

// The dashboard reads counters kept by triggers (migration campaign-figures); the full
// recounts are the reference. Random writes of every kind — new conversations and
// raised issues, corrections, a person moved to another (merge), erased, named leader,
// deletions — then counters and recounts must agree, campaign by campaign.

/** A small seeded generator: a failure replays with the same seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('campaign figures kept by triggers equal the full recount', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let campaigns: string[];

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Figures');
    campaigns = [await createCampaign(t, org.token, 'A'), await createCampaign(t, org.token, 'B')];
  });
  afterAll(() => t.close());

  async function expectAgreement(label: string) {
    for (const campaignId of campaigns) {
      const args = [org.organization.id, campaignId];
      const [kept] = (await t.db.query(FIGURES, args)).rows;
      const [counted] = (await t.db.query(CONVERSATION_FIGURES, args)).rows;
      const [leaders] = (await t.db.query(LEADERS_IDENTIFIED, args)).rows;
      const zero = { doorsKnocked: 0, conversationsHeld: 0, oneToOnes: 0, contactsReached: 0, leadersIdentified: 0 };
      expect({ label, campaignId, ...(kept ?? zero) }).toEqual({ label, campaignId, ...counted, leadersIdentified: leaders.count });
      const round = (rows: Array<Record<string, unknown>>) =>
        rows.map((r) => ({ ...r, averageIntensity: Math.round(Number(r['averageIntensity']) * 1e6) / 1e6 }));
      expect({ label, issues: round((await t.db.query(ISSUE_FIGURES, args)).rows) }).toEqual({
        label,
        issues: round((await t.db.query(ISSUE_TALLY, args)).rows),
      });
      for (const zone of ['Europe/Paris', 'Asia/Kathmandu', 'America/St_Johns']) {
        expect({ label, zone, weeks: (await t.db.query(WEEK_FIGURES, [...args, zone])).rows }).toEqual({
          label,
          zone,
          weeks: (await t.db.query(CONVERSATIONS_PER_WEEK, [...args, zone])).rows,
        });
      }
    }
  }

  it.each([1, 2, 3])('agrees after 300 random writes (seed %i)', async (seed) => {
    const random = prng(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const orgId = org.organization.id;
    const contacts = (
      await t.db.query(
        `INSERT INTO contacts (organization_id, first_name, search_text, sort_key, is_leader)
         SELECT $1, 'P' || g, 'p' || g, 'p' || g, g % 7 = 0 FROM generate_series(1, 12) g RETURNING id`,
        [orgId],
      )
    ).rows.map((r) => r.id as string);
    const issues = (
      await t.db.query(
        `INSERT INTO issues (organization_id, name, normalized_name)
         SELECT $1, 'Sujet ' || $2 || '-' || g, 'sujet ' || $2 || '-' || g FROM generate_series(1, 5) g RETURNING id`,
        [orgId, seed],
      )
    ).rows.map((r) => r.id as string);
    const conversations = async () => (await t.db.query(`SELECT id FROM conversations WHERE organization_id = $1`, [orgId])).rows.map((r) => r.id as string);
    const when = () => new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 400 * 86400_000));

    for (let step = 0; step < 300; step++) {
      const roll = random();
      const existing = roll < 0.35 ? [] : await conversations();
      if (roll < 0.35 || existing.length === 0) {
        await t.db.query(
          `INSERT INTO conversations (organization_id, organiser_id, kind, outcome, occurred_at, campaign_id, contact_id, leadership_potential)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            orgId,
            org.user.id,
            pick(['DOOR_KNOCK', 'DOOR_KNOCK', 'ONE_TO_ONE', 'PHONE', 'DROP_IN']),
            pick(['TALKED', 'TALKED', 'NOT_HOME', 'REFUSED', 'MOVED']),
            when(),
            random() < 0.9 ? pick(campaigns) : null,
            random() < 0.8 ? pick(contacts) : null,
            random() < 0.15,
          ],
        );
      } else if (roll < 0.6) {
        await t.db.query(`INSERT INTO raised_issues (organization_id, conversation_id, issue_id, intensity) VALUES ($1, $2, $3, $4)`, [
          orgId,
          pick(existing),
          pick(issues),
          1 + Math.floor(random() * 5),
        ]);
      } else if (roll < 0.7) {
        // A correction: outcome, kind, time, campaign or the leadership flag changes.
        const column = pick(['outcome', 'kind', 'occurred_at', 'campaign_id', 'leadership_potential']);
        const value =
          column === 'outcome'
            ? pick(['TALKED', 'NOT_HOME'])
            : column === 'kind'
              ? pick(['DOOR_KNOCK', 'ONE_TO_ONE'])
              : column === 'occurred_at'
                ? when()
                : column === 'campaign_id'
                  ? pick([...campaigns, null])
                  : random() < 0.5;
        await t.db.query(`UPDATE conversations SET ${column} = $2 WHERE id = $1`, [pick(existing), value]);
      } else if (roll < 0.76) {
        // A merge: every conversation of one person moves to another.
        await t.db.query(`UPDATE conversations SET contact_id = $2 WHERE contact_id = $1`, [pick(contacts), pick(contacts)]);
      } else if (roll < 0.8) {
        // An erasure that detaches the person (counts keep the conversation, not who it was).
        await t.db.query(`UPDATE conversations SET contact_id = NULL WHERE id = $1`, [pick(existing)]);
      } else if (roll < 0.86) {
        await t.db.query(`UPDATE contacts SET is_leader = NOT is_leader WHERE id = $1`, [pick(contacts)]);
      } else if (roll < 0.92) {
        await t.db.query(
          `UPDATE raised_issues SET intensity = $2, issue_id = $3 WHERE id = (SELECT id FROM raised_issues WHERE organization_id = $1 ORDER BY random() LIMIT 1)`,
          [orgId, 1 + Math.floor(random() * 5), pick(issues)],
        );
      } else if (roll < 0.96) {
        await t.db.query(`DELETE FROM raised_issues WHERE id = (SELECT id FROM raised_issues WHERE organization_id = $1 ORDER BY random() LIMIT 1)`, [orgId]);
      } else {
        await t.db.query(`DELETE FROM conversations WHERE id = $1`, [pick(existing)]);
      }
      if (step % 75 === 74) await expectAgreement(`seed ${seed}, step ${step}`);
    }
    // Not an agreement of zeros: the random writes reached every figure.
    const [kept] = (await t.db.query(FIGURES, [orgId, campaigns[0]])).rows;
    expect(Math.min(kept.doorsKnocked, kept.conversationsHeld, kept.contactsReached, kept.leadersIdentified)).toBeGreaterThan(0);
    expect((await t.db.query(ISSUE_FIGURES, [orgId, campaigns[0]])).rows.length).toBeGreaterThan(1);
  });

  it('agrees after 48 doors logged at once: concurrent writers add to different shard rows, summed when read', async () => {
    const [, campaignId] = campaigns as [string, string];
    const log = (i: number) =>
      t.ok(
        `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`,
        {
          input: {
            clientId: `shards-${i}`,
            kind: i % 4 === 0 ? 'ONE_TO_ONE' : 'DOOR_KNOCK',
            outcome: i % 5 === 0 ? 'NOT_HOME' : 'TALKED',
            campaignId,
            newContact: { firstName: `Voisin ${i}` },
            issues: i % 5 === 0 ? [] : [{ name: 'Chauffage coupé', intensity: 1 + (i % 5) }],
            leadershipPotential: i % 7 === 0,
          },
        },
        org.token,
      );
    await Promise.all(Array.from({ length: 48 }, (_, i) => log(i)));
    // The same clientIds again, at once: nothing more is written or counted.
    await Promise.all(Array.from({ length: 48 }, (_, i) => log(i)));
    const shards = await t.db.query(`SELECT count(*)::int AS n FROM campaign_figures WHERE campaign_id = $1`, [campaignId]);
    expect(shards.rows[0].n).toBeGreaterThan(1);
    const [kept] = (await t.db.query(FIGURES, [org.organization.id, campaignId])).rows;
    expect(kept.doorsKnocked).toBeGreaterThanOrEqual(36);
    await expectAgreement('48 at once');
  });

  it('agrees through the API too: doors logged, a person erased, the dashboard read', async () => {
    const [campaignId] = campaigns as [string];
    for (let i = 0; i < 6; i++) {
      await t.ok(
        `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`,
        {
          input: {
            kind: 'DOOR_KNOCK',
            outcome: i % 3 === 0 ? 'NOT_HOME' : 'TALKED',
            campaignId,
            newContact: { firstName: `Voisine ${i}` },
            issues: i % 3 === 0 ? [] : [{ name: 'Ascenseur en panne', intensity: 1 + (i % 5) }],
            leadershipPotential: i === 4,
          },
        },
        org.token,
      );
    }
    const { rows } = await t.db.query(`SELECT contact_id FROM conversations WHERE campaign_id = $1 AND contact_id IS NOT NULL LIMIT 1`, [campaignId]);
    await t.ok(`mutation($id: ID!) { eraseContact(contactId: $id) }`, { id: rows[0].contact_id }, org.token);
    await expectAgreement('api');
    const progress = await t.ok(
      `query($id: ID!) { campaignProgress(campaignId: $id) { doorsKnocked conversationsHeld contactsReached leadersIdentified } }`,
      { id: campaignId },
      org.token,
    );
    const [counted] = (await t.db.query(CONVERSATION_FIGURES, [org.organization.id, campaignId])).rows;
    const [leaders] = (await t.db.query(LEADERS_IDENTIFIED, [org.organization.id, campaignId])).rows;
    expect(progress.campaignProgress).toEqual({
      doorsKnocked: counted.doorsKnocked,
      conversationsHeld: counted.conversationsHeld,
      contactsReached: counted.contactsReached,
      leadersIdentified: leaders.count,
    });
  });
});
