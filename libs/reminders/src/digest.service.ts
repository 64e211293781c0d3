import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { DIGEST_CRON, QUEUES, REMINDER_JOBS, REMINDER_SCHEDULERS, SUPPORTED_LOCALES, type Locale } from '@rapport/shared';
import { ReminderDetailsService } from './reminder-details.service.js';
import { digestEmail, type DigestContent } from './reminder-messages.js';
import { MailerService } from './mailer.service.js';
import { REMINDER_WORKER_OPTIONS, type ReminderWorkerOptions } from './reminder-options.js';
import { NO_DELIVERY_LOG, type DeliveryLog } from './reminder-sender.service.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const MAX_ITEMS = 50;
type Row = Record<string, any>;
const fullName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ');

export const digestSchedulerId = (organizationId: string) => `${REMINDER_SCHEDULERS.digestPrefix}${organizationId}`;

/**
 * The weekly digest of each organisation's organisers: Monday 8:00 in the
 * organisation's timezone. One BullMQ job scheduler per organisation (cron + tz):
 * BullMQ creates one job per Monday whatever the number of workers, so it goes out
 * once; a worker down at 8:00 sends it when it comes back.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly details: ReminderDetailsService,
    private readonly mailer: MailerService,
    @Inject(REMINDER_WORKER_OPTIONS) private readonly options: ReminderWorkerOptions,
  ) {}

  /** One scheduler per organisation, in its timezone; new organisations get theirs, deleted ones lose it. */
  async syncSchedulers(): Promise<{ upserted: number; removed: number }> {
    if (!this.options.digests) return { upserted: 0, removed: 0 };
    const orgs: Row[] = await this.db.query(`SELECT id, timezone FROM organizations`);
    const timezones = await this.details.organizations(orgs.map((o) => o.id));
    const existing = new Map(
      (await this.queue.getJobSchedulers(0, -1)).filter((s) => s.key.startsWith(REMINDER_SCHEDULERS.digestPrefix)).map((s) => [s.key, s]),
    );
    let upserted = 0;
    for (const org of timezones.values()) {
      const id = digestSchedulerId(org.id);
      const current = existing.get(id);
      existing.delete(id);
      if (current && current.tz === org.timezone && current.pattern === DIGEST_CRON) continue;
      await this.queue.upsertJobScheduler(
        id,
        { pattern: DIGEST_CRON, tz: org.timezone },
        { name: REMINDER_JOBS.digest, data: { organizationId: org.id }, opts: { removeOnComplete: { count: 1000 }, removeOnFail: { count: 5000 } } },
      );
      upserted++;
    }
    for (const gone of existing.keys()) await this.queue.removeJobScheduler(gone);
    return { upserted, removed: existing.size };
  }

  /** What an organisation's organisers should know this week. */
  async content(organizationId: string, now = new Date()) {
    const until = new Date(now.getTime() + WEEK_MS);
    const since = new Date(now.getTime() - WEEK_MS);
    const [overdue, actions, followUps]: Row[][] = await Promise.all([
      this.db.query(
        `SELECT c.description, c.due_at, camp.name AS campaign, ct.first_name, ct.last_name, dm.name AS dm_name
           FROM commitments c
           LEFT JOIN campaigns camp ON camp.id = c.campaign_id
           LEFT JOIN contacts ct ON ct.id = c.contact_id
           LEFT JOIN decision_makers dm ON dm.id = c.decision_maker_id
          WHERE c.organization_id = $1 AND c.status = 'OPEN' AND c.due_at < $2
          ORDER BY c.due_at, c.id LIMIT ${MAX_ITEMS}`,
        [organizationId, now],
      ),
      this.db.query(
        `SELECT a.title, a.starts_at, a.location, camp.name AS campaign,
                (SELECT count(*)::int FROM action_participants ap WHERE ap.action_id = a.id AND ap.status = 'COMMITTED') AS committed
           FROM actions a LEFT JOIN campaigns camp ON camp.id = a.campaign_id
          WHERE a.organization_id = $1 AND a.starts_at >= $2 AND a.starts_at < $3
          ORDER BY a.starts_at, a.id LIMIT ${MAX_ITEMS}`,
        [organizationId, now, until],
      ),
      this.db.query(
        `SELECT cv.follow_up_at, cv.street, cv.building, cv.door, ct.first_name, ct.last_name, u.display_name AS organiser
           FROM conversations cv
           LEFT JOIN contacts ct ON ct.id = cv.contact_id AND ct.erased_at IS NULL
           LEFT JOIN users u ON u.id = cv.organiser_id
          WHERE cv.organization_id = $1 AND cv.follow_up_at >= $2 AND cv.follow_up_at < $3
            -- nobody follows up an erased person
            AND NOT EXISTS (SELECT 1 FROM contacts gone WHERE gone.id = cv.contact_id AND gone.erased_at IS NOT NULL)
          ORDER BY cv.follow_up_at, cv.id LIMIT ${MAX_ITEMS}`,
        [organizationId, since, until],
      ),
    ]);
    return {
      overdue: overdue.map((r) => ({
        description: r.description,
        who: fullName(r.first_name, r.last_name) || r.dm_name || '?',
        dueAt: new Date(r.due_at),
        campaign: r.campaign,
      })),
      actions: actions.map((r) => ({ title: r.title, startsAt: new Date(r.starts_at), location: r.location, committed: r.committed, campaign: r.campaign })),
      followUps: followUps.map((r) => ({
        who: fullName(r.first_name, r.last_name) || [r.street, r.building, r.door].filter(Boolean).join(', ') || '?',
        followUpAt: new Date(r.follow_up_at),
        organiser: r.organiser ?? '?',
      })),
    };
  }

  /** Sends the digest to each organiser of the organisation (nothing when there is nothing to say). */
  async send(organizationId: string, now = new Date(), log: DeliveryLog = NO_DELIVERY_LOG): Promise<{ sent: number; reason?: string }> {
    const organization = (await this.details.organizations([organizationId])).get(organizationId);
    if (!organization) return { sent: 0, reason: 'no such organisation' };
    if (!this.mailer.enabled) return { sent: 0, reason: 'no SMTP_URL: digests go by email only' };
    const content = await this.content(organizationId, now);
    if (content.overdue.length + content.actions.length + content.followUps.length === 0) return { sent: 0, reason: 'nothing to report' };
    const organisers: Row[] = await this.db.query(
      `SELECT id, email, display_name, locale FROM users WHERE organization_id = $1 AND role = 'ORGANISER' ORDER BY id`,
      [organizationId],
    );
    let sent = 0;
    for (const u of organisers) {
      const key = `user:${u.id}`;
      if (log.done.has(key)) continue;
      const locale: Locale = (SUPPORTED_LOCALES as readonly string[]).includes(u.locale) ? u.locale : organization.locale;
      const message = digestEmail({
        ...content,
        organization: organization.name,
        locale,
        timeZone: organization.timezone,
        displayName: u.display_name,
        link: `${this.options.publicUrl}/`,
      } satisfies DigestContent);
      await this.mailer.send({ to: u.email, ...message, headers: { 'X-Rapport-Digest': organizationId } });
      await log.record(key);
      sent++;
    }
    this.logger.log(`weekly digest of ${organization.name}: ${sent} organiser(s)`);
    return { sent };
  }
}
