// The dashboard's edge cases, each figure as the contract's comments define it.
import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';

describe('campaignProgress', () => {
  let t: TestApp;
  let token: string;
  let campaignId: string;
  let otherCampaignId: string;
  const log = (input: Record<string, unknown>) =>
    t.ok(`mutation($input: LogConversationInput!) { logConversation(input: $input) { id contact { id } } }`, { input }, token);

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOrganization(t)).token;
    campaignId = (await t.ok(`mutation { createCampaign(input: { name: "A" }) { id } }`, undefined, token)).createCampaign.id;
    otherCampaignId = (await t.ok(`mutation { createCampaign(input: { name: "B" }) { id } }`, undefined, token)).createCampaign.id;
  });
  afterAll(() => t.close());

  it('counts leaders once: isLeader, or leadership potential in one of this campaign’s conversations', async () => {
    const leader = (await t.ok(`mutation { createContact(input: { firstName: "Leader", isLeader: true }) { id } }`, undefined, token)).createContact.id;
    const spotted = (await t.ok(`mutation { createContact(input: { firstName: "Spotted" }) { id } }`, undefined, token)).createContact.id;
    const elsewhere = (await t.ok(`mutation { createContact(input: { firstName: "Elsewhere" }) { id } }`, undefined, token)).createContact.id;
    await log({ kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, contactId: leader });
    await log({ kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, contactId: leader, leadershipPotential: true });
    await log({ kind: 'ONE_TO_ONE', outcome: 'TALKED', campaignId, contactId: spotted, leadershipPotential: true });
    await log({ kind: 'ONE_TO_ONE', outcome: 'TALKED', campaignId, contactId: spotted, leadershipPotential: true });
    await log({ kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, contactId: elsewhere });
    await log({ kind: 'ONE_TO_ONE', outcome: 'TALKED', campaignId: otherCampaignId, contactId: elsewhere, leadershipPotential: true });
    await log({ kind: 'DOOR_KNOCK', outcome: 'NOT_HOME', campaignId });
    await log({ kind: 'PHONE', outcome: 'REFUSED', campaignId, contactId: elsewhere });
    const { campaignProgress: p } = await t.ok(
      `query($id: ID!) { campaignProgress(campaignId: $id) { doorsKnocked conversationsHeld oneToOnes contactsReached leadersIdentified } }`,
      { id: campaignId },
      token,
    );
    expect(p).toEqual({ doorsKnocked: 4, conversationsHeld: 5, oneToOnes: 2, contactsReached: 3, leadersIdentified: 2 });
  });

  it('cuts weeks on Monday midnight in the organisation’s timezone (Europe/Paris), oldest first', async () => {
    const c = (await t.ok(`mutation { createCampaign(input: { name: "Weeks" }) { id } }`, undefined, token)).createCampaign.id;
    // Sunday 23:30 in Paris (winter, UTC+1) is still the week of Monday 6 January 2025…
    await log({ kind: 'DOOR_KNOCK', outcome: 'NOT_HOME', campaignId: c, occurredAt: '2025-01-12T22:30:00Z' });
    // …and Monday 00:30 in Paris (Sunday 23:30 UTC) already the week of Monday 13 January.
    await log({ kind: 'DOOR_KNOCK', outcome: 'NOT_HOME', campaignId: c, occurredAt: '2025-01-12T23:30:00Z' });
    await log({ kind: 'DOOR_KNOCK', outcome: 'NOT_HOME', campaignId: c, occurredAt: '2025-01-14T10:00:00Z' });
    const { campaignProgress: p } = await t.ok(
      `query($id: ID!) { campaignProgress(campaignId: $id) { conversationsPerWeek { weekStart count } } }`,
      { id: c },
      token,
    );
    expect(p.conversationsPerWeek).toEqual([
      { weekStart: '2025-01-05T23:00:00.000Z', count: 1 },
      { weekStart: '2025-01-12T23:00:00.000Z', count: 2 },
    ]);
  });

  it('counts the days in the current stage from when it was entered', async () => {
    const c = (await t.ok(`mutation { createCampaign(input: { name: "Stages", startedAt: "2020-01-01T00:00:00Z" }) { id } }`, undefined, token)).createCampaign
      .id;
    const enteredAt = new Date(Date.now() - 10 * 24 * 3600 * 1000 - 3600 * 1000).toISOString();
    await t.ok(`mutation($c: ID!, $at: DateTime) { advanceCampaign(campaignId: $c, stage: ACTION, enteredAt: $at) { id } }`, { c, at: enteredAt }, token);
    const { campaignProgress: p } = await t.ok(`query($id: ID!) { campaignProgress(campaignId: $id) { stage daysInStage } }`, { id: c }, token);
    expect(p).toEqual({ stage: 'ACTION', daysInStage: 10 });
    const again = await t.gql(`mutation($c: ID!) { advanceCampaign(campaignId: $c, stage: ACTION) { id } }`, { c }, token);
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringContaining('stage'), extensions: { code: 'BAD_USER_INPUT' } });
    // back from negotiation to action is allowed and recorded
    await t.ok(`mutation($c: ID!) { advanceCampaign(campaignId: $c, stage: NEGOTIATION) { id } }`, { c }, token);
    const back = await t.ok(
      `mutation($c: ID!) { advanceCampaign(campaignId: $c, stage: ACTION, note: "Ils ne tiennent pas parole") { stageHistory { stage note } } }`,
      { c },
      token,
    );
    expect(back.advanceCampaign.stageHistory.map((s: { stage: string }) => s.stage)).toEqual(['LISTENING', 'ACTION', 'NEGOTIATION', 'ACTION']);
  });
});
