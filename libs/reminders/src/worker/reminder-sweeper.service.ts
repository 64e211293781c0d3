import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QUEUES, REMINDER_JOBS, REMINDER_SCHEDULERS } from '@rapport/shared';
import { reminderJob } from '../scheduling/reminder-scheduler.service.js';
import { REMINDER_WORKER_OPTIONS, type ReminderWorkerOptions } from './reminder-options.js';
import { DigestService } from './digest.service.js';

const BATCH = 1000;
/** New organisations get their digest scheduler within this delay (the sweep job checks). */
const DIGEST_SYNC_EVERY_MS = 10 * 60_000;
/** A sweep stops after this many rows; the next one goes on. */
const MAX_PER_SWEEP = 100_000;
/** Job states in which nothing will wake the worker for this reminder any more. */
const LOST = new Set(['unknown', 'completed', 'failed']);

export interface SweepResult {
  checked: number;
  enqueued: number;
}

/**
 * Redis only wakes the worker; PostgreSQL knows what is due. The sweeper looks at
 * every SCHEDULED reminder that is due or soon due (every one at worker start),
 * and gives a job to those that have none: Redis lost its data, a deploy, an
 * enqueue that failed while Redis was away, a job that gave up.
 */
@Injectable()
export class ReminderSweeper {
  private readonly logger = new Logger(ReminderSweeper.name);
  private digestsSyncedAt = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly digests: DigestService,
    @Inject(REMINDER_WORKER_OPTIONS) private readonly options: ReminderWorkerOptions,
  ) {}

  /** `all`: every SCHEDULED reminder, however far ahead (at start); else those due within the horizon. */
  async sweep({ all = false }: { all?: boolean } = {}): Promise<SweepResult> {
    let checked = 0;
    let enqueued = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    while (checked < MAX_PER_SWEEP) {
      const rows: Array<{ id: string; remind_at: Date }> = await this.db.query(
        `SELECT id, remind_at FROM reminders
          WHERE status = 'SCHEDULED'
            AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => $1::float8 / 1000))
            AND ($2::boolean OR remind_at <= now() + make_interval(secs => $3::float8 / 1000))
            AND id > $4::uuid
          ORDER BY id LIMIT ${BATCH}`,
        [this.options.claimTimeoutMs, all, this.options.sweepHorizonMs, after],
      );
      if (rows.length === 0) break;
      checked += rows.length;
      after = rows[rows.length - 1].id;
      const states = await Promise.all(rows.map((r) => this.queue.getJobState(r.id)));
      const lost = rows.filter((_, i) => LOST.has(states[i]));
      const finished = rows.filter((_, i) => LOST.has(states[i]) && states[i] !== 'unknown');
      if (lost.length > 0) {
        // A finished job keeps the id: remove it so the new one is not collapsed into it.
        await Promise.all(finished.map((r) => this.queue.remove(r.id).catch(() => 0)));
        const now = Date.now();
        await this.queue.addBulk(lost.map((r) => reminderJob({ id: r.id, remindAt: new Date(r.remind_at) }, now)));
        enqueued += lost.length;
      }
      if (rows.length < BATCH) break;
    }
    if (enqueued > 0) this.logger.log(`sweep: ${enqueued} reminder(s) had no job and were enqueued (${checked} checked)`);
    return { checked, enqueued };
  }

  /** The repeatable sweep job: due reminders without a job, and now and then the digest schedulers. */
  async periodic(): Promise<SweepResult & { digests?: { upserted: number; removed: number } }> {
    const result = await this.sweep();
    if (Date.now() - this.digestsSyncedAt < DIGEST_SYNC_EVERY_MS) return result;
    this.digestsSyncedAt = Date.now();
    return { ...result, digests: await this.digests.syncSchedulers() };
  }

  /** The repeatable jobs: the sweep every `sweepEveryMs`, each organisation's weekly digest. */
  async ensureSchedulers(): Promise<void> {
    await this.queue.upsertJobScheduler(
      REMINDER_SCHEDULERS.sweep,
      { every: this.options.sweepEveryMs },
      // Trimming by count applies to the whole completed (failed) set of the queue, not to one job
      // name: the sweep (every minute) removes only itself, and keeps the reminders' own limits.
      { name: REMINDER_JOBS.sweep, data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 5000 } } },
    );
    await this.digests.syncSchedulers();
    this.digestsSyncedAt = Date.now();
  }

  /** True when the sweep's scheduler is in Redis (false: Redis lost its data). */
  async schedulersPresent(): Promise<boolean> {
    return (await this.queue.getJobScheduler(REMINDER_SCHEDULERS.sweep)) != null;
  }
}
