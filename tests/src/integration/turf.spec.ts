// Door-knocking a housing estate on a real PostgreSQL: a 16-floor tower of 8 doors a
// floor, floors recorded "not home" in batches, the same batch sent twice at once, a
// talk at a door, the revisit list, the campaign's door count, allies kept out, and
// every bad input refused with nothing written.
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { NIL_UUID, countRows, createCampaign, createContact, errorOf } from '../support/campaign-fixtures.js';
import { seedDemoTurf } from '../../../apps/api/src/seed/demo-turf.js';

const DAY = 86_400_000;
const CREATE = `mutation($input: BuildingInput!) { createBuilding(input: $input) { id street number name floors doorCount knocked talked lastVisitAt doors { id floor label visits lastOutcome doNotKnock } } }`;
const BATCH = `mutation($input: DoorsVisitInput!) { logDoorsVisit(input: $input) { id floor label visits lastOutcome lastVisitAt } }`;
const LOG = `mutation($input: LogConversationInput!) { logConversation(input: $input) { id street building door outcome } }`;
const BUILDINGS = `query($c: ID!) { buildings(campaignId: $c) { id name doorCount knocked talked lastVisitAt assignedTo { id } doors { id floor label visits lastOutcome contact { id } } } }`;
const REVISIT = `query($c: ID!, $d: Int) { revisitList(campaignId: $c, minDaysSince: $d) { id floor label building { id name } } }`;
const PROGRESS = `query($c: ID!) { campaignProgress(campaignId: $c) { doorsKnocked } }`;

