import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { NIL_UUID, countRows, createCampaign, createDemand, errorOf, inHours, scheduleAction } from '../support/campaign-fixtures.js';

const RECORD = `mutation($input: WinInput!) { recordWin(input: $input) { id title wonAt size celebrated campaign { id name } } }`;
const CELEBRATE = `mutation($id: ID!, $action: ID) { markWinCelebrated(id: $id, celebrationActionId: $action) { id celebrated } }`;

describe('wins', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let other: Awaited<ReturnType<typeof registerOrganization>>;
  let campaignId: string;
  let otherCampaignId: string;

  const recordWin = async (token: string, input: Record<string, unknown>) =>
    (await t.ok<{ recordWin: { id: string } }>(RECORD, { input: { size: 'SMALL', title: 'Un rendez-vous obtenu', ...input } }, token)).recordWin.id;

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Alliance Villejean');
    other = await registerOrganization(t, 'Other org');
    campaignId = await createCampaign(t, org.token);
    otherCampaignId = await createCampaign(t, other.token, 'Theirs');
  });
  afterAll(() => t.close());

  describe('recordWin', () => {
    it('records an uncelebrated win, won now by default', async () => {
      const before = Date.now();
      const data = await t.ok(RECORD, { input: { campaignId, title: " L'accueil rouvre ", size: 'MAJOR' } }, org.token);
      expect(data.recordWin).toMatchObject({
        title: "L'accueil rouvre",
        size: 'MAJOR',
        celebrated: false,
        campaign: { id: campaignId, name: 'CPAM Villejean' },
      });
      const wonAt = new Date(data.recordWin.wonAt).getTime();
      expect(wonAt).toBeGreaterThanOrEqual(before - 1000);
      expect(wonAt).toBeLessThanOrEqual(Date.now() + 1000);
      const { rows } = await t.db.query('SELECT organization_id, celebrated, celebrated_at, demand_id FROM wins WHERE id = $1', [data.recordWin.id]);
      expect(rows).toEqual([{ organization_id: org.organization.id, celebrated: false, celebrated_at: null, demand_id: null }]);
    });

    it("names the demand it grants, leaving the demand's status as it is", async () => {
      const demandId = await createDemand(t, org.token, { campaignId });
      await t.ok(`mutation($id: ID!) { setDemandStatus(id: $id, status: PRESENTED) { id } }`, { id: demandId }, org.token);
      const wonAt = '2022-03-15T09:00:00.000Z';
      const id = await recordWin(org.token, { campaignId, demandId, wonAt });
      const { rows } = await t.db.query('SELECT w.demand_id, w.won_at, d.status FROM wins w JOIN demands d ON d.id = w.demand_id WHERE w.id = $1', [id]);
      expect(rows).toEqual([{ demand_id: demandId, won_at: new Date(wonAt), status: 'PRESENTED' }]);
    });

    it.each([
      ['an empty title', 'input.title', () => ({ campaignId, title: ' ' })],
      ['a 201-character title', 'input.title', () => ({ campaignId, title: 'w'.repeat(201) })],
      ['a date in 1800', 'input.wonAt', () => ({ campaignId, wonAt: '1800-01-01T00:00:00Z' })],
    ])('refuses %s naming %s, writing nothing', async (_label, field, input) => {
      const before = await countRows(t, 'wins', org.organization.id);
      expect(errorOf(await t.gql(RECORD, { input: { size: 'SMALL', title: 'ok', ...input() } }, org.token))).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await countRows(t, 'wins', org.organization.id)).toBe(before);
    });

    it('refuses a demand of another campaign of the organisation, naming input.demandId', async () => {
      const secondCampaign = await createCampaign(t, org.token, 'Logement');
      const demandId = await createDemand(t, org.token, { campaignId: secondCampaign });
      const before = await countRows(t, 'wins', org.organization.id);
      expect(errorOf(await t.gql(RECORD, { input: { campaignId, demandId, title: 'Won', size: 'SMALL' } }, org.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.demandId',
      });
      expect(await countRows(t, 'wins', org.organization.id)).toBe(before);
    });

    it.each([
      ['campaignId', async () => ({ campaignId: otherCampaignId })],
      ['campaignId', async () => ({ campaignId: NIL_UUID })],
      ['demandId', async () => ({ campaignId, demandId: await createDemand(t, other.token, { campaignId: otherCampaignId }) })],
      ['demandId', async () => ({ campaignId, demandId: 'not-a-uuid' })],
    ])("answers NOT_FOUND naming input.%s for another organisation's or an unknown id", async (field, ids) => {
      const input = { title: 'Sneaky', size: 'SMALL', ...(await ids()) };
      const before = await countRows(t, 'wins', org.organization.id);
      const error = errorOf(await t.gql(RECORD, { input }, org.token));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain(`input.${field}`);
      expect(await countRows(t, 'wins', org.organization.id)).toBe(before);
    });

    it('is refused to allies', async () => {
      const ally = await addMember(t, org.token, 'ALLY');
      expect(errorOf(await t.gql(RECORD, { input: { campaignId, title: 'x', size: 'SMALL' } }, ally.token)).code).toBe('FORBIDDEN');
    });
  });

  describe('markWinCelebrated', () => {
    it('marks the win celebrated now, at the celebration action', async () => {
      const id = await recordWin(org.token, { campaignId });
      const actionId = await scheduleAction(t, org.token, { campaignId, kind: 'CELEBRATION', title: 'Fête de quartier' });
      const data = await t.ok(CELEBRATE, { id, action: actionId }, org.token);
      expect(data.markWinCelebrated).toEqual({ id, celebrated: true });
      const { rows } = await t.db.query('SELECT celebrated, celebrated_at, celebration_action_id FROM wins WHERE id = $1', [id]);
      expect(rows[0]).toMatchObject({ celebrated: true, celebration_action_id: actionId });
      expect(Math.abs(rows[0].celebrated_at.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('needs no action', async () => {
      const id = await recordWin(org.token, { campaignId });
      expect((await t.ok(CELEBRATE, { id }, org.token)).markWinCelebrated.celebrated).toBe(true);
    });

    it("answers NOT_FOUND for another organisation's win or action, changing nothing", async () => {
      const id = await recordWin(org.token, { campaignId });
      const theirAction = await scheduleAction(t, other.token, { campaignId: otherCampaignId });
      const error = errorOf(await t.gql(CELEBRATE, { id, action: theirAction }, org.token));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain('celebrationActionId');
      const theirWin = await recordWin(other.token, { campaignId: otherCampaignId });
      expect(errorOf(await t.gql(CELEBRATE, { id: theirWin }, org.token)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(CELEBRATE, { id: 'nope' }, org.token)).code).toBe('NOT_FOUND');
      const { rows } = await t.db.query('SELECT celebrated, celebration_action_id FROM wins WHERE id = ANY($1)', [[id, theirWin]]);
      expect(rows).toEqual([
        { celebrated: false, celebration_action_id: null },
        { celebrated: false, celebration_action_id: null },
      ]);
    });
  });

  describe('winsToCelebrate and Campaign.wins', () => {
    let fresh: Awaited<ReturnType<typeof registerOrganization>>;
    let campaigns: string[];

    beforeAll(async () => {
      fresh = await registerOrganization(t, 'Wins org');
      campaigns = [await createCampaign(t, fresh.token, 'CPAM'), await createCampaign(t, fresh.token, 'Logement')];
      const at = (days: number) => inHours(-24 * days).toISOString();
      await recordWin(fresh.token, { campaignId: campaigns[0], title: 'Oldest', wonAt: at(30) });
      await recordWin(fresh.token, { campaignId: campaigns[1], title: 'Newest', wonAt: at(1) });
      const celebrated = await recordWin(fresh.token, { campaignId: campaigns[0], title: 'Celebrated', wonAt: at(5) });
      await recordWin(fresh.token, { campaignId: campaigns[0], title: 'Middle', wonAt: at(10) });
      await t.ok(CELEBRATE, { id: celebrated }, fresh.token);
    });

    it('lists uncelebrated wins newest first, to allies too, with their campaign', async () => {
      const ally = await addMember(t, fresh.token, 'ALLY');
      for (const token of [fresh.token, ally.token]) {
        const data = await t.ok('{ winsToCelebrate { title celebrated campaign { name } } }', undefined, token);
        expect(data.winsToCelebrate).toEqual([
          { title: 'Newest', celebrated: false, campaign: { name: 'Logement' } },
          { title: 'Middle', celebrated: false, campaign: { name: 'CPAM' } },
          { title: 'Oldest', celebrated: false, campaign: { name: 'CPAM' } },
        ]);
      }
    });

    it("lists every campaign's wins newest first, in a fixed number of statements", async () => {
      const { result, statements } = await t.sql.count(() =>
        t.ok<{ campaigns: Array<{ name: string; wins: Array<{ title: string; campaign: { name: string } }> }> }>(
          '{ campaigns { name wins { title campaign { name } } } }',
          undefined,
          fresh.token,
        ),
      );
      const byName = Object.fromEntries(result.campaigns.map((c) => [c.name, c.wins.map((w) => w.title)]));
      expect(byName).toEqual({ CPAM: ['Celebrated', 'Middle', 'Oldest'], Logement: ['Newest'] });
      // token (2), campaigns, wins, campaigns of wins
      expect(statements.length).toBeLessThanOrEqual(5);
    });

    it("never shows another organisation's wins", async () => {
      const data = await t.ok('{ winsToCelebrate { title } }', undefined, other.token);
      expect(data.winsToCelebrate.map((w: { title: string }) => w.title)).not.toContain('Newest');
    });
  });
});
