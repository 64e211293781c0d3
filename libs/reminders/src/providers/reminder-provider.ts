import type { EntityManager } from 'typeorm';
import type { Locale, Messages } from '@rapport/shared';
import type { Reminder } from '../entities/reminder.entity.js';

// What reminders need to know about a subject they do not own. Each context that
// schedules reminders (commitments, conversations, actions; next membership, cases,
// turnout) implements ReminderProvider with its own entities and registers it with
// ReminderProviders for its kinds. Reminders never reads another context's tables.

export interface ReminderOrganization {
  id: string;
  name: string;
  locale: Locale;
  timezone: string;
  actionReminderHours: number;
}

export interface ReminderMember {
  id: string;
  organizationId: string;
  email: string;
  displayName: string;
  locale: Locale | null;
  role: string;
}

/** Who a reminder is for, and in which organisation. */
export interface ReminderContext {
  reminder: Reminder;
  organization: ReminderOrganization;
  recipient: ReminderMember | null;
}

/** An email to someone other than the member reminded (an action's committed participant). */
export interface OtherEmail {
  /** Stays the same across retries (e.g. contact:<id>): what went out is not sent again. */
  key: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

export interface ReminderProvider<S = unknown> {
  /** The subject's id on the reminder row (e.g. reminder.commitmentId); null when it has none. */
  subjectId(reminder: Reminder): string | null;
  /** A reminder of this kind without a subject is still sent, with a generic message. */
  readonly subjectOptional?: boolean;
  /** The subjects by id, read in one batch with the context's own repositories. */
  load(ids: string[], em: EntityManager): Promise<Map<string, S>>;
  /** The subject's organisation (another organisation's subject reads as missing). */
  organizationOf(subject: S): string;
  /** Who is it for when the row names no member (an action's organiser). */
  recipientOf?(subject: S): string | null;
  /** Is it still relevant: null if so, else why not (the subject is gone, resolved, past…). */
  whyNotRelevant(subject: S | null, reminder: Reminder, now: Date): string | null;
  /** Where the link goes: a route of the web app (apps/web/src/routes.tsx). */
  route(subject: S): string;
  /** What the message says in one line: in-app, and the email's subject. */
  headline(subject: S, reminder: Reminder, m: Messages): string;
  /** What the member's email says, between the greeting and the link. */
  body(subject: S, reminder: Reminder, m: Messages): string[];
  /** Emails to other people; a provider that has some sends even when no member is left to remind. */
  otherEmails?(subject: S, context: ReminderContext): OtherEmail[];
}

/** A section of the organisers' weekly digest (overdue commitments, this week's actions…). */
export interface DigestSection<I = unknown> {
  /** Sections are shown in this order. */
  readonly order: number;
  /** What the organisation has to know this week, read with the context's own repositories. */
  items(organizationId: string, now: Date, em: EntityManager): Promise<I[]>;
  title(count: number, m: Messages): string;
  /** The line shown when there is nothing. */
  none(m: Messages): string;
  line(item: I, m: Messages): string;
}
