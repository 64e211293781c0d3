// Operators and organisations are different people: only RAPPORT_OPERATORS reach the
// queues board (every other caller gets the 404 of an unknown address); organisers see
// their own organisation's reminder health; registration can be closed, and then
// `npm run org:create` makes organisations.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '@rapport/shared';
import { startTestApp, createTestDatabase, registerOrganization, addMember, type TestApp } from '../support/test-app.js';

const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { token user { id } organization { id } } }`;
const OPERATOR = 'ops@operator.example';
const run = promisify(execFile);
const root = join(process.cwd(), '..');

/** Every kind of route under the board, as bull-board's UI and API use them. */
const ROUTES: Array<[string, string]> = [
  ['GET', '/admin/queues'],
  ['GET', '/admin/queues/'],
  ['GET', '/admin/queues/queue/reminders'],
  ['GET', '/admin/queues/static/js/main.js'],
  ['GET', '/admin/queues/api/queues?activeQueue=reminders&status=latest&page=1'],
  ['GET', '/admin/queues/api/redis/stats'],
  ['PUT', '/admin/queues/api/queues/reminders/pause'],
  ['PUT', '/admin/queues/api/queues/reminders/retry/failed'],
  ['PUT', '/admin/queues/api/queues/reminders/clean/completed'],
  ['DELETE', '/admin/queues/api/queues/reminders/some-job'],
];

/** What the server answers at `path` with its /admin/queues part replaced by an address that does not exist. */
async function unknownAnswer(t: TestApp, method: string, path: string) {
  const res = await fetch(`${t.url}${path.replace('/admin/queues', '/admin/nothing-here')}`, { method, redirect: 'manual' });
  return { status: res.status, body: (await res.text()).replace('/admin/nothing-here', '/admin/queues') };
}

describe('/admin/queues: operators only', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof registerOrganization>>;
  let operatorToken: string;

  beforeAll(async () => {
    t = await startTestApp({ auth: { operators: [OPERATOR] } });
    org = await registerOrganization(t, 'Self-registered org');
    const op = await t.ok(REGISTER, {
      input: { organizationName: 'Operator org', email: 'OPS@operator.example', password: 'correct horse battery', displayName: 'Ops' },
    });
    operatorToken = op.registerOrganization.token;
  });
  afterAll(() => t.close());

  it('answers 404 on every route to organisers, other members and strangers, like an unknown address', async () => {
    const leader = await addMember(t, org.token, 'LEADER');
    const callers: Array<[string, Record<string, string>, string]> = [
      ['no token', {}, ''],
      ['forged token', { authorization: 'Bearer forged' }, ''],
      ['organiser', { authorization: `Bearer ${org.token}` }, ''],
      ['organiser ?token=', {}, `token=${encodeURIComponent(org.token)}`],
      ['organiser cookie', { cookie: `rapport_queues_token=${encodeURIComponent(org.token)}` }, ''],
      ['leader', { authorization: `Bearer ${leader.token}` }, ''],
    ];
    for (const [method, path] of ROUTES) {
      const expected = await unknownAnswer(t, method, path);
      expect(expected.status).toBe(404);
      for (const [who, headers, query] of callers) {
        const url = `${t.url}${path}${query ? (path.includes('?') ? '&' : '?') + query : ''}`;
        const res = await fetch(url, { method, headers, redirect: 'manual' });
        const body = await res.text();
        expect({ who, method, path, status: res.status, setCookie: res.headers.get('set-cookie') }).toEqual({
          who,
          method,
          path,
          status: 404,
          setCookie: null,
        });
        if (!query) expect(body).toBe(expected.body);
      }
    }
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.reminders), { strict: false });
    expect(await queue.isPaused()).toBe(false);
  });

  it('shows the board to an operator (Bearer, or ?token= once then an HttpOnly cookie)', async () => {
    const page = await fetch(`${t.url}/admin/queues`, { headers: { authorization: `Bearer ${operatorToken}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');

    const first = await fetch(`${t.url}/admin/queues?token=${encodeURIComponent(operatorToken)}`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/admin/queues');
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/);
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    const api = await fetch(`${t.url}/admin/queues/api/queues?activeQueue=reminders&status=latest&page=1`, { headers: { cookie } });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name)).toContain('reminders');

    // An operator who signs out loses the board at once.
    await t.ok(`mutation { signOut }`, undefined, operatorToken);
    expect((await fetch(`${t.url}/admin/queues/api/redis/stats`, { headers: { cookie } })).status).toBe(404);
  });

  it("shows organisers their own organisation's reminder health, from PostgreSQL", async () => {
    const other = await registerOrganization(t, 'Other org');
    const insert = (orgId: string, userId: string, status: string, remindAt: string, sentAt: string | null, lastError: string | null) =>
      t.db.query(
        `INSERT INTO reminders (organization_id, kind, remind_at, status, sent_at, last_error, recipient_user_id, attempts) VALUES ($1, 'FOLLOW_UP', ${remindAt}, $2, ${sentAt ?? 'NULL'}, $3, $4, 0)`,
        [orgId, status, lastError, userId],
      );
    await insert(org.organization.id, org.user.id, 'SCHEDULED', `now() + interval '1 day'`, null, null);
    await insert(org.organization.id, org.user.id, 'SCHEDULED', `now() - interval '1 hour'`, null, null);
    await insert(org.organization.id, org.user.id, 'FAILED', `now() - interval '2 hours'`, null, 'SMTP 550 mailbox unavailable');
    await insert(org.organization.id, org.user.id, 'SENT', `now() - interval '2 days'`, `now() - interval '2 days'`, null);
    await insert(org.organization.id, org.user.id, 'SENT', `now() - interval '20 days'`, `now() - interval '20 days'`, null);
    await insert(other.organization.id, other.user.id, 'FAILED', `now() - interval '1 hour'`, null, 'other tenant');
    await insert(other.organization.id, other.user.id, 'SCHEDULED', `now()`, null, null);

    const health = await t.ok(`{ reminderHealth { pending overdue failed sentLast7Days } failedReminders { lastError } }`, undefined, org.token);
    expect(health.reminderHealth).toEqual({ pending: 2, overdue: 1, failed: 1, sentLast7Days: 1 });
    expect(health.failedReminders).toEqual([{ lastError: 'SMTP 550 mailbox unavailable' }]);
    const leader = await addMember(t, org.token, 'LEADER');
    expect((await t.gql(`{ reminderHealth { pending } }`, undefined, leader.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('RAPPORT_REGISTRATION=closed and npm run org:create', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ databaseUrl: await createTestDatabase(), auth: { registration: 'closed' } });
  });
  afterAll(() => t.close());

  it('refuses registerOrganization with FORBIDDEN and writes nothing', async () => {
    const res = await t.gql(REGISTER, {
      input: { organizationName: 'Nope', email: 'nope@closed.example', password: 'correct horse battery', displayName: 'N' },
    });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/^registerOrganization: registration is closed/);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM organizations`)).rows[0].n).toBe(0);
  });

  it('org:create makes an organisation and its first organiser, with a password or a one-time link', async () => {
    const env = { ...process.env, DATABASE_URL: t.databaseUrl, PUBLIC_URL: 'https://rapport.example.org', RAPPORT_REGISTRATION: 'closed' };
    const script = join(root, 'apps/api/dist/org-create.js');

    const withPassword = await run(
      'node',
      [script, '--name', 'Alliance Citoyenne', '--email', 'Orga@Closed.example', '--password', 'correct horse battery', '--locale', 'fr'],
      { env },
    );
    expect(withPassword.stdout).toMatch(/organisation "Alliance Citoyenne" created/);
    const signIn = await t.ok(
      `mutation { signIn(email: "orga@closed.example", password: "correct horse battery") { token user { role } organization { name } } }`,
    );
    expect(signIn.signIn).toMatchObject({ user: { role: 'ORGANISER' }, organization: { name: 'Alliance Citoyenne' } });

    const withLink = await run('node', [script, '--name', 'Si on s’alliait ?', '--email', 'first@closed.example'], { env });
    const token = /https:\/\/rapport\.example\.org\/reset-password\/([A-Za-z0-9_-]+)/.exec(withLink.stdout)?.[1];
    expect(token).toBeDefined();
    const reset = await t.ok(`mutation($t: String!) { resetPassword(token: $t, newPassword: "chosen by the organiser") { token user { email role } } }`, {
      t: token,
    });
    expect(reset.resetPassword.user).toEqual({ email: 'first@closed.example', role: 'ORGANISER' });

    const taken = await run('node', [script, '--name', 'Again', '--email', 'first@closed.example'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(taken).toMatchObject({ code: 1 });
    expect((taken as { stderr: string }).stderr).toMatch(/email: an account already uses this email address/);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'CREATE_ORGANIZATION'`);
    expect(audit.rows[0].n).toBe(2);
  });
});
