import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ReminderStatus } from '@rapport/shared';
import { groupByKey, type Loaders, type Member } from '@rapport/core';
import { Reminder } from '../entities/reminder.entity.js';
import { ReminderDetailsService, type ReminderDetails } from '../providers/reminder-details.service.js';
import { reminderHeadline } from '../providers/reminder-messages.js';

/** In-app lists are capped: the newest are the ones that matter. */
const MAX_LIST = 500;

/** The in-app side of reminders: the caller's reminders, failures for organisers. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly details: ReminderDetailsService,
  ) {}

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
