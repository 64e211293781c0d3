import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApi } from '@rapport/api';
import { RemindersProcessor, RemindersWorkerModule, type ReminderWorkerOptions, ReminderScheduler, type NewReminder, type Reminder } from '@rapport/reminders';
import { QueueEvents } from 'bullmq';
import { QUEUES, REMINDER_SCHEDULERS, ReminderKind } from '@rapport/shared';
import { mountQueuesBoard } from '../../../apps/api/src/admin/queues-board.js';
import { createTestDatabase, SqlCounter, type GqlResponse } from './test-app.js';

const root = join(process.cwd(), '..');

/** Fast timings for tests: claims expire in seconds, retries in fractions of a second. */
export const FAST: Partial<ReminderWorkerOptions> = {
  claimTimeoutMs: 4000,
  backoffMs: 200,
  sweepEveryMs: 1000,
  lockDurationMs: 3000,
  stalledIntervalMs: 1000,
  concurrency: 20,
  digests: false,
};

export interface RemindersAppOptions {
  databaseUrl?: string;
  redisUrl?: string;
  /** Each app gets its own BullMQ prefix unless given (apps sharing a queue pass the same). */
  queuePrefix?: string;
  /** Run the worker in the same process (false: the api alone). */
  worker?: Partial<ReminderWorkerOptions> | false;
}

export type RemindersApp = Awaited<ReturnType<typeof startRemindersApp>>;

/** The real api over HTTP on its own database and BullMQ prefix, with the worker in-process if asked. */
export async function startRemindersApp(options: RemindersAppOptions = {}) {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const redisUrl = options.redisUrl ?? process.env.TEST_REDIS_URL!;
  const queuePrefix = options.queuePrefix ?? `t${randomBytes(4).toString('hex')}`;
  const workerOptions = options.worker === false ? null : { ...FAST, ...(options.worker ?? {}) };
  const sql = new SqlCounter();
  const app = await createApi({
    databaseUrl,
    redisUrl,
    queuePrefix,
    database: { logger: sql },
    logger: process.env.REMINDERS_TEST_LOG ? ['error', 'warn', 'log'] : ['error'],
    extraModules: workerOptions ? [RemindersWorkerModule.forRoot(workerOptions)] : [],
  });
  mountQueuesBoard(app);
  await app.listen(0, '127.0.0.1');
  if (workerOptions) await app.get(RemindersProcessor).ready();
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

  async function gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  }
  async function ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
    const res = await gql<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  return {
    app,
    url,
    databaseUrl,
    redisUrl,
    queuePrefix,
    sql,
    db,
    gql,
    ok,
    scheduler: app.get(ReminderScheduler),
    async close() {
      await db.end();
      await app.close();
    },
  };
}

let counter = 0;
/** A new organisation and its organiser (token, ids). */
export async function newOrganisation(t: RemindersApp, locale: 'fr' | 'en' = 'fr') {
  const email = `organiser-${Date.now()}-${++counter}-${randomBytes(3).toString('hex')}@test.example`;
  const data = await t.ok<{ registerOrganization: { token: string; user: { id: string }; organization: { id: string } } }>(
    `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { token user { id } organization { id } } }`,
    { input: { organizationName: 'Si on s’alliait', email, password: 'correct horse battery', displayName: 'Nadia Organiser', locale } },
  );
  const r = data.registerOrganization;
  return { token: r.token, userId: r.user.id, organizationId: r.organization.id, email };
}

/** A contact's commitment through the api (COMMITMENT_DUE reminder for the caller at remindAt). */
export async function recordCommitment(t: RemindersApp, token: string, remindAt: Date, description = 'Venir à la réunion de locataires') {
  const contact = await t.ok<{ createContact: { id: string } }>(
    `mutation { createContact(input: { firstName: "Fatima", lastName: "Benali", phone: "06 12 34 56 78" }) { id } }`,
    undefined,
    token,
  );
  const dueAt = new Date(remindAt.getTime() + 3600_000);
  const data = await t.ok<{ recordCommitment: { id: string; reminders: Array<{ id: string; status: string }> } }>(
    `mutation($input: CommitmentInput!) { recordCommitment(input: $input) { id reminders { id status } } }`,
    { input: { contactId: contact.createContact.id, description, dueAt: dueAt.toISOString(), remindAt: remindAt.toISOString() } },
    token,
  );
  return { commitmentId: data.recordCommitment.id, contactId: contact.createContact.id, reminderIds: data.recordCommitment.reminders.map((r) => r.id) };
}

/**
 * Many due reminders at once, written straight into the tables (a contact, its OPEN
 * commitments, their COMMITMENT_DUE reminders), then enqueued as the api would.
 */
