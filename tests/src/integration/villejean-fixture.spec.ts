// The Villejean CPAM campaign (2016–2022), replayed through the GraphQL API over
// HTTP, then every dashboard figure checked against numbers worked out by hand
// from the fixture (see the comments in apps/api/src/seed/replay-fixture.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replayFixture, type ReplayResult } from '../../../apps/api/src/seed/replay-fixture.js';
import { httpGql } from '../../../apps/api/src/seed/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const fixture = JSON.parse(readFileSync(join(process.cwd(), 'fixtures/villejean-cpam.json'), 'utf8'));
const [FERMETURE, DEMAT, ATTENTE, ORDI] = fixture.issues as string[];
const DAY = 24 * 3600 * 1000;

describe('the Villejean campaign, replayed', () => {
  let t: TestApp;
  let r: ReplayResult;

  beforeAll(async () => {
    t = await startTestApp();
    r = await replayFixture(httpGql(t.url), fixture, { email: 'nadia@villejean.test', password: 'villejean-2016-2022', displayName: 'Nadia' });
  }, 120_000);
  afterAll(() => t.close());

  it('gives the dashboard figures worked out by hand', async () => {
    const before = Date.now();
    const { campaignProgress: p } = await t.ok(
      `query($id: ID!) { campaignProgress(campaignId: $id) {
      stage daysInStage doorsKnocked conversationsHeld oneToOnes contactsReached leadersIdentified
      topIssues { issue { name } mentions contacts averageIntensity }
      demandsByStatus { status count } upcomingActions { id }
      commitmentsByStatus { status count } decisionMakerCommitmentsByStatus { status count } overdueFollowUps
      wins { title size celebrated } conversationsPerWeek { weekStart count }
    } }`,
      { id: r.campaignId },
      r.token,
    );
    expect(p.stage).toBe('WON');
    expect(p.daysInStage).toBe(Math.floor((before - Date.parse('2022-09-15T10:00:00Z')) / DAY));
    expect(p.doorsKnocked).toBe(60); // every outcome
    expect(p.conversationsHeld).toBe(42); // 34 doors TALKED + 8 one-to-ones
    expect(p.oneToOnes).toBe(8);
    expect(p.contactsReached).toBe(34); // the one-to-ones were with people met at the doors
    expect(p.leadersIdentified).toBe(3);
    expect(p.topIssues).toEqual([
      { issue: { name: FERMETURE }, mentions: 17, contacts: 17, averageIntensity: 4.53 }, // (9×5 + 8×4) / 17
      { issue: { name: DEMAT }, mentions: 9, contacts: 9, averageIntensity: 3 },
      { issue: { name: ATTENTE }, mentions: 8, contacts: 8, averageIntensity: 4 },
      { issue: { name: ORDI }, mentions: 8, contacts: 8, averageIntensity: 2 },
    ]);
    expect(p.demandsByStatus).toEqual([{ status: 'WON', count: 1 }]);
    expect(p.upcomingActions).toEqual([]);
    expect(p.commitmentsByStatus).toEqual([]);
    expect(p.decisionMakerCommitmentsByStatus).toEqual([
      { status: 'BROKEN', count: 1 },
      { status: 'KEPT', count: 1 },
    ]);
    expect(p.overdueFollowUps).toBe(0);
    expect(p.wins).toEqual([
      { title: "Réouverture d'une antenne CPAM sur la dalle Kennedy", size: 'MAJOR', celebrated: true },
      { title: 'Rendez-vous obtenu avec la direction de la CPAM', size: 'SMALL', celebrated: false },
    ]);
    // Weeks start on Monday, Europe/Paris: 20 Feb 2020 (Thu) → Mon 17 Feb; 1 Mar 2020 (Sun) → Mon 24 Feb.
    expect(p.conversationsPerWeek).toEqual([
      { weekStart: '2020-02-16T23:00:00.000Z', count: 60 },
      { weekStart: '2020-02-23T23:00:00.000Z', count: 8 },
    ]);
  });

  it('gives the whole listening report in the same order', async () => {
    const { listeningReport } = await t.ok(`query($id: ID!) { listeningReport(campaignId: $id) { issue { name } mentions } }`, { id: r.campaignId }, r.token);
    expect(listeningReport.map((x: { issue: { name: string }; mentions: number }) => [x.issue.name, x.mentions])).toEqual([
      [FERMETURE, 17],
      [DEMAT, 9],
      [ATTENTE, 8],
      [ORDI, 8],
    ]);
  });

  it('keeps the stage history, oldest first', async () => {
    const { campaign } = await t.ok(
      `query($id: ID!) { campaign(id: $id) { stage startedAt stageHistory { stage enteredAt } } }`,
      { id: r.campaignId },
      r.token,
    );
    expect(campaign.stageHistory).toEqual([
      { stage: 'LISTENING', enteredAt: '2016-08-31T22:00:00.000Z' },
      { stage: 'DEMANDS', enteredAt: '2020-03-10T10:00:00.000Z' },
      { stage: 'ACTION', enteredAt: '2022-06-01T10:00:00.000Z' },
      { stage: 'NEGOTIATION', enteredAt: '2022-07-07T10:00:00.000Z' },
      { stage: 'WON', enteredAt: '2022-09-15T10:00:00.000Z' },
    ]);
  });

  it('prepares the 2022 brief with consented testimonies and what the targets promised before', async () => {
    const { negotiationBrief: b } = await t.ok(
      `query($id: ID!) { negotiationBrief(negotiationId: $id) {
      objective ourLeverage theirInterests fallback ifNoAgreement demands { title status }
      testimonies { quote intensity issue { name } } decisionMakerHistory { description status decisionMaker { name } }
    } }`,
      { id: r.negotiationIds[1] },
      r.token,
    );
    expect(b.objective).toBe("Date de réouverture de l'antenne dans le quartier");
    expect(b.fallback).toBe('Un autre local sur la dalle Kennedy');
    expect(b.demands).toEqual([{ title: "Rouvrir l'antenne de Villejean, avec et sans rendez-vous", status: 'WON' }]);
    // Quotes were given at doors 0, 2, … 10 (talked index), all by people who consented (even index).
    expect(b.testimonies).toHaveLength(6);
    expect(b.testimonies.every((x: { quote: string }) => x.quote.length > 0)).toBe(true);
    expect(b.decisionMakerHistory).toEqual([
      {
        description: fixture.timeline.find((e: any) => e.by === 'dg2022').description,
        status: 'KEPT',
        decisionMaker: { name: fixture.decisionMakers[1].name },
      },
    ]);
    const first = await t.ok(
      `query($id: ID!) { negotiationBrief(negotiationId: $id) { decisionMakerHistory { status dueAt } } }`,
      { id: r.negotiationIds[0] },
      r.token,
    );
    expect(first.negotiationBrief.decisionMakerHistory).toEqual([{ status: 'BROKEN', dueAt: '2021-01-31T22:59:00.000Z' }]);
  });

  it('records the direct action turnout and the wins still to celebrate', async () => {
    const { campaign } = await t.ok(
      `query($id: ID!) { campaign(id: $id) { actions { title turnoutGoal committedCount attendedCount visibility } } }`,
      { id: r.campaignId },
      r.token,
    );
    const direct = campaign.actions.find((a: { title: string }) => a.title.startsWith('Irruption'));
    expect(direct).toMatchObject({ turnoutGoal: 25, committedCount: 32, attendedCount: 30, visibility: 'ALLIES' });
    const { winsToCelebrate } = await t.ok(`{ winsToCelebrate { title } }`, undefined, r.token);
    expect(winsToCelebrate).toEqual([{ title: 'Rendez-vous obtenu avec la direction de la CPAM' }]);
  });

  it('recorded the old deadlines as history: their reminders are CANCELLED, never sent', async () => {
    const rows = await t.db.query(`SELECT status, count(*)::int AS n FROM reminders GROUP BY status`);
    expect(rows.rows.every((x: { status: string }) => x.status === 'CANCELLED')).toBe(true);
  });
});
