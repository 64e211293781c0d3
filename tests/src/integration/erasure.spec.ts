// Erasure, tried as an attacker would: a person's words written everywhere Rapport
// holds them, then erased; every query the app can make (and the export) is searched
// for any of those words, every count is compared, and updates racing the erasure
// try to write the identity back. Then who sees what: members' emails, a mail
// server's answer, and what allies never read.
import pg from 'pg';
import { PrivacyService } from '@rapport/privacy';
import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';
import { createCampaign, createDecisionMaker, inHours, scheduleAction, setParticipation } from '../support/campaign-fixtures.js';

/** Every word of the person's that must be gone after erasure (case-sensitive). */
const SECRETS = [
  'Samira',
  'Benhaddou',
  '671829304',
  'samira.benhaddou',
  'rue de Dinan',
  'Oiseaux',
  'Cloteaux',
  'wolof',
  'expulsion-menace',
  'Saint-Grégoire',
  'Dalle Zola',
  'Tour 9',
  'HIV+',
  'rent arrears',
  'near the hospital',
  'dialysis',
  'eviction',
  'housing office',
  'joins the delegation',
  'Leila',
];
const leaks = (value: unknown) => {
  const text = JSON.stringify(value);
  return SECRETS.filter((s) => text.includes(s));
};

const CONTACT_FIELDS = `id firstName lastName phone email street building postalCode city neighbourhood languages allyRoles isLeader tags consentGivenAt erasedAt`;
const CONVERSATION_FIELDS = `id kind outcome occurredAt street building door selfInterest interestLevel leadershipPotential followUpAt notes clientId
  campaign { id name } organiser { id displayName } issues { intensity quote issue { id name } }`;
const COMMITMENT_FIELDS = `id description dueAt status resolvedAt resolutionNote campaign { id name } decisionMaker { id name }
  followUpOwner { id displayName } reminders { id kind status message link remindAt }`;

