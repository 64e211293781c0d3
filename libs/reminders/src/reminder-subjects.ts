import type { EntityManager } from 'typeorm';
import type { Locale, ReminderKind } from '@rapport/shared';
import type { Reminder } from './entities/reminder.entity.js';

// Reminder kinds whose subject lives in a later context (membership…) plug in here:
// this library may not import them, so they register how to read their subject and
// what to say about it. Registered when their library is loaded (the api and the
// worker load every domain library through @rapport/platform's entity list).

export interface ProvidedSubject {
  organizationId: string;
  /** The web route of the subject, e.g. /contacts/<id>. */
  route: string;
  stillRelevant: boolean;
  whyNotRelevant?: string;
  /** The one-line summary (in-app list, email subject). */
  headline(locale: Locale, timeZone: string): string;
  /** The body lines of the email to the member reminded. */
  lines(locale: Locale, timeZone: string): string[];
}

export interface ReminderSubjectProvider {
  kind: ReminderKind;
  /** Subjects keyed by reminder id, in a fixed number of statements for any number of reminders. */
  load(reminders: Reminder[], em: EntityManager): Promise<Map<string, ProvidedSubject>>;
}

const providers = new Map<ReminderKind, ReminderSubjectProvider>();

export function registerReminderSubject(provider: ReminderSubjectProvider): void {
  providers.set(provider.kind, provider);
}

/** Subjects of the reminders whose kind has a provider, keyed by reminder id. */
export async function loadProvidedSubjects(reminders: Reminder[], em: EntityManager): Promise<Map<string, ProvidedSubject>> {
  const result = new Map<string, ProvidedSubject>();
  for (const [kind, provider] of providers) {
    const mine = reminders.filter((r) => r.kind === kind);
    if (mine.length === 0) continue;
    for (const [id, subject] of await provider.load(mine, em)) result.set(id, subject);
  }
  return result;
}

export const hasSubjectProvider = (kind: ReminderKind) => providers.has(kind);
