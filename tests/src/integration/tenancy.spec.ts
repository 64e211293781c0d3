// Each organisation sees only its own rows: another organisation's id reads
// exactly like an unknown id.
import { randomUUID } from 'node:crypto';
import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';

describe('tenancy', () => {
  let t: TestApp;
  let a: string;
  let b: string;
  let contactId: string;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp();
    a = (await registerOrganization(t, 'Villejean')).token;
    b = (await registerOrganization(t, 'Maurepas')).token;
    contactId = (await t.ok(`mutation { createContact(input: { firstName: "Awa", phone: "0612345678", email: "awa@test.example" }) { id } }`, undefined, a))
      .createContact.id;
    campaignId = (await t.ok(`mutation { createCampaign(input: { name: "CPAM" }) { id } }`, undefined, a)).createCampaign.id;
    await t.ok(
      `mutation($c: ID!, $k: ID!) { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, campaignId: $c, contactId: $k, notes: "santé fragile", issues: [{ name: "Fermeture", intensity: 5 }] }) { id } }`,
      { c: campaignId, k: contactId },
      a,
    );
  });
  afterAll(() => t.close());

  it('a second organisation sees none of the first one’s rows', async () => {
    const data = await t.ok(
      `{ contacts { totalCount edges { node { id } } } campaigns { id } conversations { id } decisionMakers { id } commitments { id } winsToCelebrate { id } upcomingActions { id } issues { id } }`,
      undefined,
      b,
    );
    expect(data).toEqual({
      contacts: { totalCount: 0, edges: [] },
      campaigns: [],
      conversations: [],
      decisionMakers: [],
      commitments: [],
      winsToCelebrate: [],
      upcomingActions: [],
      issues: [],
    });
  });

  it('answers a foreign id exactly as an unknown id', async () => {
    for (const id of [contactId, randomUUID(), 'not-a-uuid']) {
      expect((await t.ok(`query($id: ID!) { contact(id: $id) { id } }`, { id }, b)).contact).toBeNull();
      const update = await t.gql(`mutation($id: ID!) { updateContact(id: $id, input: { firstName: "X" }) { id } }`, { id }, b);
      expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    for (const id of [campaignId, randomUUID()]) {
      expect((await t.ok(`query($id: ID!) { campaign(id: $id) { id } }`, { id }, b)).campaign).toBeNull();
      for (const query of [
        `query($id: ID!) { campaignProgress(campaignId: $id) { stage } }`,
        `query($id: ID!) { listeningReport(campaignId: $id) { mentions } }`,
        `mutation($id: ID!) { advanceCampaign(campaignId: $id, stage: DEMANDS) { id } }`,
      ]) {
        const res = await t.gql(query, { id }, b);
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    }
  });

  it('matches issues within one organisation only', async () => {
    await t.ok(
      `mutation { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, issues: [{ name: "fermeture", intensity: 2 }] }) { id } }`,
      undefined,
      b,
    );
    const [ia, ib] = await Promise.all([t.ok(`{ issues { id name } }`, undefined, a), t.ok(`{ issues { id name } }`, undefined, b)]);
    expect(ia.issues).toEqual([{ id: expect.any(String), name: 'Fermeture' }]);
    expect(ib.issues).toEqual([{ id: expect.any(String), name: 'fermeture' }]);
    expect(ia.issues[0].id).not.toBe(ib.issues[0].id);
  });
});