describe('erasure, as an attacker would check it', () => {
  let t: TestApp;
  let token: string;
  let orgId: string;
  let campaignId: string;
  let samira: string;
  let karim: string;
  let negotiationId: string;

  /** Everything the app can show an organiser, in one pile. */
  async function everything() {
    const q = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables, token);
    const campaign = await q(`query($c: ID!) { campaign(id: $c) { id name goal stageHistory { stage note } actions { id title outcome } } }`, {
      c: campaignId,
    });
    return {
      // In several requests: one would cost more than the API's list-cost limit allows.
      campaign,
      participants: await Promise.all(
        (campaign as any).campaign.actions.map((a: { id: string }) =>
          q(`query($a: ID!) { action(id: $a) { id participants { status contact { ${CONTACT_FIELDS} } } } }`, { a: a.id }),
        ),
      ),
      // the commitments' reminders are read with the commitments below
      negotiations: await q(
        `query($c: ID!) { campaign(id: $c) { negotiations { id report commitments { ${COMMITMENT_FIELDS.replace(/reminders \{[^}]*\}/, '')} } } } }`,
        { c: campaignId },
      ),
      dashboard: await q(
        `query($c: ID!) { campaignProgress(campaignId: $c) {
            campaign { id }
            stage daysInStage doorsKnocked conversationsHeld oneToOnes contactsReached leadersIdentified overdueFollowUps
            topIssues { issue { id name } mentions contacts averageIntensity } demandsByStatus { status count }
            commitmentsByStatus { status count } decisionMakerCommitmentsByStatus { status count }
            upcomingActions { id committedCount attendedCount } wins { id } conversationsPerWeek { weekStart count } }
          listeningReport(campaignId: $c) { issue { name } mentions contacts averageIntensity } }`,
        { c: campaignId },
      ),
      contact: await q(
        `query($id: ID!) { contact(id: $id) { ${CONTACT_FIELDS} conversations { ${CONVERSATION_FIELDS} } commitments { ${COMMITMENT_FIELDS} } } }`,
        { id: samira },
      ),
      contacts: await q(`{ contacts(first: 50) { totalCount edges { node { ${CONTACT_FIELDS} } } } }`).then(async (list: any) => ({
        list,
        // each person's history, one by one (all of it in one request costs more than the API allows)
        histories: await Promise.all(
          list.contacts.edges.map(({ node }: { node: { id: string } }) =>
            q(`query($id: ID!) { contact(id: $id) { id conversations { ${CONVERSATION_FIELDS} } commitments { ${COMMITMENT_FIELDS} } } }`, { id: node.id }),
          ),
        ),
      })),
      searches: await Promise.all(
        [
          { search: 'Samira' },
          { search: '0671829304' },
          { tag: 'expulsion-menace' },
          { neighbourhood: 'Cloteaux' },
          { isLeader: true },
          { allyRole: 'AFFECTED' },
        ].map((filter) => q(`query($f: ContactFilter) { contacts(filter: $f) { totalCount edges { node { id firstName } } } }`, { f: filter })),
      ),
      commitments: await q(`{ commitments { ${COMMITMENT_FIELDS} } }`),
      commitmentContacts: await q(`{ commitments { id contact { ${CONTACT_FIELDS} } } }`),
      conversations: await q(`{ conversations(first: 100) { ${CONVERSATION_FIELDS} contact { ${CONTACT_FIELDS} } } }`),
      brief: await q(
        `query($n: ID!) { negotiationBrief(negotiationId: $n) { roles { role contact { ${CONTACT_FIELDS} } } testimonies { quote intensity issue { name } }
            decisionMakerHistory { description } } }`,
        { n: negotiationId },
      ),
      reminders: await q(`{ myReminders { id kind status message link } failedReminders { id message } }`),
      issues: await q(`{ issues { id name } }`),
      auditLog: await q(`{ auditLog { action subjectType subjectId } }`),
      exportOfSomeoneElse: JSON.parse((await q(`mutation($id: ID!) { exportContactData(contactId: $id) }`, { id: karim })).exportContactData),
    };
  }

  /** Every text column of every row of the organisation, straight from PostgreSQL. */
  async function everyRow() {
    const tables = [
      'contacts',
      'conversations',
      'raised_issues',
      'commitments',
      'reminders',
      'actions',
      'action_participants',
      'negotiations',
      'campaign_stage_changes',
      'audit_entries',
    ];
    const out: Record<string, unknown[]> = {};
    for (const table of tables)
      out[table] = (await t.db.query(`SELECT to_jsonb(x) AS row FROM ${table} x WHERE organization_id = $1`, [orgId])).rows.map((r) => r.row);
    return out;
  }

  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM contacts WHERE organization_id = $1) AS contacts,
                (SELECT count(*)::int FROM conversations WHERE organization_id = $1) AS conversations,
                (SELECT count(*)::int FROM raised_issues WHERE organization_id = $1) AS raised,
                (SELECT count(*)::int FROM commitments WHERE organization_id = $1) AS commitments,
                (SELECT count(*)::int FROM action_participants WHERE organization_id = $1) AS participants,
                (SELECT count(*)::int FROM reminders WHERE organization_id = $1) AS reminders`,
        [orgId],
      )
    ).rows[0];

  beforeAll(async () => {
    t = await startTestApp();
    const org = await registerOrganization(t, 'Alliance Rennes');
    token = org.token;
    orgId = org.organization.id;
    campaignId = await createCampaign(t, token, 'Logement Villejean');
    const gql = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables, token);

    // Samira: every free-text field Rapport has about a person.
    const logged = await gql(
      `mutation($c: ID!, $f: DateTime) { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, campaignId: $c, street: "Dalle Zola", building: "Tour 9", door: "4B",
          notes: "HIV+, 3 months rent arrears", selfInterest: "keep her flat near the hospital", interestLevel: 5, followUpAt: $f,
          newContact: { firstName: "Samira", lastName: "Benhaddou", phone: "06 71 82 93 04", email: "samira.benhaddou@mail.example", street: "17 rue de Dinan",
            building: "Bât. Oiseaux", postalCode: "35760", city: "Saint-Grégoire", neighbourhood: "Cloteaux", languages: ["wolof"], tags: ["expulsion-menace"],
            allyRoles: [AFFECTED], isLeader: true, consentGivenAt: "2024-03-01T10:00:00Z" },
          issues: [{ name: "Santé", intensity: 5, quote: "They cut my dialysis transport" }] }) { contact { id } } }`,
      { c: campaignId, f: inHours(48).toISOString() },
    );
    samira = logged.logConversation.contact.id;
    await gql(
      `mutation($c: ID!, $k: ID!) { logConversation(input: { kind: ONE_TO_ONE, outcome: TALKED, campaignId: $c, contactId: $k, notes: "Leila, her sister, translates" }) { id } }`,
      {
        c: campaignId,
        k: samira,
      },
    );
    const commit = (description: string, dueAt: Date) =>
      gql(`mutation($i: CommitmentInput!) { recordCommitment(input: $i) { id } }`, {
        i: { contactId: samira, campaignId, description, dueAt: dueAt.toISOString() },
      }).then((d) => d.recordCommitment.id as string);
    await commit('Samira B. brings her eviction notice and dialysis schedule', inHours(-2)); // overdue: the digest lists it
    await commit('Samira calls the housing office', inHours(24 * 7));
    const kept = await commit('Samira joins the delegation', inHours(-30));
    await gql(`mutation($id: ID!) { resolveCommitment(id: $id, status: KEPT, note: "came with her sister Leila") { id } }`, { id: kept });
    const actionId = await scheduleAction(t, token, { campaignId, visibility: 'ALLIES' });
    await setParticipation(t, token, actionId, samira, 'COMMITTED');
    const dm = await createDecisionMaker(t, token);
    negotiationId = (
      await gql(`mutation($i: NegotiationInput!) { planNegotiation(input: $i) { id } }`, {
        i: { campaignId, decisionMakerIds: [dm], scheduledAt: inHours(96).toISOString() },
      })
    ).planNegotiation.id;
    await gql(`mutation($n: ID!, $i: BriefInput!) { updateBrief(negotiationId: $n, input: $i) { objective } }`, {
      n: negotiationId,
      i: { roles: [{ contactId: samira, role: 'TESTIMONY' }] },
    });

    // Karim: someone else, who stays.
    karim = (
      await gql(
        `mutation($c: ID!) { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, campaignId: $c, notes: "Karim wants the office back",
        newContact: { firstName: "Karim" }, issues: [{ name: "Santé", intensity: 3 }] }) { contact { id } } }`,
        { c: campaignId },
      )
    ).logConversation.contact.id;
  });
  afterAll(() => t.close());

  it('leaves none of the person’s words in any answer, the export or the database, and every count true', async () => {
    const before = await everything();
    expect(leaks(before)).toEqual(SECRETS); // every word is there to be found before
    const countsBefore = await counts();
    const progressBefore = before.dashboard.campaignProgress;
    expect(progressBefore.leadersIdentified).toBe(1); // Samira is a leader (no conversation marked her potential)

    expect(await t.ok(`mutation($id: ID!) { eraseContact(contactId: $id) }`, { id: samira }, token)).toEqual({ eraseContact: true });

    const after = await everything();
    expect(leaks(after)).toEqual([]);
    expect(leaks(await everyRow())).toEqual([]);
    expect(after.contact.contact).toBeNull();
    expect(after.searches.map((s: { contacts: { totalCount: number } }) => s.contacts.totalCount)).toEqual([0, 0, 0, 0, 0, 0]);

    // Every count stays: rows, listening figures, issues, weekly figures; commitments all there.
    expect(await counts()).toEqual(countsBefore);
    const progressAfter = after.dashboard.campaignProgress;
    for (const figure of [
      'doorsKnocked',
      'conversationsHeld',
      'oneToOnes',
      'contactsReached',
      'leadersIdentified',
      'topIssues',
      'demandsByStatus',
      'decisionMakerCommitmentsByStatus',
      'upcomingActions',
      'wins',
      'conversationsPerWeek',
      'stage',
    ]) {
      expect([figure, progressAfter[figure]]).toEqual([figure, progressBefore[figure]]);
    }
    expect(after.dashboard.listeningReport).toEqual(before.dashboard.listeningReport);
    const total = (rows: Array<{ count: number }>) => rows.reduce((n, r) => n + r.count, 0);
    expect(total(progressAfter.commitmentsByStatus)).toBe(total(progressBefore.commitmentsByStatus));
    // Her two open promises are cancelled (no digest or reminder names her), the kept one stays KEPT.
    const statuses = (await t.db.query(`SELECT status, count(*)::int AS n FROM commitments WHERE contact_id = $1 GROUP BY status ORDER BY status`, [samira]))
      .rows;
    expect(statuses).toEqual([
      { status: 'CANCELLED', n: 2 },
      { status: 'KEPT', n: 1 },
    ]);
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM reminders WHERE organization_id = $1 AND status = 'SCHEDULED' AND commitment_id IN (SELECT id FROM commitments WHERE contact_id = $2)`,
          [orgId, samira],
        )
      ).rows[0].n,
    ).toBe(0);
    // The row is anonymous: no roles, tags, leader flag or consent.
    const row = (await t.db.query(`SELECT first_name, ally_roles, tags, is_leader, consent_given_at, languages FROM contacts WHERE id = $1`, [samira])).rows[0];
    expect(row).toEqual({ first_name: '—', ally_roles: [], tags: [], is_leader: false, consent_given_at: null, languages: [] });
    // The export of someone else holds nothing of hers; hers is gone.
    const gone = await t.gql(`mutation($id: ID!) { exportContactData(contactId: $id) }`, { id: samira }, token);
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Writing about her again is refused.
    for (const [query, vars] of [
      [`mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Samira" }) { id } }`, { id: samira }],
      [`mutation($id: ID!) { logConversation(input: { kind: PHONE, outcome: TALKED, contactId: $id, notes: "Samira again" }) { id } }`, { id: samira }],
      [`mutation($id: ID!) { recordCommitment(input: { contactId: $id, description: "Samira again", dueAt: "2031-01-01T00:00:00Z" }) { id } }`, { id: samira }],
    ] as const) {
      const res = await t.gql(query, vars, token);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const keptId = (await t.db.query(`SELECT id FROM commitments WHERE contact_id = $1 AND status = 'KEPT'`, [samira])).rows[0].id;
    const reopen = await t.gql(`mutation($id: ID!) { resolveCommitment(id: $id, status: BROKEN, note: "Samira again") { id } }`, { id: keptId }, token);
    expect(reopen.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(leaks(await everyRow())).toEqual([]);
  });

  it('exports everything held: commitments with their notes, reminders about the person, conversations with campaign and organiser', async () => {
    const gql = (query: string, variables?: Record<string, unknown>) => t.ok(query, variables, token);
    const awa = (
      await gql(
        `mutation($c: ID!, $f: DateTime) { logConversation(input: { kind: ONE_TO_ONE, outcome: TALKED, campaignId: $c, notes: "Awa's notes", followUpAt: $f,
        newContact: { firstName: "Awa" } }) { contact { id } } }`,
        { c: campaignId, f: inHours(30).toISOString() },
      )
    ).logConversation.contact.id;
    const c = (
      await gql(`mutation($i: CommitmentInput!) { recordCommitment(input: $i) { id } }`, {
        i: { contactId: awa, campaignId, description: 'Awa prints the flyers', dueAt: inHours(-50).toISOString() },
      })
    ).recordCommitment.id;
    await gql(`mutation($id: ID!) { resolveCommitment(id: $id, status: BROKEN, note: "Awa was ill") { id } }`, { id: c });
    const data = JSON.parse((await gql(`mutation($id: ID!) { exportContactData(contactId: $id) }`, { id: awa })).exportContactData);
    expect(data.conversations).toEqual([expect.objectContaining({ notes: "Awa's notes", campaign: 'Logement Villejean', organiser: 'Organiser' })]);
    expect(data.commitments).toEqual([
      expect.objectContaining({
        description: 'Awa prints the flyers',
        status: 'BROKEN',
        resolutionNote: 'Awa was ill',
        campaign: 'Logement Villejean',
        followUpOwner: 'Organiser',
      }),
    ]);
    expect(data.reminders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'FOLLOW_UP', about: 'conversation', status: 'SCHEDULED', recipient: 'Organiser' }),
        expect.objectContaining({ kind: 'COMMITMENT_DUE', about: 'commitment' }),
      ]),
    );
  });

  it('never lets an update racing the erasure write the identity back', async () => {
    const rounds = 25;
    const outcomes = new Set<string>();
    for (let i = 0; i < rounds; i++) {
      const id = (await t.ok(`mutation { createContact(input: { firstName: "Racer", phone: "0600000000" }) { id } }`, undefined, token)).createContact.id;
      const results = await Promise.all([
        t.gql(
          `mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Returning", lastName: "Identity", tags: ["comes-back"], isLeader: true, allyRoles: [STAFF] }) { id } }`,
          { id },
          token,
        ),
        t.gql(
          `mutation($id: ID!) { logConversation(input: { kind: PHONE, outcome: TALKED, contactId: $id, notes: "Returning note", selfInterest: "Returning interest" }) { id } }`,
          { id },
          token,
        ),
        t.gql(
          `mutation($id: ID!) { recordCommitment(input: { contactId: $id, description: "Returning promise", dueAt: "2031-01-01T00:00:00Z" }) { id } }`,
          { id },
          token,
        ),
        t.gql(`mutation($id: ID!) { eraseContact(contactId: $id) }`, { id }, token),
      ]);
      expect(results[3].data).toEqual({ eraseContact: true });
      for (const r of results.slice(0, 3)) {
        // Either it ran before the erasure (and was erased with her) or after it (and found nobody).
        if (r.errors) expect(r.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
        outcomes.add(r.errors ? 'refused' : 'written then erased');
      }
    }
    const rows = await everyRowText();
    for (const word of ['Returning', 'Identity', 'comes-back', 'Racer', '600000000']) expect([word, rows.includes(word)]).toEqual([word, false]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM contacts WHERE organization_id = $1 AND first_name = 'Racer'`, [orgId])).rows[0].n).toBe(0);
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM contacts WHERE organization_id = $1 AND erased_at IS NOT NULL AND (is_leader OR ally_roles <> '{}' OR tags <> '{}')`,
          [orgId],
        )
      ).rows[0].n,
    ).toBe(0);
    expect(outcomes.size).toBeGreaterThan(0);
  }, 60_000);

  async function everyRowText() {
    return JSON.stringify(await everyRow());
  }

  it('holds the row lock: an update queued behind or ahead of the erasure never brings the identity back', async () => {
    for (const order of ['erase first', 'update first'] as const) {
      const id = (await t.ok(`mutation { createContact(input: { firstName: "Locked" }) { id } }`, undefined, token)).createContact.id;
      // Someone else holds the person's row: both requests queue behind it, in a known order.
      const holder = new pg.Client({ connectionString: t.databaseUrl });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM contacts WHERE id = $1 FOR UPDATE`, [id]);
      const erase = () => t.gql(`mutation($id: ID!) { eraseContact(contactId: $id) }`, { id }, token);
      const update = () => t.gql(`mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Comeback", tags: ["back"] }) { id } }`, { id }, token);
      const first = order === 'erase first' ? erase() : update();
      await waitForLockWaiters(holder, 1);
      const second = order === 'erase first' ? update() : erase();
      await waitForLockWaiters(holder, 2);
      await holder.query('COMMIT');
      await holder.end();
      const [a, b] = await Promise.all([first, second]);
      const [erased, updated] = order === 'erase first' ? [a, b] : [b, a];
      expect(erased.data).toEqual({ eraseContact: true });
      if (order === 'erase first') expect(updated.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      else expect(updated.errors).toBeUndefined();
      const row = (await t.db.query(`SELECT first_name, tags, erased_at IS NOT NULL AS erased FROM contacts WHERE id = $1`, [id])).rows[0];
      expect([order, row]).toEqual([order, { first_name: '—', tags: [], erased: true }]);
    }
  }, 30_000);

  /** Waits until `n` other sessions wait for a lock (the requests reached PostgreSQL). */
  async function waitForLockWaiters(client: pg.Client, n: number) {
    for (let i = 0; i < 200; i++) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows[0].n >= n) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`never saw ${n} session(s) waiting for the lock`);
  }
});

