import { MembershipPeriodKind, MembershipStatus } from '@rapport/shared';

// Periods and statuses, pure functions of dates (no clock, no database): the rules
// the integration tests replay. Calendar years are those of the organisation's timezone.

const DAY_MS = 86_400_000;

/** Milliseconds to add to UTC to get the wall-clock time in `timeZone` at `date`. */
function offsetMs(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (date.getTime() - date.getUTCMilliseconds());
}

/** 1 January 00:00 of `year` in `timeZone`. */
export function yearStart(year: number, timeZone: string): Date {
  const utc = Date.UTC(year, 0, 1);
  return new Date(utc - offsetMs(new Date(utc), timeZone));
}

/** The calendar year of `date` in `timeZone`. */
export function yearOf(date: Date, timeZone: string): number {
  return new Date(date.getTime() + offsetMs(date, timeZone)).getUTCFullYear();
}

function addYear(date: Date): Date {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

/**
 * The period a payment (or a grant) made at `at` funds, given the end of the
 * person's latest membership. Calendar year: the year it is made in, or the first
 * year after what is already covered. Rolling year: 12 months from `at`, or from the
 * end of the membership still running.
 */
export function periodFor(kind: MembershipPeriodKind, at: Date, latestEnd: Date | null, timeZone: string): { startsAt: Date; endsAt: Date } {
  if (kind === MembershipPeriodKind.ROLLING_YEAR) {
    const startsAt = latestEnd && latestEnd > at ? latestEnd : at;
    return { startsAt, endsAt: addYear(startsAt) };
  }
  let year = yearOf(at, timeZone);
  if (latestEnd && latestEnd > yearStart(year, timeZone)) year = yearOf(new Date(latestEnd.getTime() - 1), timeZone) + 1;
  return { startsAt: yearStart(year, timeZone), endsAt: yearStart(year + 1, timeZone) };
}

/** CURRENT while the latest membership runs, GRACE for `graceDays` after it ended, then LAPSED. */
export function statusOf(latestEnd: Date | null, graceDays: number, now: Date): MembershipStatus {
  if (!latestEnd) return MembershipStatus.NEVER;
  if (latestEnd > now) return MembershipStatus.CURRENT;
  if (latestEnd.getTime() + graceDays * DAY_MS > now.getTime()) return MembershipStatus.GRACE;
  return MembershipStatus.LAPSED;
}

export interface Allocation {
  /** The payer's own share (whatever the amount), or null when it does not cover the payer. */
  payerCents: number | null;
  /** The people paid for, at the suggested dues each, in order, while the amount lasts. */
  paidFor: string[];
  toFundCents: number;
}

/**
 * How a payment is shared, in integer cents: first the payer's own membership
 * (all of it when below the suggested dues: pay what you can), then the people
 * named, then the solidarity fund.
 */
export function allocate(amountCents: number, suggestedCents: number, coversPayer: boolean, paysFor: string[]): Allocation {
  let left = amountCents;
  let payerCents: number | null = null;
  if (coversPayer) {
    payerCents = Math.min(left, suggestedCents);
    left -= payerCents;
  }
  const paidFor: string[] = [];
  for (const id of paysFor) {
    if (left < suggestedCents) break;
    paidFor.push(id);
    left -= suggestedCents;
  }
  return { payerCents, paidFor, toFundCents: left };
}
