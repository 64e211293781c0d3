// Getting people to the action, through the real machinery: the call list and the calls
// that move participation, check-in of ten people, closeAttendance, and the reminder
// sequence (ACTION_CONFIRM the day before at 18:00 Paris time, across the spring DST
// change; ACTION_NO_SHOW the morning after closing) sent by the worker in the api's
// process to a real SMTP server on loopback. The clock is moved by hand: the test sets
// a reminder's remindAt to now (as the reminders tests do) once its computed time is checked.
import type { Reminder } from '@rapport/reminders';
import { startSmtpSink, type SmtpSink } from '../support/reminders-smtp.js';
import { newOrganisation, startRemindersApp, until, type RemindersApp } from '../support/reminders-app.js';
import { errorOf } from '../support/campaign-fixtures.js';
import type { TestApp } from '../support/test-app.js';

const SCHEDULE = `mutation($input: ActionInput!) { scheduleAction(input: $input) { id } }`;
const CALL_LIST = `query($id: ID!) { action(id: $id) { id callList { contact { id firstName } phone status lastCallAt lastCallNote } checkInCount attendedCount committedCount } }`;
const LOG = `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`;
const CHECK_IN = `mutation($a: ID!, $c: ID!) { checkIn(actionId: $a, contactId: $c) { id checkInCount } }`;
const CLOSE = `mutation($a: ID!) { closeAttendance(actionId: $a) { id checkInCount } }`;
const PARTICIPATE = `mutation($a: ID!, $c: ID!, $s: ParticipationStatus!) { setParticipation(actionId: $a, contactId: $c, status: $s) { status } }`;

