// The Villejean demo's permanences and cases (apps/api/src/seed/demo-casework.ts),
// recorded through the GraphQL API over HTTP on top of the replayed campaign: the two
// weekly permanences since November 2019, attendance, three dozen CPAM and CAF cases
// linked to the campaign, and the evidence they give the brief, the dashboard and the
// listening report, worked out by hand from the table (see demoCases()).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replayFixture, type ReplayResult } from '../../../apps/api/src/seed/replay-fixture.js';
import { httpGql } from '../../../apps/api/src/seed/demo-seed.js';
import { demoCases, seedDemoCasework } from '../../../apps/api/src/seed/demo-casework.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const fixture = JSON.parse(readFileSync(join(process.cwd(), 'fixtures/villejean-cpam.json'), 'utf8'));
const DAY = 86_400_000;
const EVIDENCE = `cases people open resolved unresolved medianDaysToClose recoveredCents byAgency { agency cases open resolved unresolved } quotes`;

describe('the Villejean demo: permanences and cases', () => {
  let t: TestApp;
  let r: ReplayResult;
  const now = new Date();

  beforeAll(async () => {
    t = await startTestApp();
    const gql = httpGql(t.url);
    r = await replayFixture(gql, fixture, { email: 'nadia@villejean.test', password: 'villejean-2016-2022', displayName: 'Nadia' });
    await seedDemoCasework(gql, t.db, { token: r.token, campaignId: r.campaignId, contactIds: r.contactIds, issues: fixture.issues }, now);
  }, 240_000);
  afterAll(() => t.close());

  it('links three dozen cases to the campaign, and the brief and the dashboard count them by hand', async () => {
    const { campaign } = await t.ok(`query($id: ID!) { campaign(id: $id) { evidence { ${EVIDENCE} } negotiations { id } } }`, { id: r.campaignId }, r.token);
    // 36 cases for 30 people ((i × 7) mod 30); of every six, four resolved, one
    // unresolved, one open; CAF when i mod 5 is 1 or 3 (14 cases), CPAM otherwise (22).
    // Days to close 14 + (17i mod 80): the middle two of the 30 closed cases are 52 and 52.
    // Money: 150 € + (37i mod 1 800) € for every other resolved case: 8 904 €.
    expect(campaign.evidence).toMatchObject({
      cases: 36,
      people: 30,
      open: 6,
      resolved: 24,
      unresolved: 6,
      medianDaysToClose: 52,
      recoveredCents: 890_400,
      byAgency: [
        { agency: 'CPAM', cases: 22, open: 4, resolved: 14, unresolved: 4 },
        { agency: 'CAF', cases: 14, open: 2, resolved: 10, unresolved: 2 },
      ],
    });
    // Quotes only of people who consented (even contacts: cases with an even i), newest first.
    const table = demoCases();
    expect(campaign.evidence.quotes).toEqual([34, 32, 30, 28, 26].map((i) => table[i].summary));
    const { rows: names } = await t.db.query(`SELECT first_name FROM contacts WHERE organization_id = $1`, [r.organizationId]);
    for (const { first_name } of names) expect(JSON.stringify(campaign.evidence)).not.toContain(first_name);

    const briefs = await Promise.all(
      campaign.negotiations.map(
        async (n: { id: string }) =>
          (await t.ok(`query($id: ID!) { negotiationBrief(negotiationId: $id) { evidence { ${EVIDENCE} } } }`, { id: n.id }, r.token)).negotiationBrief
            .evidence,
      ),
    );
    for (const evidence of briefs) expect(evidence).toEqual(campaign.evidence);
  });

  it('puts the cases beside the conversations in the listening report', async () => {
    const { listeningReport } = await t.ok(
      `query($id: ID!) { listeningReport(campaignId: $id) { issue { name } cases { cases resolved } } }`,
      { id: r.campaignId },
      r.token,
    );
    const byName = Object.fromEntries(listeningReport.map((row: any) => [row.issue.name, row.cases]));
    // Issue 0 (the antenna's closure): even CPAM cases; issue 1 (online only): odd CPAM; issue 3 (no computer): CAF.
    const count = (issue: number) => demoCases().filter((c) => c.issue === issue).length;
    expect(byName[fixture.issues[0]].cases).toBe(count(0));
    expect(byName[fixture.issues[1]].cases).toBe(count(1));
    expect(byName[fixture.issues[3]].cases).toBe(14);
    expect(byName[fixture.issues[2]].cases).toBe(0);
  });

  it('holds the two weekly permanences since November 2019, at 10:00 and 14:00 in Paris, summer and winter', async () => {
    const SESSIONS = `query($from: DateTime!, $to: DateTime!) { sessions(from: $from, to: $to) { title kind startsAt endsAt attendeeCount } }`;
    const week = async (from: string) =>
      (await t.ok(SESSIONS, { from, to: new Date(Date.parse(from) + 7 * DAY).toISOString() }, r.token)).sessions.filter((s: any) => s.kind === 'PERMANENCE');
    expect((await week('2019-10-28T00:00:00Z')).length).toBe(0);
    expect((await week('2019-11-04T00:00:00Z')).map((s: any) => s.startsAt)).toEqual(['2019-11-05T09:00:00.000Z', '2019-11-07T13:00:00.000Z']);
    expect((await week('2021-07-05T00:00:00Z')).map((s: any) => [s.startsAt, s.endsAt])).toEqual([
      ['2021-07-06T08:00:00.000Z', '2021-07-06T10:30:00.000Z'],
      ['2021-07-08T12:00:00.000Z', '2021-07-08T14:30:00.000Z'],
    ]);
    // The last six weeks' permanences and workshops have their attendance (4 to 6 people).
    const recent = (await t.ok(SESSIONS, { from: new Date(now.getTime() - 42 * DAY).toISOString(), to: now.toISOString() }, r.token)).sessions.filter(
      (s: any) => s.kind !== 'TEAM_MEETING' && new Date(s.startsAt) < now,
    );
    expect(recent.length).toBeGreaterThanOrEqual(12);
    for (const s of recent) expect(s.attendeeCount).toBeGreaterThanOrEqual(4);
  });

  it('gives the organiser the open cases to follow, each with a next step and its reminder', async () => {
    const me = (await t.ok(`{ me { id } }`, {}, r.token)).me.id;
    const { cases } = await t.ok(`query($o: ID) { cases(ownerId: $o, first: 200) { status nextStepAt steps { at } } }`, { o: me }, r.token);
    expect(cases).toHaveLength(36);
    const open = cases.filter((c: any) => c.status === 'OPEN' || c.status === 'WAITING_ON_AGENCY');
    expect(open).toHaveLength(6);
    for (const c of open) expect(new Date(c.nextStepAt).getTime()).toBeGreaterThan(now.getTime());
    // Every step is dated in the case's history, none today.
    for (const c of cases) for (const s of c.steps) expect(new Date(s.at).getTime()).toBeLessThan(Date.parse('2023-01-01T00:00:00Z'));
    const {
      rows: [{ n }],
    } = await t.db.query(`SELECT count(*)::int AS n FROM reminders WHERE organization_id = $1 AND kind = 'CASE_NEXT_STEP' AND status = 'SCHEDULED'`, [
      r.organizationId,
    ]);
    expect(n).toBe(6);
  });
});
