import { jest } from '@jest/globals';
import { startSmtpSink, type SmtpSink } from '../support/reminders-smtp.js';
import { LONG_TEST_MS, allDue, newOrganisation, recordCommitment, startRemindersApp, sweepsDone, until, type RemindersApp } from '../support/reminders-app.js';
import { errorOf } from '../support/campaign-fixtures.js';

jest.setTimeout(LONG_TEST_MS);

// "Done" and "snooze" from the reminders list, with the real worker, PostgreSQL,
// Redis and an SMTP sink: a reminder marked done is never sent; a snoozed one is
// sent again at its new time, once.

const DONE = `mutation($id: ID!) { completeReminder(id: $id) { id status doneAt remindAt } }`;
const SNOOZE = `mutation($id: ID!, $until: DateTime!) { snoozeReminder(id: $id, until: $until) { id status doneAt remindAt sentAt } }`;

describe('reminders: done and snooze', () => {
  let t: RemindersApp;
  let sink: SmtpSink;
  let org: Awaited<ReturnType<typeof newOrganisation>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startRemindersApp({ worker: { smtpUrl: sink.url, publicUrl: 'https://rapport.example', mailFrom: 'rappels@rapport.example' } });
    org = await newOrganisation(t);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const row = async (id: string) => (await t.db.query(`SELECT * FROM reminders WHERE id = $1`, [id])).rows[0];
  const mailsFor = (id: string) => sink.messages.filter((m) => m.reminderId === id);

  it('marks a reminder still to come done: it is never sent, and a second "done" changes nothing', async () => {
    const { reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 2500), 'Rappeler le bailleur');
    const [id] = reminderIds;
    const done = await t.ok(DONE, { id }, org.token);
    expect(done.completeReminder).toMatchObject({ id, status: 'CANCELLED', doneAt: expect.any(String) });
    const again = await t.ok(DONE, { id }, org.token);
    expect(again.completeReminder.doneAt).toBe(done.completeReminder.doneAt);
    // Past its time and swept: still not sent.
    await allDue(t, [id]);
    await sweepsDone(t, 2);
    expect((await row(id)).status).toBe('CANCELLED');
    expect(mailsFor(id)).toHaveLength(0);
  });

  it('keeps a sent reminder SENT when marked done, and snoozing it sends it again at the new time, once', async () => {
    const { reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 500), 'Venir à la permanence');
    const [id] = reminderIds;
    await until(async () => (await row(id)).status === 'SENT');
    await sink.waitFor(1);
    const done = await t.ok(DONE, { id }, org.token);
    expect(done.completeReminder).toMatchObject({ status: 'SENT', doneAt: expect.any(String) });

    const later = new Date(Date.now() + 2500);
    const snoozed = await t.ok(SNOOZE, { id, until: later.toISOString() }, org.token);
    expect(snoozed.snoozeReminder).toMatchObject({ status: 'SCHEDULED', doneAt: null, sentAt: null, remindAt: later.toISOString() });
    const resent = await until(async () => ((await row(id)).status === 'SENT' ? row(id) : null));
    expect(resent.sent_at.getTime()).toBeGreaterThanOrEqual(later.getTime() - 2000);
    await until(async () => mailsFor(id).length === 2);
    await sweepsDone(t, 2);
    expect(mailsFor(id)).toHaveLength(2);
  });

  it.each([
    ['a time already past', () => new Date(Date.now() - 60_000), 'later'],
    ['a time more than a year ahead', () => new Date(Date.now() + 400 * 86400_000), 'maxDays'],
  ])('refuses to snooze to %s, naming until and changing nothing', async (_label, when, rule) => {
    const { reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 3600_000));
    const before = await row(reminderIds[0]);
    const res = await t.gql(SNOOZE, { id: reminderIds[0], until: when().toISOString() }, org.token);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'until' });
    expect(res.errors![0].extensions?.['rule']).toBe(rule);
    expect(await row(reminderIds[0])).toEqual(before);
  });

  it('refuses to snooze a reminder cancelled because its promise was settled', async () => {
    const { commitmentId, reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 3600_000));
    await t.ok(`mutation($id: ID!) { resolveCommitment(id: $id, status: KEPT) { id } }`, { id: commitmentId }, org.token);
    const res = await t.gql(SNOOZE, { id: reminderIds[0], until: new Date(Date.now() + 86400_000).toISOString() }, org.token);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await row(reminderIds[0])).status).toBe('CANCELLED');
  });

  it("gives NOT_FOUND for another member's or another organisation's reminder, changing nothing", async () => {
    const { reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 3600_000));
    const [id] = reminderIds;
    const colleague = await t.ok<{ addMember: { id: string } }>(
      `mutation { addMember(email: "leader-${Date.now()}@test.example", displayName: "Léa", role: LEADER, password: "correct horse battery") { id } }`,
      undefined,
      org.token,
    );
    expect(colleague.addMember.id).toBeTruthy();
    const leaderToken = (
      await t.ok<{ signIn: { token: string } }>(`mutation($e: String!) { signIn(email: $e, password: "correct horse battery") { token } }`, {
        e: (await t.db.query(`SELECT email FROM users WHERE id = $1`, [colleague.addMember.id])).rows[0].email,
      })
    ).signIn.token;
    const stranger = await newOrganisation(t);
    for (const token of [leaderToken, stranger.token]) {
      expect(errorOf(await t.gql(DONE, { id }, token)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(SNOOZE, { id, until: new Date(Date.now() + 86400_000).toISOString() }, token)).code).toBe('NOT_FOUND');
    }
    expect(await row(id)).toMatchObject({ status: 'SCHEDULED', done_at: null });
  });
});
