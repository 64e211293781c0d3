import type { Locale } from '../constants.js';
import { fr } from './fr.js';
import { en } from './en.js';

/** A key of the server's message catalogue (fr.ts is the reference). */
export type MessageKey = keyof typeof fr;
export type MessageParams = Record<string, string | number>;

const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { fr, en };

/**
 * The text of `key` in `locale`, each {name} replaced by its parameter. One pass:
 * a parameter's own text (a description typed by a member) is never read as a placeholder.
 */
export function message(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGUES[locale][key].replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

// Building an Intl.DateTimeFormat costs far more than using one: keep them.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(kind: 'when' | 'day' | 'date', locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'when'
        ? { dateStyle: 'full', timeStyle: 'short', timeZone }
        : kind === 'date'
          ? { day: 'numeric', month: 'long', year: 'numeric', timeZone }
          : { weekday: 'short', day: 'numeric', month: 'short', timeZone };
    found = new Intl.DateTimeFormat(LOCALE_TAGS[locale], options);
    if (formats.size > 500) formats.clear();
    formats.set(key, found);
  }
  return found;
}

/** "lundi 3 mars 2025 à 18:00" / "Monday 3 March 2025 at 18:00", in the organisation's timezone. */
export function formatWhen(date: Date, locale: Locale, timeZone: string): string {
  return dateFormat('when', locale, timeZone).format(date);
}

/** "lun. 3 mars" / "Mon 3 Mar". */
export function formatDay(date: Date, locale: Locale, timeZone: string): string {
  return dateFormat('day', locale, timeZone).format(date);
}

/** Words for one reader: the catalogue in their language, dates in the organisation's timezone. */
export interface Messages {
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  when(date: Date): string;
  day(date: Date): string;
  /** "31 décembre 2026" / "31 December 2026". */
  date(date: Date): string;
  quote(text: string): string;
}

export function messagesFor(locale: Locale, timeZone: string): Messages {
  return {
    locale,
    t: (key, params) => message(locale, key, params),
    when: (date) => formatWhen(date, locale, timeZone),
    day: (date) => formatDay(date, locale, timeZone),
    date: (date) => dateFormat('date', locale, timeZone).format(date),
    quote: (text) => message(locale, 'quote', { text }),
  };
}
