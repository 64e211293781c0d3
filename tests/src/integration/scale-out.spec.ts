import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import pg from 'pg';
import { startSmtpSink, type SmtpSink } from '../support/reminders-smtp.js';
import { LONG_TEST_MS, PATIENCE_MS, spawnWorker, until, workerEnv, type WorkerProcess } from '../support/reminders-app.js';
import { createTestDatabase } from '../support/test-app.js';

jest.setTimeout(2 * LONG_TEST_MS);

// Scale out without Docker: two api processes and two worker processes (each its own
// Node process, as production would run them) on one PostgreSQL and one Redis.
// Sixteen canvassers log doors across both apis, each door sent twice at once (an
// outbox resending after a lost answer, once to each api); every conversation must be
// written once and every follow-up reminder emailed once.

const root = join(fileURLToPath(import.meta.url), '../../../..');
const CANVASSERS = 16;
const DOORS_EACH = 6;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/** `node apps/api/dist/start.js`, the production entry point, with the worker out of process. */
async function spawnApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/start.js')], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', ...env, PORT: String(port), HOST: '127.0.0.1', RAPPORT_WORKER: 'false', RAPPORT_SEED: 'none', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`api not ready:\n${output.join('')}`)), PATIENCE_MS);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (output.join('').includes('Rapport is running at')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => fail(new Error(`api exited before it was ready:\n${output.join('')}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('scale out: 2 apis and 2 workers on one PostgreSQL and one Redis', () => {
  let sink: SmtpSink;
  let db: pg.Pool;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    const databaseUrl = await createTestDatabase();
    const shared = { databaseUrl, redisUrl: process.env.TEST_REDIS_URL!, queuePrefix: `s${randomBytes(4).toString('hex')}` };
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: shared.redisUrl, RAPPORT_QUEUE_PREFIX: shared.queuePrefix, SMTP_URL: sink.url };
    apis.push(...(await Promise.all([spawnApi(env), spawnApi(env)])));
    workers.push(...(await Promise.all([spawnWorker(workerEnv(shared, sink.url)), spawnWorker(workerEnv(shared, sink.url))])));
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  });
  afterAll(async () => {
    await Promise.all([...apis.map((a) => a.stop()), ...workers.map((w) => w.kill())]);
    await db?.end();
    await sink?.close();
  });

  async function gql<T = Record<string, any>>(api: ApiProcess, query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  }

  it('writes every conversation once and sends every follow-up reminder once', async () => {
    const [a, b] = apis as [ApiProcess, ApiProcess];
    const reg = await gql<{ registerOrganization: { token: string } }>(
      a,
      `mutation { registerOrganization(input: { organizationName: "Villejean", email: "scale@test.example", password: "correct horse battery", displayName: "Nadia" }) { token } }`,
    );
    const token = reg.registerOrganization.token;
    // Signed in on one api, the session works on the other: nothing is held in a process.
    const campaignId = (await gql<{ createCampaign: { id: string } }>(b, `mutation { createCampaign(input: { name: "CPAM" }) { id } }`, {}, token))
      .createCampaign.id;

    const LOG = `mutation($input: LogConversationInput!) { logConversation(input: $input) { id } }`;
    const followUpAt = new Date(Date.now() + 4000).toISOString();
    await Promise.all(
      Array.from({ length: CANVASSERS }, async (_, c) => {
        for (let d = 0; d < DOORS_EACH; d++) {
          const input = {
            clientId: `scale-${c}-${d}`,
            kind: 'DOOR_KNOCK',
            outcome: 'TALKED',
            campaignId,
            street: 'Cours Kennedy',
            building: `${c}`,
            door: `${d}`,
            newContact: { firstName: `Voisin ${c}-${d}` },
            issues: [{ name: 'Accueil CPAM fermé', intensity: 4 }],
            followUpAt,
          };
          // The same door twice at once, once to each api: one of them writes it.
          const [first, second] = await Promise.all([gql(a, LOG, { input }, token), gql(b, LOG, { input }, token)]);
          expect(second.logConversation.id).toBe(first.logConversation.id);
        }
      }),
    );

    const total = CANVASSERS * DOORS_EACH;
    const { rows } = await db.query(
      `SELECT count(*)::int AS conversations, count(DISTINCT client_id)::int AS client_ids,
              (SELECT count(*)::int FROM contacts) AS contacts,
              (SELECT count(*)::int FROM raised_issues) AS issues,
              (SELECT count(*)::int FROM reminders WHERE kind = 'FOLLOW_UP') AS reminders
         FROM conversations`,
    );
    expect(rows[0]).toEqual({ conversations: total, client_ids: total, contacts: total, issues: total, reminders: total });

    // Both workers take reminders; each is emailed once.
    await until(async () => (await db.query(`SELECT count(*)::int AS n FROM reminders WHERE status = 'SENT'`)).rows[0].n === total, PATIENCE_MS);
    await sink.waitFor(total, PATIENCE_MS);
    // A little longer: a second send would show up now.
    await new Promise((r) => setTimeout(r, 1500));
    const counts = sink.countByReminder();
    expect(counts.size).toBe(total);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const { rows: statuses } = await db.query(`SELECT status, count(*)::int AS n FROM reminders GROUP BY status`);
    expect(statuses).toEqual([{ status: 'SENT', n: total }]);
  });
});
