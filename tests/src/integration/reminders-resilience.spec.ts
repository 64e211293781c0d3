import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUES } from '@rapport/shared';
import { findFreePort, startLocalRedis, type LocalRedis } from '@rapport/local-services';
import { startSmtpSink, type SmtpSink } from '../support/reminders-smtp.js';
import { jest } from '@jest/globals';
import {
  LONG_TEST_MS,
  PATIENCE_MS,
  allDue,
  bulkReminders,
  newOrganisation,
  recordCommitment,
  spawnWorker,
  startRemindersApp,
  statusCounts,
  sweepsDone,
  until,
  workerEnv,
  type RemindersApp,
  type WorkerProcess,
} from '../support/reminders-app.js';

jest.setTimeout(LONG_TEST_MS);

// "On time, sent once, never lost": Redis losing its data, a worker killed mid-send,
// a worker stopped gracefully, two workers racing for 1,000 reminders. Worker
// processes are real child processes (apps/worker/src/main.ts).

const row = async (t: RemindersApp, id: string) => (await t.db.query(`SELECT * FROM reminders WHERE id = $1`, [id])).rows[0];

describe('reminders when Redis loses its data', () => {
  let dir: string;
  let port: number;
  let redis: LocalRedis;
  let sink: SmtpSink;
  let t: RemindersApp;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-redis-'));
    port = await findFreePort();
    redis = await startLocalRedis({ dataDir: dir, port, throwaway: true });
    sink = await startSmtpSink();
    t = await startRemindersApp({ redisUrl: redis.url, worker: { smtpUrl: sink.url } });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('records commitments while Redis is down, and sends every reminder once when it comes back empty', async () => {
    const org = await newOrganisation(t);
    // Two enqueued while Redis is up: their jobs die with Redis.
    const before = await Promise.all([1, 2].map((i) => recordCommitment(t, org.token, new Date(Date.now() + 3000), `Avant la panne ${i}`)));

    await redis.stop();
    const during: Array<{ reminderIds: string[] }> = [];
    for (const i of [1, 2, 3]) {
      // Redis stays down: a mutation that waited for it would never return.
      during.push(await recordCommitment(t, org.token, new Date(Date.now() + 1500), `Pendant la panne ${i}`));
    }
    const ids = [...before, ...during].flatMap((c) => c.reminderIds);
    expect(ids).toHaveLength(5);
    expect(await statusCounts(t, ids)).toEqual({ SCHEDULED: 5 });
    await allDue(t, ids); // every reminder is now due, and nothing could wake the worker

    redis = await startLocalRedis({ dataDir: dir, port, throwaway: true }); // same port, no data
    await sink.waitFor(5, PATIENCE_MS);
    await until(async () => (await statusCounts(t, ids)).SENT === 5);
    await sweepsDone(t, 2); // a few more sweeps: nothing is sent twice
    const counts = sink.countByReminder();
    expect(ids.map((id) => counts.get(id))).toEqual([1, 1, 1, 1, 1]);
    expect(sink.messages).toHaveLength(5);
  });
});

describe('reminders with worker processes', () => {
  let sink: SmtpSink;
  let slow = new Set<number>();
  let slowMs = 0;
  let t: RemindersApp;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink({ delayMs: (n) => (slow.has(n) ? slowMs : 0) });
    t = await startRemindersApp({ worker: false }); // the api alone; workers run in child processes
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.kill('SIGKILL')));
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  async function startWorker(): Promise<WorkerProcess> {
    const worker = await spawnWorker(workerEnv(t, sink.url));
    workers.push(worker);
    return worker;
  }

  it('sends the reminder once when its worker is killed (SIGKILL) while sending', async () => {
    const org = await newOrganisation(t);
    const first = sink.dataCount + 1;
    slow = new Set([first]);
    slowMs = 60_000; // the server holds its answer: the worker dies before the message is accepted
    const a = await startWorker();
    const { reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 1000), 'Venir à l’assemblée');
    const [id] = reminderIds;

    await sink.waitForData(first, PATIENCE_MS);
    await a.kill('SIGKILL');
    const held = await row(t, id);
    expect(held).toMatchObject({ status: 'SCHEDULED', attempts: 1 });
    expect(held.claimed_at).not.toBeNull();

    // Another worker takes over once the claim expires (BullMQ sees the job stalled, the sweeper backs it up).
    const started = Date.now();
    await startWorker();
    await until(async () => (await row(t, id)).status === 'SENT');
    const sent = await row(t, id);
    expect(sent.attempts).toBe(2);
    await sweepsDone(t, 2);
    expect(sink.countByReminder().get(id)).toBe(1);
    console.log(`[reminders] taken over and sent ${Date.now() - started} ms after the kill`);
  });

  it('finishes the email in hand when its worker is stopped gracefully (SIGTERM)', async () => {
    const org = await newOrganisation(t);
    const first = sink.dataCount + 1;
    slow = new Set([first]);
    slowMs = 1500;
    const worker = await startWorker();
    const { reminderIds } = await recordCommitment(t, org.token, new Date(Date.now() + 1000), 'Préparer les pancartes');
    const [id] = reminderIds;
    await sink.waitForData(first, PATIENCE_MS);
    expect(await row(t, id)).toMatchObject({ status: 'SCHEDULED', attempts: 1 }); // in hand: the server holds its answer
    await worker.kill('SIGTERM');
    // By the time it exited, it had the server's answer and had marked the row.
    expect(await row(t, id)).toMatchObject({ status: 'SENT', attempts: 1, claimed_at: null });
    expect(sink.countByReminder().get(id)).toBe(1);
  });

  it('sends 1,000 reminders due at once with two workers on the same queue: each email exactly once', async () => {
    const org = await newOrganisation(t);
    slow = new Set();
    await Promise.all([startWorker(), startWorker()]);
    const remindAt = new Date(Date.now() + 4000);
    const reminders = await bulkReminders(t, org, 1000, remindAt);
    const ids = reminders.map((r) => r.id);
    const before = sink.messages.length;

    await until(async () => (await statusCounts(t, ids)).SENT === 1000, PATIENCE_MS, 250);
    const { rows } = await t.db.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - remind_at)) AS p50,
              max(extract(epoch FROM sent_at - remind_at)) AS max FROM reminders WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await sweepsDone(t, 2);
    const counts = sink.countByReminder();
    expect(sink.messages.length - before).toBe(1000);
    expect(ids.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(await statusCounts(t, ids)).toEqual({ SENT: 1000 });
    // Both workers took their share (completed jobs keep the name of the process that ran them).
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.reminders));
    const done = await queue.getJobs(['completed'], 0, 999);
    const by = new Map<string, number>();
    for (const j of done.filter((j) => ids.includes(j.id!))) by.set(j.processedBy!, (by.get(j.processedBy!) ?? 0) + 1);
    expect(by.size).toBe(2);
    console.log(`[reminders] 1,000 reminders, two workers: lateness p50 ${Number(rows[0].p50).toFixed(2)} s, max ${Number(rows[0].max).toFixed(2)} s`);
  });
});
