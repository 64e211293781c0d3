// Nothing personal in logs: a canary written into every free-text field through
// the api, the usual failures provoked (the outbox's concurrent retries of one
// clientId, bad input, SMTP down for a reminder, an SMTP server quoting the
// recipient), and the canary is nowhere in what the api and a real worker process
// print, at LOG_LEVEL=debug.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { format } from 'node:util';
import { createApi } from '@rapport/api';
import { MailerService, type ReminderWorkerOptions } from '@rapport/reminders';
import { createTestDatabase } from '../support/test-app.js';
import { spawnWorker, workerEnv, until, type WorkerProcess } from '../support/reminders-app.js';
import { startSmtpSink } from '../support/reminders-smtp.js';

const CANARY = `CANARY${randomBytes(4).toString('hex')}`;
const canary = (label: string) => `${label} ${CANARY} HIV+, 3 months rent arrears`;

/** Everything this process prints: Nest's logger (stdout/stderr) and console (replaced by Jest). */
function captureOutput() {
  const chunks: string[] = [];
  const restore: Array<() => void> = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      chunks.push(format(...args));
    };
    restore.push(() => (console[method] = original));
  }
  return { text: () => chunks.join(''), restore: () => restore.forEach((r) => r()) };
}

/** A port nothing listens on: SMTP "down". */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('nothing personal in logs', () => {
  const output = captureOutput();
  let app: Awaited<ReturnType<typeof createApi>>;
  let url: string;
  let worker: WorkerProcess;
  let databaseUrl: string;
  const queuePrefix = `t${randomBytes(4).toString('hex')}`;

  async function gql(query: string, variables?: Record<string, unknown>, token?: string) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  }
  async function ok(query: string, variables?: Record<string, unknown>, token?: string) {
    const res = await gql(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // The production path: no test SQL logger, Nest at debug.
    app = await createApi({ databaseUrl, redisUrl: process.env.TEST_REDIS_URL!, queuePrefix, logger: ['error', 'warn', 'log', 'debug'] });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const smtpDown = `smtp://127.0.0.1:${await closedPort()}`;
    worker = await spawnWorker({ ...workerEnv({ databaseUrl, redisUrl: process.env.TEST_REDIS_URL!, queuePrefix }, smtpDown), LOG_LEVEL: 'debug' });
  }, 90_000);
  afterAll(async () => {
    output.restore();
    await worker?.kill();
    await app?.close();
  });

  it('writes the canary everywhere, provokes the usual failures, and finds it in no output', async () => {
    const email = `organiser-${randomBytes(4).toString('hex')}@test.example`;
    const { registerOrganization: org } = await ok(`mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { token } }`, {
      input: { organizationName: canary('org'), email, password: 'correct horse battery', displayName: canary('organiser') },
    });
    const token = org.token as string;

    const { createCampaign: campaign } = await ok(
      `mutation($i: CampaignInput!) { createCampaign(input: $i) { id } }`,
      { i: { name: canary('campaign'), goal: canary('goal') } },
      token,
    );
    await ok(
      `mutation($c: ID!, $n: String) { advanceCampaign(campaignId: $c, stage: DEMANDS, note: $n) { id } }`,
      { c: campaign.id, n: canary('stage note') },
      token,
    );
    const { createContact: contact } = await ok(
      `mutation($i: ContactInput!) { createContact(input: $i) { id } }`,
      {
        i: {
          firstName: canary('first'),
          lastName: canary('last'),
          street: canary('street'),
          building: canary('building'),
          city: canary('city'),
          neighbourhood: canary('hood'),
          tags: [canary('tag')],
          languages: ['fr'],
        },
      },
      token,
    );
    const { createDecisionMaker: dm } = await ok(
      `mutation($i: DecisionMakerInput!) { createDecisionMaker(input: $i) { id } }`,
      { i: { name: canary('dm'), institution: canary('institution'), title: canary('title') } },
      token,
    );
    await ok(
      `mutation($i: DemandInput!) { createDemand(input: $i) { id } }`,
      { i: { campaignId: campaign.id, title: canary('demand'), targetId: dm.id } },
      token,
    );
    const conversation = {
      campaignId: campaign.id,
      kind: 'ONE_TO_ONE',
      outcome: 'TALKED',
      notes: canary('notes'),
      selfInterest: canary('self interest'),
      street: canary('street'),
      building: canary('building'),
      door: canary('door'),
      issues: [{ name: canary('issue'), intensity: 4, quote: canary('quote') }],
      newContact: { firstName: canary('new contact'), phone: '06 12 34 56 78' },
    };
    // The offline outbox's retry: the same clientId three times at once.
    const clientId = `client-${randomBytes(6).toString('hex')}`;
    const sends = await Promise.all(
      [1, 2, 3].map(() => gql(`mutation($i: LogConversationInput!) { logConversation(input: $i) { id } }`, { i: { ...conversation, clientId } }, token)),
    );
    const ids = new Set(sends.map((s) => s.data?.logConversation?.id).filter(Boolean));
    expect(ids.size).toBe(1);
    // Bad input, in every shape: over-long, invalid, unknown enum value, foreign id.
    const bad = [
      await gql(
        `mutation($i: LogConversationInput!) { logConversation(input: $i) { id } }`,
        { i: { ...conversation, notes: `${canary('long')} ${'x'.repeat(10_001)}` } },
        token,
      ),
      await gql(`mutation($i: LogConversationInput!) { logConversation(input: $i) { id } }`, { i: { ...conversation, interestLevel: 99 } }, token),
      await gql(`mutation($i: LogConversationInput!) { logConversation(input: $i) { id } }`, { i: { ...conversation, kind: CANARY } }, token),
      await gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, { i: { firstName: canary('x'), phone: canary('phone') } }, token),
      await gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, { i: { firstName: canary('x'), email: canary('email') } }, token),
      await gql(`query($f: ContactFilter) { contacts(filter: $f) { totalCount } }`, { f: { search: canary('search').repeat(20) } }, token),
      await gql(`mutation($c: ID!) { eraseContact(contactId: $c) }`, { c: canary('id') }, token),
      await gql(
        `mutation($o: String!) { recordActionOutcome(actionId: "${randomBytes(2).toString('hex')}", outcome: $o) { id } }`,
        { o: canary('outcome') },
        token,
      ),
    ];
    for (const res of bad) expect(res.errors?.[0].extensions?.code).toEqual(expect.any(String));

    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const { scheduleAction: action } = await ok(
      `mutation($i: ActionInput!) { scheduleAction(input: $i) { id } }`,
      { i: { campaignId: campaign.id, kind: 'DELEGATION', title: canary('action'), location: canary('location'), startsAt, targetId: dm.id } },
      token,
    );
    await ok(`mutation($a: ID!, $o: String!) { recordActionOutcome(actionId: $a, outcome: $o) { id } }`, { a: action.id, o: canary('outcome') }, token);
    await ok(`mutation($i: WinInput!) { recordWin(input: $i) { id } }`, { i: { campaignId: campaign.id, title: canary('win'), size: 'SMALL' } }, token);
    const { planNegotiation: negotiation } = await ok(
      `mutation($i: NegotiationInput!) { planNegotiation(input: $i) { id } }`,
      { i: { campaignId: campaign.id, decisionMakerIds: [dm.id], scheduledAt: startsAt } },
      token,
    );
    await ok(
      `mutation($n: ID!, $i: BriefInput!) { updateBrief(negotiationId: $n, input: $i) { objective } }`,
      {
        n: negotiation.id,
        i: {
          objective: canary('objective'),
          fallback: canary('fallback'),
          ifNoAgreement: canary('no deal'),
          ourLeverage: canary('leverage'),
          theirInterests: canary('interests'),
          arguments: [{ kind: 'FACT', text: canary('argument') }],
        },
      },
      token,
    );
    await ok(
      `mutation($n: ID!, $r: String!) { recordNegotiationReport(negotiationId: $n, report: $r) { id } }`,
      { n: negotiation.id, r: canary('report') },
      token,
    );

    // A commitment whose reminder is due now: the worker tries to email it with SMTP down.
    const dueAt = new Date(Date.now() + 3_600_000).toISOString();
    const { recordCommitment: commitment } = await ok(
      `mutation($i: CommitmentInput!) { recordCommitment(input: $i) { id reminders { id } } }`,
      { i: { contactId: contact.id, description: canary('commitment'), dueAt, remindAt: new Date().toISOString() } },
      token,
    );
    const { recordCommitment: other } = await ok(
      `mutation($i: CommitmentInput!) { recordCommitment(input: $i) { id } }`,
      { i: { decisionMakerId: dm.id, description: canary('dm commitment'), dueAt } },
      token,
    );
    await ok(`mutation($id: ID!, $n: String) { resolveCommitment(id: $id, status: KEPT, note: $n) { id } }`, { id: other.id, n: canary('resolution') }, token);
    await ok(`mutation($c: ID!) { exportContactData(contactId: $c) }`, { c: contact.id }, token);

    // The worker retries with backoff, then records FAILED (and logs why).
    const pg = (await import('pg')).default;
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const reminderId = commitment.reminders[0].id as string;
      const failed = await until(async () => {
        const { rows } = await db.query(`SELECT status, last_error FROM reminders WHERE id = $1`, [reminderId]);
        return rows[0]?.status === 'FAILED' ? rows[0] : null;
      }, 60_000);
      expect(failed.last_error).toMatch(/ECONNREFUSED|email not sent/);
    } finally {
      await db.end();
    }
    await new Promise((r) => setTimeout(r, 500));

    const apiOutput = output.text();
    const workerOutput = worker.output.join('');
    // The failures were logged (this test would prove nothing if nothing was printed)...
    expect(workerOutput).toMatch(/FAILED after \d+ attempts/);
    // ...and nothing personal was.
    expect(apiOutput.includes(CANARY)).toBe(false);
    expect(workerOutput.includes(CANARY)).toBe(false);
    expect(apiOutput + workerOutput).not.toContain(email);
  }, 120_000);

  it('an SMTP refusal quoting the recipient is kept and logged without the address', async () => {
    const sink = await startSmtpSink({ reject: (_n, mail) => `550 5.1.1 <${mail.to[0]}>: mailbox unavailable` });
    const mailer = new MailerService({
      smtpUrl: sink.url,
      mailFrom: 'Rapport <rapport@localhost>',
      concurrency: 1,
      claimTimeoutMs: 6000,
    } as ReminderWorkerOptions);
    try {
      const to = `${CANARY.toLowerCase()}@test.example`;
      const error = await mailer.send({ to, subject: 'Rappel', text: canary('body') }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/550|mailbox unavailable/);
      expect(error?.message).not.toContain(to);
      expect(error?.message.toLowerCase()).not.toContain(CANARY.toLowerCase());
    } finally {
      mailer.onApplicationShutdown();
      await sink.close();
    }
  });
});
