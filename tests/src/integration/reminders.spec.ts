import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DigestService, ReminderScheduler, ReminderSender, ReminderSweeper, type Reminder } from '@rapport/reminders';
import { DIGEST_CRON, QUEUES, REMINDER_MAX_ATTEMPTS, ReminderKind } from '@rapport/shared';
import { startSmtpSink, type SmtpSink } from '../support/reminders-smtp.js';
import { jest } from '@jest/globals';
import {
  LONG_TEST_MS,
  PATIENCE_MS,
  allDue,
  bulkReminders,
  newOrganisation,
  recordCommitment,
  startRemindersApp,
  sweepsDone,
  until,
  type RemindersApp,
} from '../support/reminders-app.js';

jest.setTimeout(LONG_TEST_MS);
import { addMember, type TestApp } from '../support/test-app.js';

// The reminders worker in the api's process (RAPPORT_WORKER=true), a real SMTP server
// on loopback, real PostgreSQL and Redis. Timings are shortened (see FAST).

const PUBLIC_URL = 'https://rapport.example';
const MY_REMINDERS = `query($status: ReminderStatus) { myReminders(status: $status) { id kind remindAt status sentAt attempts message link } }`;

describe('reminders', () => {
  let t: RemindersApp;
  let sink: SmtpSink;
  let org: Awaited<ReturnType<typeof newOrganisation>>;
  const refuse = new Set<string>();

  beforeAll(async () => {
    sink = await startSmtpSink({ reject: (_n, mail) => (mail.reminderId && refuse.has(mail.reminderId) ? 'mailbox unavailable' : null) });
    t = await startRemindersApp({ worker: { smtpUrl: sink.url, publicUrl: PUBLIC_URL, mailFrom: 'Rapport <rappels@rapport.example>', digests: true } });
    org = await newOrganisation(t);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const mailsFor = (reminderId: string) => sink.messages.filter((m) => m.reminderId === reminderId);
  const row = async (id: string) => (await t.db.query(`SELECT * FROM reminders WHERE id = $1`, [id])).rows[0];
  const inTransaction = <T>(work: (em: import('typeorm').EntityManager) => Promise<T>) =>
    t.app.get<DataSource>(getDataSourceToken(), { strict: false }).transaction(work);

  it('sends a reminder due in 2 s within a few seconds: one email, in French, and in-app', async () => {
    const started = Date.now();
    const remindAt = new Date(started + 2000);
    const { reminderIds, contactId } = await recordCommitment(t, org.token, remindAt, 'Venir à la réunion de locataires');
    expect(reminderIds).toHaveLength(1);
    const [id] = reminderIds;

    await sink.waitFor(1, PATIENCE_MS);
    const sent = await until(async () => ((await row(id)).status === 'SENT' ? row(id) : null));
    // Not before its time (how late it may be on a busy machine is the benchmark's business).
    expect(sent.sent_at.getTime()).toBeGreaterThanOrEqual(remindAt.getTime() - 2000);
    expect(sent.attempts).toBe(1);

    const mails = mailsFor(id);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([org.email]);
    expect(mails[0].from).toBe('rappels@rapport.example');
    expect(mails[0].subject).toContain('Fatima Benali');
    expect(mails[0].text).toContain('« Venir à la réunion de locataires »');
    expect(mails[0].text).toContain('Échéance');
    expect(mails[0].text).toContain(`${PUBLIC_URL}/contacts/${contactId}`);

    const mine = await t.ok<{ myReminders: Array<Record<string, any>> }>(MY_REMINDERS, {}, org.token);
    const listed = mine.myReminders.find((r) => r.id === id)!;
    expect(listed).toMatchObject({ kind: 'COMMITMENT_DUE', status: 'SENT', attempts: 1, link: `/contacts/${contactId}` });
    expect(listed.message).toContain('Venir à la réunion de locataires');
    expect(listed.sentAt).not.toBeNull();
  });

  it('cancels the reminder of a commitment resolved before its time: CANCELLED, no email', async () => {
    const remindAt = new Date(Date.now() + 2500);
    const { commitmentId, reminderIds } = await recordCommitment(t, org.token, remindAt, 'Apporter les quittances');
    await t.ok(`mutation($id: ID!) { resolveCommitment(id: $id, status: KEPT) { id status } }`, { id: commitmentId }, org.token);
    expect((await row(reminderIds[0])).status).toBe('CANCELLED');
    // Past its time, and swept since: nothing woke it, nothing re-enqueued it.
    await allDue(t, reminderIds);
    await sweepsDone(t, 2);
    expect(['unknown', 'completed']).toContain(await t.app.get<Queue>(getQueueToken(QUEUES.reminders)).getJobState(reminderIds[0]));
    expect(mailsFor(reminderIds[0])).toHaveLength(0);
    expect((await row(reminderIds[0])).status).toBe('CANCELLED');
  });

  it('does not send a job woken before its (moved) time: it waits for the new remindAt', async () => {
    const remindAt = new Date(Date.now() + 1000);
    const { reminderIds } = await recordCommitment(t, org.token, remindAt, 'Appeler la CPAM');
    const [id] = reminderIds;
    // The row moves 4 s later but its job is left where it was (as if dequeue had failed).
    const moved = new Date(remindAt.getTime() + 4000);
    await t.db.query(`UPDATE reminders SET remind_at = $2 WHERE id = $1`, [id, moved]);
    await until(async () => (await row(id)).status === 'SENT');
    const sent = await row(id);
    expect(sent.sent_at.getTime()).toBeGreaterThanOrEqual(moved.getTime() - 2000);
    expect(mailsFor(id)).toHaveLength(1);
  });

  it('records CANCELLED a reminder created more than a day late, and still sends one a few hours late', async () => {
    const [stale, late] = await inTransaction((em) =>
      t.scheduler.schedule(em, [
        { organizationId: org.organizationId, kind: ReminderKind.FOLLOW_UP, remindAt: new Date(Date.now() - 2 * 86400_000), recipientUserId: org.userId },
        { organizationId: org.organizationId, kind: ReminderKind.COMMITMENT_DUE, remindAt: new Date(Date.now() - 3 * 3600_000), recipientUserId: org.userId },
      ]),
    );
    expect(stale.status).toBe('CANCELLED');
    expect(late.status).toBe('SCHEDULED');
    // No subject row: the late one is cancelled by the worker, not sent. Give it a real commitment instead.
    const { commitmentId } = await recordCommitment(t, org.token, new Date(Date.now() + 3600_000), 'Venir à la permanence');
    await t.db.query(`UPDATE reminders SET commitment_id = $2 WHERE id = $1`, [late.id, commitmentId]);
    await t.scheduler.enqueue([stale, late]);
    await until(async () => (await row(late.id)).status === 'SENT');
    expect(mailsFor(late.id)).toHaveLength(1);
    expect((await row(stale.id)).status).toBe('CANCELLED');
    expect(mailsFor(stale.id)).toHaveLength(0);
  });

  it('sends a reminder that was due while no worker ran: the sweeper finds it without a job', async () => {
    const { reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 3600_000), 'Distribuer les tracts');
    const [id] = reminderIds;
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.reminders));
    await queue.remove(id);
    await t.db.query(`UPDATE reminders SET remind_at = now() - interval '3 hours' WHERE id = $1`, [id]);
    expect(await queue.getJobState(id)).toBe('unknown');
    await until(async () => (await row(id)).status === 'SENT');
    expect(mailsFor(id)).toHaveLength(1);
  });

  it(`retries a refused email with backoff, then records FAILED after ${REMINDER_MAX_ATTEMPTS} attempts, visible to organisers only`, async () => {
    const { reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 3600_000), 'Signer la pétition');
    const [id] = reminderIds;
    refuse.add(id);
    await t.db.query(`UPDATE reminders SET remind_at = now() WHERE id = $1`, [id]);
    await t.app.get(ReminderScheduler).enqueue([{ id, remindAt: new Date(), status: 'SCHEDULED' } as Reminder], { replace: true });
    const failed = await until(async () => ((await row(id)).status === 'FAILED' ? row(id) : null));
    expect(failed.attempts).toBe(REMINDER_MAX_ATTEMPTS);
    expect(failed.last_error).toContain('mailbox unavailable');
    expect(failed.sent_at).toBeNull();
    expect(mailsFor(id)).toHaveLength(0);

    const list = await t.ok<{ failedReminders: Array<{ id: string; attempts: number; lastError: string; recipient: { id: string } }> }>(
      `{ failedReminders { id attempts lastError recipient { id } } }`,
      {},
      org.token,
    );
    expect(list.failedReminders.find((r) => r.id === id)).toMatchObject({ attempts: REMINDER_MAX_ATTEMPTS, recipient: { id: org.userId } });
    expect(list.failedReminders.find((r) => r.id === id)!.lastError).toContain('mailbox unavailable');

    const leader = await addMember(t as unknown as TestApp, org.token, 'LEADER');
    const refused = await t.gql(`{ failedReminders { id } }`, {}, leader.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists only the caller’s reminders, newest remindAt first, filtered by status', async () => {
    const all = (await t.ok<{ myReminders: Array<{ id: string; remindAt: string; status: string }> }>(MY_REMINDERS, {}, org.token)).myReminders;
    expect(all.length).toBeGreaterThanOrEqual(5);
    const times = all.map((r) => new Date(r.remindAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const cancelled = (await t.ok<{ myReminders: Array<{ status: string }> }>(MY_REMINDERS, { status: 'CANCELLED' }, org.token)).myReminders;
    expect(cancelled.length).toBeGreaterThanOrEqual(1);
    expect(cancelled.every((r) => r.status === 'CANCELLED')).toBe(true);

    const other = await newOrganisation(t);
    expect((await t.ok<{ myReminders: unknown[] }>(MY_REMINDERS, {}, other.token)).myReminders).toEqual([]);
    expect((await t.ok<{ failedReminders: unknown[] }>(`{ failedReminders { id } }`, {}, other.token)).failedReminders).toEqual([]);
    expect((await t.gql(MY_REMINDERS, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists 5 or 60 reminders with their message, link and recipient in the same few SQL statements', async () => {
    const other = await newOrganisation(t);
    const query = `{ myReminders(status: SCHEDULED) { id message link recipient { id displayName } } }`;
    const statements: number[] = [];
    for (const count of [5, 55]) {
      await bulkReminders(t, other, count, new Date(Date.now() + 3600_000));
      const { result, statements: sql } = await t.sql.count(() =>
        t.ok<{ myReminders: Array<{ message: string; link: string; recipient: { id: string } }> }>(query, {}, other.token),
      );
      expect(result.myReminders).toHaveLength(count === 5 ? 5 : 60);
      expect(result.myReminders.every((r) => r.message.includes('Ramener') && r.link.startsWith('/contacts/') && r.recipient.id === other.userId)).toBe(true);
      // The in-process worker's sweeps share the counter: leave them out.
      statements.push(sql.filter((q) => !q.startsWith('SELECT id, remind_at FROM reminders')).length);
    }
    expect(statements[1]).toBe(statements[0]);
    expect(statements[1]).toBeLessThanOrEqual(8);
  });

  it('sends reminders due at once in shared statements, each still once: a second call for one sends nothing, a resolved or cancelled one nothing', async () => {
    const other = await newOrganisation(t);
    // Scheduled an hour ahead (their jobs wait), then made due now: only the calls below send them.
    const reminders = await bulkReminders(t, other, 12, new Date(Date.now() + 3600_000));
    const ids = reminders.map((r) => r.id);
    await t.db.query(`UPDATE reminders SET remind_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
    await t.db.query(`UPDATE commitments SET status = 'KEPT' WHERE id = $1`, [reminders[10].commitmentId]);
    await t.db.query(`UPDATE reminders SET status = 'CANCELLED' WHERE id = $1`, [ids[11]]);
    const sender = t.app.get(ReminderSender, { strict: false });

    const { result: outcomes, statements } = await t.sql.count(() => Promise.all([...ids, ids[0], ids[1]].map((id) => sender.process(id))));

    expect(outcomes.filter((o) => o.result === 'sent')).toHaveLength(10);
    expect(outcomes[10]).toEqual({ result: 'cancelled', reason: 'the commitment is KEPT' });
    for (const id of ids.slice(0, 10)) expect(mailsFor(id)).toHaveLength(1);
    expect(mailsFor(ids[10])).toHaveLength(0);
    expect(mailsFor(ids[11])).toHaveLength(0);
    const rows = (await t.db.query(`SELECT id, status, attempts FROM reminders WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids.slice(0, 10)])).rows;
    expect(rows.every((r: { status: string; attempts: number }) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
    // One at a time this was 5 statements per reminder (claim, organisation, member, commitment, mark).
    const own = statements.filter((q) => !q.startsWith('SELECT id, remind_at FROM reminders'));
    expect(own.length).toBeLessThan(30);
  });

  it('writes in English for an English-speaking organisation', async () => {
    const en = await newOrganisation(t, 'en');
    const { reminderIds } = await recordCommitment(t, en.token, new Date(Date.now() + 1000), 'Bring two neighbours');
    await until(async () => mailsFor(reminderIds[0]).length === 1);
    const [mail] = mailsFor(reminderIds[0]);
    expect(mail.subject).toMatch(/^Reminder — Fatima Benali's commitment/);
    expect(mail.text).toContain('committed to: “Bring two neighbours”');
    expect(mail.text).toContain('Due: ');
  });

  it('reminds committed participants of an action by email (with consent), and gives the organiser a call list', async () => {
    const campaign = await t.ok<{ createCampaign: { id: string } }>(`mutation { createCampaign(input: { name: "CPAM Villejean" }) { id } }`, {}, org.token);
    const action = await t.ok<{ scheduleAction: { id: string } }>(
      `mutation($input: ActionInput!) { scheduleAction(input: $input) { id } }`,
      {
        input: {
          campaignId: campaign.createCampaign.id,
          title: 'Délégation à la CPAM',
          kind: 'DELEGATION',
          startsAt: new Date(Date.now() + 30 * 3600_000).toISOString(),
          location: 'Place de Bretagne',
        },
      },
      org.token,
    );
    const actionId = action.scheduleAction.id;
    const people = [
      { firstName: 'Awa', lastName: 'Diallo', email: 'awa@exemple.fr', phone: '06 11 11 11 11', consentGivenAt: new Date().toISOString() },
      { firstName: 'Bruno', lastName: 'Le Gall', email: 'bruno@exemple.fr', phone: '06 22 22 22 22' },
      { firstName: 'Chantal', lastName: 'Morin', phone: '06 33 33 33 33', consentGivenAt: new Date().toISOString() },
      { firstName: 'Denis', lastName: 'Invité', email: 'denis@exemple.fr', consentGivenAt: new Date().toISOString() },
    ];
    for (const [i, p] of people.entries()) {
      const c = await t.ok<{ createContact: { id: string } }>(
        `mutation($input: ContactInput!) { createContact(input: $input) { id } }`,
        { input: p },
        org.token,
      );
      await t.ok(
        `mutation($a: ID!, $c: ID!, $s: ParticipationStatus!) { setParticipation(actionId: $a, contactId: $c, status: $s) { status } }`,
        { a: actionId, c: c.createContact.id, s: i === 3 ? 'INVITED' : 'COMMITTED' },
        org.token,
      );
    }
    const { rows } = await t.db.query(`SELECT id FROM reminders WHERE action_id = $1 AND kind = 'ACTION_UPCOMING'`, [actionId]);
    expect(rows).toHaveLength(1);
    const id = rows[0].id as string;
    await t.db.query(`UPDATE reminders SET remind_at = now() WHERE id = $1`, [id]);
    await t.scheduler.enqueue([{ id, remindAt: new Date(), status: 'SCHEDULED' } as Reminder], { replace: true });
    await until(async () => (await row(id)).status === 'SENT');

    const mails = mailsFor(id);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['awa@exemple.fr', org.email].sort());
    const awa = mails.find((m) => m.to[0] === 'awa@exemple.fr')!;
    expect(awa.text).toContain('Bonjour Awa');
    expect(awa.text).toContain('Délégation à la CPAM');
    expect(awa.text).toContain('Place de Bretagne');
    const organiser = mails.find((m) => m.to[0] === org.email)!;
    expect(organiser.text).toContain('À appeler');
    expect(organiser.text).toContain('Bruno Le Gall — +33622222222');
    expect(organiser.text).toContain('Chantal Morin — +33633333333');
    expect(organiser.text).not.toContain('Denis');
    expect(organiser.text).toContain(`${PUBLIC_URL}/campaigns/${campaign.createCampaign.id}`);
  });

  it('sends each organiser a weekly digest, scheduled Monday 8:00 in the organisation’s timezone', async () => {
    const digests = t.app.get(DigestService);
    await t.app.get(ReminderSweeper).ensureSchedulers();
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.reminders));
    const scheduler = await queue.getJobScheduler(`digest-${org.organizationId}`);
    expect(scheduler).toMatchObject({ pattern: DIGEST_CRON, tz: 'Europe/Paris' });
    // The next run is a Monday at 8:00 in Paris.
    const next = new Date(scheduler!.next!);
    const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(next);
    expect(paris).toBe('Monday 08:00');

    // An overdue commitment, an action this week (from the test above), a follow-up due.
    await t.db.query(`UPDATE commitments SET due_at = now() - interval '2 days' WHERE description = 'Distribuer les tracts' AND organization_id = $1`, [
      org.organizationId,
    ]);
    await t.ok(
      `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`,
      {
        input: {
          kind: 'DOOR_KNOCK',
          outcome: 'TALKED',
          street: '3 rue de Bourgogne',
          newContact: { firstName: 'Yasmine' },
          followUpAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
        },
      },
      org.token,
    );
    const before = sink.messages.length;
    const result = await digests.send(org.organizationId);
    expect(result.sent).toBe(1);
    const digest = sink.messages.slice(before).find((m) => m.headers['x-rapport-digest'] === org.organizationId)!;
    expect(digest.to).toEqual([org.email]);
    expect(digest.subject).toContain('Votre semaine');
    expect(digest.text).toContain('Engagements en retard');
    expect(digest.text).toContain('Distribuer les tracts');
    expect(digest.text).toContain('Délégation à la CPAM');
    expect(digest.text).toContain('Yasmine');
    // An organisation with nothing to say gets no digest.
    const quiet = await newOrganisation(t);
    expect(await digests.send(quiet.organizationId)).toEqual({ sent: 0, reason: 'nothing to report' });
  });

  // /admin/queues (operators only, 404 for everyone else): admin-queues.spec.ts.
});
