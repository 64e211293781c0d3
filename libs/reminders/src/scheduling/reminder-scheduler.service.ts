import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { In, type EntityManager } from 'typeorm';
import { QUEUES, REMINDER_JOBS, ReminderKind, ReminderStatus } from '@rapport/shared';
import { Reminder } from '../entities/reminder.entity.js';

export interface NewReminder {
  organizationId: string;
  kind: ReminderKind;
  remindAt: Date;
  recipientUserId: string | null;
  commitmentId?: string | null;
  conversationId?: string | null;
  actionId?: string | null;
  membershipId?: string | null;
  caseId?: string | null;
}

export type ReminderSubject = { commitmentId: string } | { conversationId: string } | { actionId: string } | { membershipId: string } | { caseId: string };

/** A reminder this late when scheduled is history being replayed: recorded, never sent. */
export const STALE_AFTER_MS = 24 * 3600 * 1000;

/** The BullMQ job that wakes the worker for a reminder: job id = reminder id, delayed until remindAt. */
export function reminderJob(reminder: Pick<Reminder, 'id' | 'remindAt'>, now = Date.now()) {
  return {
    name: REMINDER_JOBS.send,
    data: { reminderId: reminder.id },
    opts: {
      jobId: reminder.id,
      delay: Math.max(0, reminder.remindAt.getTime() - now),
      // One retry layer: the row's (attempts, backoff), which re-delays this same job. A job
      // that crashes (database away…) fails once; the sweeper gives its row a new job.
      attempts: 1,
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    },
  };
}

/**
 * Writes reminder rows in the caller's transaction (the row is the truth), then,
 * once committed, wakes the worker through BullMQ. If Redis is away the rows are
 * still there: the sweeper enqueues them later.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);
  private redisDownSince = 0;

  constructor(@InjectQueue(QUEUES.reminders) private readonly queue: Queue) {
    // Redis away: say it once in a while, not at every reconnection attempt.
    queue.on('error', (error) => {
      const now = Date.now();
      if (now - this.redisDownSince > 60_000) this.logger.warn(`reminders queue: ${error.message}`);
      this.redisDownSince = now;
    });
  }

  async schedule(em: EntityManager, reminders: NewReminder[], now = new Date()): Promise<Reminder[]> {
    if (reminders.length === 0) return [];
    const rows = reminders.map((r) =>
      em.create(Reminder, {
        commitmentId: null,
        conversationId: null,
        actionId: null,
        membershipId: null,
        caseId: null,
        ...r,
        status: isStale(r.remindAt, now) ? ReminderStatus.CANCELLED : ReminderStatus.SCHEDULED,
        attempts: 0,
        sentAt: null,
        lastError: null,
        claimedAt: null,
      }),
    );
    return em.save(rows, { chunk: 500 });
  }

  /** Pending reminders of a subject are cancelled (a commitment resolved, an action cancelled). */
  async cancel(em: EntityManager, organizationId: string, subject: ReminderSubject): Promise<string[]> {
    const pending = await em.find(Reminder, { where: { organizationId, status: ReminderStatus.SCHEDULED, ...subject }, select: { id: true } });
    if (pending.length === 0) return [];
    const ids = pending.map((r) => r.id);
    await em.update(Reminder, { id: In(ids), status: ReminderStatus.SCHEDULED }, { status: ReminderStatus.CANCELLED, claimedAt: null });
    return ids;
  }

  /**
   * Erasure, this context's part: pending reminders about a person (their
   * commitments, follow-ups of their conversations) are cancelled, they would
   * name them. Returns the ids, whose jobs are dropped after commit (dequeue).
   */
  async cancelAboutContact(em: EntityManager, organizationId: string, contactId: string): Promise<string[]> {
    const [rows] = (await em.query(
      `UPDATE reminders SET status = 'CANCELLED', claimed_at = NULL
        WHERE organization_id = $1 AND status = 'SCHEDULED'
          AND (commitment_id IN (SELECT id FROM commitments WHERE organization_id = $1 AND contact_id = $2)
            OR conversation_id IN (SELECT id FROM conversations WHERE organization_id = $1 AND contact_id = $2))
        RETURNING id`,
      [organizationId, contactId],
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }

  /**
   * Moves the pending reminders of a subject to a new time (a commitment's new date).
   * A time more than a day past is history: the reminder is recorded CANCELLED.
   */
  async reschedule(em: EntityManager, organizationId: string, subject: ReminderSubject, remindAt: Date, kinds?: ReminderKind[]) {
    const pending = await em.find(Reminder, { where: { organizationId, status: ReminderStatus.SCHEDULED, ...subject, ...(kinds ? { kind: In(kinds) } : {}) } });
    const stale = isStale(remindAt, new Date());
    for (const r of pending) {
      r.remindAt = remindAt;
      if (stale) r.status = ReminderStatus.CANCELLED;
    }
    return em.save(pending);
  }

  /** After commit: one delayed job per reminder, job id = reminder id (duplicates collapse). */
  async enqueue(reminders: Reminder[], { replace = false } = {}): Promise<void> {
    if (reminders.length === 0) return;
    const due = reminders.filter((r) => r.status === ReminderStatus.SCHEDULED);
    try {
      await withTimeout(ENQUEUE_TIMEOUT_MS, async () => {
        // A rescheduled reminder keeps its id: drop the old job so the new delay applies
        // (a job being processed cannot be removed; the worker re-reads the row and re-delays it).
        // New reminders have no job yet: no round trip to Redis for nothing.
        if (replace) await Promise.all(reminders.map((r) => this.queue.remove(r.id).catch(() => 0)));
        if (due.length === 0) return;
        const now = Date.now();
        await this.queue.addBulk(due.map((r) => reminderJob(r, now)));
      });
    } catch (error) {
      // Not lost: the row is SCHEDULED and the sweeper will enqueue it.
      this.logger.warn(`could not enqueue ${due.length} reminder(s) now (${(error as Error).message}); the sweeper will`);
    }
  }

  /** After commit: drop the jobs of cancelled reminders (the worker would skip them anyway). */
  async dequeue(reminderIds: string[]): Promise<void> {
    await withTimeout(ENQUEUE_TIMEOUT_MS, () => Promise.all(reminderIds.map((id) => this.queue.remove(id).catch(() => 0)))).catch(() => undefined);
  }
}

/** A mutation never waits long on Redis: past this, the sweeper takes over. */
const ENQUEUE_TIMEOUT_MS = 3000;

async function withTimeout<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const isStale = (remindAt: Date, now: Date) => remindAt.getTime() < now.getTime() - STALE_AFTER_MS;
