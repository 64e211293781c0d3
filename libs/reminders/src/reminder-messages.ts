import { ReminderKind, type Locale } from '@rapport/shared';
import type { ActionSubject, ReminderDetails, ReminderPerson } from './reminder-details.service.js';

// Every text a reminder or a digest sends, in French and English. Pure functions:
// the details in, the words out.

export interface MessageText {
  subject: string;
  text: string;
}

const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

// Building an Intl.DateTimeFormat costs far more than using one: keep them.
const formats = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'when' | 'day', locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'when' ? { dateStyle: 'full', timeStyle: 'short', timeZone } : { weekday: 'short', day: 'numeric', month: 'short', timeZone };
    found = new Intl.DateTimeFormat(LOCALE_TAGS[locale], options);
    if (formats.size > 500) formats.clear();
    formats.set(key, found);
  }
  return found;
}

/** "lundi 3 mars 2025 à 18:00" / "Monday 3 March 2025 at 18:00", in the organisation's timezone. */
export function formatWhen(date: Date, locale: Locale, timeZone: string): string {
  return format('when', locale, timeZone).format(date);
}

export function formatDay(date: Date, locale: Locale, timeZone: string): string {
  return format('day', locale, timeZone).format(date);
}

const quote = (locale: Locale, text: string) => (locale === 'fr' ? `« ${text} »` : `“${text}”`);

function decisionMakerName(dm: NonNullable<NonNullable<ReminderDetails['commitment']>['decisionMaker']>): string {
  const role = [dm.title, dm.institution].filter(Boolean).join(', ');
  return role ? `${dm.name} (${role})` : dm.name;
}

const footer = (locale: Locale, organization: string) =>
  locale === 'fr'
    ? `\n--\nRapport · ${organization}\nVous recevez ce rappel parce que vous êtes membre de ${organization}.`
    : `\n--\nRapport · ${organization}\nYou receive this reminder as a member of ${organization}.`;

/** The one-line summary shown in-app and used as the email subject. */
export function reminderHeadline(d: ReminderDetails): string {
  const fr = d.locale === 'fr';
  const tz = d.organization.timezone;
  const when = (date: Date) => formatWhen(date, d.locale, tz);
  const { commitment: c, conversation: cv, action: a } = d;
  if (d.provided) return d.provided.headline(d.locale, tz);
  switch (d.reminder.kind) {
    case ReminderKind.COMMITMENT_DUE: {
      if (!c) break;
      const who = c.contact?.name ?? c.decisionMaker?.name ?? '?';
      return fr
        ? `Engagement de ${who} : ${quote('fr', c.description)}, pour le ${when(c.dueAt)}`
        : `${who}'s commitment: ${quote('en', c.description)}, due ${when(c.dueAt)}`;
    }
    case ReminderKind.DECISION_MAKER_DEADLINE: {
      if (!c) break;
      const who = c.decisionMaker ? c.decisionMaker.name : (c.contact?.name ?? '?');
      return fr
        ? `Échéance : ${who} avait promis ${quote('fr', c.description)} pour le ${when(c.dueAt)}`
        : `Deadline: ${who} promised ${quote('en', c.description)} by ${when(c.dueAt)}`;
    }
    case ReminderKind.FOLLOW_UP: {
      if (!cv) break;
      const who = cv.contact?.name ?? cv.place ?? (fr ? 'la personne rencontrée' : 'the person you met');
      return fr ? `Relance prévue : ${who}, le ${when(cv.followUpAt ?? d.reminder.remindAt)}` : `Follow-up due: ${who}, ${when(cv.followUpAt ?? d.reminder.remindAt)}`;
    }
    case ReminderKind.ACTION_UPCOMING: {
      if (!a) break;
      return fr ? `Action à venir : ${a.title}, le ${when(a.startsAt)}` : `Upcoming action: ${a.title}, ${when(a.startsAt)}`;
    }
  }
  return fr ? `Rappel du ${when(d.reminder.remindAt)}` : `Reminder for ${when(d.reminder.remindAt)}`;
}

