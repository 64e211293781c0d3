import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_LOCALE, DEFAULT_TIMEZONE, ReminderKind, SUPPORTED_LOCALES, type Locale } from '@rapport/shared';
import type { Reminder } from './entities/reminder.entity.js';
import { hasSubjectProvider, loadProvidedSubjects, type ProvidedSubject } from './reminder-subjects.js';

// What a reminder is about, read in a fixed handful of statements for any number
// of reminders (the worker reads one; the in-app list reads a page). The subjects
// live in later contexts (commitments, conversations, actions), which this library
// may not import: they are read by table, as the migrations define them.

export interface ReminderOrganization {
  id: string;
  name: string;
  locale: Locale;
  timezone: string;
  actionReminderHours: number;
}

export interface ReminderMember {
  id: string;
  email: string;
  displayName: string;
  locale: Locale | null;
  role: string;
}

export interface ReminderPerson {
  id: string;
  name: string;
  firstName: string;
  email: string | null;
  phone: string | null;
  consent: boolean;
}

export interface CommitmentSubject {
  id: string;
  description: string;
  dueAt: Date;
  status: string;
  campaignId: string | null;
  campaignName: string | null;
  contact: ReminderPerson | null;
  decisionMaker: { id: string; name: string; title: string | null; institution: string | null } | null;
}

export interface ConversationSubject {
  id: string;
  occurredAt: Date;
  followUpAt: Date | null;
  kind: string;
  place: string | null;
  campaignId: string | null;
  campaignName: string | null;
  contact: ReminderPerson | null;
}

export interface ActionSubject {
  id: string;
  title: string;
  startsAt: Date;
  location: string | null;
  campaignId: string;
  campaignName: string | null;
  organiserId: string | null;
  /** COMMITTED participants, not erased. */
  committed: ReminderPerson[];
}

export interface ReminderDetails {
  reminder: Reminder;
  organization: ReminderOrganization;
  recipient: ReminderMember | null;
  /** User.locale ?? Organization.locale. */
  locale: Locale;
  commitment?: CommitmentSubject;
  conversation?: ConversationSubject;
  action?: ActionSubject;
  /** A subject read by a registered provider (reminder-subjects.ts): a membership… */
  provided?: ProvidedSubject;
  /** The web route of the subject, e.g. /contacts/<id>. */
  route: string;
  /** False when the subject is gone or no longer calls for a reminder (resolved, past). */
  stillRelevant: boolean;
  whyNotRelevant?: string;
}

const asLocale = (value: string | null | undefined): Locale | null =>
  value && (SUPPORTED_LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;

function validTimezone(tz: string | null | undefined): string {
  if (!tz) return DEFAULT_TIMEZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return DEFAULT_TIMEZONE;
  }
}

type Row = Record<string, any>;
const fullName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || '?';
const person = (r: Row, prefix = ''): ReminderPerson => ({
  id: r[`${prefix}id`],
  firstName: r[`${prefix}first_name`] ?? '',
  name: fullName(r[`${prefix}first_name`], r[`${prefix}last_name`]),
  email: r[`${prefix}email`] ?? null,
  phone: r[`${prefix}phone`] ?? null,
  consent: r[`${prefix}consent_given_at`] != null,
});

