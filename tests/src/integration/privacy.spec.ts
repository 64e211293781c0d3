// A person's rights: everything held on them, and erasure of their identity that
// keeps every count true; both recorded in the audit log. Retention purges people
// not seen for the organisation's retention period.
import { PrivacyService } from '@rapport/privacy';
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { until } from '../support/reminders-app.js';

describe('privacy', () => {
  let t: TestApp;
  let token: string;
  let campaignId: string;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOrganization(t)).token;
    campaignId = (await t.ok(`mutation { createCampaign(input: { name: "CPAM" }) { id } }`, undefined, token)).createCampaign.id;
    const logged = await t.ok(
      `mutation($c: ID!) { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, campaignId: $c, street: "Dalle Kennedy", door: "12", notes: "diabète, dettes", leadershipPotential: true,
      newContact: { firstName: "Awa", lastName: "Diallo", phone: "06 12 34 56 78", email: "awa@test.example", street: "4 dalle Kennedy" },
      issues: [{ name: "Fermeture de l'antenne", intensity: 5, quote: "On nous abandonne" }] }) { contact { id } } }`,
      { c: campaignId },
      token,
    );
    contactId = logged.logConversation.contact.id;
  });
  afterAll(() => t.close());

  const progress = async () =>
    (
      await t.ok(
        `query($id: ID!) { campaignProgress(campaignId: $id) { doorsKnocked conversationsHeld contactsReached leadersIdentified topIssues { mentions contacts } } }`,
        { id: campaignId },
        token,
      )
    ).campaignProgress;

  it('exports everything held on a person, and records who did it', async () => {
    const { exportContactData } = await t.ok(`mutation($id: ID!) { exportContactData(contactId: $id) }`, { id: contactId }, token);
    const data = JSON.parse(exportContactData);
    expect(data.contact).toMatchObject({ firstName: 'Awa', lastName: 'Diallo', phone: '+33612345678', email: 'awa@test.example' });
    expect(data.conversations).toEqual([
      expect.objectContaining({
        notes: 'diabète, dettes',
        door: '12',
        issues: [{ issue: "Fermeture de l'antenne", intensity: 5, quote: 'On nous abandonne' }],
      }),
    ]);
    const { auditLog } = await t.ok(`{ auditLog { action subjectId actorUserId } }`, undefined, token);
    expect(auditLog[0]).toMatchObject({ action: 'EXPORT_CONTACT', subjectId: contactId, actorUserId: expect.any(String) });
  });

  it('is for organisers only', async () => {
    const leader = await addMember(t, token, 'LEADER');
    for (const op of ['exportContactData', 'eraseContact']) {
      const res = await t.gql(`mutation($id: ID!) { ${op}(contactId: $id) }`, { id: contactId }, leader.token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('erases the identity, notes and quotes but keeps every count', async () => {
    const before = await progress();
    expect(await t.ok(`mutation($id: ID!) { eraseContact(contactId: $id) }`, { id: contactId }, token)).toEqual({ eraseContact: true });
    expect(await progress()).toEqual(before);
    const row = (await t.db.query(`SELECT first_name, last_name, phone, email, street, search_text, erased_at FROM contacts WHERE id = $1`, [contactId]))
      .rows[0];
    expect(row).toMatchObject({ first_name: '—', last_name: null, phone: null, email: null, street: null, search_text: '' });
    expect(row.erased_at).toBeInstanceOf(Date);
    const conv = (await t.db.query(`SELECT notes, door, street FROM conversations WHERE contact_id = $1`, [contactId])).rows;
    expect(conv).toEqual([{ notes: null, door: null, street: null }]);
    const quotes = (await t.db.query(`SELECT quote FROM raised_issues`)).rows;
    expect(quotes).toEqual([{ quote: null }]);
    expect((await t.ok(`query($id: ID!) { contact(id: $id) { id } }`, { id: contactId }, token)).contact).toBeNull();
    expect((await t.ok(`{ contacts { totalCount } }`, undefined, token)).contacts.totalCount).toBe(0);
    const again = await t.gql(`mutation($id: ID!) { exportContactData(contactId: $id) }`, { id: contactId }, token);
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { auditLog } = await t.ok(`{ auditLog { action subjectId } }`, undefined, token);
    expect(auditLog.map((e: { action: string }) => e.action).filter((a: string) => a.endsWith('_CONTACT'))).toEqual(['ERASE_CONTACT', 'EXPORT_CONTACT']);
  });

  it('cancels the pending reminders about an erased person (they would name them)', async () => {
    const fatou = (await t.ok(`mutation { createContact(input: { firstName: "Fatou", phone: "0622222222" }) { id } }`, undefined, token)).createContact.id;
    const dueAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const followUpAt = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    await t.ok(
      `mutation($c: ID!, $d: DateTime!) { recordCommitment(input: { contactId: $c, description: "Venir avec trois voisines", dueAt: $d }) { id } }`,
      { c: fatou, d: dueAt },
      token,
    );
    await t.ok(
      `mutation($c: ID!, $f: DateTime) { logConversation(input: { kind: ONE_TO_ONE, outcome: TALKED, contactId: $c, followUpAt: $f }) { id } }`,
      { c: fatou, f: followUpAt },
      token,
    );
    const statuses = () =>
      t.db
        .query(
          `SELECT kind, status FROM reminders WHERE commitment_id IN (SELECT id FROM commitments WHERE contact_id = $1) OR conversation_id IN (SELECT id FROM conversations WHERE contact_id = $1) ORDER BY kind`,
          [fatou],
        )
        .then((r) => r.rows);
    expect(await statuses()).toEqual([
      { kind: 'COMMITMENT_DUE', status: 'SCHEDULED' },
      { kind: 'FOLLOW_UP', status: 'SCHEDULED' },
    ]);
    await t.ok(`mutation($id: ID!) { eraseContact(contactId: $id) }`, { id: fatou }, token);
    expect(await statuses()).toEqual([
      { kind: 'COMMITMENT_DUE', status: 'CANCELLED' },
      { kind: 'FOLLOW_UP', status: 'CANCELLED' },
    ]);
  });

  it('never makes an ally the follow-up owner of a commitment (reminders name people)', async () => {
    const ally = await addMember(t, token, 'ALLY');
    const karim = (await t.ok(`mutation { createContact(input: { firstName: "Karim" }) { id } }`, undefined, token)).createContact.id;
    const res = await t.gql(
      `mutation($c: ID!, $o: ID) { recordCommitment(input: { contactId: $c, description: "x", dueAt: "2030-01-01T10:00:00Z", followUpOwnerId: $o }) { id } }`,
      { c: karim, o: ally.userId },
      token,
    );
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('input.followUpOwnerId') });
  });

  it('purges people not seen for the retention period, and only them', async () => {
    const recent = (await t.ok(`mutation { createContact(input: { firstName: "Karim", phone: "0698765432" }) { id } }`, undefined, token)).createContact.id;
    const old = (await t.ok(`mutation { createContact(input: { firstName: "Jeanne", phone: "0611111111" }) { id } }`, undefined, token)).createContact.id;
    await t.db.query(`UPDATE contacts SET last_seen_at = now() - interval '37 months' WHERE id = $1`, [old]);
    expect(await t.app.get(PrivacyService).purgeStaleContacts()).toBe(1);
    const rows = (await t.db.query(`SELECT id, phone, erased_at IS NOT NULL AS erased FROM contacts WHERE id = ANY($1) ORDER BY first_name`, [[recent, old]]))
      .rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: recent, phone: '+33698765432', erased: false },
        { id: old, phone: null, erased: true },
      ]),
    );
    const { auditLog } = await t.ok(`{ auditLog { action subjectId actorUserId } }`, undefined, token);
    expect(auditLog[0]).toEqual({ action: 'PURGE_CONTACT', subjectId: old, actorUserId: null });
  });
});

