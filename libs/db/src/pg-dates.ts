import pg from 'pg';

/** PostgreSQL's type oid of `timestamptz`. */
export const TIMESTAMPTZ_OID = 1184;

type Parse = (text: string) => unknown;

/** pg's own parser (postgres-date): the reference, and what unusual shapes still go through. */
const general = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as Parse;

/** The value of `length` decimal digits at `at`, or -1 if one of them is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A `timestamptz` as PostgreSQL writes it (`2026-12-03 07:43:10.123456+00`, `+05:30`,
 * `-00:09:21`) made a Date by reading its digits in place. pg's parser runs three regular
 * expressions per value; a page of 100 conversations with their contacts carries about a
 * thousand dates, and parsing them was 4 % of that page's time. Anything else (years
 * before 100 or after 9999, BC, infinity, another DateStyle) goes to pg's parser, and
 * the result is the same Date in every case (`pg-dates.spec.ts` compares them): the
 * fraction is cut to milliseconds, as Date.UTC does with pg's.
 */
export function parseTimestamptz(text: string): unknown {
  const length = text.length;
  if (length < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32) return general(text);
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return general(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return general(text);
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    // Up to six digits of fraction; the first three are the milliseconds.
    at++;
    let scale = 100;
    while (at < length) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      ms += digit * scale;
      scale = scale === 1 ? 0 : scale / 10;
      at++;
    }
  }
  const sign = text.charCodeAt(at);
  if (sign !== 43 && sign !== 45) return general(text);
  // The zone: ±HH, then :MM and :SS when not whole (historic zones have seconds).
  let offset = digits(text, at + 1, 2) * 3_600_000;
  at += 3;
  for (const unit of [60_000, 1000]) {
    if (at === length) break;
    if (text.charCodeAt(at) !== 58) return general(text);
    const value = digits(text, at + 1, 2);
    if (value < 0) return general(text);
    offset += value * unit;
    at += 3;
  }
  if (at !== length || offset < 0) return general(text);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - (sign === 45 ? -offset : offset));
}

/** Installs it for every pool of this process (pg's type parsers are global). */
export function useFastDates(): void {
  pg.types.setTypeParser(TIMESTAMPTZ_OID, parseTimestamptz);
}

export const parseTimestamptzAsPg = general;