/** The email to the member reminded (the follow-up owner, the organiser…). */
export function reminderEmail(d: ReminderDetails, publicUrl: string): MessageText {
  const fr = d.locale === 'fr';
  const tz = d.organization.timezone;
  const when = (date: Date) => formatWhen(date, d.locale, tz);
  const link = `${publicUrl}${d.route}`;
  const lines: string[] = [];
  const hello = d.recipient ? (fr ? `Bonjour ${d.recipient.displayName},` : `Hello ${d.recipient.displayName},`) : fr ? 'Bonjour,' : 'Hello,';
  lines.push(hello, '');
  const { commitment: c, conversation: cv, action: a } = d;
  const campaign = (name: string | null | undefined) => (name ? [fr ? `Campagne : ${name}` : `Campaign: ${name}`] : []);

  if (c && d.reminder.kind === ReminderKind.COMMITMENT_DUE) {
    const who = c.contact?.name ?? (c.decisionMaker ? decisionMakerName(c.decisionMaker) : '?');
    lines.push(
      fr ? `${who} s'est engagé·e à : ${quote('fr', c.description)}` : `${who} committed to: ${quote('en', c.description)}`,
      fr ? `Échéance : ${when(c.dueAt)}` : `Due: ${when(c.dueAt)}`,
      ...campaign(c.campaignName),
      ...(c.contact?.phone ? [fr ? `Téléphone : ${c.contact.phone}` : `Phone: ${c.contact.phone}`] : []),
      '',
      fr ? 'Un petit appel pour l’encourager ? Notez ensuite si l’engagement est tenu.' : 'A quick call to encourage them? Then record whether it was kept.',
    );
  } else if (c) {
    const who = c.decisionMaker ? decisionMakerName(c.decisionMaker) : (c.contact?.name ?? '?');
    lines.push(
      fr ? `${who} avait promis : ${quote('fr', c.description)}` : `${who} promised: ${quote('en', c.description)}`,
      fr ? `Pour le : ${when(c.dueAt)} — l’engagement est toujours ouvert.` : `By: ${when(c.dueAt)} — the commitment is still open.`,
      ...campaign(c.campaignName),
      '',
      fr ? 'Tenu ou rompu ? Notez-le, et s’il est rompu, préparez la suite avec l’équipe.' : 'Kept or broken? Record it, and if broken, plan the next action with the team.',
    );
  } else if (cv) {
    const who = cv.contact?.name ?? cv.place ?? (fr ? 'la personne rencontrée' : 'the person you met');
    lines.push(
      fr ? `Vous aviez prévu de relancer ${who}` : `You planned to follow up with ${who}`,
      fr ? `après votre conversation du ${when(cv.occurredAt)}.` : `after your conversation on ${when(cv.occurredAt)}.`,
      fr ? `Relance : ${when(cv.followUpAt ?? d.reminder.remindAt)}` : `Follow-up: ${when(cv.followUpAt ?? d.reminder.remindAt)}`,
      ...(cv.place ? [fr ? `Adresse : ${cv.place}` : `Address: ${cv.place}`] : []),
      ...(cv.contact?.phone ? [fr ? `Téléphone : ${cv.contact.phone}` : `Phone: ${cv.contact.phone}`] : []),
      ...campaign(cv.campaignName),
    );
  } else if (a) {
    lines.push(...actionOrganiserLines(d.locale, a, when));
  } else if (d.provided) {
    lines.push(...d.provided.lines(d.locale, tz));
  }
  lines.push('', fr ? `Voir : ${link}` : `Open: ${link}`, footer(d.locale, d.organization.name));
  return { subject: (fr ? 'Rappel — ' : 'Reminder — ') + reminderHeadline(d), text: lines.join('\n') };
}

/** Who gets an email for an action, and who must be called (no email, or no consent to be emailed). */
export function splitParticipants(action: ActionSubject): { emailed: ReminderPerson[]; toCall: ReminderPerson[] } {
  const emailed = action.committed.filter((p) => p.email && p.consent);
  const toCall = action.committed.filter((p) => !(p.email && p.consent));
  return { emailed, toCall };
}

