import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, SUPPORTED_LOCALES, type Locale } from '@rapport/shared';
import { Organization, User } from '@rapport/auth';
import type { Reminder } from '../entities/reminder.entity.js';
import { ReminderProviders } from './reminder-providers.service.js';
import type { ReminderContext, ReminderMember, ReminderOrganization, ReminderProvider } from './reminder-provider.js';

// What a reminder is about, read in a fixed handful of statements for any number of
// reminders (the worker reads one; the in-app list reads a page): the organisations and
// members here, each subject by the provider its context registered for the kind.

export interface ReminderDetails extends ReminderContext {
  /** User.locale ?? Organization.locale. */
  locale: Locale;
  /** The provider of the reminder's kind (undefined: none registered). */
  provider?: ReminderProvider;
  /** The subject as its provider loaded it (undefined: none, or gone). */
  subject?: unknown;
  /** The web route of the subject, e.g. /contacts/<id>. */
  route: string;
  /** False when the subject is gone or no longer calls for a reminder (resolved, past). */
  stillRelevant: boolean;
  whyNotRelevant?: string;
}

/** Where a reminder without a subject links to: the member's reminders. */
export const REMINDERS_ROUTE = '/notifications';

const asLocale = (value: string | null | undefined): Locale | null =>
  value && (SUPPORTED_LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;

// Checking a timezone builds an Intl.DateTimeFormat, which costs more than the rest of a
// reminder's details: each name is checked once.
const checkedTimezones = new Map<string, string>();
function validTimezone(tz: string | null | undefined): string {
  if (!tz) return DEFAULT_TIMEZONE;
  let valid = checkedTimezones.get(tz);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      valid = tz;
    } catch {
      valid = DEFAULT_TIMEZONE;
    }
    if (checkedTimezones.size > 500) checkedTimezones.clear();
    checkedTimezones.set(tz, valid);
  }
  return valid;
}

const unique = (values: Array<string | null | undefined>) => [...new Set(values.filter((x): x is string => !!x))];

@Injectable()
export class ReminderDetailsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly providers: ReminderProviders,
  ) {}

  /** The organisations by id (all of them without ids). */
  async organizations(ids?: string[], em: EntityManager = this.db.manager): Promise<Map<string, ReminderOrganization>> {
    if (ids && ids.length === 0) return new Map();
    const rows = await em.getRepository(Organization).find({ where: ids ? { id: In(unique(ids)) } : {}, order: { id: 'ASC' } });
    return new Map(
      rows.map((o) => [
        o.id,
        {
          id: o.id,
          name: o.name,
          locale: asLocale(o.locale) ?? DEFAULT_LOCALE,
          timezone: validTimezone(o.timezone),
          actionReminderHours: o.actionReminderHours,
        },
      ]),
    );
  }

  async members(ids: string[], em: EntityManager = this.db.manager): Promise<Map<string, ReminderMember>> {
    if (ids.length === 0) return new Map();
    const rows = await em.getRepository(User).findBy({ id: In(unique(ids)) });
    return new Map(rows.map((u) => [u.id, toMember(u)]));
  }

  /** Details of each reminder, keyed by reminder id (subjects of another organisation are never read as theirs). */
  async load(reminders: Reminder[], em: EntityManager = this.db.manager, now = new Date()): Promise<Map<string, ReminderDetails>> {
    // One batch per provider (a provider may serve several kinds).
    const wanted = new Map<ReminderProvider, Set<string>>();
    for (const r of reminders) {
      const provider = this.providers.get(r.kind);
      const id = provider?.subjectId(r);
      if (provider && id) wanted.set(provider, (wanted.get(provider) ?? new Set()).add(id));
    }
    const [organizations, recipients, loaded] = await Promise.all([
      this.organizations(
        reminders.map((r) => r.organizationId),
        em,
      ),
      this.members(unique(reminders.map((r) => r.recipientUserId)), em),
      Promise.all([...wanted].map(async ([provider, ids]) => [provider, await provider.load([...ids], em)] as const)),
    ]);
    const subjects = new Map(loaded);
    const subjectOf = (r: Reminder, provider: ReminderProvider | undefined) => {
      const id = provider?.subjectId(r);
      const subject = id ? subjects.get(provider!)?.get(id) : undefined;
      return subject !== undefined && provider!.organizationOf(subject) === r.organizationId ? subject : undefined;
    };
    // A reminder without a recipient goes to whom its subject says (an action's organiser).
    const fallbackOf = (r: Reminder) => {
      const provider = this.providers.get(r.kind);
      const subject = subjectOf(r, provider);
      return r.recipientUserId || subject === undefined ? null : (provider?.recipientOf?.(subject) ?? null);
    };
    const fallbacks = await this.members(unique(reminders.map(fallbackOf)), em);

    const result = new Map<string, ReminderDetails>();
    for (const reminder of reminders) {
      const organization = organizations.get(reminder.organizationId);
      if (!organization) continue;
      const provider = this.providers.get(reminder.kind);
      const subject = subjectOf(reminder, provider);
      const member = reminder.recipientUserId ? recipients.get(reminder.recipientUserId) : fallbacks.get(fallbackOf(reminder) ?? '');
      const recipient = member && member.organizationId === reminder.organizationId ? member : null;
      const details: ReminderDetails = {
        reminder,
        organization,
        recipient,
        locale: recipient?.locale ?? organization.locale,
        provider,
        subject,
        route: provider && subject !== undefined ? provider.route(subject) : REMINDERS_ROUTE,
        stillRelevant: true,
      };
      const why = !provider
        ? `no reminder provider for ${reminder.kind}`
        : !provider.subjectId(reminder)
          ? provider.subjectOptional
            ? null
            : 'the reminder has no subject'
          : provider.whyNotRelevant(subject ?? null, reminder, now);
      if (why) Object.assign(details, { stillRelevant: false, whyNotRelevant: why });
      // Without a member to remind, only a reminder that also writes to others is still worth sending.
      if (!recipient && !(subject !== undefined && provider?.otherEmails)) {
        Object.assign(details, { stillRelevant: false, whyNotRelevant: details.whyNotRelevant ?? 'the recipient is no longer a member' });
      }
      result.set(reminder.id, details);
    }
    return result;
  }
}

function toMember(u: User): ReminderMember {
  return { id: u.id, organizationId: u.organizationId, email: u.email, displayName: u.displayName, locale: asLocale(u.locale), role: u.role };
}
