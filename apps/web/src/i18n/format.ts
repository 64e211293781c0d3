import { useMemo } from 'react';
import type { Locale } from '@rapport/shared';
import { useLocale } from './index';
import { useOtherTimeZone, zoneCity } from './timeZone';

/** Dates and numbers the way the member reads them (fr-FR or en-GB). */
export interface Format {
  date(iso: string | Date): string;
  /** "17 févr. 20": chart axes. */
  shortDate(iso: string | Date): string;
  dateTime(iso: string | Date): string;
  weekday(iso: string | Date): string;
  number(value: number): string;
  decimal(value: number): string;
  /** yyyy-mm-dd in local time, for <input type=date>. */
  isoDay(iso: string | Date): string;
}

/**
 * `timeZone`: the organisation's, when it differs from the device's; times are then
 * shown in it and labelled ("18:00 (heure de Paris)").
 */
export function makeFormat(locale: Locale, timeZone?: string | null): Format {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const zone = timeZone ? { timeZone } : {};
  const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' });
  const shortDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', ...zone });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', ...zone });
  const integer = new Intl.NumberFormat(tag);
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
  const pad = (n: number) => String(n).padStart(2, '0');
  // French typography: "1er décembre", then "2 décembre".
  const write = (format: Intl.DateTimeFormat, value: string | Date) =>
    format
      .formatToParts(toDate(value))
      .map((part) => (locale === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
      .join('');
  const label = timeZone ? (locale === 'fr' ? ` (heure de ${zoneCity(timeZone)})` : ` (${zoneCity(timeZone)} time)`) : '';
  return {
    date: (value) => write(date, value),
    shortDate: (value) => write(shortDate, value),
    dateTime: (value) => write(dateTime, value) + label,
    weekday: (value) => write(weekday, value) + label,
    number: (value) => integer.format(value),
    decimal: (value) => decimal.format(value),
    isoDay: (value) => {
      const d = toDate(value);
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    },
  };
}

export function useFormat(): Format {
  const { locale } = useLocale();
  const zone = useOtherTimeZone();
  return useMemo(() => makeFormat(locale, zone), [locale, zone]);
}