describe('retention in the worker', () => {
  it('schedules the purge daily, and a purge job erases the people not seen for too long', async () => {
    const { Queue, QueueEvents } = await import('bullmq');
    const { createWorker } = await import('@rapport/worker');
    const t = await startTestApp();
    const token = (await registerOrganization(t)).token;
    const old = (await t.ok(`mutation { createContact(input: { firstName: "Jeanne" }) { id } }`, undefined, token)).createContact.id;
    await t.db.query(`UPDATE contacts SET last_seen_at = now() - interval '4 years' WHERE id = $1`, [old]);
    const prefix = `retention${Date.now()}`;
    const redisUrl = new URL(process.env.TEST_REDIS_URL!);
    const connection = { host: redisUrl.hostname, port: Number(redisUrl.port) };
    const worker = await createWorker({ databaseUrl: t.databaseUrl, redisUrl: process.env.TEST_REDIS_URL!, queuePrefix: prefix, logger: false });
    const queue = new Queue('maintenance', { connection, prefix });
    const events = new QueueEvents('maintenance', { connection, prefix });
    try {
      const scheduled = async () => (await queue.getJobSchedulers()).some((s) => s.key === 'purge-stale-contacts');
      await until(scheduled, 30_000);
      expect(await queue.getJobSchedulers()).toContainEqual(expect.objectContaining({ key: 'purge-stale-contacts', pattern: '0 3 * * *' }));
      await events.waitUntilReady();
      const job = await queue.add('purge-stale-contacts', {});
      expect(await job.waitUntilFinished(events, 15_000)).toEqual({ purged: 1 });
      expect((await t.db.query(`SELECT erased_at IS NOT NULL AS erased FROM contacts WHERE id = $1`, [old])).rows[0].erased).toBe(true);
    } finally {
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await worker.close();
      await t.close();
    }
  }, 60_000);
});
