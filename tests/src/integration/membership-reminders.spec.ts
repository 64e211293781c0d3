// Renewal reminders through the real reminder machinery: rows in PostgreSQL, a BullMQ
// job, the worker in the api's process, a real SMTP server on loopback. The reminder
// goes to the team (never to the person: Rapport does not write to people about money).
import { startSmtpSink, type SmtpSink } from '../support/reminders-smtp.js';
import { newOrganisation, startRemindersApp, until, type RemindersApp } from '../support/reminders-app.js';
import { addMember, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const PAY = `mutation($input: DuesPaymentInput!) { recordDuesPayment(input: $input) { id memberships { id endsAt } } }`;

/** The payment date whose rolling year ends `leadDays` after `remindAt`: its reminder is due at `remindAt`. */
function paidAtFor(remindAt: number, leadDays: number): string {
  const endsAt = new Date(remindAt + leadDays * DAY);
  endsAt.setUTCFullYear(endsAt.getUTCFullYear() - 1);
  return endsAt.toISOString();
}

describe('membership renewal reminders', () => {
  let t: RemindersApp;
  let sink: SmtpSink;
  let org: Awaited<ReturnType<typeof newOrganisation>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startRemindersApp({ worker: { smtpUrl: sink.url, publicUrl: 'https://rapport.example', mailFrom: 'Rapport <rappels@rapport.example>' } });
    org = await newOrganisation(t);
    await t.ok(`mutation { updateMembershipSettings(input: { periodKind: ROLLING_YEAR, renewalReminderDays: 30 }) { periodKind } }`, undefined, org.token);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const person = async (firstName: string) =>
    (
      await t.ok(
        `mutation($f: String!) { createContact(input: { firstName: $f, lastName: "Benali", phone: "06 12 34 56 78" }) { id } }`,
        { f: firstName },
        org.token,
      )
    ).createContact.id as string;
  const renewals = async (membershipId: string) =>
    (await t.db.query(`SELECT * FROM reminders WHERE membership_id = $1 AND kind = 'MEMBERSHIP_RENEWAL'`, [membershipId])).rows;

  it('reminds every organiser once, 30 days before the membership ends, by email and in-app', async () => {
    const remindAt = Date.now() + 3000;
    const fatima = await person('Fatima');
    const paid = (await t.ok(PAY, { input: { payerId: fatima, amountCents: 500, method: 'CASH', paidAt: paidAtFor(remindAt, 30) } }, org.token))
      .recordDuesPayment;
    const [membership] = paid.memberships;
    const [row] = await renewals(membership.id);
    expect(row).toMatchObject({ status: 'SCHEDULED', recipient_user_id: org.userId });
    expect(Math.abs(row.remind_at.getTime() - remindAt)).toBeLessThan(1000);

    const sent = await until(async () => ((await renewals(membership.id))[0].status === 'SENT' ? (await renewals(membership.id))[0] : null), 20_000);
    expect(sent.sent_at.getTime() - remindAt).toBeLessThan(5000);
    await new Promise((r) => setTimeout(r, 1500)); // a second send would have arrived by now
    const mails = sink.messages.filter((m) => m.reminderId === row.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([org.email]);
    expect(mails[0].subject).toContain('Adhésion à renouveler : Fatima Benali');
    expect(mails[0].text).toContain('https://rapport.example/contacts/' + fatima);
    expect(mails[0].text).toContain('Rapport n’écrit jamais aux personnes au sujet d’argent');
    // Nobody but the team is written to.
    expect(sink.messages.every((m) => m.to.every((to: string) => to === org.email || to.endsWith('@test.example')))).toBe(true);

    const mine = (await t.ok(`{ myReminders { id kind status message link } }`, undefined, org.token)).myReminders;
    expect(mine.find((r: any) => r.id === row.id)).toMatchObject({ kind: 'MEMBERSHIP_RENEWAL', status: 'SENT', link: `/contacts/${fatima}` });
  });

  it('is cancelled when the member renews first, and the new membership gets its own reminder', async () => {
    const remindAt = Date.now() + 4000;
    const karim = await person('Karim');
    const first = (await t.ok(PAY, { input: { payerId: karim, amountCents: 1200, method: 'CASH', paidAt: paidAtFor(remindAt, 30) } }, org.token))
      .recordDuesPayment;
    const [old] = await renewals(first.memberships[0].id);
    expect(old.status).toBe('SCHEDULED');
    const renewal = (await t.ok(PAY, { input: { payerId: karim, amountCents: 1200, method: 'CASH' } }, org.token)).recordDuesPayment;
    expect((await renewals(first.memberships[0].id))[0].status).toBe('CANCELLED');
    const [next] = await renewals(renewal.memberships[0].id);
    expect(next.status).toBe('SCHEDULED');
    expect(next.remind_at.getTime()).toBe(new Date(renewal.memberships[0].endsAt).getTime() - 30 * DAY);

    await new Promise((r) => setTimeout(r, 7000)); // past the old reminder's time
    expect(sink.messages.filter((m) => m.reminderId === old.id)).toEqual([]);
    expect((await renewals(first.memberships[0].id))[0].status).toBe('CANCELLED');
  });

  it('goes to the person’s follow-up owner when there is one', async () => {
    const leader = await addMember(t as unknown as TestApp, org.token, 'LEADER');
    const awa = await person('Awa');
    await t.ok(`mutation($id: ID!) { logConversation(input: { kind: ONE_TO_ONE, outcome: TALKED, contactId: $id }) { id } }`, { id: awa }, leader.token);
    const paid = (await t.ok(PAY, { input: { payerId: awa, amountCents: 1200, method: 'CASH' } }, org.token)).recordDuesPayment;
    expect((await renewals(paid.memberships[0].id)).map((r: any) => r.recipient_user_id)).toEqual([leader.userId]);
  });
});