describe('turf: buildings, doors, batches and revisits', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let token: string;
  let campaignId: string;
  let tower: { id: string; doors: Array<{ id: string; floor: number; label: string }> };
  const floor = (n: number) => tower.doors.filter((d) => d.floor === n).map((d) => d.id);

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Si on s’alliait ?');
    token = org.token;
    campaignId = await createCampaign(t, token, 'CPAM Villejean');
    tower = (
      await t.ok(
        CREATE,
        {
          input: {
            campaignId,
            street: 'Avenue Kennedy',
            number: '12',
            name: 'Tour Kennedy B',
            postalCode: '35000',
            city: 'Rennes',
            floors: 16,
            doorsPerFloor: 8,
          },
        },
        token,
      )
    ).createBuilding;
  });
  afterAll(() => t.close());

  it('a 16-floor tower has 128 doors labelled "<floor>-<n>", ground floor first', () => {
    expect(tower).toMatchObject({ floors: 16, doorCount: 128, knocked: 0, talked: 0, lastVisitAt: null });
    expect(tower.doors).toHaveLength(128);
    expect(tower.doors[0]).toMatchObject({ floor: 0, label: '0-1' });
    expect(tower.doors[127]).toMatchObject({ floor: 15, label: '15-8' });
  });

  it('five floors recorded NOT_HOME in batches: one conversation per door, counted as door knocks', async () => {
    const before = (await t.ok(PROGRESS, { c: campaignId }, token)).campaignProgress.doorsKnocked;
    const at = new Date(Date.now() - 5 * DAY).toISOString();
    for (const n of [1, 2, 3, 4, 5]) {
      const doors = (await t.ok(BATCH, { input: { clientId: `floor-${n}`, doorIds: floor(n), outcome: 'NOT_HOME', occurredAt: at } }, token)).logDoorsVisit;
      expect(doors).toHaveLength(8);
      expect(doors.every((d: any) => d.visits === 1 && d.lastOutcome === 'NOT_HOME')).toBe(true);
    }
    expect((await t.ok(PROGRESS, { c: campaignId }, token)).campaignProgress.doorsKnocked).toBe(before + 40);
    const { rows } = await t.db.query(`SELECT kind, outcome, street, building, door, door_id FROM conversations WHERE organization_id = $1 AND door_id = $2`, [
      org.organization.id,
      floor(3)[3],
    ]);
    expect(rows).toEqual([
      { kind: 'DOOR_KNOCK', outcome: 'NOT_HOME', street: 'Avenue Kennedy', building: 'Tour Kennedy B', door: '3-4', door_id: floor(3)[3] },
    ]);
    const [b] = (await t.ok(BUILDINGS, { c: campaignId }, token)).buildings;
    expect(b).toMatchObject({ doorCount: 128, knocked: 40, talked: 0 });
  });

  it('the same batch sent twice at once is written once', async () => {
    const input = { clientId: 'phone-1:floor-6', doorIds: floor(6), outcome: 'NOT_HOME' };
    const [a, b, c] = await Promise.all([t.gql(BATCH, { input }, token), t.gql(BATCH, { input }, token), t.gql(BATCH, { input }, token)]);
    for (const res of [a, b, c]) expect(res.errors).toBeUndefined();
    expect(a.data!.logDoorsVisit.map((d: any) => d.id)).toEqual(floor(6));
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM conversations WHERE door_id = ANY($1::uuid[])`, [floor(6)]);
    expect(rows[0].n).toBe(8);
    const { rows: visits } = await t.db.query(`SELECT DISTINCT visits FROM doors WHERE id = ANY($1::uuid[])`, [floor(6)]);
    expect(visits).toEqual([{ visits: 1 }]);
    // Sent again later (the phone never heard back): still once.
    await t.ok(BATCH, { input }, token);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM conversations WHERE door_id = ANY($1::uuid[])`, [floor(6)])).rows[0].n).toBe(8);
  });

  it('a talk at a door fills in street, building and door, and links the person', async () => {
    const fatou = await createContact(t, token, { firstName: 'Fatou' });
    const door = floor(2)[0];
    const logged = (await t.ok(LOG, { input: { kind: 'DOOR_KNOCK', outcome: 'TALKED', doorId: door, contactId: fatou, notes: 'Carte vitale bloquée' } }, token))
      .logConversation;
    expect(logged).toMatchObject({ street: 'Avenue Kennedy', building: 'Tour Kennedy B', door: '2-1', outcome: 'TALKED' });
    const { rows } = await t.db.query(`SELECT campaign_id FROM conversations WHERE id = $1`, [logged.id]);
    expect(rows[0].campaign_id).toBe(campaignId);
    const [b] = (await t.ok(BUILDINGS, { c: campaignId }, token)).buildings;
    expect(b.talked).toBe(1);
    expect(b.doors.find((d: any) => d.id === door)).toMatchObject({ visits: 2, lastOutcome: 'TALKED', contact: { id: fatou } });
  });

  it('the revisit list excludes talked and do-not-knock doors and respects the days', async () => {
    await t.ok(`mutation($d: ID!) { setDoNotKnock(doorId: $d, doNotKnock: true) { id doNotKnock } }`, { d: floor(3)[0] }, token);
    const list = (await t.ok(REVISIT, { c: campaignId, d: 3 }, token)).revisitList;
    // Floors 1–5 (40 doors, 5 days ago) minus the talked door (2-1) and the do-not-knock one (3-1); floor 6 is from today.
    expect(list).toHaveLength(38);
    const ids = list.map((d: any) => d.id);
    expect(ids).not.toContain(floor(2)[0]);
    expect(ids).not.toContain(floor(3)[0]);
    expect(ids).not.toContain(floor(6)[0]);
    expect(list[0]).toMatchObject({ floor: 1, label: '1-1', building: { id: tower.id, name: 'Tour Kennedy B' } });
    expect(list.map((d: any) => d.floor)).toEqual([...list.map((d: any) => d.floor)].sort((a, b) => a - b));
    // With 0 days, today's floor 6 comes too; with 6 days, nothing.
    expect((await t.ok(REVISIT, { c: campaignId, d: 0 }, token)).revisitList).toHaveLength(46);
    expect((await t.ok(REVISIT, { c: campaignId, d: 6 }, token)).revisitList).toHaveLength(0);
  });

  it('buildings, doors and figures of a page are read without N+1', async () => {
    for (const n of ['14', '16']) {
      await t.ok(
        CREATE,
        { input: { campaignId, street: 'Avenue Kennedy', number: n, floors: 4, doorLabels: [['A', 'B'], ['A', 'B'], ['A'], ['A', 'B', 'C']] } },
        token,
      );
    }
    const { result, statements } = await t.sql.count(() => t.ok(BUILDINGS, { c: campaignId }, token));
    expect(result.buildings.map((b: any) => b.doorCount)).toEqual([128, 8, 8]);
    expect(statements.length).toBeLessThanOrEqual(10);
  });

  it('assignments: organisers assign, a volunteer sees their turf', async () => {
    const leader = await addMember(t, token, 'LEADER');
    const assigned = (
      await t.ok(
        `mutation($b: [ID!]!, $u: [ID!]!) { assignTurf(buildingIds: $b, userIds: $u) { id assignedTo { id } } }`,
        { b: [tower.id], u: [leader.userId] },
        token,
      )
    ).assignTurf;
    expect(assigned).toEqual([{ id: tower.id, assignedTo: [{ id: leader.userId }] }]);
    const mine = (await t.ok(`query($c: ID) { myTurf(campaignId: $c) { id } }`, { c: campaignId }, leader.token)).myTurf;
    expect(mine).toEqual([{ id: tower.id }]);
    expect((await t.ok(`{ myTurf { id } }`, undefined, token)).myTurf).toEqual([]);
  });

  it("building(id): any member opens a building assigned to someone else (the walk sheet QR code); another organisation's → NOT_FOUND", async () => {
    const BUILDING = `query($id: ID!) { building(id: $id) { id street number name doors { id floor label } assignedTo { id } } }`;
    const leader = await addMember(t, token, 'LEADER');
    // Assigned to nobody, or to others: the leader still opens it.
    const found = (await t.ok(BUILDING, { id: tower.id }, leader.token)).building;
    expect(found).toMatchObject({ id: tower.id, street: 'Avenue Kennedy', number: '12', name: 'Tour Kennedy B' });
    expect(found.doors).toHaveLength(128);
    expect(found.assignedTo.map((u: { id: string }) => u.id)).not.toContain(leader.userId);
    const other = await registerOrganization(t, 'Asso voisine');
    const notOurs = errorOf(await t.gql(BUILDING, { id: tower.id }, other.token));
    expect(notOurs.code).toBe('NOT_FOUND');
    expect(notOurs.message).toContain('building');
    expect(JSON.stringify(await t.gql(BUILDING, { id: tower.id }, other.token))).not.toContain('Kennedy');
    expect(errorOf(await t.gql(BUILDING, { id: NIL_UUID }, token)).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(BUILDING, { id: 'not-a-uuid' }, token)).code).toBe('NOT_FOUND');
    const ally = await addMember(t, token, 'ALLY');
    expect(errorOf(await t.gql(BUILDING, { id: tower.id }, ally.token)).code).toBe('FORBIDDEN');
  });

  it('leaders list the members to assign (names and roles; emails stay with organisers)', async () => {
    const leader = await addMember(t, token, 'LEADER');
    const { members } = await t.ok(`{ members { id displayName role } }`, undefined, leader.token);
    expect(members.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([leader.userId, org.user.id]));
    const emails = await t.gql(`{ members { id email } }`, undefined, leader.token);
    expect(emails.errors?.length).toBeGreaterThan(0);
    expect(emails.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(emails.data ?? null)).not.toContain(org.email);
    const ally = await addMember(t, token, 'ALLY');
    expect(errorOf(await t.gql(`{ members { id displayName } }`, undefined, ally.token)).code).toBe('FORBIDDEN');
  });

  it('allies never see buildings, doors or who lives there', async () => {
    const ally = await addMember(t, token, 'ALLY');
    expect(errorOf(await t.gql(BUILDINGS, { c: campaignId }, ally.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(REVISIT, { c: campaignId, d: 3 }, ally.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(BATCH, { input: { doorIds: floor(9), outcome: 'NOT_HOME' } }, ally.token)).code).toBe('FORBIDDEN');
  });

  describe('bad input: named field, nothing written', () => {
    const nothingWritten = async (work: () => Promise<void>) => {
      const before = [
        await countRows(t, 'buildings', org.organization.id),
        await countRows(t, 'doors', org.organization.id),
        await countRows(t, 'conversations', org.organization.id),
      ];
      await work();
      expect([
        await countRows(t, 'buildings', org.organization.id),
        await countRows(t, 'doors', org.organization.id),
        await countRows(t, 'conversations', org.organization.id),
      ]).toEqual(before);
    };

    it.each([
      [{ floors: 0, doorsPerFloor: 4 }, 'input.floors'],
      [{ floors: 61, doorsPerFloor: 4 }, 'input.floors'],
      [{ floors: 2 }, 'input.doorsPerFloor'],
      [{ floors: 2, doorLabels: [['A']] }, 'input.doorLabels'],
      [{ floors: 1, doorLabels: [['A', 'A']] }, 'input.doorLabels[0]'],
    ])('createBuilding %j → BAD_USER_INPUT on %s', async (input, field) => {
      await nothingWritten(async () => {
        const err = errorOf(await t.gql(CREATE, { input: { campaignId, street: 'Rue de Bourgogne', number: '3', ...input } }, token));
        expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field });
      });
    });

    it('a duplicate building (same street, number and name, any case) → BAD_USER_INPUT', async () => {
      await nothingWritten(async () => {
        const err = errorOf(
          await t.gql(CREATE, { input: { campaignId, street: 'avenue kennedy', number: '12', name: 'TOUR KENNEDY B', floors: 2, doorsPerFloor: 2 } }, token),
        );
        expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      });
    });

    it('201 doors in one batch, a TALKED batch, an empty batch → BAD_USER_INPUT', async () => {
      await nothingWritten(async () => {
        const many = [...tower.doors.map((d) => d.id), ...tower.doors.map(() => NIL_UUID)].slice(0, 201);
        expect(errorOf(await t.gql(BATCH, { input: { doorIds: many, outcome: 'NOT_HOME' } }, token))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.doorIds',
        });
        expect(errorOf(await t.gql(BATCH, { input: { doorIds: floor(9), outcome: 'TALKED' } }, token))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.outcome',
        });
        expect(errorOf(await t.gql(BATCH, { input: { doorIds: [], outcome: 'NOT_HOME' } }, token))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.doorIds',
        });
      });
    });

    it('doors of another organisation → NOT_FOUND; of two campaigns in one batch → BAD_USER_INPUT; nothing written', async () => {
      const other = await registerOrganization(t, 'Autre asso');
      const otherCampaign = await createCampaign(t, other.token, 'Ailleurs');
      const theirs = (await t.ok(CREATE, { input: { campaignId: otherCampaign, street: 'Rue X', number: '1', floors: 1, doorsPerFloor: 2 } }, other.token))
        .createBuilding;
      await nothingWritten(async () => {
        const err = errorOf(await t.gql(BATCH, { input: { clientId: 'mixed-1', doorIds: [floor(9)[0], theirs.doors[0].id], outcome: 'NOT_HOME' } }, token));
        expect(err.code).toBe('NOT_FOUND');
        expect(err.message).toContain('input.doorIds');
        const log = errorOf(await t.gql(LOG, { input: { kind: 'DOOR_KNOCK', outcome: 'TALKED', doorId: theirs.doors[0].id } }, token));
        expect(log.code).toBe('NOT_FOUND');
        expect(log.message).toContain('input.doorId');
      });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM door_batches WHERE client_id = 'mixed-1'`)).rows[0].n).toBe(0);
      const second = await createCampaign(t, token, 'Deuxième campagne');
      const elsewhere = (await t.ok(CREATE, { input: { campaignId: second, street: 'Rue Y', number: '2', floors: 1, doorsPerFloor: 2 } }, token))
        .createBuilding;
      await nothingWritten(async () => {
        const err = errorOf(await t.gql(BATCH, { input: { doorIds: [floor(9)[0], elsewhere.doors[0].id], outcome: 'REFUSED' } }, token));
        expect(err).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.doorIds' });
        const log = errorOf(await t.gql(LOG, { input: { kind: 'DOOR_KNOCK', outcome: 'TALKED', doorId: elsewhere.doors[0].id, campaignId } }, token));
        expect(log).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.doorId' });
      });
    });
  });

  it('the demo: Villejean towers with visited doors, the same at every load', async () => {
    const figures = async () => {
      const o = await registerOrganization(t, 'Démo');
      const c = await createCampaign(t, o.token, 'CPAM Villejean');
      const people = [await createContact(t, o.token, { firstName: 'Awa' }), await createContact(t, o.token, { firstName: 'Karim' })];
      await seedDemoTurf((query, variables, token) => t.ok(query, variables, token), o.token, c, people, new Date('2026-11-20T10:00:00Z'));
      const buildings = (await t.ok(BUILDINGS, { c }, o.token)).buildings;
      const revisit = (await t.ok(REVISIT, { c, d: 3 }, o.token)).revisitList;
      return {
        buildings: buildings.map((b: any) => [b.name, b.doorCount, b.knocked, b.talked]),
        revisit: revisit.map((d: any) => `${d.building.name} ${d.label}`),
      };
    };
    const first = await figures();
    expect(first.buildings).toEqual([
      ['Tour Kennedy B', 128, 40, 5],
      ['Tour Kennedy C', 128, 2, 0],
      ['Les Horizons', 72, 0, 0],
    ]);
    expect(first.revisit).toHaveLength(36); // 35 not home on Kennedy B, one refusal on Kennedy C (the other is do-not-knock)
    expect(await figures()).toEqual(first);
  });
});
