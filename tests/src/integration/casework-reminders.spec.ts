// A case's next step keeps one CASE_NEXT_STEP reminder to its owner in step with it,
// through the real machinery: rows in PostgreSQL, a BullMQ job, the worker in the api's
// process, a real SMTP server on loopback.
import { startSmtpSink, type SmtpSink } from '../support/reminders-smtp.js';
import { newOrganisation, startRemindersApp, until, type RemindersApp } from '../support/reminders-app.js';
import { addMember, type TestApp } from '../support/test-app.js';

const OPEN = `mutation($input: CaseInput!) { openCase(input: $input) { id nextStepAt } }`;
const UPDATE = `mutation($id: ID!, $input: CaseUpdateInput!) { updateCase(id: $id, input: $input) { id status nextStepAt } }`;

describe('case next-step reminders', () => {
  let t: RemindersApp;
  let sink: SmtpSink;
  let org: Awaited<ReturnType<typeof newOrganisation>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startRemindersApp({ worker: { smtpUrl: sink.url, publicUrl: 'https://rapport.example', mailFrom: 'Rapport <rappels@rapport.example>' } });
    org = await newOrganisation(t);
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
  const reminders = async (caseId: string) => (await t.db.query(`SELECT * FROM reminders WHERE case_id = $1 ORDER BY created_at`, [caseId])).rows;

  it('follows the next step through a move, goes to the owner once, by email and in-app', async () => {
    const leader = await addMember(t as unknown as TestApp, org.token, 'LEADER');
    const fatima = await person('Fatima');
    const far = new Date(Date.now() + 3 * 86_400_000);
    const opened = (
      await t.ok(
        OPEN,
        { input: { contactId: fatima, agency: 'CAF', summary: 'APL suspendues', nextStepAt: far.toISOString(), ownerId: leader.userId } },
        org.token,
      )
    ).openCase;
    const [first] = await reminders(opened.id);
    expect(first).toMatchObject({ kind: 'CASE_NEXT_STEP', status: 'SCHEDULED', recipient_user_id: leader.userId });
    expect(first.remind_at.getTime()).toBe(far.getTime());

    // Moved closer: the old reminder is cancelled, one new one at the new date.
    const soon = new Date(Date.now() + 3000);
    await t.ok(UPDATE, { id: opened.id, input: { nextStepAt: soon.toISOString() } }, org.token);
    const rows = await reminders(opened.id);
    expect(rows.map((r: any) => r.status)).toEqual(['CANCELLED', 'SCHEDULED']);
    expect(rows[1].remind_at.getTime()).toBe(soon.getTime());

    const sent = await until(async () => ((await reminders(opened.id))[1].status === 'SENT' ? (await reminders(opened.id))[1] : null), 20_000);
    expect(sent.sent_at.getTime() - soon.getTime()).toBeLessThan(5000);
    await new Promise((r) => setTimeout(r, 1500)); // a second send would have arrived by now
    const mails = sink.messages.filter((m) => m.reminderId === sent.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([leader.email]);
    expect(mails[0].subject).toContain('Prochaine étape : dossier CAF de Fatima Benali');
    expect(mails[0].text).toContain('https://rapport.example/contacts/' + fatima);
    expect(mails[0].text).not.toContain('APL suspendues'); // the summary stays in Rapport
    expect(sink.messages.filter((m) => m.reminderId === first.id)).toEqual([]);

    const mine = (await t.ok(`{ myReminders { id kind status link } }`, undefined, leader.token)).myReminders;
    expect(mine.find((r: any) => r.id === sent.id)).toMatchObject({ kind: 'CASE_NEXT_STEP', status: 'SENT', link: `/contacts/${fatima}` });
  });

  it('is cancelled when the case closes, and never sent', async () => {
    const karim = await person('Karim');
    const soon = new Date(Date.now() + 4000);
    const opened = (await t.ok(OPEN, { input: { contactId: karim, agency: 'CPAM', summary: 'Carte vitale', nextStepAt: soon.toISOString() } }, org.token))
      .openCase;
    const [row] = await reminders(opened.id);
    expect(row).toMatchObject({ status: 'SCHEDULED', recipient_user_id: org.userId }); // no owner: the opener
    await t.ok(UPDATE, { id: opened.id, input: { status: 'RESOLVED', recoveredCents: 5000 } }, org.token);
    expect((await reminders(opened.id)).map((r: any) => r.status)).toEqual(['CANCELLED']);
    await new Promise((r) => setTimeout(r, 6000)); // past the reminder's time
    expect(sink.messages.filter((m) => m.reminderId === row.id)).toEqual([]);
    expect((await reminders(opened.id)).map((r: any) => r.status)).toEqual(['CANCELLED']);
  });
});
