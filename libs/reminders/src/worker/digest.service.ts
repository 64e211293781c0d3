import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { IsNull, type DataSource } from 'typeorm';
import { DIGEST_CRON, QUEUES, REMINDER_JOBS, REMINDER_SCHEDULERS, Role, SUPPORTED_LOCALES, messagesFor, type Locale } from '@rapport/shared';
import { User } from '@rapport/auth';
import { ReminderDetailsService } from '../providers/reminder-details.service.js';
import { ReminderProviders } from '../providers/reminder-providers.service.js';
import type { DigestSection } from '../providers/reminder-provider.js';
import type { MessageText } from '../providers/reminder-messages.js';
import { MailerService } from './mailer.service.js';
import { REMINDER_WORKER_OPTIONS, type ReminderWorkerOptions } from './reminder-options.js';
import { NO_DELIVERY_LOG, type DeliveryLog } from './reminder-sender.service.js';

export const digestSchedulerId = (organizationId: string) => `${REMINDER_SCHEDULERS.digestPrefix}${organizationId}`;

/** What an organisation's organisers should know this week: each section with its items. */
export type DigestContent = Array<{ section: DigestSection; items: unknown[] }>;

/** The Monday digest for an organiser, in their language. */
export function digestEmail(
  content: DigestContent,
  reader: { organization: string; locale: Locale; timeZone: string; displayName: string; link: string },
): MessageText {
  const m = messagesFor(reader.locale, reader.timeZone);
  const lines = [m.t('reminder.hello', { name: reader.displayName }), m.t('digest.intro', { organization: reader.organization })];
  for (const { section, items } of content) {
    lines.push('', section.title(items.length, m), ...(items.length ? items.map((item) => section.line(item, m)) : [section.none(m)]));
  }
  lines.push('', m.t('reminder.open', { link: reader.link }), m.t('reminder.footer', { organization: reader.organization }));
  return { subject: m.t('digest.subject', { organization: reader.organization }), text: lines.join('\n') };
}

/**
 * The weekly digest of each organisation's organisers: Monday 8:00 in the
 * organisation's timezone. One BullMQ job scheduler per organisation (cron + tz):
 * BullMQ creates one job per Monday whatever the number of workers, so it goes out
 * once; a worker down at 8:00 sends it when it comes back. Its sections come from the
 * contexts (ReminderProviders.registerDigestSection).
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly details: ReminderDetailsService,
    private readonly providers: ReminderProviders,
    private readonly mailer: MailerService,
    @Inject(REMINDER_WORKER_OPTIONS) private readonly options: ReminderWorkerOptions,
  ) {}

  /** One scheduler per organisation, in its timezone; new organisations get theirs, deleted ones lose it. */
  async syncSchedulers(): Promise<{ upserted: number; removed: number }> {
    if (!this.options.digests) return { upserted: 0, removed: 0 };
    const organizations = await this.details.organizations();
    const existing = new Map(
      (await this.queue.getJobSchedulers(0, -1)).filter((s) => s.key.startsWith(REMINDER_SCHEDULERS.digestPrefix)).map((s) => [s.key, s]),
    );
    let upserted = 0;
    for (const org of organizations.values()) {
      const id = digestSchedulerId(org.id);
      const current = existing.get(id);
      existing.delete(id);
      if (current && current.tz === org.timezone && current.pattern === DIGEST_CRON) continue;
      await this.queue.upsertJobScheduler(
        id,
        { pattern: DIGEST_CRON, tz: org.timezone },
        {
          name: REMINDER_JOBS.digest,
          data: { organizationId: org.id },
          opts: { attempts: 1, removeOnComplete: { count: 1000 }, removeOnFail: { count: 5000 } },
        },
      );
      upserted++;
    }
    for (const gone of existing.keys()) await this.queue.removeJobScheduler(gone);
    return { upserted, removed: existing.size };
  }

  /** What an organisation's organisers should know this week, section by section. */
  async content(organizationId: string, now = new Date()): Promise<DigestContent> {
    const sections = this.providers.digestSections();
    const items = await Promise.all(sections.map((section) => section.items(organizationId, now, this.db.manager)));
    return sections.map((section, i) => ({ section, items: items[i] }));
  }

  /** Sends the digest to each organiser of the organisation (nothing when there is nothing to say). */
  async send(organizationId: string, now = new Date(), log: DeliveryLog = NO_DELIVERY_LOG): Promise<{ sent: number; reason?: string }> {
    const organization = (await this.details.organizations([organizationId])).get(organizationId);
    if (!organization) return { sent: 0, reason: 'no such organisation' };
    if (!this.mailer.enabled) return { sent: 0, reason: 'no SMTP_URL: digests go by email only' };
    const content = await this.content(organizationId, now);
    if (content.every(({ items }) => items.length === 0)) return { sent: 0, reason: 'nothing to report' };
    const organisers = await this.db.getRepository(User).find({ where: { organizationId, role: Role.ORGANISER, removedAt: IsNull() }, order: { id: 'ASC' } });
    let sent = 0;
    for (const u of organisers) {
      const key = `user:${u.id}`;
      if (log.done.has(key)) continue;
      const locale: Locale = (SUPPORTED_LOCALES as readonly string[]).includes(u.locale ?? '') ? (u.locale as Locale) : organization.locale;
      const message = digestEmail(content, {
        organization: organization.name,
        locale,
        timeZone: organization.timezone,
        displayName: u.displayName,
        link: `${this.options.publicUrl}/`,
      });
      await this.mailer.send({ to: u.email, ...message, headers: { 'X-Rapport-Digest': organizationId } });
      await log.record(key);
      sent++;
    }
    this.logger.log(`weekly digest of ${organization.name}: ${sent} organiser(s)`);
    return { sent };
  }
}
