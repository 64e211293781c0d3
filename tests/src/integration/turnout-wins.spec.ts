// A turnout goal reached is a win the allies celebrate too: `turnoutWins` lists the actions
// where as many people came as the goal asked, with counts only — never who came. Allies
// see only actions open to them; a cancelled action or one short of its goal is no win.
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { createCampaign, createContact, errorOf, scheduleAction, setParticipation } from '../support/campaign-fixtures.js';

const WINS = `{ turnoutWins { id title turnoutGoal attendedCount committedCount checkInCount campaign { name } participants { contact { firstName lastName } } } }`;
const CHECK_IN = `mutation($a: ID!, $c: ID!) { checkIn(actionId: $a, contactId: $c) { id checkInCount } }`;
const CLOSE = `mutation($a: ID!) { closeAttendance(actionId: $a) { id } }`;
const DAY = 86_400_000;

describe('turnout wins: the goal reached, for the team and the allies, counts only', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let ally: Awaited<ReturnType<typeof addMember>>;
  let campaignId: string;
  const names = ['Aminata', 'Bernadette', 'Chérif', 'Dalila'];
  let people: string[];

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Si on s’alliait ?');
    ally = await addMember(t, org.token, 'ALLY');
    campaignId = await createCampaign(t, org.token, 'CPAM Villejean');
    people = [];
    for (const firstName of names) people.push(await createContact(t, org.token, { firstName, lastName: 'Kennedy', phone: '06 12 34 56 78' }));
  });
  afterAll(() => t.close());

  /** An action with a goal of 3: four people committed, `came` of them checked in, attendance closed. */
  async function actionWith(title: string, came: number, extra: Record<string, unknown> = {}) {
    const id = await scheduleAction(t, org.token, {
      campaignId,
      title,
      turnoutGoal: 3,
      visibility: 'ALLIES',
      startsAt: new Date(Date.now() - DAY).toISOString(),
      ...extra,
    });
    for (const contactId of people) await setParticipation(t, org.token, id, contactId, 'COMMITTED');
    for (const contactId of people.slice(0, came)) await t.ok(CHECK_IN, { a: id, c: contactId }, org.token);
    await t.ok(CLOSE, { a: id }, org.token);
    return id;
  }

  it('3 came for a goal of 3: the ally sees the win with its numbers and no one’s name; 2 of 3 is no win', async () => {
    const reached = await actionWith('Délégation à la CPAM', 3);
    const short = await actionWith('Rassemblement place de Bretagne', 2);

    const answer = await t.ok(WINS, undefined, ally.token);
    expect(answer.turnoutWins).toEqual([
      {
        id: reached,
        title: 'Délégation à la CPAM',
        turnoutGoal: 3,
        attendedCount: 3,
        committedCount: 4,
        checkInCount: 3,
        campaign: { name: 'CPAM Villejean' },
        participants: [],
      },
    ]);
    expect(answer.turnoutWins.map((a: { id: string }) => a.id)).not.toContain(short);
    const text = JSON.stringify(answer);
    for (const name of [...names, 'Kennedy', '06 12']) expect(text).not.toContain(name);

    // The team sees the same win (and, being the team, who came).
    const team = await t.ok(`{ turnoutWins { id attendedCount turnoutGoal } }`, undefined, org.token);
    expect(team.turnoutWins).toEqual([{ id: reached, attendedCount: 3, turnoutGoal: 3 }]);
  });

  it('a third check-in turns 2 of 3 into a win; more than the goal stays one', async () => {
    const id = await actionWith('Permanence devant la CPAM', 2);
    const ids = async (token: string) => (await t.ok(`{ turnoutWins { id attendedCount } }`, undefined, token)).turnoutWins;
    expect((await ids(ally.token)).map((a: { id: string }) => a.id)).not.toContain(id);
    await t.ok(CHECK_IN, { a: id, c: people[2] }, org.token);
    await t.ok(CHECK_IN, { a: id, c: people[3] }, org.token);
    expect(await ids(ally.token)).toContainEqual({ id, attendedCount: 4 });
  });

  it('allies never see a team action’s win; a cancelled action is no win', async () => {
    const team = await actionWith('Réunion d’équipe', 3, { visibility: 'TEAM' });
    const cancelled = await actionWith('Manifestation annulée', 3);
    await t.ok(`mutation($id: ID!) { cancelAction(id: $id) { id } }`, { id: cancelled }, org.token);

    const allyIds = (await t.ok(`{ turnoutWins { id } }`, undefined, ally.token)).turnoutWins.map((a: { id: string }) => a.id);
    expect(allyIds).not.toContain(team);
    expect(allyIds).not.toContain(cancelled);
    const teamIds = (await t.ok(`{ turnoutWins { id } }`, undefined, org.token)).turnoutWins.map((a: { id: string }) => a.id);
    expect(teamIds).toContain(team);
    expect(teamIds).not.toContain(cancelled);
  });

  it('each organisation sees only its own wins; `first` out of range → BAD_USER_INPUT', async () => {
    const other = await registerOrganization(t, 'Autre asso');
    expect((await t.ok(`{ turnoutWins { id } }`, undefined, other.token)).turnoutWins).toEqual([]);
    expect(errorOf(await t.gql(`{ turnoutWins(first: 0) { id } }`, undefined, org.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