function actionOrganiserLines(locale: Locale, a: ActionSubject, when: (d: Date) => string): string[] {
  const fr = locale === 'fr';
  const { emailed, toCall } = splitParticipants(a);
  const lines = [
    fr ? `Action : ${a.title}` : `Action: ${a.title}`,
    fr ? `Quand : ${when(a.startsAt)}` : `When: ${when(a.startsAt)}`,
    ...(a.location ? [fr ? `Où : ${a.location}` : `Where: ${a.location}`] : []),
    ...(a.campaignName ? [fr ? `Campagne : ${a.campaignName}` : `Campaign: ${a.campaignName}`] : []),
    '',
    fr
      ? `${a.committed.length} personne(s) engagée(s) ; ${emailed.length} reçoi(ven)t un rappel par e-mail.`
      : `${a.committed.length} committed; ${emailed.length} get a reminder by email.`,
  ];
  if (toCall.length > 0) {
    lines.push('', fr ? 'À appeler (pas d’e-mail ou pas de consentement) :' : 'To call (no email, or no consent to email):');
    for (const p of toCall) lines.push(`- ${p.name} — ${p.phone ?? (fr ? 'pas de téléphone' : 'no phone')}`);
  } else {
    lines.push(fr ? 'Personne à appeler : tout le monde a reçu un e-mail.' : 'Nobody to call: everyone got an email.');
  }
  return lines;
}

/** The email to a committed participant of an action (a contact who consented). */
export function participantEmail(d: ReminderDetails, p: ReminderPerson): MessageText {
  const a = d.action!;
  const locale = d.organization.locale;
  const fr = locale === 'fr';
  const when = formatWhen(a.startsAt, locale, d.organization.timezone);
  const lines = [
    fr ? `Bonjour ${p.firstName},` : `Hello ${p.firstName},`,
    '',
    fr ? `Vous vous êtes engagé·e à venir : ${a.title}` : `You said you would come: ${a.title}`,
    fr ? `Quand : ${when}` : `When: ${when}`,
    ...(a.location ? [fr ? `Où : ${a.location}` : `Where: ${a.location}`] : []),
    '',
    fr ? 'Ensemble, on est plus fort·es. À très vite !' : 'Together we are stronger. See you there!',
    d.organization.name,
  ];
  return { subject: fr ? `Rappel : ${a.title}, ${when}` : `Reminder: ${a.title}, ${when}`, text: lines.join('\n') };
}

export interface DigestContent {
  organization: string;
  locale: Locale;
  timeZone: string;
  displayName: string;
  overdue: Array<{ description: string; who: string; dueAt: Date; campaign: string | null }>;
  actions: Array<{ title: string; startsAt: Date; location: string | null; committed: number; campaign: string | null }>;
  followUps: Array<{ who: string; followUpAt: Date; organiser: string }>;
  link: string;
}

/** The Monday digest for an organiser. */
export function digestEmail(c: DigestContent): MessageText {
  const fr = c.locale === 'fr';
  const day = (d: Date) => formatDay(d, c.locale, c.timeZone);
  const when = (d: Date) => formatWhen(d, c.locale, c.timeZone);
  const section = (title: string, empty: string, items: string[]) => ['', title, ...(items.length ? items : [empty])];
  const lines = [
    fr ? `Bonjour ${c.displayName},` : `Hello ${c.displayName},`,
    fr ? `Voici la semaine de ${c.organization}.` : `Here is the week ahead for ${c.organization}.`,
    ...section(
      fr ? `Engagements en retard (${c.overdue.length}) :` : `Overdue commitments (${c.overdue.length}):`,
      fr ? '- aucun' : '- none',
      c.overdue.map((o) => `- ${o.who} : ${quote(c.locale, o.description)} (${fr ? 'échéance' : 'due'} ${day(o.dueAt)})${o.campaign ? ` — ${o.campaign}` : ''}`),
    ),
    ...section(
      fr ? `Actions de la semaine (${c.actions.length}) :` : `This week's actions (${c.actions.length}):`,
      fr ? '- aucune' : '- none',
      c.actions.map(
        (a) =>
          `- ${a.title}, ${when(a.startsAt)}${a.location ? `, ${a.location}` : ''} — ${a.committed} ${fr ? 'engagé·es' : 'committed'}${a.campaign ? ` (${a.campaign})` : ''}`,
      ),
    ),
    ...section(
      fr ? `Relances à faire (${c.followUps.length}) :` : `Follow-ups due (${c.followUps.length}):`,
      fr ? '- aucune' : '- none',
      c.followUps.map((f) => `- ${f.who}, ${day(f.followUpAt)} (${f.organiser})`),
    ),
    '',
    fr ? `Voir : ${c.link}` : `Open: ${c.link}`,
    footer(c.locale, c.organization),
  ];
  return { subject: fr ? `Votre semaine — ${c.organization}` : `Your week — ${c.organization}`, text: lines.join('\n') };
}
