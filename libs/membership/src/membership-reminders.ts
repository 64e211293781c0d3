import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RemindersModule, ReminderProviders, type Reminder, type ReminderProvider, type ReminderScheduler } from '@rapport/reminders';
import { ReminderKind, type Messages } from '@rapport/shared';

// Everything about renewal reminders: scheduling them, and their provider for the
// reminders' registry (what they say, to whom, whether they still matter). A membership about to end reminds the person's
// follow-up owner (the owner of their latest commitment, else the member who last
// talked with them), or every organiser, `renewalReminderDays` before it ends.
// Renewing cancels it: only the latest membership of a person has a pending reminder.
// Rapport never writes to the person about money; the team decides how to ask.

type Row = Record<string, any>;
const DAY_MS = 86_400_000;

/** TypeORM answers [rows, count] for UPDATE … RETURNING. */
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as Row[]) : (result as Row[]));

/** Cancels the pending renewal reminders of these people; returns their ids (dequeue after commit). */
export async function cancelRenewalReminders(em: EntityManager, organizationId: string, contactIds: string[]): Promise<string[]> {
  if (contactIds.length === 0) return [];
  const rows = rowsOf(
    await em.query(
      `UPDATE reminders SET status = 'CANCELLED', claimed_at = NULL
        WHERE organization_id = $1 AND status = 'SCHEDULED' AND kind = $3
          AND membership_id IN (SELECT id FROM memberships WHERE organization_id = $1 AND contact_id = ANY($2::uuid[]))
      RETURNING id`,
      [organizationId, contactIds, ReminderKind.MEMBERSHIP_RENEWAL],
    ),
  );
  return rows.map((r) => r.id);
}

/**
 * Replaces the pending renewal reminders of these people by one per recipient for
 * their latest membership, if it has not ended. Written in the caller's transaction;
 * returns the cancelled ids and the new rows (enqueue after commit).
 */
export async function refreshRenewalReminders(
  em: EntityManager,
  scheduler: ReminderScheduler,
  organizationId: string,
  contactIds: string[],
  reminderDays: number,
  now = new Date(),
): Promise<{ cancelled: string[]; scheduled: Reminder[] }> {
  const unique = [...new Set(contactIds)];
  const cancelled = await cancelRenewalReminders(em, organizationId, unique);
  if (unique.length === 0) return { cancelled, scheduled: [] };
  const latest: Row[] = await em.query(
    `SELECT DISTINCT ON (m.contact_id) m.id, m.contact_id, m.ends_at,
            coalesce(
              (SELECT u.id FROM commitments cm JOIN users u ON u.id = cm.follow_up_owner_id AND u.organization_id = $1 AND u.role <> 'ALLY'
                WHERE cm.organization_id = $1 AND cm.contact_id = m.contact_id ORDER BY cm.created_at DESC LIMIT 1),
              (SELECT u.id FROM conversations cv JOIN users u ON u.id = cv.organiser_id AND u.organization_id = $1 AND u.role <> 'ALLY'
                WHERE cv.organization_id = $1 AND cv.contact_id = m.contact_id ORDER BY cv.occurred_at DESC LIMIT 1)
            ) AS owner_id
       FROM memberships m JOIN contacts c ON c.id = m.contact_id AND c.erased_at IS NULL
      WHERE m.organization_id = $1 AND m.contact_id = ANY($2::uuid[])
      ORDER BY m.contact_id, m.ends_at DESC`,
    [organizationId, unique],
  );
  const running = latest.filter((r) => new Date(r.ends_at) > now);
  if (running.length === 0) return { cancelled, scheduled: [] };
  const organisers = running.some((r) => !r.owner_id)
    ? (
        (await em.query(`SELECT id FROM users WHERE organization_id = $1 AND role = 'ORGANISER' AND removed_at IS NULL ORDER BY created_at`, [
          organizationId,
        ])) as Row[]
      ).map((u) => u.id as string)
    : [];
  const rows = running.flatMap((r) => {
    // Already within the lead time (a membership ending soon): remind now.
    const remindAt = new Date(Math.max(new Date(r.ends_at).getTime() - reminderDays * DAY_MS, now.getTime()));
    const recipients: string[] = r.owner_id ? [r.owner_id] : organisers;
    return recipients.map((recipientUserId) => ({
      organizationId,
      kind: ReminderKind.MEMBERSHIP_RENEWAL,
      remindAt,
      recipientUserId,
      membershipId: r.id as string,
    }));
  });
  return { cancelled, scheduled: await scheduler.schedule(em, rows, now) };
}

interface RenewalSubject {
  id: string;
  organizationId: string;
  contactId: string;
  endsAt: Date;
  name: string;
  phone: string | null;
  erased: boolean;
  /** A later membership exists: renewed. */
  renewed: boolean;
}

/** The MEMBERSHIP_RENEWAL reminders: what they say, to whom, and whether they still matter. */
@Injectable()
export class MembershipReminders implements ReminderProvider<RenewalSubject>, OnModuleInit {
  constructor(private readonly registry: ReminderProviders) {}

  onModuleInit() {
    this.registry.register([ReminderKind.MEMBERSHIP_RENEWAL], this);
  }

  subjectId(reminder: Reminder) {
    return reminder.membershipId;
  }

  async load(ids: string[], em: EntityManager) {
    const rows: Row[] = await em.query(
      `SELECT m.id, m.organization_id, m.contact_id, m.ends_at, c.first_name, c.last_name, c.phone, c.erased_at,
              (SELECT max(m2.ends_at) FROM memberships m2 WHERE m2.organization_id = m.organization_id AND m2.contact_id = m.contact_id) AS latest_end
         FROM memberships m JOIN contacts c ON c.id = m.contact_id
        WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          id: r.id,
          organizationId: r.organization_id,
          contactId: r.contact_id,
          endsAt: new Date(r.ends_at),
          name: [r.first_name, r.last_name].filter(Boolean).join(' ') || '?',
          phone: r.phone ?? null,
          erased: !!r.erased_at,
          renewed: new Date(r.latest_end) > new Date(r.ends_at),
        } satisfies RenewalSubject,
      ]),
    );
  }

  organizationOf(s: RenewalSubject) {
    return s.organizationId;
  }

  whyNotRelevant(s: RenewalSubject | null) {
    if (!s) return 'the membership no longer exists';
    if (s.erased) return 'the person was erased';
    return s.renewed ? 'the membership was renewed' : null;
  }

  route(s: RenewalSubject) {
    return `/contacts/${s.contactId}`;
  }

  /** endsAt is exclusive: the last day covered is the day before. */
  private lastDay(s: RenewalSubject, m: Messages) {
    return m.date(new Date(s.endsAt.getTime() - 1));
  }

  headline(s: RenewalSubject, _reminder: Reminder, m: Messages) {
    return m.t('membership.renewal.headline', { name: s.name, until: this.lastDay(s, m) });
  }

  body(s: RenewalSubject, _reminder: Reminder, m: Messages) {
    return [
      m.t('membership.renewal.ends', { name: s.name, until: this.lastDay(s, m) }),
      ...(s.phone ? [m.t('reminder.phone', { phone: s.phone })] : []),
      '',
      m.t('membership.renewal.noMoneyEmails'),
      m.t('membership.renewal.payWhatYouCan'),
    ];
  }
}

/** Registers the renewal reminders' provider: imported by MembershipModule and by the worker. */
@Module({ imports: [RemindersModule], providers: [MembershipReminders] })
export class MembershipRemindersModule {}
