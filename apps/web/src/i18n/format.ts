import { useMemo } from 'react';
import type { Locale } from '@rapport/shared';
import { useLocale } from './index';

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

export function makeFormat(locale: Locale): Format {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' });
  const shortDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const integer = new Intl.NumberFormat(tag);
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: (value) => date.format(toDate(value)),
    shortDate: (value) => shortDate.format(toDate(value)),
    dateTime: (value) => dateTime.format(toDate(value)),
    weekday: (value) => weekday.format(toDate(value)),
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
  return useMemo(() => makeFormat(locale), [locale]);
}
