import { messagesFor, type Messages } from '@rapport/shared';
import type { ReminderDetails } from './reminder-details.service.js';

// The frame of every reminder: greeting, the provider's words, the link, the footer.
// The words themselves come from the catalogue (libs/shared/src/messages/{fr,en}.ts).

export interface MessageText {
  subject: string;
  text: string;
}

/** The reader's words: their language, the organisation's timezone. */
export const messagesOf = (d: Pick<ReminderDetails, 'locale' | 'organization'>): Messages => messagesFor(d.locale, d.organization.timezone);

/** The one-line summary shown in-app and used as the email subject. */
export function reminderHeadline(d: ReminderDetails): string {
  const m = messagesOf(d);
  if (d.provider && d.subject !== undefined) return d.provider.headline(d.subject, d.reminder, m);
  return m.t('reminder.generic', { when: m.when(d.reminder.remindAt) });
}

/** The email to the member reminded (the follow-up owner, the organiser…). */
export function reminderEmail(d: ReminderDetails, publicUrl: string): MessageText {
  const m = messagesOf(d);
  const lines = [d.recipient ? m.t('reminder.hello', { name: d.recipient.displayName }) : m.t('reminder.helloAnonymous'), ''];
  if (d.provider && d.subject !== undefined) lines.push(...d.provider.body(d.subject, d.reminder, m));
  lines.push('', m.t('reminder.open', { link: `${publicUrl}${d.route}` }), m.t('reminder.footer', { organization: d.organization.name }));
  return { subject: m.t('reminder.subject', { headline: reminderHeadline(d) }), text: lines.join('\n') };
}
