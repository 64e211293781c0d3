import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ReminderStatus } from '@rapport/shared';
import { badInput, groupByKey, notFound, v, type Loaders, type Member } from '@rapport/core';
import { findOwned } from '@rapport/db';
import { Reminder } from '../entities/reminder.entity.js';
import { ReminderDetailsService, type ReminderDetails } from '../providers/reminder-details.service.js';
import { reminderHeadline } from '../providers/reminder-messages.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';

/** In-app lists are capped: the newest are the ones that matter. */
const MAX_LIST = 500;

/** The in-app side of reminders: the caller's reminders, failures for organisers. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly details: ReminderDetailsService,
    private readonly scheduler: ReminderScheduler,
  ) {}

  /**
   * "Done" from the list: the follow-up was made. A reminder still to come is not
   * sent (CANCELLED, its job dropped); one already sent just leaves the to-do list.
   * Marking it done again changes nothing.
   */
  async complete(member: Member, id: string): Promise<Reminder> {
    const { reminder, wasPending } = await this.db.transaction(async (em) => {
      const reminder = await this.getMine(em, member, id);
      if (reminder.doneAt) return { reminder, wasPending: false };
      const wasPending = reminder.status === ReminderStatus.SCHEDULED;
      reminder.doneAt = new Date();
      if (wasPending) Object.assign(reminder, { status: ReminderStatus.CANCELLED, claimedAt: null });
      await em.update(Reminder, { id: reminder.id }, { doneAt: reminder.doneAt, status: reminder.status, claimedAt: reminder.claimedAt });
      return { reminder, wasPending };
    });
    if (wasPending) await this.scheduler.dequeue([reminder.id]);
    return reminder;
  }

  /**
   * "Snooze": remind me again at `until` (in the future, within a year). A sent, failed
   * or done reminder comes back as a new one at that time; one cancelled because its
   * subject was settled (a promise kept, a person erased) stays cancelled.
   */
  async snooze(member: Member, id: string, until: Date): Promise<Reminder> {
    const at = v.date('until', until)!;
    const now = Date.now();
    if (at.getTime() <= now) throw badInput('until', 'must be in the future', 'later');
    if (at.getTime() > now + 366 * 24 * 3600 * 1000) throw badInput('until', 'must be within a year', 'maxDays', { max: 366 });
    const reminder = await this.db.transaction(async (em) => {
      const reminder = await this.getMine(em, member, id);
      if (reminder.status === ReminderStatus.CANCELLED && !reminder.doneAt)
        throw badInput('id', 'this reminder was cancelled: its subject is settled', 'cancelled');
      Object.assign(reminder, { remindAt: at, status: ReminderStatus.SCHEDULED, doneAt: null, sentAt: null, attempts: 0, lastError: null, claimedAt: null });
      await em.save(reminder);
      return reminder;
    });
    // The job keeps the reminder's id: replace it so the new delay applies.
    await this.scheduler.enqueue([reminder], { replace: true });
    return reminder;
  }

  /** The caller's own reminder, locked; NOT_FOUND for anyone else's (they are not in the caller's list either). */
  private async getMine(em: EntityManager, member: Member, id: string): Promise<Reminder> {
    const reminder = await findOwned(em, Reminder, member.organizationId, id, { field: 'id', lock: true, label: 'reminder' });
    if (reminder.recipientUserId !== member.userId) throw notFound('reminder', id);
    return reminder;
  }

  /** The caller's reminders, newest remindAt first. */
  mine(member: Member, status: ReminderStatus | null | undefined): Promise<Reminder[]> {
    return this.db.getRepository(Reminder).find({
      where: { organizationId: member.organizationId, recipientUserId: member.userId, ...(status ? { status } : {}) },
      order: { remindAt: 'DESC', id: 'ASC' },
      take: MAX_LIST,
    });
  }

  /** Counts for the organisers' reminder health: one statement over the organisation's rows. */
  async health(member: Member): Promise<{ pending: number; overdue: number; failed: number; sentLast7Days: number }> {
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE status = $2) AS pending,
              count(*) FILTER (WHERE status = $2 AND remind_at < now() - interval '15 minutes') AS overdue,
              count(*) FILTER (WHERE status = $3) AS failed,
              count(*) FILTER (WHERE status = $4 AND sent_at > now() - interval '7 days') AS sent
         FROM reminders WHERE organization_id = $1`,
      [member.organizationId, ReminderStatus.SCHEDULED, ReminderStatus.FAILED, ReminderStatus.SENT],
    );
    return { pending: Number(row.pending), overdue: Number(row.overdue), failed: Number(row.failed), sentLast7Days: Number(row.sent) };
  }

  /** Reminders that gave up after their attempts, with the last error (organisers only). */
  failed(member: Member): Promise<Reminder[]> {
    return this.db.getRepository(Reminder).find({
      where: { organizationId: member.organizationId, status: ReminderStatus.FAILED },
      order: { remindAt: 'DESC', id: 'ASC' },
      take: MAX_LIST,
    });
  }

  /** What each reminder is about, for this request (one batch for a whole list). */
  detailsLoader(loaders: Loaders) {
    return loaders.get<Reminder, ReminderDetails | null>('reminderDetails', async (reminders) => {
      const found = await this.details.load([...reminders]);
      return reminders.map((r) => found.get(r.id) ?? null);
    });
  }

  async headline(loaders: Loaders, reminder: Reminder): Promise<string> {
    const details = await this.detailsLoader(loaders).load(reminder);
    return details ? reminderHeadline(details) : '';
  }

  async route(loaders: Loaders, reminder: Reminder): Promise<string | null> {
    return (await this.detailsLoader(loaders).load(reminder))?.route ?? null;
  }

  /**
   * The reminders of commitments (conversations, actions), for a `reminders` field
   * of a later context: one statement for a whole list, soonest first.
   */
  bySubject(loaders: Loaders, member: Member, subject: 'commitmentId' | 'conversationId' | 'actionId') {
    return loaders.get<string, Reminder[]>(`remindersBy:${subject}`, async (ids) => {
      const rows = await this.db.getRepository(Reminder).find({
        where: { organizationId: member.organizationId, [subject]: In([...ids]) },
        order: { remindAt: 'ASC', id: 'ASC' },
      });
      return groupByKey(ids, rows, (r) => r[subject] as string);
    });
  }
}