describe('retention clears the rest', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = (await registerOrganization(t)).token;
  });
  afterAll(() => t.close());

  it('clears the free text of conversations with nobody attached once past the retention period, and keeps the counts', async () => {
    const campaignId = await createCampaign(t, token);
    const log = (notes: string, occurredAt: string) =>
      t.ok(
        `mutation($c: ID!, $n: String, $o: DateTime) { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, campaignId: $c, notes: $n, occurredAt: $o, door: "7", street: "Dalle Kennedy",
          selfInterest: "old interest", issues: [{ name: "Bus", intensity: 4, quote: "old quote" }] }) { id } }`,
        { c: campaignId, n: notes, o: occurredAt },
        token,
      );
    const old = (await log('old doorstep notes', '2019-01-10T10:00:00Z')).logConversation.id;
    const recent = (await log('recent notes', new Date().toISOString())).logConversation.id;
    const progress = () =>
      t.ok(
        `query($c: ID!) { campaignProgress(campaignId: $c) { doorsKnocked conversationsHeld topIssues { mentions } conversationsPerWeek { count } } }`,
        { c: campaignId },
        token,
      );
    const before = await progress();
    await t.app.get(PrivacyService).purgeStaleContacts();
    const rows = (
      await t.db.query(
        `SELECT c.id, c.notes, c.door, c.street, c.self_interest, r.quote FROM conversations c JOIN raised_issues r ON r.conversation_id = c.id WHERE c.id = ANY($1)`,
        [[old, recent]],
      )
    ).rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: old, notes: null, door: null, street: null, self_interest: null, quote: null },
        { id: recent, notes: 'recent notes', door: '7', street: 'Dalle Kennedy', self_interest: 'old interest', quote: 'old quote' },
      ]),
    );
    expect(await progress()).toEqual(before);
  });

  it('retries a failed purge run (attempts and backoff on the job) and finishes it', async () => {
    const { Queue, QueueEvents } = await import('bullmq');
    const { createWorker } = await import('@rapport/worker');
    const { PURGE_JOB, PURGE_JOB_OPTS } = await import('@rapport/privacy');
    const old = (await t.ok(`mutation { createContact(input: { firstName: "Jeanne", tags: ["retry-me"] }) { id } }`, undefined, token)).createContact.id;
    await t.db.query(`UPDATE contacts SET last_seen_at = now() - interval '4 years' WHERE id = $1`, [old]);
    // The first erasure attempt hits an outage (a sequence is not rolled back with it).
    await t.db.query(`CREATE SEQUENCE purge_attempts`);
    await t.db.query(`CREATE FUNCTION fail_first_purge() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.erased_at IS NOT NULL AND nextval('purge_attempts') = 1 THEN RAISE EXCEPTION 'simulated outage'; END IF; RETURN NEW; END $$`);
    await t.db.query(`CREATE TRIGGER fail_first_purge BEFORE UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION fail_first_purge()`);
    const prefix = `retry${Date.now()}`;
    const redisUrl = new URL(process.env.TEST_REDIS_URL!);
    const connection = { host: redisUrl.hostname, port: Number(redisUrl.port) };
    const worker = await createWorker({ databaseUrl: t.databaseUrl, redisUrl: process.env.TEST_REDIS_URL!, queuePrefix: prefix, logger: false });
    const queue = new Queue('maintenance', { connection, prefix });
    const events = new QueueEvents('maintenance', { connection, prefix });
    try {
      await events.waitUntilReady();
      // The daily job is scheduled with retries.
      for (let i = 0; i < 50 && !(await queue.getJobScheduler(PURGE_JOB)); i++) await new Promise((r) => setTimeout(r, 50));
      const scheduler = await queue.getJobScheduler(PURGE_JOB);
      expect(scheduler?.template?.opts).toMatchObject({ attempts: PURGE_JOB_OPTS.attempts, backoff: PURGE_JOB_OPTS.backoff });
      expect(PURGE_JOB_OPTS.attempts).toBeGreaterThan(1);
      // Same options, a short backoff for the test.
      const job = await queue.add(PURGE_JOB, {}, { ...PURGE_JOB_OPTS, backoff: { type: 'fixed', delay: 100 } });
      expect(await job.waitUntilFinished(events, 20_000)).toEqual({ purged: 1 });
      expect((await queue.getJob(job.id!))?.attemptsMade).toBe(2);
      const row = (await t.db.query(`SELECT tags, erased_at IS NOT NULL AS erased FROM contacts WHERE id = $1`, [old])).rows[0];
      expect(row).toEqual({ tags: [], erased: true });
    } finally {
      await t.db.query(`DROP TRIGGER fail_first_purge ON contacts`);
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await worker.close();
    }
  }, 60_000);
});
