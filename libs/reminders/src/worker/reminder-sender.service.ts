import { isUuid } from '@rapport/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { REMINDER_MAX_ATTEMPTS, ReminderStatus, describeError } from '@rapport/shared';
import { Reminder } from '../entities/reminder.entity.js';
import { ReminderDetailsService, type ReminderDetails } from '../providers/reminder-details.service.js';
import { reminderEmail } from '../providers/reminder-messages.js';
import { MailerService, type OutgoingMail } from './mailer.service.js';
import { Batcher } from './batcher.js';
import { REMINDER_WORKER_OPTIONS, type ReminderWorkerOptions } from './reminder-options.js';

/**
 * Which messages of a reminder already went out, kept across retries of the same job
 * (an action reminder sends several emails: a retry must not send the first ones again).
 */
export interface DeliveryLog {
  done: ReadonlySet<string>;
  record(key: string): Promise<void>;
}

export const NO_DELIVERY_LOG: DeliveryLog = { done: new Set(), record: async () => undefined };

export type SendOutcome =
  | { result: 'sent'; emails: number }
  | { result: 'skipped'; reason: string }
  | { result: 'cancelled'; reason: string }
  | { result: 'failed'; error: string }
  /** Not now: wake again at `at` (remindAt moved later, another worker holds the claim, or a retry). */
  | { result: 'later'; at: Date; reason: string };

/** BullMQ may wake a job a little early, and clocks differ: this much early still counts as due. */
const EARLY_TOLERANCE_MS = 2000;

type Row = Record<string, any>;

function toReminder(r: Row): Reminder {
  return Object.assign(new Reminder(), {
    id: r.id,
    organizationId: r.organization_id,
    createdAt: r.created_at,
    kind: r.kind,
    remindAt: new Date(r.remind_at),
    status: r.status,
    sentAt: r.sent_at,
    attempts: r.attempts,
    lastError: r.last_error,
    recipientUserId: r.recipient_user_id,
    commitmentId: r.commitment_id,
    conversationId: r.conversation_id,
    actionId: r.action_id,
    membershipId: r.membership_id,
    caseId: r.case_id,
    claimedAt: r.claimed_at ? new Date(r.claimed_at) : null,
  });
}

