import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import {
  NIL_UUID,
  countRows,
  createCampaign,
  createContact,
  createDecisionMaker,
  errorOf,
  inHours,
  scheduleAction,
  setParticipation,
} from '../support/campaign-fixtures.js';

const SCHEDULE = `mutation($input: ActionInput!) {
  scheduleAction(input: $input) {
    id title kind startsAt location turnoutGoal visibility outcome committedCount attendedCount
    campaign { id name } target { id name } participants { status }
  }
}`;
const PARTICIPATE = `mutation($a: ID!, $c: ID!, $s: ParticipationStatus!) {
  setParticipation(actionId: $a, contactId: $c, status: $s) { status contact { id firstName } }
}`;
const OUTCOME = `mutation($a: ID!, $o: String!) { recordActionOutcome(actionId: $a, outcome: $o) { id outcome } }`;
const HOUR = 3600 * 1000;

describe('actions', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let other: Awaited<ReturnType<typeof registerOrganization>>;
  let campaignId: string;
  let targetId: string;
  let otherCampaignId: string;
  let otherTargetId: string;
  let otherContactId: string;
  let otherActionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Alliance Villejean');
    other = await registerOrganization(t, 'Other org');
    campaignId = await createCampaign(t, org.token);
    targetId = await createDecisionMaker(t, org.token, { name: 'Directrice CPAM' });
    otherCampaignId = await createCampaign(t, other.token, 'Theirs');
    otherTargetId = await createDecisionMaker(t, other.token, { name: 'Their target' });
    otherContactId = await createContact(t, other.token, { firstName: 'Stranger' });
    otherActionId = await scheduleAction(t, other.token, { campaignId: otherCampaignId });
  });
  afterAll(() => t.close());

  describe('scheduleAction', () => {
    it('schedules a TEAM action by default, organised by the caller, with its campaign and target', async () => {
      const startsAt = inHours(72);
      const data = await t.ok(
        SCHEDULE,
        { input: { campaignId, targetId, title: ' Délégation ', kind: 'DELEGATION', startsAt, location: 'CPAM, rue de Brest', turnoutGoal: 40 } },
        org.token,
      );
      expect(data.scheduleAction).toEqual({
        id: expect.any(String),
        title: 'Délégation',
        kind: 'DELEGATION',
        startsAt: startsAt.toISOString(),
        location: 'CPAM, rue de Brest',
        turnoutGoal: 40,
        visibility: 'TEAM',
        outcome: null,
        committedCount: 0,
        attendedCount: 0,
        campaign: { id: campaignId, name: 'CPAM Villejean' },
        target: { id: targetId, name: 'Directrice CPAM' },
        participants: [],
      });
      const { rows } = await t.db.query('SELECT organiser_id, organization_id FROM actions WHERE id = $1', [data.scheduleAction.id]);
      expect(rows).toEqual([{ organiser_id: org.user.id, organization_id: org.organization.id }]);
    });

    it('schedules one ACTION_UPCOMING reminder for the organiser, actionReminderHours (24 h) before the start', async () => {
      const startsAt = inHours(72);
      const id = await scheduleAction(t, org.token, { campaignId, startsAt: startsAt.toISOString() });
      const { rows } = await t.db.query(
        "SELECT kind, remind_at, recipient_user_id, status, organization_id FROM reminders WHERE action_id = $1 AND kind = 'ACTION_UPCOMING'",
        [id],
      );
      expect(rows).toEqual([
        {
          kind: 'ACTION_UPCOMING',
          remind_at: new Date(startsAt.getTime() - 24 * HOUR),
          recipient_user_id: org.user.id,
          status: 'SCHEDULED',
          organization_id: org.organization.id,
        },
      ]);
    });

    it("follows the organisation's actionReminderHours, and reminds now when the action is sooner than that", async () => {
      const fresh = await registerOrganization(t, 'Reminder hours org');
      await t.db.query('UPDATE organizations SET action_reminder_hours = 48 WHERE id = $1', [fresh.organization.id]);
      const freshCampaign = await createCampaign(t, fresh.token);
      const later = inHours(100);
      const laterId = await scheduleAction(t, fresh.token, { campaignId: freshCampaign, startsAt: later.toISOString() });
      const soonId = await scheduleAction(t, fresh.token, { campaignId: freshCampaign, startsAt: inHours(3).toISOString() });
      const remindAt = async (actionId: string) =>
        (await t.db.query("SELECT remind_at, status FROM reminders WHERE action_id = $1 AND kind = 'ACTION_UPCOMING'", [actionId])).rows;
      expect(await remindAt(laterId)).toEqual([{ remind_at: new Date(later.getTime() - 48 * HOUR), status: 'SCHEDULED' }]);
      const [soon] = await remindAt(soonId);
      expect(soon.status).toBe('SCHEDULED');
      expect(Math.abs(soon.remind_at.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('gives no reminder to an action recorded after it started', async () => {
      const id = await scheduleAction(t, org.token, { campaignId, startsAt: inHours(-5).toISOString() });
      const { rows } = await t.db.query('SELECT id FROM reminders WHERE action_id = $1', [id]);
      expect(rows).toEqual([]);
    });

    it.each([
      ['an empty title', 'input.title', { title: '  ' }],
      ['a 201-character title', 'input.title', { title: 'x'.repeat(201) }],
      ['a negative turnout goal', 'input.turnoutGoal', { turnoutGoal: -1 }],
      ['a 201-character location', 'input.location', { location: 'l'.repeat(201) }],
      ['a start in 1800', 'input.startsAt', { startsAt: '1800-01-01T00:00:00Z' }],
    ])('refuses %s naming %s, writing no action and no reminder', async (_label, field, input) => {
      const before = [await countRows(t, 'actions', org.organization.id), await countRows(t, 'reminders', org.organization.id)];
      const res = await t.gql(SCHEDULE, { input: { campaignId, title: 'Rassemblement', kind: 'RALLY', startsAt: inHours(48), ...input } }, org.token);
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect([await countRows(t, 'actions', org.organization.id), await countRows(t, 'reminders', org.organization.id)]).toEqual(before);
    });

    it.each([
      ['campaignId', () => ({ campaignId: otherCampaignId })],
      ['campaignId', () => ({ campaignId: NIL_UUID })],
      ['targetId', () => ({ campaignId, targetId: otherTargetId })],
      ['targetId', () => ({ campaignId, targetId: 'not-a-uuid' })],
    ])("answers NOT_FOUND naming input.%s for another organisation's or an unknown id", async (field, ids) => {
      const before = await countRows(t, 'actions', org.organization.id);
      const res = await t.gql(SCHEDULE, { input: { title: 'Rassemblement', kind: 'RALLY', startsAt: inHours(48), ...ids() } }, org.token);
      const error = errorOf(res);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain(`input.${field}`);
      expect(await countRows(t, 'actions', org.organization.id)).toBe(before);
    });

    it('is refused to allies', async () => {
      const ally = await addMember(t, org.token, 'ALLY');
      const res = await t.gql(SCHEDULE, { input: { campaignId, title: 'X', kind: 'RALLY', startsAt: inHours(48) } }, ally.token);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    });
  });

  describe('setParticipation', () => {
    it('records one row per action and contact, updated in place, with the contact resolved', async () => {
      const actionId = await scheduleAction(t, org.token, { campaignId });
      const contactId = await createContact(t, org.token, { firstName: 'Aïcha' });
      const first = await t.ok(PARTICIPATE, { a: actionId, c: contactId, s: 'INVITED' }, org.token);
      expect(first.setParticipation).toEqual({ status: 'INVITED', contact: { id: contactId, firstName: 'Aïcha' } });
      const second = await t.ok(PARTICIPATE, { a: actionId, c: contactId, s: 'COMMITTED' }, org.token);
      expect(second.setParticipation.status).toBe('COMMITTED');
      const { rows } = await t.db.query('SELECT status, organization_id FROM action_participants WHERE action_id = $1', [actionId]);
      expect(rows).toEqual([{ status: 'COMMITTED', organization_id: org.organization.id }]);
    });

    it("lists a person's participations, latest action first, each with its action", async () => {
      const earlier = await scheduleAction(t, org.token, { campaignId, title: 'Earlier', startsAt: new Date(Date.now() + 24 * 3600_000).toISOString() });
      const later = await scheduleAction(t, org.token, { campaignId, title: 'Later', startsAt: new Date(Date.now() + 96 * 3600_000).toISOString() });
      const contactId = await createContact(t, org.token, { firstName: 'Awa' });
      await t.ok(PARTICIPATE, { a: earlier, c: contactId, s: 'INVITED' }, org.token);
      await t.ok(PARTICIPATE, { a: later, c: contactId, s: 'COMMITTED' }, org.token);
      const data = await t.ok(`query($id: ID!) { contact(id: $id) { participations { status action { id title } } } }`, { id: contactId }, org.token);
      expect(data.contact.participations).toEqual([
        { status: 'COMMITTED', action: { id: later, title: 'Later' } },
        { status: 'INVITED', action: { id: earlier, title: 'Earlier' } },
      ]);
    });

    it("answers NOT_FOUND for another organisation's action or contact, writing nothing", async () => {
      const actionId = await scheduleAction(t, org.token, { campaignId });
      const contactId = await createContact(t, org.token);
      const before = await countRows(t, 'action_participants', org.organization.id);
      const foreignContact = errorOf(await t.gql(PARTICIPATE, { a: actionId, c: otherContactId, s: 'COMMITTED' }, org.token));
      expect(foreignContact.code).toBe('NOT_FOUND');
      expect(foreignContact.message).toContain('contactId');
      const foreignAction = errorOf(await t.gql(PARTICIPATE, { a: otherActionId, c: contactId, s: 'COMMITTED' }, org.token));
      expect(foreignAction.code).toBe('NOT_FOUND');
      expect(foreignAction.message).toContain('actionId');
      expect(errorOf(await t.gql(PARTICIPATE, { a: 'x', c: contactId, s: 'COMMITTED' }, org.token)).code).toBe('NOT_FOUND');
      expect(await countRows(t, 'action_participants', org.organization.id)).toBe(before);
      expect(await countRows(t, 'action_participants', other.organization.id)).toBe(0);
    });
  });

  describe('recordActionOutcome', () => {
    it('records the outcome', async () => {
      const actionId = await scheduleAction(t, org.token, { campaignId });
      const data = await t.ok(OUTCOME, { a: actionId, o: ' Rendez-vous obtenu le 12 ' }, org.token);
      expect(data.recordActionOutcome).toEqual({ id: actionId, outcome: 'Rendez-vous obtenu le 12' });
      const { rows } = await t.db.query('SELECT outcome FROM actions WHERE id = $1', [actionId]);
      expect(rows[0].outcome).toBe('Rendez-vous obtenu le 12');
    });

    it("refuses an empty outcome naming the field, and another organisation's action with NOT_FOUND", async () => {
      const actionId = await scheduleAction(t, org.token, { campaignId });
      expect(errorOf(await t.gql(OUTCOME, { a: actionId, o: '   ' }, org.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcome' });
      expect(errorOf(await t.gql(OUTCOME, { a: otherActionId, o: 'Mine now' }, org.token)).code).toBe('NOT_FOUND');
      const { rows } = await t.db.query('SELECT id, outcome FROM actions WHERE id = ANY($1)', [[actionId, otherActionId]]);
      expect(rows.map((r) => r.outcome)).toEqual([null, null]);
    });
  });

  describe('upcomingActions and counts', () => {
    let fresh: Awaited<ReturnType<typeof registerOrganization>>;
    let freshCampaign: string;
    let alliesAction: string;
    let teamAction: string;
    let laterAlliesAction: string;

    beforeAll(async () => {
      fresh = await registerOrganization(t, 'Upcoming org');
      freshCampaign = await createCampaign(t, fresh.token, 'Logement');
      await scheduleAction(t, fresh.token, { campaignId: freshCampaign, title: 'Past', visibility: 'ALLIES', startsAt: inHours(-2).toISOString() });
      laterAlliesAction = await scheduleAction(t, fresh.token, {
        campaignId: freshCampaign,
        title: 'Later',
        visibility: 'ALLIES',
        startsAt: inHours(200).toISOString(),
      });
      teamAction = await scheduleAction(t, fresh.token, {
        campaignId: freshCampaign,
        title: 'Team only',
        visibility: 'TEAM',
        startsAt: inHours(24).toISOString(),
      });
      alliesAction = await scheduleAction(t, fresh.token, {
        campaignId: freshCampaign,
        title: 'Soon',
        visibility: 'ALLIES',
        startsAt: inHours(48).toISOString(),
      });
      const statuses = ['COMMITTED', 'ATTENDED', 'NO_SHOW', 'INVITED', 'ATTENDED', 'COMMITTED'];
      for (const [i, status] of statuses.entries()) {
        const contactId = await createContact(t, fresh.token, { firstName: `Person ${i}`, email: `p${i}@example.org` });
        await setParticipation(t, fresh.token, alliesAction, contactId, status);
      }
    });

    const QUERY = `query($first: Int) {
      upcomingActions(first: $first) { id title visibility committedCount attendedCount campaign { name } participants { status contact { firstName email } } }
    }`;

    it('lists future actions soonest first, with committed (COMMITTED, ATTENDED, NO_SHOW) and attended counts', async () => {
      const data = await t.ok(QUERY, {}, fresh.token);
      expect(data.upcomingActions.map((a: { title: string }) => a.title)).toEqual(['Team only', 'Soon', 'Later']);
      const soon = data.upcomingActions[1];
      expect(soon).toMatchObject({ id: alliesAction, committedCount: 5, attendedCount: 2, campaign: { name: 'Logement' } });
      expect(soon.participants).toHaveLength(6);
      expect(data.upcomingActions[0]).toMatchObject({ id: teamAction, committedCount: 0, attendedCount: 0, participants: [] });
      const limited = await t.ok(QUERY, { first: 1 }, fresh.token);
      expect(limited.upcomingActions.map((a: { id: string }) => a.id)).toEqual([teamAction]);
    });

    it('gives allies only ALLIES actions, with the counts but no participants', async () => {
      const ally = await addMember(t, fresh.token, 'ALLY');
      const data = await t.ok(QUERY, {}, ally.token);
      expect(data.upcomingActions).toEqual([
        { id: alliesAction, title: 'Soon', visibility: 'ALLIES', committedCount: 5, attendedCount: 2, campaign: { name: 'Logement' }, participants: [] },
        { id: laterAlliesAction, title: 'Later', visibility: 'ALLIES', committedCount: 0, attendedCount: 0, campaign: { name: 'Logement' }, participants: [] },
      ]);
      // A leader sees everything.
      const leader = await addMember(t, fresh.token, 'LEADER');
      expect((await t.ok(QUERY, {}, leader.token)).upcomingActions).toHaveLength(3);
    });

    it("never shows another organisation's actions, and refuses a page size out of range", async () => {
      const mine = await t.ok(QUERY, {}, org.token);
      expect(mine.upcomingActions.some((a: { id: string }) => [alliesAction, teamAction, otherActionId].includes(a.id))).toBe(false);
      expect(errorOf(await t.gql(QUERY, { first: 0 }, fresh.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(errorOf(await t.gql(QUERY, { first: 201 }, fresh.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it("lists a campaign's actions (past ones too) under Campaign.actions", async () => {
      const data = await t.ok(`query($id: ID!) { campaign(id: $id) { actions { title } } }`, { id: freshCampaign }, fresh.token);
      expect(data.campaign.actions.map((a: { title: string }) => a.title)).toEqual(['Past', 'Team only', 'Soon', 'Later']);
    });
  });

  describe('N+1', () => {
    it('fetches 30 actions with participants, contacts, campaign, target and counts in a fixed handful of statements', async () => {
      const fresh = await registerOrganization(t, 'Busy org');
      const campaigns = [await createCampaign(t, fresh.token, 'One'), await createCampaign(t, fresh.token, 'Two')];
      const targets = [await createDecisionMaker(t, fresh.token, { name: 'T1' }), await createDecisionMaker(t, fresh.token, { name: 'T2' })];
      const contacts: string[] = [];
      for (let i = 0; i < 4; i++) contacts.push(await createContact(t, fresh.token, { firstName: `C${i}` }));
      for (let i = 0; i < 30; i++) {
        const actionId = await scheduleAction(t, fresh.token, {
          campaignId: campaigns[i % 2],
          targetId: targets[i % 2],
          title: `Action ${i}`,
          startsAt: inHours(10 + i).toISOString(),
        });
        await setParticipation(t, fresh.token, actionId, contacts[i % 4], 'COMMITTED');
        await setParticipation(t, fresh.token, actionId, contacts[(i + 1) % 4], 'ATTENDED');
      }
      const query = `query($first: Int) { upcomingActions(first: $first) {
        id campaign { name } target { name } committedCount attendedCount participants { status contact { firstName } }
      } }`;
      const few = await t.sql.count(() => t.ok(query, { first: 3 }, fresh.token));
      const many = await t.sql.count(() => t.ok(query, { first: 30 }, fresh.token));
      const actions = many.result.upcomingActions;
      expect(actions).toHaveLength(30);
      for (const [i, a] of actions.entries()) {
        expect(a).toMatchObject({ campaign: { name: i % 2 ? 'Two' : 'One' }, target: { name: i % 2 ? 'T2' : 'T1' }, committedCount: 2, attendedCount: 1 });
        expect(a.participants.map((p: { contact: { firstName: string } }) => p.contact.firstName)).toEqual([`C${i % 4}`, `C${(i + 1) % 4}`]);
      }
      // token (2: TypeORM's findOne with a relation), actions, campaigns, targets, participants, contacts, counts
      expect(many.statements.length).toBeLessThanOrEqual(8);
      expect(many.statements.length).toBe(few.statements.length);
    });
  });
});
