// Reminders benchmark: N reminders due at the same moment, sent by one worker, then by
// two, through real PostgreSQL, Redis and SMTP, next to the raw ceilings of the same
// machine in the same run (redis-benchmark, an SMTP sink blasted by nodemailer, the
// claim UPDATE in PostgreSQL).
//
// Run it from the repository root (no build needed; ~2–3 minutes on 2 cores):
//   node --import ./tests/src/support/reminders-ts-loader.mjs tests/bench/reminders.bench.ts
// Options: --count 10000 --concurrency 20 --workers 1,2
// Writes the figures to test-results/bench-reminders.json as well.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import nodemailer from 'nodemailer';
import { Queue } from 'bullmq';
import { startLocalPostgres, startLocalRedis } from '@rapport/local-services';
import { bullConnection, runMigrations } from '@rapport/platform';
import { reminderJob } from '@rapport/reminders';
import { QUEUES } from '@rapport/shared';
import { startSmtpSink } from '../src/support/reminders-smtp.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '20' },
    workers: { type: 'string', default: '1,2' },
  },
});
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const WORKER_COUNTS = args.workers!.split(',').map(Number);
const say = (line: string) => console.log(`[bench] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface WorkerChild {
  child: ChildProcess;
  exited: Promise<unknown>;
}

function spawnWorker(env: Record<string, string>): Promise<WorkerChild> {
  const extra = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []; // e.g. "--cpu-prof"
  const child = spawn(
    process.execPath,
    [...extra, '--import', join(root, 'tests/src/support/reminders-ts-loader.mjs'), join(root, 'apps/worker/src/main.ts')],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise((done) => child.once('exit', done));
  let output = '';
  return new Promise((ready, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (process.env.BENCH_VERBOSE) process.stdout.write(chunk);
      if (output.includes('[rapport-worker] ready')) ready({ child, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => fail(new Error(`worker exited before it was ready:\n${output}`)));
  });
}

/** The raw Redis ceiling: redis-benchmark against the same server. */
function redisCeiling(port: number): Record<string, number> | null {
  const run = spawnSync('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-q', '-n', '100000', '-c', '50', '-t', 'set,get,lpush,zadd'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) return null;
  const result: Record<string, number> = {};
  for (const m of run.stdout.matchAll(/^(\w+)[^:]*:\s+([\d.]+) requests per second/gm)) result[m[1]] = Number(m[2]);
  return result;
}

/** The raw SMTP ceiling: nodemailer (pooled, as the worker) straight into the sink. */
async function smtpCeiling(url: string, count: number, connections: number): Promise<number> {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: connections, maxMessages: Infinity });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections * 2 }, async () => {
      while (next < count) {
        const i = next++;
        await transport.sendMail({ from: 'bench@rapport.example', to: `u${i % 20}@bench.example`, subject: `ceiling ${i}`, text: 'x'.repeat(600) });
      }
    }),
  );
  transport.close();
  return count / ((performance.now() - started) / 1000);
}

/** The raw PostgreSQL ceiling of what a send does to its row: claim, then mark SENT. */
async function postgresCeiling(db: pg.Pool, organizationId: string, userId: string, count: number, parallel: number): Promise<number> {
  const { rows } = await db.query(
    `INSERT INTO reminders (organization_id, kind, remind_at, recipient_user_id) SELECT $1, 'FOLLOW_UP', now(), $2 FROM generate_series(1, $3::int) RETURNING id`,
    [organizationId, userId, count],
  );
  const ids: string[] = rows.map((r: { id: string }) => r.id);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const claimed = await db.query(
          `UPDATE reminders SET claimed_at = date_trunc('milliseconds', clock_timestamp()), attempts = attempts + 1 WHERE id = $1 AND status = 'SCHEDULED' RETURNING claimed_at`,
          [id],
        );
        await db.query(`UPDATE reminders SET status = 'SENT', sent_at = now(), claimed_at = NULL WHERE id = $1 AND claimed_at = $2`, [
          id,
          claimed.rows[0].claimed_at,
        ]);
      }
    }),
  );
  const rate = ids.length / ((performance.now() - started) / 1000);
  await db.query(`DELETE FROM reminders WHERE id = ANY($1::uuid[])`, [ids]);
  return rate;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-'));
  const loadBefore = loadavg()[0];
  say(`${COUNT} reminders due at once; worker concurrency ${CONCURRENCY}; ${cpus().length} CPU(s), load ${loadBefore.toFixed(2)}; data in ${dir}`);
  // Durable settings, as `npm start` runs them (fsync on, Redis append-only file).
  const [postgres, redis] = await Promise.all([startLocalPostgres({ dataDir: join(dir, 'pg') }), startLocalRedis({ dataDir: join(dir, 'redis') })]);
  const sink = await startSmtpSink();
  const children: WorkerChild[] = [];
  try {
    await runMigrations(postgres.url);
    const db = new pg.Pool({ connectionString: postgres.url, max: 20 });
    const { rows: orgs } = await db.query(`INSERT INTO organizations (name, calendar_token) VALUES ('Bench', md5(random()::text)) RETURNING id`);
    const organizationId: string = orgs[0].id;
    const { rows: users } = await db.query(
      `INSERT INTO users (organization_id, email, password_hash, display_name, role)
       SELECT $1, 'organiser' || n || '@bench.example', 'x', 'Organiser ' || n, 'ORGANISER' FROM generate_series(1, 20) n RETURNING id`,
      [organizationId],
    );
    const { rows: contacts } = await db.query(
      `INSERT INTO contacts (organization_id, first_name, last_name, phone) VALUES ($1, 'Fatima', 'Benali', '+33612345678') RETURNING id`,
      [organizationId],
    );

    say('measuring the ceilings…');
    const ceilings = {
      redis: redisCeiling(redis.port),
      smtpMessagesPerSecond: await smtpCeiling(sink.url, 3000, Math.min(10, CONCURRENCY)),
      postgresClaimAndMarkPerSecond: await postgresCeiling(db, organizationId, users[0].id, 5000, CONCURRENCY),
    };
    sink.messages.length = 0;

    const runs: Array<Record<string, number>> = [];
    for (const workers of WORKER_COUNTS) {
      const prefix = `bench${workers}w${Date.now()}`;
      const env = {
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        RAPPORT_QUEUE_PREFIX: prefix,
        SMTP_URL: sink.url,
        PUBLIC_URL: 'https://rapport.example',
        REMINDER_CONCURRENCY: String(CONCURRENCY),
        REMINDER_DIGESTS: 'false',
      };
      for (let i = 0; i < workers; i++) children.push(await spawnWorker(env));
      const queue = new Queue(QUEUES.reminders, { connection: bullConnection(redis.url), prefix });

      const remindAt = new Date(Date.now() + 8000);
      const { rows: commitments } = await db.query(
        `INSERT INTO commitments (organization_id, contact_id, description, due_at, remind_at, follow_up_owner_id)
         SELECT $1, $2, 'Ramener ' || n || ' voisin(s) à la réunion', $3::timestamptz + interval '1 day', $3, $4 FROM generate_series(1, $5::int) n RETURNING id`,
        [organizationId, contacts[0].id, remindAt, users[0].id, COUNT],
      );
      const { rows: reminders } = await db.query(
        `INSERT INTO reminders (organization_id, kind, remind_at, recipient_user_id, commitment_id)
         SELECT $1, 'COMMITMENT_DUE', $2, ($3::uuid[])[1 + (ord::int % 20)], c FROM unnest($4::uuid[]) WITH ORDINALITY AS t(c, ord) RETURNING id, remind_at`,
        [organizationId, remindAt, users.map((u: { id: string }) => u.id), commitments.map((c: { id: string }) => c.id)],
      );
      const ids: string[] = reminders.map((r: { id: string }) => r.id);
      for (let i = 0; i < reminders.length; i += 1000) {
        await queue.addBulk(
          reminders.slice(i, i + 1000).map((r: { id: string; remind_at: Date }) => reminderJob({ id: r.id, remindAt: new Date(r.remind_at) })),
        );
      }
      say(`${workers} worker(s): ${COUNT} reminders due at ${remindAt.toISOString()}`);
      const before = sink.messages.length;

      for (;;) {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM reminders WHERE id = ANY($1::uuid[]) AND status <> 'SCHEDULED'`, [ids]);
        if (rows[0].n === COUNT) break;
        await sleep(500);
      }
      const { rows: stats } = await db.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - remind_at)) AS p50,
                percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - remind_at)) AS p95,
                max(extract(epoch FROM sent_at - remind_at)) AS max,
                extract(epoch FROM max(sent_at) - min(remind_at)) AS span,
                count(*) FILTER (WHERE status = 'SENT')::int AS sent
           FROM reminders WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      await sleep(1000);
      const emails = sink.messages.length - before;
      const perReminder = new Map<string, number>();
      for (const m of sink.messages.slice(before)) if (m.reminderId) perReminder.set(m.reminderId, (perReminder.get(m.reminderId) ?? 0) + 1);
      const duplicates = [...perReminder.values()].filter((n) => n > 1).length;
      const s = stats[0];
      runs.push({
        workers,
        sent: s.sent,
        emails,
        duplicates,
        latenessP50: Number(s.p50),
        latenessP95: Number(s.p95),
        latenessMax: Number(s.max),
        perSecond: s.sent / Number(s.span),
      });
      say(`${workers} worker(s): done — ${s.sent} SENT, ${emails} emails, ${duplicates} duplicate(s)`);
      await queue.close();
      await Promise.all(children.splice(0).map((w) => (w.child.kill('SIGTERM'), w.exited)));
    }
    await db.end();

    const f = (n: number, d = 2) => n.toFixed(d);
    const lines = [
      '',
      `Reminders benchmark — ${COUNT} reminders due at the same moment (${cpus().length} CPU, concurrency ${CONCURRENCY} per worker; ` +
        `1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after; PostgreSQL and Redis durable, all on this machine)`,
      '',
      '| workers | lateness p50 | p95 | max | sent/s | emails | duplicates |',
      '|---|---|---|---|---|---|---|',
      ...runs.map(
        (r) =>
          `| ${r.workers} | ${f(r.latenessP50)} s | ${f(r.latenessP95)} s | ${f(r.latenessMax)} s | ${f(r.perSecond, 0)} | ${r.emails} | ${r.duplicates} |`,
      ),
      '',
      'Ceilings measured in the same run:',
      `- redis-benchmark (50 clients, no pipelining): ${
        ceilings.redis
          ? Object.entries(ceilings.redis)
              .map(([k, v]) => `${k} ${f(v, 0)}/s`)
              .join(', ')
          : 'redis-benchmark not found'
      }`,
      `- SMTP sink via nodemailer pool (${Math.min(10, CONCURRENCY)} connections): ${f(ceilings.smtpMessagesPerSecond, 0)} messages/s`,
      `- PostgreSQL claim + mark-SENT UPDATE pairs (${CONCURRENCY} in parallel): ${f(ceilings.postgresClaimAndMarkPerSecond, 0)}/s`,
      '',
    ];
    console.log(lines.join('\n'));
    await mkdir(join(root, 'test-results'), { recursive: true });
    await writeFile(
      join(root, 'test-results/bench-reminders.json'),
      JSON.stringify({ count: COUNT, concurrency: CONCURRENCY, cpus: cpus().length, loadBefore, runs, ceilings }, null, 2),
    );
  } finally {
    await Promise.all(children.map((w) => (w.child.kill('SIGKILL'), w.exited)));
    await sink.close();
    await redis.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
