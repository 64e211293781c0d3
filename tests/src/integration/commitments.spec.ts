import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '@rapport/shared';
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';

// Decision-makers are written with SQL here, so these tests depend only on the
// negotiations and commitments contexts.

type Org = Awaited<ReturnType<typeof registerOrganization>>;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const RECORD = `mutation($input: CommitmentInput!) {
  recordCommitment(input: $input) {
    id description dueAt status resolvedAt
    campaign { id } contact { id } decisionMaker { id } followUpOwner { id }
    reminders { id kind status remindAt }
  } }`;

describe('commitments', () => {
  let t: TestApp;
  let org: Org;
  let other: Org;
  let leader: Awaited<ReturnType<typeof addMember>>;
  let secondOrganiser: Awaited<ReturnType<typeof addMember>>;
  let campaignId: string;
  let contactId: string;
  let dmId: string;
  let negotiationId: string;
  const foreign: Record<string, string> = {};

  const createCampaign = async (o: Org, name: string) =>
    (await t.ok<{ createCampaign: { id: string } }>(`mutation($n: String!) { createCampaign(input: { name: $n }) { id } }`, { n: name }, o.token))
      .createCampaign.id;
  const createContact = async (o: Org, firstName: string) =>
    (await t.ok<{ createContact: { id: string } }>(`mutation($n: String!) { createContact(input: { firstName: $n }) { id } }`, { n: firstName }, o.token))
      .createContact.id;
  const decisionMaker = async (o: Org, name: string) =>
    (await t.db.query(`INSERT INTO decision_makers (organization_id, name) VALUES ($1, $2) RETURNING id`, [o.organization.id, name])).rows[0].id as string;
  const planNegotiation = async (o: Org, campaign: string, dm: string) =>
    (
      await t.ok<{ planNegotiation: { id: string } }>(
        `mutation($input: NegotiationInput!) { planNegotiation(input: $input) { id } }`,
        { input: { campaignId: campaign, decisionMakerIds: [dm], scheduledAt: '2030-01-01T10:00:00Z' } },
        o.token,
      )
    ).planNegotiation.id;
  const record = async (input: Record<string, unknown>, token = org.token) => (await t.ok(RECORD, { input }, token)).recordCommitment;
  const rowCounts = async () => {
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*) FROM commitments WHERE organization_id = $1)::int AS commitments,
              (SELECT count(*) FROM reminders WHERE organization_id = $1)::int AS reminders`,
      [org.organization.id],
    );
    return rows[0];
  };
  const remindersOf = async (commitmentId: string) =>
    (
      await t.db.query(`SELECT id, kind, status, remind_at, recipient_user_id FROM reminders WHERE commitment_id = $1 ORDER BY recipient_user_id`, [
        commitmentId,
      ])
    ).rows;
  /** When the BullMQ job of a reminder is due to wake the worker (undefined: no job). */
  const jobDueAt = async (reminderId: string) => {
    const job = await t.app.get<Queue>(getQueueToken(QUEUES.reminders)).getJob(reminderId);
    return job ? job.timestamp + (job.opts.delay ?? 0) : undefined;
  };
  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    org = await registerOrganization(t, 'Alliance Citoyenne');
    other = await registerOrganization(t, 'Someone else');
    leader = await addMember(t, org.token, 'LEADER');
    secondOrganiser = await addMember(t, org.token, 'ORGANISER');
    campaignId = await createCampaign(org, 'CPAM Villejean');
    contactId = await createContact(org, 'Fatima');
    dmId = await decisionMaker(org, 'Directeur CPAM');
    negotiationId = await planNegotiation(org, campaignId, dmId);

    const foreignCampaign = await createCampaign(other, 'Foreign');
    const foreignDm = await decisionMaker(other, 'Foreign DM');
    foreign.campaignId = foreignCampaign;
    foreign.contactId = await createContact(other, 'Foreign');
    foreign.decisionMakerId = foreignDm;
    foreign.negotiationId = await planNegotiation(other, foreignCampaign, foreignDm);
    foreign.followUpOwnerId = other.user.id;
  });
  afterAll(() => t.close());

  describe('recordCommitment', () => {
    it('records a contact’s commitment: owner defaults to the caller, reminded 24 h before it is due', async () => {
      const dueAt = inDays(3);
      const c = await record({ campaignId, contactId, description: ' Ramener cinq voisins ', dueAt });
      expect(c).toMatchObject({
        description: 'Ramener cinq voisins',
        dueAt,
        status: 'OPEN',
        resolvedAt: null,
        campaign: { id: campaignId },
        contact: { id: contactId },
        decisionMaker: null,
        followUpOwner: { id: org.user.id },
      });
      const expected = new Date(Date.parse(dueAt) - DAY).toISOString();
      expect(c.reminders).toEqual([{ id: expect.any(String), kind: 'COMMITMENT_DUE', status: 'SCHEDULED', remindAt: expected }]);
      const rows = await remindersOf(c.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'COMMITMENT_DUE', status: 'SCHEDULED', recipient_user_id: org.user.id });
      const { rows: stored } = await t.db.query(`SELECT remind_at, follow_up_owner_id FROM commitments WHERE id = $1`, [c.id]);
      expect(stored[0].remind_at.toISOString()).toBe(expected);
    });

    it('reminds now when the commitment is due in less than 24 h', async () => {
      const before = Date.now();
      const c = await record({ contactId, description: 'Appeler la CAF', dueAt: new Date(Date.now() + 2 * HOUR).toISOString() });
      const remindAt = Date.parse(c.reminders[0].remindAt);
      expect(remindAt).toBeGreaterThanOrEqual(before - 1000);
      expect(remindAt).toBeLessThanOrEqual(Date.now() + 1000);
      expect(c.reminders[0].status).toBe('SCHEDULED');
    });

    it('keeps an explicit remindAt and follow-up owner', async () => {
      const remindAt = inDays(1);
      const c = await record({ contactId, description: 'Témoigner', dueAt: inDays(5), remindAt, followUpOwnerId: leader.userId });
      expect(c.followUpOwner).toEqual({ id: leader.userId });
      expect(c.reminders).toEqual([expect.objectContaining({ remindAt, kind: 'COMMITMENT_DUE' })]);
      expect((await remindersOf(c.id))[0].recipient_user_id).toBe(leader.userId);
    });

    it('reminds the owner and every organiser at a decision-maker’s deadline, one row each', async () => {
      const dueAt = inDays(30);
      const c = await record({ negotiationId, decisionMakerId: dmId, description: 'Rouvrir l’antenne', dueAt, followUpOwnerId: leader.userId });
      expect(c).toMatchObject({ campaign: { id: campaignId }, contact: null, decisionMaker: { id: dmId }, followUpOwner: { id: leader.userId } });
      const rows = await remindersOf(c.id);
      expect(rows.map((r) => r.recipient_user_id).sort()).toEqual([leader.userId, org.user.id, secondOrganiser.userId].sort());
      for (const r of rows) {
        expect(r).toMatchObject({ kind: 'DECISION_MAKER_DEADLINE', status: 'SCHEDULED' });
        expect(r.remind_at.toISOString()).toBe(dueAt);
      }

      // The owner is an organiser: still one row per person.
      const owned = await record({ decisionMakerId: dmId, description: 'Répondre par écrit', dueAt });
      expect((await remindersOf(owned.id)).map((r) => r.recipient_user_id).sort()).toEqual([org.user.id, secondOrganiser.userId].sort());
    });

    it('records commitments dated years ago with CANCELLED reminders (history, never sent)', async () => {
      const dm = await record({ decisionMakerId: dmId, description: 'Réouverture en janvier 2021', dueAt: '2021-01-31T22:59:00Z' });
      expect(dm.reminders.map((r: { status: string }) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
      expect(dm.reminders[0].remindAt).toBe('2021-01-31T22:59:00.000Z');
      const contact = await record({ contactId, description: 'Venir au rassemblement', dueAt: '2018-03-01T10:00:00Z' });
      expect(contact.reminders).toEqual([expect.objectContaining({ status: 'CANCELLED', remindAt: '2018-02-28T10:00:00.000Z' })]);
    });

    it.each([
      ['neither contactId nor decisionMakerId', () => ({}), 'input.contactId'],
      ['both contactId and decisionMakerId', () => ({ contactId, decisionMakerId: dmId }), 'input.decisionMakerId'],
      ['an empty description', () => ({ contactId, description: '   ' }), 'input.description'],
      ['a description over 10,000 characters', () => ({ contactId, description: 'x'.repeat(10_001) }), 'input.description'],
      ['a dueAt out of range', () => ({ contactId, dueAt: '1800-01-01T00:00:00Z' }), 'input.dueAt'],
      ['a campaign that is not the negotiation’s', () => ({ decisionMakerId: dmId, negotiationId, campaignId: 'CAMPAIGN2' }), 'input.campaignId'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, input, field) => {
      const given = input() as Record<string, unknown>;
      if (given.campaignId === 'CAMPAIGN2') given.campaignId = await createCampaign(org, 'Another');
      const before = await rowCounts();
      const res = await t.gql(RECORD, { input: { description: 'Promise', dueAt: inDays(3), ...given } }, org.token);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain(field);
      expect(await rowCounts()).toEqual(before);
    });

    it.each([
      ['campaignId', { contactId: 'CONTACT' }],
      ['contactId', {}],
      ['decisionMakerId', {}],
      ['negotiationId', { decisionMakerId: 'DM' }],
      ['followUpOwnerId', { contactId: 'CONTACT' }],
    ])('answers NOT_FOUND for another organisation’s %s, writing nothing', async (field, extra) => {
      const fill = (v: unknown) => (v === 'CONTACT' ? contactId : v === 'DM' ? dmId : v);
      const base = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, fill(v)]));
      for (const id of [foreign[field], randomUUID(), 'not-a-uuid']) {
        const before = await rowCounts();
        const res = await t.gql(RECORD, { input: { description: 'Promise', dueAt: inDays(3), ...base, [field]: id } }, org.token);
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect(res.errors?.[0].message).toContain(`input.${field}`);
        expect(await rowCounts()).toEqual(before);
      }
    });
  });

  describe('resolveCommitment', () => {
    it('resolves the commitment and cancels its pending reminders', async () => {
      const c = await record({ decisionMakerId: dmId, description: 'Un local provisoire', dueAt: inDays(10) });
      expect(await jobDueAt(c.reminders[0].id)).toBeDefined();
      const data = await t.ok(
        `mutation($id: ID!) { resolveCommitment(id: $id, status: KEPT, note: "Ouvert le mardi") { id status resolvedAt reminders { status } } }`,
        { id: c.id },
        leader.token,
      );
      expect(data.resolveCommitment.status).toBe('KEPT');
      expect(Date.parse(data.resolveCommitment.resolvedAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(data.resolveCommitment.reminders).toEqual([{ status: 'CANCELLED' }, { status: 'CANCELLED' }]);
      const { rows } = await t.db.query(`SELECT status, resolution_note FROM commitments WHERE id = $1`, [c.id]);
      expect(rows[0]).toEqual({ status: 'KEPT', resolution_note: 'Ouvert le mardi' });
      for (const r of c.reminders) expect(await jobDueAt(r.id)).toBeUndefined();
    });

    it('refuses OPEN as a resolution, changing nothing', async () => {
      const c = await record({ contactId, description: 'Distribuer des tracts', dueAt: inDays(4) });
      const res = await t.gql(`mutation($id: ID!) { resolveCommitment(id: $id, status: OPEN) { id } }`, { id: c.id }, org.token);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain('status');
      expect((await t.db.query(`SELECT status, resolved_at FROM commitments WHERE id = $1`, [c.id])).rows[0]).toEqual({ status: 'OPEN', resolved_at: null });
      expect((await remindersOf(c.id)).map((r) => r.status)).toEqual(['SCHEDULED']);
    });

    it('answers NOT_FOUND for another organisation’s commitment', async () => {
      const c = await record({ contactId, description: 'Secret', dueAt: inDays(4) });
      const res = await t.gql(`mutation($id: ID!) { resolveCommitment(id: $id, status: BROKEN) { id } }`, { id: c.id }, other.token);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await t.db.query(`SELECT status FROM commitments WHERE id = $1`, [c.id])).rows[0].status).toBe('OPEN');
    });
  });

  describe('rescheduleCommitment', () => {
    it('moves the dates and the pending reminders with them', async () => {
      const c = await record({ decisionMakerId: dmId, description: 'Réponse écrite', dueAt: inDays(7) });
      const before = await remindersOf(c.id);
      const dueAt = inDays(40);
      const data = await t.ok(
        `mutation($id: ID!, $d: DateTime!) { rescheduleCommitment(id: $id, dueAt: $d) { dueAt reminders { id status remindAt } } }`,
        { id: c.id, d: dueAt },
        org.token,
      );
      expect(data.rescheduleCommitment.dueAt).toBe(dueAt);
      const after = await remindersOf(c.id);
      expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
      for (const r of after) {
        expect(r).toMatchObject({ status: 'SCHEDULED', remind_at: new Date(dueAt) });
        expect(Math.abs((await jobDueAt(r.id))! - Date.parse(dueAt))).toBeLessThan(5000);
      }

      const contact = await record({ contactId, description: 'Venir', dueAt: inDays(7) });
      const remindAt = inDays(2);
      await t.ok(
        `mutation($id: ID!, $d: DateTime!, $r: DateTime) { rescheduleCommitment(id: $id, dueAt: $d, remindAt: $r) { id } }`,
        { id: contact.id, d: inDays(9), r: remindAt },
        org.token,
      );
      expect((await remindersOf(contact.id))[0]).toMatchObject({ status: 'SCHEDULED', remind_at: new Date(remindAt) });
      expect((await t.db.query(`SELECT remind_at FROM commitments WHERE id = $1`, [contact.id])).rows[0].remind_at).toEqual(new Date(remindAt));
    });

    it('schedules reminders afresh when the old ones are no longer pending', async () => {
      const c = await record({ contactId, description: 'Rappel oublié', dueAt: '2019-05-01T10:00:00Z' });
      await t.ok(`mutation($id: ID!, $d: DateTime!) { rescheduleCommitment(id: $id, dueAt: $d) { id } }`, { id: c.id, d: inDays(5) }, org.token);
      expect((await remindersOf(c.id)).map((r) => r.status).sort()).toEqual(['CANCELLED', 'SCHEDULED']);
    });

    it('refuses a resolved commitment, changing nothing', async () => {
      const c = await record({ contactId, description: 'Fini', dueAt: inDays(5) });
      await t.ok(`mutation($id: ID!) { resolveCommitment(id: $id, status: CANCELLED) { id } }`, { id: c.id }, org.token);
      const res = await t.gql(`mutation($id: ID!, $d: DateTime!) { rescheduleCommitment(id: $id, dueAt: $d) { id } }`, { id: c.id, d: inDays(9) }, org.token);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await t.db.query(`SELECT due_at FROM commitments WHERE id = $1`, [c.id])).rows[0].due_at).toEqual(new Date(c.dueAt));
    });
  });

  describe('lists', () => {
    it('lists commitments by status and campaign, soonest due first, and under contacts, decision-makers and negotiations', async () => {
      const campaign = await createCampaign(org, 'Listing');
      const dm = await decisionMaker(org, 'Maire');
      const person = await createContact(org, 'Listed');
      const negotiation = await planNegotiation(org, campaign, dm);
      const late = await record({ campaignId: campaign, contactId: person, description: 'late', dueAt: inDays(20) });
      const soon = await record({ negotiationId: negotiation, decisionMakerId: dm, description: 'soon', dueAt: inDays(2) });
      const kept = await record({ campaignId: campaign, contactId: person, description: 'kept', dueAt: inDays(1) });
      await t.ok(`mutation($id: ID!) { resolveCommitment(id: $id, status: KEPT) { id } }`, { id: kept.id }, org.token);

      const data = await t.ok(
        `query($c: ID!, $p: ID!, $n: ID!) {
          all: commitments(campaignId: $c) { id }
          open: commitments(campaignId: $c, status: OPEN) { id decisionMaker { commitments { id } } }
          contact(id: $p) { commitments { id } }
          negotiationBrief(negotiationId: $n) { negotiation { commitments { id } } }
        }`,
        { c: campaign, p: person, n: negotiation },
        org.token,
      );
      expect(data.all.map((c: { id: string }) => c.id)).toEqual([kept.id, soon.id, late.id]);
      expect(data.open.map((c: { id: string }) => c.id)).toEqual([soon.id, late.id]);
      expect(data.open[0].decisionMaker.commitments).toEqual([{ id: soon.id }]);
      expect(data.contact.commitments).toEqual([{ id: kept.id }, { id: late.id }]);
      expect(data.negotiationBrief.negotiation.commitments).toEqual([{ id: soon.id }]);

      const foreignCampaign = await t.gql(`query($c: ID!) { commitments(campaignId: $c) { id } }`, { c: foreign.campaignId }, org.token);
      expect(foreignCampaign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const theirs = await t.ok(`{ commitments { id } }`, {}, other.token);
      expect(theirs.commitments.map((c: { id: string }) => c.id)).not.toContain(soon.id);
    });

    it('gives the dashboard counts by status, split contacts / decision-makers, and the overdue ones', async () => {
      const campaign = await createCampaign(org, 'Stats');
      await record({ campaignId: campaign, contactId, description: 'a', dueAt: inDays(-2) }); // overdue
      await record({ campaignId: campaign, contactId, description: 'b', dueAt: inDays(5) });
      const broken = await record({ campaignId: campaign, decisionMakerId: dmId, description: 'c', dueAt: inDays(-3) });
      await t.ok(`mutation($id: ID!) { resolveCommitment(id: $id, status: BROKEN) { id } }`, { id: broken.id }, org.token);
      await record({ campaignId: campaign, decisionMakerId: dmId, description: 'd', dueAt: inDays(-1) }); // overdue

      const { campaignProgress } = await t.ok(
        `query($id: ID!) { campaignProgress(campaignId: $id) { commitmentsByStatus { status count } decisionMakerCommitmentsByStatus { status count } overdueFollowUps } }`,
        { id: campaign },
        org.token,
      );
      expect(campaignProgress).toEqual({
        commitmentsByStatus: [{ status: 'OPEN', count: 2 }],
        decisionMakerCommitmentsByStatus: [
          { status: 'BROKEN', count: 1 },
          { status: 'OPEN', count: 1 },
        ],
        overdueFollowUps: 2,
      });
    });
  });

  it('lists 30 commitments with all their relations in a fixed number of statements', async () => {
    const campaign = await createCampaign(org, 'N+1');
    const owners = [org.user.id, leader.userId, secondOrganiser.userId];
    for (let i = 0; i < 30; i++) {
      const party = i % 2 === 0 ? { contactId: await createContact(org, `Person ${i}`) } : { decisionMakerId: await decisionMaker(org, `DM ${i}`) };
      await record({ campaignId: campaign, ...party, description: `promise ${i}`, dueAt: inDays(3 + i), followUpOwnerId: owners[i % 3] });
    }
    const query = `query($c: ID!) { commitments(campaignId: $c) {
      id campaign { id name } contact { id firstName } decisionMaker { id name } followUpOwner { id displayName }
      reminders { id kind status remindAt } } }`;
    const { result, statements } = await t.sql.count(() => t.ok(query, { c: campaign }, org.token));
    expect(result.commitments).toHaveLength(30);
    expect(result.commitments.filter((c: { contact: unknown }) => c.contact)).toHaveLength(15);
    expect(result.commitments.filter((c: { decisionMaker: unknown }) => c.decisionMaker)).toHaveLength(15);
    expect(result.commitments.every((c: { followUpOwner: unknown; reminders: unknown[] }) => c.followUpOwner && c.reminders.length >= 1)).toBe(true);
    // The token (2), the campaign check, the commitments, then one per relation: campaign, contact, decision-maker, owner, reminders.
    expect(statements.length).toBeLessThanOrEqual(9);

    // The same count for two rows as for thirty.
    const small = await createCampaign(org, 'N+1 small');
    await record({ campaignId: small, contactId, description: 'one', dueAt: inDays(3) });
    await record({ campaignId: small, decisionMakerId: dmId, description: 'two', dueAt: inDays(3) });
    const few = await t.sql.count(() => t.ok(query, { c: small }, org.token));
    expect(few.result.commitments).toHaveLength(2);
    expect(statements.length).toBe(few.statements.length);
  });
});