/**
 * Sends one reminder, once. The row is claimed by a conditional UPDATE before
 * anything goes out, and marked SENT (or FAILED) only by the claim's holder, so two
 * workers, a retried job or a re-enqueued job never send it twice. A claim whose
 * worker died expires after `claimTimeoutMs` and is taken over.
 *
 * The jobs in hand share their statements: the claims (and the details, and the marks)
 * asked for while the previous one was in flight go as one statement (Batcher). Each row
 * keeps its own conditions, so this changes the round trips, not what is sent: with many
 * reminders due at once, one round trip per step per reminder was what bounded the rate.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger(ReminderSender.name);
  private readonly claims = new Batcher((ids: string[]) => this.claimAll(ids));
  private readonly loads = new Batcher(async (reminders: Reminder[]) => {
    const details = await this.details.load(reminders);
    return reminders.map((r) => details.get(r.id));
  });
  private readonly marks = new Batcher((items: Array<{ id: string; claim: Date }>) => this.markAllSent(items));

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly details: ReminderDetailsService,
    private readonly mailer: MailerService,
    @Inject(REMINDER_WORKER_OPTIONS) private readonly options: ReminderWorkerOptions,
  ) {}

  async process(reminderId: string, log: DeliveryLog = NO_DELIVERY_LOG): Promise<SendOutcome> {
    if (!isUuid(reminderId)) return { result: 'skipped', reason: 'not a reminder id' };
    const claimed = await this.claims.call(reminderId);
    if (!claimed) return this.whyNotClaimed(reminderId);

    const { reminder, claimedAt } = claimed;
    let claim = claimedAt;
    try {
      const details = await this.loads.call(reminder);
      if (!details || !details.stillRelevant) {
        const reason = details?.whyNotRelevant ?? 'the organisation no longer exists';
        await this.release(reminder.id, claim, ReminderStatus.CANCELLED, reason);
        return { result: 'cancelled', reason };
      }
      const emails = this.messages(details);
      let sent = 0;
      let lastRenewal = Date.now();
      // What went out is recorded before anything else goes out; the last record and the
      // mark are independent (either way a retry sends nothing again), so they overlap.
      let recorded: Promise<void> = Promise.resolve();
      for (const { key, mail } of emails) {
        if (log.done.has(key)) continue;
        await recorded;
        // A long action reminder keeps its claim fresh, so no one takes it over mid-way.
        if (Date.now() - lastRenewal > this.options.claimTimeoutMs / 3) {
          claim = await this.renew(reminder.id, claim);
          lastRenewal = Date.now();
        }
        await this.mailer.send(mail);
        sent++;
        recorded = log.record(key);
      }
      // Both settle before a failure is handled (the record then counts for the retry);
      // once marked SENT there is no retry, so only the mark's failure matters.
      const [marking] = await Promise.allSettled([this.marks.call({ id: reminder.id, claim }), recorded]);
      if (marking.status === 'rejected') throw marking.reason;
      const marked = marking.value;
      if (!marked) this.logger.warn(`reminder ${reminder.id} was sent but its claim was lost (cancelled or taken over meanwhile)`);
      return { result: 'sent', emails: sent };
    } catch (error) {
      return this.failure(reminder, claim, error as Error);
    }
  }

  /** The emails of a reminder, each with a key that stays the same across retries. */
  messages(details: ReminderDetails): Array<{ key: string; mail: OutgoingMail }> {
    if (!this.mailer.enabled) return [];
    const headers = { 'X-Rapport-Reminder': details.reminder.id, 'X-Rapport-Reminder-Kind': details.reminder.kind };
    const result: Array<{ key: string; mail: OutgoingMail }> = [];
    // Others first (an action's participants), then the member: the call list comes last.
    if (details.provider?.otherEmails && details.subject !== undefined) {
      for (const { key, to, subject, text, headers: own } of details.provider.otherEmails(details.subject, details)) {
        result.push({ key, mail: { to, subject, text, headers: { ...headers, ...own } } });
      }
    }
    if (details.recipient) {
      result.push({ key: `user:${details.recipient.id}`, mail: { to: details.recipient.email, ...reminderEmail(details, this.options.publicUrl), headers } });
    }
    return result;
  }

  /**
   * Takes each row that is due, SCHEDULED, within its attempts and not held by a live
   * claim (null for the others). The rows are locked in id order, so two workers'
   * batches cannot deadlock on each other.
   */
  private async claimAll(ids: string[]): Promise<Array<{ reminder: Reminder; claimedAt: Date } | null>> {
    const rows = await this.update(
      `WITH due AS (
         SELECT id FROM reminders
          WHERE id = ANY($1::uuid[]) AND status = 'SCHEDULED'
            AND remind_at <= now() + make_interval(secs => $2::float8 / 1000)
            AND attempts < $3
            AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => $4::float8 / 1000))
          ORDER BY id
            FOR UPDATE
       )
       UPDATE reminders r
          SET claimed_at = date_trunc('milliseconds', clock_timestamp()), attempts = r.attempts + 1
         FROM due WHERE r.id = due.id
      RETURNING r.*`,
      [[...new Set(ids)], EARLY_TOLERANCE_MS, REMINDER_MAX_ATTEMPTS, this.options.claimTimeoutMs],
    );
    const claimed = new Map(rows.map((row) => [row.id as string, toReminder(row)]));
    // The same id twice in one batch (a duplicated job): only the first call holds the claim.
    return ids.map((id) => {
      const reminder = claimed.get(id);
      claimed.delete(id);
      return reminder ? { reminder, claimedAt: reminder.claimedAt! } : null;
    });
  }

  /** Nothing to claim: say why, and when to look again if ever. */
  private async whyNotClaimed(id: string): Promise<SendOutcome> {
    const rows: Row[] = await this.db.query(`SELECT status, remind_at, claimed_at, attempts, last_error, now() AS db_now FROM reminders WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) return { result: 'skipped', reason: 'no such reminder' };
    if (row.status !== ReminderStatus.SCHEDULED) return { result: 'skipped', reason: `already ${row.status}` };
    const dbNow = new Date(row.db_now).getTime();
    const local = (dbTime: number) => new Date(Date.now() + (dbTime - dbNow));
    const remindAt = new Date(row.remind_at).getTime();
    if (remindAt > dbNow + EARLY_TOLERANCE_MS) return { result: 'later', at: local(remindAt), reason: 'not due yet (rescheduled)' };
    const claimExpires = row.claimed_at ? new Date(row.claimed_at).getTime() + this.options.claimTimeoutMs : 0;
    if (claimExpires > dbNow) return { result: 'later', at: local(claimExpires + 250), reason: 'claimed by another worker' };
    if (row.attempts >= REMINDER_MAX_ATTEMPTS) {
      // Its last attempt died with its worker: give up, keeping the last error known.
      const error = row.last_error ?? `gave up after ${row.attempts} attempts (the worker stopped while sending)`;
      await this.update(
        `UPDATE reminders SET status = 'FAILED', claimed_at = NULL, last_error = $2 WHERE id = $1 AND status = 'SCHEDULED' AND attempts >= $3`,
        [id, error, REMINDER_MAX_ATTEMPTS],
      );
      return { result: 'failed', error };
    }
    // Raced with a change between the two statements: look again shortly.
    return { result: 'later', at: new Date(Date.now() + 500), reason: 'changed meanwhile' };
  }

  /** An UPDATE … RETURNING: its rows (TypeORM answers [rows, count] for updates). */
  private async update(sql: string, params: unknown[]): Promise<Row[]> {
    const result = await this.db.query(sql, params);
    return Array.isArray(result) && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;
  }

  /** Marks SENT each row still held by its claim; true for each one marked. */
  private async markAllSent(items: Array<{ id: string; claim: Date }>): Promise<boolean[]> {
    const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = await this.update(
      `UPDATE reminders r SET status = 'SENT', sent_at = now(), claimed_at = NULL, last_error = NULL
         FROM unnest($1::uuid[], $2::timestamptz[]) AS m(id, claim)
        WHERE r.id = m.id AND r.status = 'SCHEDULED' AND r.claimed_at = m.claim
      RETURNING r.id`,
      [sorted.map((i) => i.id), sorted.map((i) => i.claim)],
    );
    const marked = new Set(rows.map((row) => row.id as string));
    return items.map((i) => marked.has(i.id));
  }

  private async release(id: string, claim: Date, status: ReminderStatus, reason: string | null) {
    await this.update(`UPDATE reminders SET status = $3, claimed_at = NULL, last_error = $4 WHERE id = $1 AND status = 'SCHEDULED' AND claimed_at = $2`, [
      id,
      claim,
      status,
      reason,
    ]);
  }

  private async renew(id: string, claim: Date): Promise<Date> {
    const rows = await this.update(
      `UPDATE reminders SET claimed_at = date_trunc('milliseconds', clock_timestamp())
        WHERE id = $1 AND status = 'SCHEDULED' AND claimed_at = $2 RETURNING claimed_at`,
      [id, claim],
    );
    if (rows.length === 0) throw new Error('the claim was lost (cancelled or taken over)');
    return new Date(rows[0].claimed_at);
  }

  /** A failed attempt: retried with backoff, or FAILED after the last one, the error kept. */
  private async failure(reminder: Reminder, claim: Date, error: Error): Promise<SendOutcome> {
    // Logged and shown to organisers: the reason, never an address or a quoted value (describeError).
    const message = describeError(error).slice(0, 1000);
    const rows = await this.update(
      `UPDATE reminders
          SET claimed_at = NULL, last_error = $3,
              status = CASE WHEN attempts >= $4 THEN 'FAILED' ELSE status END
        WHERE id = $1 AND status = 'SCHEDULED' AND claimed_at = $2
      RETURNING status, attempts`,
      [reminder.id, claim, message, REMINDER_MAX_ATTEMPTS],
    );
    const row = rows[0];
    if (!row) return { result: 'skipped', reason: `failed (${message}) but the claim was lost meanwhile` };
    if (row.status === ReminderStatus.FAILED) {
      this.logger.warn(`reminder ${reminder.id} FAILED after ${row.attempts} attempts: ${message}`);
      return { result: 'failed', error: message };
    }
    const delay = this.options.backoffMs * 2 ** (row.attempts - 1);
    return { result: 'later', at: new Date(Date.now() + delay), reason: `attempt ${row.attempts} failed: ${message}` };
  }
}