@Injectable()
export class ReminderDetailsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async organizations(ids: string[], em: EntityManager = this.db.manager): Promise<Map<string, ReminderOrganization>> {
    if (ids.length === 0) return new Map();
    const rows: Row[] = await em.query(
      `SELECT id, name, locale, timezone, action_reminder_hours FROM organizations WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, name: r.name, locale: asLocale(r.locale) ?? DEFAULT_LOCALE, timezone: validTimezone(r.timezone), actionReminderHours: r.action_reminder_hours },
      ]),
    );
  }

  async members(ids: string[], em: EntityManager = this.db.manager): Promise<Map<string, ReminderMember & { organizationId: string }>> {
    if (ids.length === 0) return new Map();
    const rows: Row[] = await em.query(
      `SELECT id, organization_id, email, display_name, locale, role FROM users WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, organizationId: r.organization_id, email: r.email, displayName: r.display_name, locale: asLocale(r.locale), role: r.role },
      ]),
    );
  }

  /** Details of each reminder, keyed by reminder id (subjects of another organisation are never read). */
  async load(reminders: Reminder[], em: EntityManager = this.db.manager): Promise<Map<string, ReminderDetails>> {
    const ids = (pick: (r: Reminder) => string | null) => [...new Set(reminders.map(pick).filter((x): x is string => !!x))];
    const commitmentIds = ids((r) => r.commitmentId);
    const conversationIds = ids((r) => r.conversationId);
    const actionIds = ids((r) => r.actionId);

    const [organizations, commitments, conversations, actions, recipients, provided] = await Promise.all([
      this.organizations(ids((r) => r.organizationId), em),
      this.commitments(commitmentIds, em),
      this.conversations(conversationIds, em),
      this.actions(actionIds, em),
      this.members(ids((r) => r.recipientUserId), em),
      loadProvidedSubjects(reminders, em),
    ]);
    // An action reminder without a recipient goes to the action's organiser.
    const organiserOf = (r: Reminder) => (r.actionId ? actions.get(r.actionId)?.subject.organiserId ?? null : null);
    const organisers = await this.members(ids((r) => (r.recipientUserId ? null : organiserOf(r))), em);
    const recipientOf = (r: Reminder) => (r.recipientUserId ? recipients.get(r.recipientUserId) : organisers.get(organiserOf(r) ?? ''));

    const result = new Map<string, ReminderDetails>();
    for (const reminder of reminders) {
      const organization = organizations.get(reminder.organizationId);
      if (!organization) continue;
      const member = recipientOf(reminder);
      const recipient = member && member.organizationId === reminder.organizationId ? member : null;
      const details: ReminderDetails = {
        reminder,
        organization,
        recipient,
        locale: recipient?.locale ?? organization.locale,
        route: '/reminders',
        stillRelevant: true,
      };
      const sameOrg = <T>(found: { organizationId: string; subject: T } | undefined) =>
        found && found.organizationId === reminder.organizationId ? found.subject : undefined;

      if (hasSubjectProvider(reminder.kind)) {
        const p = provided.get(reminder.id);
        details.provided = p && p.organizationId === reminder.organizationId ? p : undefined;
        if (!details.provided) Object.assign(details, { stillRelevant: false, whyNotRelevant: 'the subject no longer exists' });
        else Object.assign(details, { route: p!.route, stillRelevant: p!.stillRelevant, whyNotRelevant: p!.whyNotRelevant });
      } else if (reminder.commitmentId) {
        details.commitment = sameOrg(commitments.get(reminder.commitmentId));
        const c = details.commitment;
        if (!c) Object.assign(details, { stillRelevant: false, whyNotRelevant: 'the commitment no longer exists' });
        else if (c.status !== 'OPEN') Object.assign(details, { stillRelevant: false, whyNotRelevant: `the commitment is ${c.status}` });
        if (c?.contact) details.route = `/contacts/${c.contact.id}`;
        else if (c?.campaignId) details.route = `/campaigns/${c.campaignId}`;
        else details.route = '/commitments';
      } else if (reminder.conversationId) {
        details.conversation = sameOrg(conversations.get(reminder.conversationId));
        const c = details.conversation;
        if (!c) Object.assign(details, { stillRelevant: false, whyNotRelevant: 'the conversation no longer exists' });
        if (c?.contact) details.route = `/contacts/${c.contact.id}`;
        else if (c?.campaignId) details.route = `/campaigns/${c.campaignId}`;
        else details.route = '/conversations';
      } else if (reminder.actionId) {
        details.action = sameOrg(actions.get(reminder.actionId));
        const a = details.action;
        if (!a) Object.assign(details, { stillRelevant: false, whyNotRelevant: 'the action no longer exists' });
        else if (a.startsAt.getTime() < Date.now()) Object.assign(details, { stillRelevant: false, whyNotRelevant: 'the action has already started' });
        if (a) details.route = `/campaigns/${a.campaignId}`;
      } else if (reminder.kind !== ReminderKind.FOLLOW_UP) {
        Object.assign(details, { stillRelevant: false, whyNotRelevant: 'the reminder has no subject' });
      }
      if (!recipient && !details.action) Object.assign(details, { stillRelevant: false, whyNotRelevant: details.whyNotRelevant ?? 'the recipient is no longer a member' });
      result.set(reminder.id, details);
    }
    return result;
  }

  private async commitments(ids: string[], em: EntityManager) {
    const map = new Map<string, { organizationId: string; subject: CommitmentSubject }>();
    if (ids.length === 0) return map;
    const rows: Row[] = await em.query(
      `SELECT c.id, c.organization_id, c.description, c.due_at, c.status, c.campaign_id, camp.name AS campaign_name,
              ct.id AS ct_id, ct.first_name AS ct_first_name, ct.last_name AS ct_last_name, ct.email AS ct_email,
              ct.phone AS ct_phone, ct.consent_given_at AS ct_consent_given_at,
              dm.id AS dm_id, dm.name AS dm_name, dm.title AS dm_title, dm.institution AS dm_institution
         FROM commitments c
         LEFT JOIN campaigns camp ON camp.id = c.campaign_id
         LEFT JOIN contacts ct ON ct.id = c.contact_id
         LEFT JOIN decision_makers dm ON dm.id = c.decision_maker_id
        WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    for (const r of rows) {
      map.set(r.id, {
        organizationId: r.organization_id,
        subject: {
          id: r.id,
          description: r.description,
          dueAt: new Date(r.due_at),
          status: r.status,
          campaignId: r.campaign_id,
          campaignName: r.campaign_name,
          contact: r.ct_id ? person(r, 'ct_') : null,
          decisionMaker: r.dm_id ? { id: r.dm_id, name: r.dm_name, title: r.dm_title, institution: r.dm_institution } : null,
        },
      });
    }
    return map;
  }

  private async conversations(ids: string[], em: EntityManager) {
    const map = new Map<string, { organizationId: string; subject: ConversationSubject }>();
    if (ids.length === 0) return map;
    const rows: Row[] = await em.query(
      `SELECT cv.id, cv.organization_id, cv.occurred_at, cv.follow_up_at, cv.kind, cv.street, cv.building, cv.door,
              cv.campaign_id, camp.name AS campaign_name,
              ct.id AS ct_id, ct.first_name AS ct_first_name, ct.last_name AS ct_last_name, ct.email AS ct_email,
              ct.phone AS ct_phone, ct.consent_given_at AS ct_consent_given_at
         FROM conversations cv
         LEFT JOIN campaigns camp ON camp.id = cv.campaign_id
         LEFT JOIN contacts ct ON ct.id = cv.contact_id AND ct.erased_at IS NULL
        WHERE cv.id = ANY($1::uuid[])`,
      [ids],
    );
    for (const r of rows) {
      const place = [r.street, r.building, r.door].filter(Boolean).join(', ') || null;
      map.set(r.id, {
        organizationId: r.organization_id,
        subject: {
          id: r.id,
          occurredAt: new Date(r.occurred_at),
          followUpAt: r.follow_up_at ? new Date(r.follow_up_at) : null,
          kind: r.kind,
          place,
          campaignId: r.campaign_id,
          campaignName: r.campaign_name,
          contact: r.ct_id ? person(r, 'ct_') : null,
        },
      });
    }
    return map;
  }

  private async actions(ids: string[], em: EntityManager) {
    const map = new Map<string, { organizationId: string; subject: ActionSubject }>();
    if (ids.length === 0) return map;
    const [rows, participants]: [Row[], Row[]] = await Promise.all([
      em.query(
        `SELECT a.id, a.organization_id, a.title, a.starts_at, a.location, a.campaign_id, a.organiser_id, camp.name AS campaign_name
           FROM actions a LEFT JOIN campaigns camp ON camp.id = a.campaign_id
          WHERE a.id = ANY($1::uuid[])`,
        [ids],
      ),
      em.query(
        `SELECT ap.action_id, ct.id, ct.first_name, ct.last_name, ct.email, ct.phone, ct.consent_given_at
           FROM action_participants ap JOIN contacts ct ON ct.id = ap.contact_id AND ct.organization_id = ap.organization_id
          WHERE ap.action_id = ANY($1::uuid[]) AND ap.status = 'COMMITTED' AND ct.erased_at IS NULL
          ORDER BY ct.sort_key, ct.id`,
        [ids],
      ),
    ]);
    for (const r of rows) {
      map.set(r.id, {
        organizationId: r.organization_id,
        subject: {
          id: r.id,
          title: r.title,
          startsAt: new Date(r.starts_at),
          location: r.location,
          campaignId: r.campaign_id,
          campaignName: r.campaign_name,
          organiserId: r.organiser_id,
          committed: participants.filter((p) => p.action_id === r.id).map((p) => person(p)),
        },
      });
    }
    return map;
  }
}