describe('turnout: call list, check-in, attendance and its reminders', () => {
  let t: RemindersApp;
  let sink: SmtpSink;
  let org: Awaited<ReturnType<typeof newOrganisation>>;
  let campaignId: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startRemindersApp({ worker: { smtpUrl: sink.url, publicUrl: 'https://rapport.example', mailFrom: 'Rapport <rappels@rapport.example>' } });
    org = await newOrganisation(t);
    campaignId = (await t.ok(`mutation { createCampaign(input: { name: "CPAM Villejean" }) { id } }`, {}, org.token)).createCampaign.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const person = async (input: Record<string, unknown>) =>
    (await t.ok(`mutation($input: ContactInput!) { createContact(input: $input) { id } }`, { input: { lastName: 'Villejean', ...input } }, org.token))
      .createContact.id as string;
  const actionReminders = async (actionId: string) =>
    (await t.db.query(`SELECT id, kind, status, remind_at FROM reminders WHERE action_id = $1 ORDER BY created_at, kind`, [actionId])).rows;
  const sendNow = async (id: string) => {
    await t.db.query(`UPDATE reminders SET remind_at = now() WHERE id = $1`, [id]);
    await t.scheduler.enqueue([{ id, remindAt: new Date(), status: 'SCHEDULED' } as Reminder], { replace: true });
    await until(async () => (await t.db.query(`SELECT status FROM reminders WHERE id = $1`, [id])).rows[0].status === 'SENT');
    await new Promise((r) => setTimeout(r, 1500)); // a second send would have arrived by now
    return sink.messages.filter((m) => m.reminderId === id);
  };

  it('ACTION_CONFIRM is the day before at 18:00 Paris time, across the DST change, and moves with the action', async () => {
    // Sunday 28 March 2027, 10:00 in Paris (the clocks went forward at 02:00 that night).
    const actionId = (
      await t.ok(SCHEDULE, { input: { campaignId, title: 'Délégation à la CPAM', kind: 'DELEGATION', startsAt: '2027-03-28T08:00:00Z' } }, org.token)
    ).scheduleAction.id;
    const first = await actionReminders(actionId);
    const confirm = first.find((r: any) => r.kind === 'ACTION_CONFIRM');
    // Saturday 27 March, 18:00 in winter time (UTC+1).
    expect(confirm).toMatchObject({ status: 'SCHEDULED', remind_at: new Date('2027-03-27T17:00:00Z') });
    expect(first.find((r: any) => r.kind === 'ACTION_UPCOMING')).toMatchObject({ status: 'SCHEDULED' });

    // Moved to Monday 29 March: the confirmation is Sunday 28 at 18:00, now summer time (UTC+2).
    const moved = await t.ok(
      `mutation($id: ID!, $s: DateTime!) { rescheduleAction(id: $id, startsAt: $s) { startsAt } }`,
      { id: actionId, s: '2027-03-29T08:00:00Z' },
      org.token,
    );
    expect(moved.rescheduleAction.startsAt).toBe('2027-03-29T08:00:00.000Z');
    const after = await actionReminders(actionId);
    expect(after.filter((r: any) => r.status === 'SCHEDULED').map((r: any) => [r.kind, r.remind_at.toISOString()])).toEqual(
      expect.arrayContaining([['ACTION_CONFIRM', '2027-03-28T16:00:00.000Z']]),
    );
    expect(after.filter((r: any) => r.status === 'SCHEDULED')).toHaveLength(2);
    expect(after.find((r: any) => r.id === confirm.id).status).toBe('CANCELLED');

    // Cancelled: every pending reminder goes, and check-in is refused, nothing written.
    await t.ok(`mutation($id: ID!) { cancelAction(id: $id) { cancelledAt } }`, { id: actionId }, org.token);
    expect((await actionReminders(actionId)).every((r: any) => r.status === 'CANCELLED')).toBe(true);
    const someone = await person({ firstName: 'Yann' });
    const refused = errorOf(await t.gql(CHECK_IN, { a: actionId, c: someone }, org.token));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actionId' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM action_participants WHERE action_id = $1`, [actionId])).rows[0].n).toBe(0);
  });

  it('call list, calls, confirmation emails, check-in of ten people, closeAttendance and the no-shows’ call-back list', async () => {
    const now = new Date();
    const startsAt = new Date(now.getTime() + 10 * 86_400_000);
    const actionId = (
      await t.ok(
        SCHEDULE,
        { input: { campaignId, title: 'Rassemblement devant la CPAM', kind: 'RALLY', startsAt: startsAt.toISOString(), turnoutGoal: 12 } },
        org.token,
      )
    ).scheduleAction.id;
    const consent = new Date().toISOString();
    const awa = await person({ firstName: 'Awa', email: 'awa@exemple.fr', phone: '06 11 11 11 11', consentGivenAt: consent });
    const bruno = await person({ firstName: 'Bruno', phone: '06 22 22 22 22' });
    const chantal = await person({ firstName: 'Chantal', email: 'chantal@exemple.fr', phone: '06 33 33 33 33' }); // no consent: called, not emailed
    const denis = await person({ firstName: 'Denis', phone: '06 44 44 44 44' });
    const emma = await person({ firstName: 'Emma', phone: '06 55 55 55 55' });
    for (const [c, s] of [
      [awa, 'COMMITTED'],
      [bruno, 'COMMITTED'],
      [chantal, 'COMMITTED'],
      [denis, 'INVITED'],
      [emma, 'INVITED'],
    ])
      await t.ok(PARTICIPATE, { a: actionId, c, s }, org.token);

    // The call list: invited and committed, never called first.
    let list = (await t.ok(CALL_LIST, { id: actionId }, org.token)).action.callList;
    expect(list).toHaveLength(5);
    expect(list.every((e: any) => e.lastCallAt === null)).toBe(true);
    expect(list.find((e: any) => e.contact.id === bruno)).toMatchObject({ phone: '+33622222222', status: 'COMMITTED' });

    // Denis says yes on the phone (→ COMMITTED); Emma says no (stays INVITED, with the note).
    await t.ok(LOG, { input: { kind: 'PHONE', outcome: 'TALKED', contactId: denis, actionId, notes: 'Vient avec sa voisine' } }, org.token);
    await t.ok(LOG, { input: { kind: 'PHONE', outcome: 'REFUSED', contactId: emma, actionId, notes: 'Travaille ce jour-là' } }, org.token);
    list = (await t.ok(CALL_LIST, { id: actionId }, org.token)).action.callList;
    expect(list.slice(0, 3).every((e: any) => e.lastCallAt === null)).toBe(true); // least recently called first
    expect(list.find((e: any) => e.contact.id === denis)).toMatchObject({ status: 'COMMITTED', lastCallNote: 'Vient avec sa voisine' });
    expect(list.find((e: any) => e.contact.id === emma)).toMatchObject({ status: 'INVITED', lastCallNote: 'Travaille ce jour-là' });
    expect((await t.ok(CALL_LIST, { id: actionId }, org.token)).action.committedCount).toBe(4);

    // ACTION_CONFIRM (the clock moved to its time): Awa asked by email, the organiser gets the others.
    const confirm = (await actionReminders(actionId)).find((r: any) => r.kind === 'ACTION_CONFIRM');
    expect(confirm).toBeDefined();
    const mails = await sendNow(confirm.id);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['awa@exemple.fr', org.email].sort());
    expect(mails.find((m) => m.to[0] === 'awa@exemple.fr')!.text).toContain('C’est toujours bon ?');
    const owner = mails.find((m) => m.to[0] === org.email)!;
    expect(owner.subject).toContain('Demain : Rassemblement devant la CPAM');
    expect(owner.text).toContain('Bruno Villejean — +33622222222');
    expect(owner.text).toContain('Chantal Villejean — +33633333333');
    expect(owner.text).toContain('Denis Villejean — +33644444444');
    expect(owner.text).not.toContain('Emma');
    expect(owner.text).not.toContain('Travaille'); // call notes stay in Rapport

    // Check-in: Awa, Bruno, Denis and seven people not on the list; tapping twice changes nothing.
    const walkIns = [];
    for (let i = 1; i <= 7; i++) walkIns.push(await person({ firstName: `Voisin${i}` }));
    for (const c of [awa, bruno, denis, ...walkIns]) await t.ok(CHECK_IN, { a: actionId, c }, org.token);
    const again = await t.ok(CHECK_IN, { a: actionId, c: awa }, org.token);
    expect(again.checkIn.checkInCount).toBe(10);
    const [twice] = await Promise.all([t.gql(CHECK_IN, { a: actionId, c: bruno }, org.token), t.gql(CHECK_IN, { a: actionId, c: bruno }, org.token)]);
    expect(twice.errors).toBeUndefined();

    // Closing: Chantal (committed, not there) becomes NO_SHOW; Emma (invited) stays INVITED.
    const closed = await t.ok(CLOSE, { a: actionId }, org.token);
    expect(closed.closeAttendance.checkInCount).toBe(10);
    const { rows: statuses } = await t.db.query(`SELECT contact_id, status FROM action_participants WHERE action_id = $1`, [actionId]);
    const statusOf = new Map(statuses.map((r: any) => [r.contact_id, r.status]));
    expect([statusOf.get(chantal), statusOf.get(emma), statusOf.get(awa), statusOf.get(walkIns[0])]).toEqual(['NO_SHOW', 'INVITED', 'ATTENDED', 'ATTENDED']);
    expect(statuses).toHaveLength(12);

    // ACTION_NO_SHOW: the next morning at 09:00 Paris time, once even if closed twice.
    await t.ok(CLOSE, { a: actionId }, org.token);
    const noShows = (await actionReminders(actionId)).filter((r: any) => r.kind === 'ACTION_NO_SHOW');
    expect(noShows.filter((r: any) => r.status === 'SCHEDULED')).toHaveLength(1);
    const pending = noShows.find((r: any) => r.status === 'SCHEDULED');
    const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      pending.remind_at,
    );
    expect(paris).toBe('09:00');
    expect(pending.remind_at.getTime() - Date.now()).toBeGreaterThan(0);
    expect(pending.remind_at.getTime() - Date.now()).toBeLessThan(2 * 86_400_000);
    const noShowMails = await sendNow(pending.id);
    expect(noShowMails.map((m) => m.to[0])).toEqual([org.email]);
    expect(noShowMails[0].subject).toContain('Absent·es à rappeler');
    expect(noShowMails[0].text).toContain('Chantal Villejean — +33633333333');
    expect(noShowMails[0].text).not.toContain('Awa');
  });

  it('allies: an action open to allies shows its counts, never its call list; a team action is NOT_FOUND', async () => {
    const { addMember } = await import('../support/test-app.js');
    const ally = await addMember(t as unknown as TestApp, org.token, 'ALLY');
    const open = (
      await t.ok(
        SCHEDULE,
        { input: { campaignId, title: 'Pique-nique', kind: 'RALLY', startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), visibility: 'ALLIES' } },
        org.token,
      )
    ).scheduleAction.id;
    const team = (
      await t.ok(SCHEDULE, { input: { campaignId, title: 'Réunion', kind: 'RALLY', startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString() } }, org.token)
    ).scheduleAction.id;
    expect((await t.ok(`query($id: ID!) { action(id: $id) { id checkInCount } }`, { id: open }, ally.token)).action).toEqual({ id: open, checkInCount: 0 });
    expect(errorOf(await t.gql(`query($id: ID!) { action(id: $id) { id callList { phone } } }`, { id: open }, ally.token)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(`query($id: ID!) { action(id: $id) { id } }`, { id: team }, ally.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(CHECK_IN, { a: open, c: open }, ally.token)).code).toBe('FORBIDDEN');
  });
});
