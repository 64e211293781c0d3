import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { NIL_UUID, countRows, createCampaign, createDecisionMaker, createDemand, errorOf } from '../support/campaign-fixtures.js';

const CREATE_DM = `mutation($input: DecisionMakerInput!) { createDecisionMaker(input: $input) { id name title institution power stance } }`;
const CREATE_DEMAND = `mutation($input: DemandInput!) {
  createDemand(input: $input) { id title status deadline campaign { id name } target { id name } }
}`;
const SET_STATUS = `mutation($id: ID!, $status: DemandStatus!) { setDemandStatus(id: $id, status: $status) { id status } }`;

describe('decision-makers and demands', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let other: Awaited<ReturnType<typeof registerOrganization>>;
  let campaignId: string;
  let otherCampaignId: string;
  let otherDecisionMakerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Alliance Villejean');
    other = await registerOrganization(t, 'Other org');
    campaignId = await createCampaign(t, org.token);
    otherCampaignId = await createCampaign(t, other.token, 'Their campaign');
    otherDecisionMakerId = await createDecisionMaker(t, other.token, { name: 'Their mayor' });
  });
  afterAll(() => t.close());

  describe('createDecisionMaker', () => {
    it('creates a decision-maker with power 3 and stance 0 by default', async () => {
      const data = await t.ok(
        CREATE_DM,
        { input: { name: '  Directrice de la CPAM ', title: 'Directrice', institution: "CPAM d'Ille-et-Vilaine" } },
        org.token,
      );
      expect(data.createDecisionMaker).toEqual({
        id: expect.any(String),
        name: 'Directrice de la CPAM',
        title: 'Directrice',
        institution: "CPAM d'Ille-et-Vilaine",
        power: 3,
        stance: 0,
      });
      const { rows } = await t.db.query('SELECT organization_id, power, stance FROM decision_makers WHERE id = $1', [data.createDecisionMaker.id]);
      expect(rows).toEqual([{ organization_id: org.organization.id, power: 3, stance: 0 }]);
    });

    it('keeps the power and stance given, at both ends of their ranges', async () => {
      const low = await t.ok(CREATE_DM, { input: { name: 'Préfet', power: 5, stance: -2 } }, org.token);
      expect(low.createDecisionMaker).toMatchObject({ power: 5, stance: -2 });
      const high = await t.ok(CREATE_DM, { input: { name: 'Adjointe au maire', power: 1, stance: 2 } }, org.token);
      expect(high.createDecisionMaker).toMatchObject({ power: 1, stance: 2 });
    });

    it.each([
      ['power 0', 'input.power', { name: 'X', power: 0 }],
      ['power 6', 'input.power', { name: 'X', power: 6 }],
      ['stance -3', 'input.stance', { name: 'X', stance: -3 }],
      ['stance 3', 'input.stance', { name: 'X', stance: 3 }],
      ['a blank name', 'input.name', { name: '   ' }],
      ['a 201-character name', 'input.name', { name: 'x'.repeat(201) }],
      ['a 201-character title', 'input.title', { name: 'X', title: 't'.repeat(201) }],
      ['a 201-character institution', 'input.institution', { name: 'X', institution: 'i'.repeat(201) }],
    ])('refuses %s naming %s, writing nothing', async (_label, field, input) => {
      const before = await countRows(t, 'decision_makers', org.organization.id);
      const error = errorOf(await t.gql(CREATE_DM, { input }, org.token));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.field).toBe(field);
      expect(error.message).toContain(field);
      expect(await countRows(t, 'decision_makers', org.organization.id)).toBe(before);
    });

    it('accepts a name of exactly 200 characters', async () => {
      const data = await t.ok(CREATE_DM, { input: { name: 'n'.repeat(200) } }, org.token);
      expect(data.createDecisionMaker.name).toHaveLength(200);
    });

    it('is for organisers and leaders, not allies', async () => {
      const leader = await addMember(t, org.token, 'LEADER');
      await t.ok(CREATE_DM, { input: { name: 'Bailleur social' } }, leader.token);
      const ally = await addMember(t, org.token, 'ALLY');
      expect(errorOf(await t.gql(CREATE_DM, { input: { name: 'Nope' } }, ally.token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql('{ decisionMakers { id } }', undefined, ally.token)).code).toBe('FORBIDDEN');
    });
  });

  describe('updateDecisionMaker', () => {
    const UPDATE_DM = `mutation($id: ID!, $input: DecisionMakerInput!) { updateDecisionMaker(id: $id, input: $input) { id name title institution power stance } }`;

    it('edits every field, and keeps power and stance when they are left out', async () => {
      const id = await createDecisionMaker(t, org.token, { name: 'Directeur CPAM' });
      const edited = await t.ok(
        UPDATE_DM,
        { id, input: { name: ' Directrice CPAM ', title: 'Directrice', institution: 'CPAM 35', power: 5, stance: 1 } },
        org.token,
      );
      expect(edited.updateDecisionMaker).toEqual({ id, name: 'Directrice CPAM', title: 'Directrice', institution: 'CPAM 35', power: 5, stance: 1 });
      const kept = await t.ok(UPDATE_DM, { id, input: { name: 'Directrice CPAM', title: null } }, org.token);
      expect(kept.updateDecisionMaker).toEqual({ id, name: 'Directrice CPAM', title: null, institution: null, power: 5, stance: 1 });
      const { rows } = await t.db.query('SELECT name, title, power, stance FROM decision_makers WHERE id = $1', [id]);
      expect(rows).toEqual([{ name: 'Directrice CPAM', title: null, power: 5, stance: 1 }]);
    });

    it('refuses a bad field by name, changing nothing; NOT_FOUND for another organisation; FORBIDDEN for allies', async () => {
      const id = await createDecisionMaker(t, org.token, { name: 'Bailleur' });
      const error = errorOf(await t.gql(UPDATE_DM, { id, input: { name: 'Bailleur', power: 9 } }, org.token));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.power' });
      expect(errorOf(await t.gql(UPDATE_DM, { id: otherDecisionMakerId, input: { name: 'Mine now' } }, org.token)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(UPDATE_DM, { id: NIL_UUID, input: { name: 'X' } }, org.token)).code).toBe('NOT_FOUND');
      const ally = await addMember(t, org.token, 'ALLY');
      expect(errorOf(await t.gql(UPDATE_DM, { id, input: { name: 'X' } }, ally.token)).code).toBe('FORBIDDEN');
      const { rows } = await t.db.query('SELECT name, power FROM decision_makers WHERE id = ANY($1)', [[id, otherDecisionMakerId]]);
      expect(rows).toEqual(
        expect.arrayContaining([
          { name: 'Bailleur', power: 3 },
          { name: 'Their mayor', power: 3 },
        ]),
      );
    });
  });

  describe('decisionMakers', () => {
    it("lists the organisation's decision-makers by name, accents and case ignored, and no one else's", async () => {
      const fresh = await registerOrganization(t, 'Fresh org');
      for (const name of ['Maire de Rennes', 'élu délégué', 'Bailleur', 'Zébulon']) await createDecisionMaker(t, fresh.token, { name });
      const data = await t.ok<{ decisionMakers: Array<{ name: string }> }>('{ decisionMakers { name } }', undefined, fresh.token);
      expect(data.decisionMakers.map((d) => d.name)).toEqual(['Bailleur', 'élu délégué', 'Maire de Rennes', 'Zébulon']);
      const theirs = await t.ok<{ decisionMakers: Array<{ id: string }> }>('{ decisionMakers { id } }', undefined, other.token);
      expect(theirs.decisionMakers.map((d) => d.id)).toEqual([otherDecisionMakerId]);
    });
  });

  describe('createDemand', () => {
    it('creates a DRAFT demand on a campaign, aimed at a decision-maker, both resolved', async () => {
      const targetId = await createDecisionMaker(t, org.token, { name: 'Directeur CPAM' });
      const deadline = '2026-06-30T10:00:00.000Z';
      const data = await t.ok(CREATE_DEMAND, { input: { campaignId, title: " Rouvrir l'accueil de Villejean ", targetId, deadline } }, org.token);
      expect(data.createDemand).toEqual({
        id: expect.any(String),
        title: "Rouvrir l'accueil de Villejean",
        status: 'DRAFT',
        deadline,
        campaign: { id: campaignId, name: 'CPAM Villejean' },
        target: { id: targetId, name: 'Directeur CPAM' },
      });
    });

    it('may have no target and no deadline', async () => {
      const data = await t.ok(CREATE_DEMAND, { input: { campaignId, title: 'Un guichet sans rendez-vous' } }, org.token);
      expect(data.createDemand).toMatchObject({ target: null, deadline: null, status: 'DRAFT' });
    });

    it.each([
      ['an empty title', 'input.title', { title: '' }],
      ['a 201-character title', 'input.title', { title: 't'.repeat(201) }],
      ['a deadline in 1800', 'input.deadline', { title: 'ok', deadline: '1800-01-01T00:00:00Z' }],
    ])('refuses %s naming %s, writing nothing', async (_label, field, input) => {
      const before = await countRows(t, 'demands', org.organization.id);
      const error = errorOf(await t.gql(CREATE_DEMAND, { input: { campaignId, ...input } }, org.token));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await countRows(t, 'demands', org.organization.id)).toBe(before);
    });

    it.each([
      ['campaignId', () => ({ campaignId: otherCampaignId })],
      ['campaignId', () => ({ campaignId: NIL_UUID })],
      ['campaignId', () => ({ campaignId: 'not-a-uuid' })],
      ['targetId', () => ({ campaignId, targetId: otherDecisionMakerId })],
      ['targetId', () => ({ campaignId, targetId: 'not-a-uuid' })],
    ])("answers NOT_FOUND naming input.%s for another organisation's or an unknown id", async (field, input) => {
      const before = await countRows(t, 'demands', org.organization.id);
      const error = errorOf(await t.gql(CREATE_DEMAND, { input: { title: 'Sneaky', ...input() } }, org.token));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain(`input.${field}`);
      expect(await countRows(t, 'demands', org.organization.id)).toBe(before);
    });
  });

  describe('setDemandStatus', () => {
    it('changes the status', async () => {
      const id = await createDemand(t, org.token, { campaignId });
      const data = await t.ok(SET_STATUS, { id, status: 'PRESENTED' }, org.token);
      expect(data.setDemandStatus).toEqual({ id, status: 'PRESENTED' });
      const { rows } = await t.db.query('SELECT status FROM demands WHERE id = $1', [id]);
      expect(rows[0].status).toBe('PRESENTED');
    });

    it("answers NOT_FOUND for another organisation's demand and leaves it alone", async () => {
      const theirs = await createDemand(t, other.token, { campaignId: otherCampaignId });
      expect(errorOf(await t.gql(SET_STATUS, { id: theirs, status: 'WON' }, org.token)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(SET_STATUS, { id: 'nope', status: 'WON' }, org.token)).code).toBe('NOT_FOUND');
      const { rows } = await t.db.query('SELECT status FROM demands WHERE id = $1', [theirs]);
      expect(rows[0].status).toBe('DRAFT');
    });
  });

  describe('Campaign.demands', () => {
    it("lists a campaign's demands oldest first, with their targets, in a fixed number of statements", async () => {
      const fresh = await registerOrganization(t, 'Demands org');
      const campaigns = [await createCampaign(t, fresh.token, 'A'), await createCampaign(t, fresh.token, 'B')];
      const target = await createDecisionMaker(t, fresh.token, { name: 'Cible' });
      for (const c of campaigns)
        for (const title of ['First', 'Second', 'Third']) await createDemand(t, fresh.token, { campaignId: c, title, targetId: target });
      const query = '{ campaigns { name demands { title target { name } campaign { name } } } }';
      const { result, statements } = await t.sql.count(() =>
        t.ok<{ campaigns: Array<{ name: string; demands: Array<{ title: string; target: { name: string }; campaign: { name: string } }> }> }>(
          query,
          undefined,
          fresh.token,
        ),
      );
      for (const campaign of result.campaigns) {
        expect(campaign.demands.map((d) => d.title)).toEqual(['First', 'Second', 'Third']);
        expect(campaign.demands.every((d) => d.target.name === 'Cible' && d.campaign.name === campaign.name)).toBe(true);
      }
      // token (2), campaigns, demands, targets, campaigns of demands
      expect(statements.length).toBeLessThanOrEqual(6);
    });
  });
});
