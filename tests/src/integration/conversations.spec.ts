import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';

const LOG = `mutation($input: LogConversationInput!) {
  logConversation(input: $input) { id clientId kind outcome contact { id firstName phone } issues { issue { id name } intensity quote } leadershipPotential followUpAt }
}`;

describe('logging conversations', () => {
  let t: TestApp;
  let token: string;
  let campaignId: string;
  const count = async (table: string) => Number((await t.db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOrganization(t)).token;
    const data = await t.ok<{ createCampaign: { id: string } }>(`mutation { createCampaign(input: { name: "Antenne CPAM" }) { id } }`, undefined, token);
    campaignId = data.createCampaign.id;
  });
  afterAll(() => t.close());

  it('creates the new contact in the same transaction and normalises the phone', async () => {
    const { logConversation } = await t.ok(
      LOG,
      {
        input: {
          kind: 'DOOR_KNOCK',
          outcome: 'TALKED',
          campaignId,
          street: 'Dalle Kennedy',
          building: 'B',
          door: '12',
          newContact: { firstName: 'Awa', phone: '06 12 34 56 78' },
          issues: [{ name: "Fermeture de l'antenne de la Sécurité sociale", intensity: 5, quote: 'On nous abandonne' }],
          leadershipPotential: true,
        },
      },
      token,
    );
    expect(logConversation.contact).toMatchObject({ firstName: 'Awa', phone: '+33612345678' });
    expect(logConversation.issues).toEqual([
      { issue: { id: expect.any(String), name: "Fermeture de l'antenne de la Sécurité sociale" }, intensity: 5, quote: 'On nous abandonne' },
    ]);
  });

  it('matches issues ignoring case, accents and spaces, keeping the first spelling', async () => {
    const { logConversation } = await t.ok(
      LOG,
      {
        input: { kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, issues: [{ name: "  fermeture de l'antenne de la SECURITE sociale ", intensity: 3 }] },
      },
      token,
    );
    expect(logConversation.issues[0].issue.name).toBe("Fermeture de l'antenne de la Sécurité sociale");
    expect(await count('issues')).toBe(1);
  });

  it('returns the first conversation when the same clientId is sent again, writing nothing', async () => {
    const input = { clientId: 'phone-42-door-7', kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, newContact: { firstName: 'Karim' } };
    const first = await t.ok(LOG, { input }, token);
    const before = [await count('conversations'), await count('contacts')];
    const second = await t.ok(LOG, { input: { ...input, outcome: 'REFUSED' } }, token);
    expect(second.logConversation.id).toBe(first.logConversation.id);
    expect(second.logConversation.outcome).toBe('TALKED');
    expect([await count('conversations'), await count('contacts')]).toEqual(before);
  });

  it('keeps one conversation when two retries arrive at the same moment', async () => {
    const input = {
      clientId: 'simultaneous-1',
      kind: 'DOOR_KNOCK',
      outcome: 'TALKED',
      campaignId,
      newContact: { firstName: 'Lina' },
      issues: [{ name: 'Attente debout', intensity: 4 }],
    };
    const before = [await count('conversations'), await count('contacts')];
    const results = await Promise.all(Array.from({ length: 6 }, () => t.ok(LOG, { input }, token)));
    expect(new Set(results.map((r) => r.logConversation.id)).size).toBe(1);
    expect([await count('conversations'), await count('contacts')]).toEqual([before[0] + 1, before[1] + 1]);
  });

  it('refuses bad input naming the field, and writes nothing (not even the new contact)', async () => {
    const before = [await count('conversations'), await count('contacts'), await count('issues')];
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ interestLevel: 7 }, 'input.interestLevel'],
      [{ issues: [{ name: 'Nouveau problème', intensity: 0 }] }, 'input.issues[0].intensity'],
      [{ newContact: { firstName: 'Zoé', phone: '12' } }, 'input.newContact.phone'],
      [{ newContact: { firstName: 'Zoé', email: 'zoe@' } }, 'input.newContact.email'],
      [{ notes: 'x'.repeat(10_001) }, 'input.notes'],
      [{ newContact: { firstName: 'Zoé' }, issues: [{ name: 'y'.repeat(201), intensity: 2 }] }, 'input.issues[0].name'],
    ];
    for (const [extra, field] of cases) {
      const res = await t.gql(LOG, { input: { kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, ...extra } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain(field);
    }
    expect([await count('conversations'), await count('contacts'), await count('issues')]).toEqual(before);
  });

  it('answers NOT_FOUND for a campaign of another organisation, and writes nothing', async () => {
    const other = await registerOrganization(t, 'Other');
    const before = await count('contacts');
    const res = await t.gql(LOG, { input: { kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, newContact: { firstName: 'X' } } }, other.token);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count('contacts')).toBe(before);
  });

  it('answers NOT_FOUND naming input.contactId for a contact of another organisation; the new issue is not kept either', async () => {
    const other = await registerOrganization(t, 'Elsewhere');
    const theirs = await t.ok<{ createContact: { id: string } }>(`mutation { createContact(input: { firstName: "Nadia" }) { id } }`, undefined, other.token);
    const before = [await count('conversations'), await count('issues'), await count('raised_issues')];
    const res = await t.gql(
      LOG,
      { input: { kind: 'PHONE', outcome: 'TALKED', campaignId, contactId: theirs.createContact.id, issues: [{ name: 'Jamais vu', intensity: 3 }] } },
      token,
    );
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toContain('input.contactId');
    expect([await count('conversations'), await count('issues'), await count('raised_issues')]).toEqual(before);
  });

  it('schedules a FOLLOW_UP reminder for the caller', async () => {
    const followUpAt = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    const { logConversation } = await t.ok(LOG, { input: { kind: 'ONE_TO_ONE', outcome: 'TALKED', campaignId, followUpAt } }, token);
    const rows = await t.db.query(`SELECT kind, status, remind_at FROM reminders WHERE conversation_id = $1`, [logConversation.id]);
    expect(rows.rows).toEqual([{ kind: 'FOLLOW_UP', status: 'SCHEDULED', remind_at: new Date(followUpAt) }]);
  });

  it('lists 100 conversations with contact, organiser and issues in a fixed handful of statements', async () => {
    for (let i = 0; i < 100; i++) {
      await t.ok(
        LOG,
        {
          input: {
            kind: 'DOOR_KNOCK',
            outcome: 'TALKED',
            campaignId,
            newContact: { firstName: `P${i}` },
            issues: [{ name: `Issue ${i % 7}`, intensity: 1 + (i % 5) }],
          },
        },
        token,
      );
    }
    const { result, statements } = await t.sql.count(() =>
      t.ok(
        `query($c: ID) { conversations(campaignId: $c, first: 100) { id contact { firstName } organiser { displayName } issues { intensity issue { name } } campaign { name } } }`,
        { c: campaignId },
        token,
      ),
    );
    expect(result.conversations).toHaveLength(100);
    // token check, the list, contacts, organisers, raised issues, issues, campaign: no statement per row.
    expect(statements.length).toBeLessThanOrEqual(8);
  });

  it('keeps answering while a migration adds columns (a rolling deploy): its prepared statements name their columns', async () => {
    const log = (n: number) =>
      t.ok(LOG, { input: { kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, clientId: `rolling-${n}`, newContact: { firstName: `R${n}` } } }, token);
    // The token check and the write, prepared on the api's connections by these first calls.
    for (let n = 0; n < 3; n++) await log(n);
    // What a newer api's migration may do while this one still runs.
    await t.db.query('ALTER TABLE users ADD COLUMN added_by_a_later_release text');
    await t.db.query('ALTER TABLE conversations ADD COLUMN added_by_a_later_release text');
    try {
      for (let n = 3; n < 6; n++) expect((await log(n)).logConversation.contact.firstName).toBe(`R${n}`);
    } finally {
      await t.db.query('ALTER TABLE users DROP COLUMN added_by_a_later_release');
      await t.db.query('ALTER TABLE conversations DROP COLUMN added_by_a_later_release');
    }
  });

  it('keeps its database connections when a write is refused (the outbox sending again a door already logged)', async () => {
    const input = { kind: 'DOOR_KNOCK', outcome: 'TALKED', campaignId, clientId: 'sent-again', newContact: { firstName: 'Inès' } };
    const first = (await t.ok(LOG, { input }, token)).logConversation.id;
    const apiConnections = async () =>
      (await t.db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'rapport' AND datname = current_database() ORDER BY pid`)).rows.map(
        (r: { pid: number }) => r.pid,
      );
    const before = await apiConnections();
    // Each is refused inside PostgreSQL (the clientId is known) and answered with the first.
    for (let i = 0; i < 5; i++) expect((await t.ok(LOG, { input }, token)).logConversation.id).toBe(first);
    expect(await apiConnections()).toEqual(before);
  });
});
