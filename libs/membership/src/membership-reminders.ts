import type { EntityManager } from 'typeorm';
import { registerReminderSubject, type ProvidedSubject, type Reminder, type ReminderScheduler } from '@rapport/reminders';
import { ReminderKind, type Locale } from '@rapport/shared';

// Everything about renewal reminders, in one file so it can move onto the reminders'
// provider registry as a whole. A membership about to end reminds the person's
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
    ? ((await em.query(`SELECT id FROM users WHERE organization_id = $1 AND role = 'ORGANISER' ORDER BY created_at`, [organizationId])) as Row[]).map((u) => u.id as string)
    : [];
  const rows = running.flatMap((r) => {
    // Already within the lead time (a membership ending soon): remind now.
    const remindAt = new Date(Math.max(new Date(r.ends_at).getTime() - reminderDays * DAY_MS, now.getTime()));
    const recipients: string[] = r.owner_id ? [r.owner_id] : organisers;
    return recipients.map((recipientUserId) => ({ organizationId, kind: ReminderKind.MEMBERSHIP_RENEWAL, remindAt, recipientUserId, membershipId: r.id as string }));
  });
  return { cancelled, scheduled: await scheduler.schedule(em, rows, now) };
}

const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };
/** The last day covered (endsAt is exclusive), e.g. "31 décembre 2026". */
const lastDay = (endsAt: Date, locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(LOCALE_TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(endsAt.getTime() - 1));

/** What a renewal reminder is about (read by the worker and the in-app list). */
async function loadRenewalSubjects(reminders: Reminder[], em: EntityManager): Promise<Map<string, ProvidedSubject>> {
  const ids = [...new Set(reminders.map((r) => r.membershipId).filter((x): x is string => !!x))];
  const result = new Map<string, ProvidedSubject>();
  if (ids.length === 0) return result;
  const rows: Row[] = await em.query(
    `SELECT m.id, m.organization_id, m.contact_id, m.ends_at, c.first_name, c.last_name, c.phone, c.erased_at,
            (SELECT max(m2.ends_at) FROM memberships m2 WHERE m2.organization_id = m.organization_id AND m2.contact_id = m.contact_id) AS latest_end
       FROM memberships m JOIN contacts c ON c.id = m.contact_id
      WHERE m.id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  for (const reminder of reminders) {
    const r = reminder.membershipId ? byId.get(reminder.membershipId) : undefined;
    if (!r) continue;
    const endsAt = new Date(r.ends_at);
    const name = [r.first_name, r.last_name].filter(Boolean).join(' ') || '?';
    const renewed = new Date(r.latest_end) > endsAt;
    result.set(reminder.id, {
      organizationId: r.organization_id,
      route: `/contacts/${r.contact_id}`,
      stillRelevant: !r.erased_at && !renewed,
      whyNotRelevant: r.erased_at ? 'the person was erased' : renewed ? 'the membership was renewed' : undefined,
      headline: (locale, tz) =>
        locale === 'fr' ? `Adhésion à renouveler : ${name}, jusqu’au ${lastDay(endsAt, locale, tz)}` : `Membership to renew: ${name}, until ${lastDay(endsAt, locale, tz)}`,
      lines: (locale, tz) =>
        locale === 'fr'
          ? [
              `L’adhésion de ${name} se termine le ${lastDay(endsAt, locale, tz)}.`,
              ...(r.phone ? [`Téléphone : ${r.phone}`] : []),
              '',
              'Rapport n’écrit jamais aux personnes au sujet d’argent : à l’équipe de voir comment en parler (à la permanence, à un appel…).',
              'Cotisation libre : chacun·e paie ce qu’il ou elle peut, même 0 €.',
            ]
          : [
              `${name}'s membership ends on ${lastDay(endsAt, locale, tz)}.`,
              ...(r.phone ? [`Phone: ${r.phone}`] : []),
              '',
              'Rapport never writes to people about money: the team decides how to bring it up (at a drop-in, on a call…).',
              'Pay what you can: any amount, even 0 €, makes a member.',
            ],
    });
  }
  return result;
}

registerReminderSubject({ kind: ReminderKind.MEMBERSHIP_RENEWAL, load: loadRenewalSubjects });