export async function bulkReminders(t: RemindersApp, org: { organizationId: string; userId: string }, count: number, remindAt: Date): Promise<Reminder[]> {
  const { rows: contacts } = await t.db.query(
    `INSERT INTO contacts (organization_id, first_name, last_name, phone) VALUES ($1, 'Karim', 'Ouali', '+33612345678') RETURNING id`,
    [org.organizationId],
  );
  const { rows: commitments } = await t.db.query(
    `INSERT INTO commitments (organization_id, contact_id, description, due_at, remind_at, follow_up_owner_id)
     SELECT $1, $2, 'Ramener ' || n || ' voisin(s)', $3::timestamptz + interval '1 day', $3, $4 FROM generate_series(1, $5::int) AS n
     RETURNING id`,
    [org.organizationId, contacts[0].id, remindAt, org.userId, count],
  );
  const rows: NewReminder[] = commitments.map((c: { id: string }) => ({
    organizationId: org.organizationId,
    kind: ReminderKind.COMMITMENT_DUE,
    remindAt,
    recipientUserId: org.userId,
    commitmentId: c.id,
  }));
  const dataSource = t.app.get<DataSource>(getDataSourceToken(), { strict: false });
  const reminders = await dataSource.transaction((em: EntityManager) => t.scheduler.schedule(em, rows));
  await t.scheduler.enqueue(reminders);
  return reminders;
}

/** Reminder rows by status. */
export async function statusCounts(t: { db: pg.Pool }, ids?: string[]): Promise<Record<string, number>> {
  const { rows } = await t.db.query(
    `SELECT status, count(*)::int AS n FROM reminders ${ids ? 'WHERE id = ANY($1::uuid[])' : ''} GROUP BY status`,
    ids ? [ids] : [],
  );
  return Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n]));
}

/**
 * How long a test waits for a state (a row SENT, a worker ready) before it fails. Generous on
 * purpose: a busy 2-core CI machine is slow, and this is a deadline, never a measure; how
 * fast reminders go out is the benchmark's business (npm run bench:reminders).
 */
export const PATIENCE_MS = 120_000;
/** Jest's timeout of a test that waits on several states in turn. */
export const LONG_TEST_MS = 4 * PATIENCE_MS;

export async function until<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = PATIENCE_MS, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Resolves once the sweeper has run `count` more times (its job completed, in whichever
 * worker): whatever a sweep could still re-send, it has. Waits on the queue, not the clock.
 */
export async function sweepsDone(t: { redisUrl: string; queuePrefix: string }, count = 2, timeoutMs = PATIENCE_MS): Promise<void> {
  const url = new URL(t.redisUrl);
  const events = new QueueEvents(QUEUES.reminders, { connection: { host: url.hostname, port: Number(url.port) }, prefix: t.queuePrefix });
  try {
    await events.waitUntilReady();
    await new Promise<void>((done, fail) => {
      let seen = 0;
      const timer = setTimeout(() => fail(new Error(`fewer than ${count} sweeps completed within ${timeoutMs} ms`)), timeoutMs);
      events.on('completed', ({ jobId }) => {
        if (jobId.startsWith(`repeat:${REMINDER_SCHEDULERS.sweep}:`) && ++seen >= count) {
          clearTimeout(timer);
          done();
        }
      });
    });
  } finally {
    await events.close();
  }
}

/** Resolves once the database's clock has passed every one of these reminders' remindAt. */
export function allDue(t: { db: pg.Pool }, ids: string[], timeoutMs = PATIENCE_MS) {
  return until(
    async () => (await t.db.query(`SELECT bool_and(remind_at <= now()) AS due FROM reminders WHERE id = ANY($1::uuid[])`, [ids])).rows[0].due,
    timeoutMs,
  );
}

export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A real worker process (apps/worker/src/main.ts run from its sources), ready to take jobs. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', join(root, 'tests/src/support/reminders-ts-loader.mjs'), join(root, 'apps/worker/src/main.ts')], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker not ready in ${PATIENCE_MS / 1000} s:\n${output.join('')}`)), PATIENCE_MS);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (chunk.toString('utf8').includes('[rapport-worker] ready')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`worker exited (${code}) before it was ready:\n${output.join('')}`));
    });
  });
  return {
    child,
    output,
    exited,
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The environment of a worker process sharing a test app's database and queue. */
export function workerEnv(t: { databaseUrl: string; redisUrl: string; queuePrefix: string }, smtpUrl?: string, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: t.databaseUrl,
    REDIS_URL: t.redisUrl,
    RAPPORT_QUEUE_PREFIX: t.queuePrefix,
    ...(smtpUrl ? { SMTP_URL: smtpUrl } : { SMTP_URL: '' }),
    REMINDER_CLAIM_TIMEOUT_MS: String(FAST.claimTimeoutMs),
    REMINDER_BACKOFF_MS: String(FAST.backoffMs),
    REMINDER_SWEEP_EVERY_MS: String(FAST.sweepEveryMs),
    REMINDER_LOCK_MS: String(FAST.lockDurationMs),
    REMINDER_STALLED_INTERVAL_MS: String(FAST.stalledIntervalMs),
    REMINDER_DIGESTS: 'false',
    ...extra,
  };
}
