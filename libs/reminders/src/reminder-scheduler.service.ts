import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { In, type EntityManager } from 'typeorm';
import { QUEUES, REMINDER_JOBS, ReminderKind, ReminderStatus } from '@rapport/shared';
import { Reminder } from './entities/reminder.entity.js';

export interface NewReminder {
  organizationId: string;
  kind: ReminderKind;
  remindAt: Date;
  recipientUserId: string | null;
  commitmentId?: string | null;
  conversationId?: string | null;
  actionId?: string | null;
}

export type ReminderSubject = { commitmentId: string } | { conversationId: string } | { actionId: string };

/** A reminder this late when scheduled is history being replayed: recorded, never sent. */
export const STALE_AFTER_MS = 24 * 3600 * 1000;

/**
 * Writes reminder rows in the caller's transaction (the row is the truth), then,
 * once committed, wakes the worker through BullMQ. If Redis is away the rows are
 * still there: the sweeper enqueues them later.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(@InjectQueue(QUEUES.reminders) private readonly queue: Queue) {}

  async schedule(em: EntityManager, reminders: NewReminder[], now = new Date()): Promise<Reminder[]> {
    if (reminders.length === 0) return [];
    const rows = reminders.map((r) =>
      em.create(Reminder, {
        commitmentId: null,
        conversationId: null,
        actionId: null,
        ...r,
        status: r.remindAt.getTime() < now.getTime() - STALE_AFTER_MS ? ReminderStatus.CANCELLED : ReminderStatus.SCHEDULED,
        attempts: 0,
        sentAt: null,
        lastError: null,
        claimedAt: null,
      }),
    );
    return em.save(rows);
  }

  /** Pending reminders of a subject are cancelled (a commitment resolved, an action cancelled). */
  async cancel(em: EntityManager, organizationId: string, subject: ReminderSubject): Promise<string[]> {
    const pending = await em.find(Reminder, { where: { organizationId, status: ReminderStatus.SCHEDULED, ...subject }, select: { id: true } });
    if (pending.length === 0) return [];
    const ids = pending.map((r) => r.id);
    await em.update(Reminder, { id: In(ids), status: ReminderStatus.SCHEDULED }, { status: ReminderStatus.CANCELLED });
    return ids;
  }

  /** Moves the pending reminders of a subject to a new time (a commitment's new date). */
  async reschedule(em: EntityManager, organizationId: string, subject: ReminderSubject, remindAt: Date, kinds?: ReminderKind[]) {
    const pending = await em.find(Reminder, { where: { organizationId, status: ReminderStatus.SCHEDULED, ...subject, ...(kinds ? { kind: In(kinds) } : {}) } });
    for (const r of pending) r.remindAt = remindAt;
    return em.save(pending);
  }

  /** After commit: one delayed job per reminder, job id = reminder id (duplicates collapse). */
  async enqueue(reminders: Reminder[]): Promise<void> {
    const due = reminders.filter((r) => r.status === ReminderStatus.SCHEDULED);
    if (due.length === 0) return;
    try {
      // A rescheduled reminder keeps its id: drop the old job so the new delay applies.
      await Promise.all(due.map((r) => this.queue.remove(r.id).catch(() => 0)));
      await this.queue.addBulk(
        due.map((r) => ({
          name: REMINDER_JOBS.send,
          data: { reminderId: r.id },
          opts: { jobId: r.id, delay: Math.max(0, r.remindAt.getTime() - Date.now()), removeOnComplete: 1000, removeOnFail: 5000 },
        })),
      );
    } catch (error) {
      // Not lost: the row is SCHEDULED and the sweeper will enqueue it.
      this.logger.warn(`could not enqueue ${due.length} reminder(s) now (${(error as Error).message}); the sweeper will`);
    }
  }

  /** After commit: drop the jobs of cancelled reminders (the worker would skip them anyway). */
  async dequeue(reminderIds: string[]): Promise<void> {
    await Promise.all(reminderIds.map((id) => this.queue.remove(id).catch(() => 0)));
  }
}
