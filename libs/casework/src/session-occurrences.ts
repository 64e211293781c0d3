import rrulePkg from 'rrule';
import { DateTime } from 'luxon';
import { badInput } from '@rapport/core';

// Occurrences of a series from its RFC 5545 rule, in the organisation's time zone.
// `rrule` expands the rule in a "floating" frame (UTC fields read as local wall-clock
// fields), which gives the calendar days; luxon then places each day's start and end
// times in the time zone, so a Tuesday 10:00 session is 10:00 in Paris in January and
// in July, whatever the UTC offset that day.

// rrule ships CommonJS without named ESM exports: import the default and destructure.
const { RRule } = rrulePkg;

const ALLOWED_KEYS = new Set(['FREQ', 'BYDAY', 'BYSETPOS', 'BYMONTHDAY', 'INTERVAL', 'UNTIL', 'COUNT', 'WKST']);
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

export interface CheckedRule {
  /** The RRULE value, keys upper-cased, without "RRULE:". */
  rule: string;
  /** DTSTART's date when the text gave one (YYYY-MM-DD), else null. */
  startsOn: string | null;
}

/**
 * Checks a recurrence rule: FREQ=WEEKLY or MONTHLY with BYDAY / BYSETPOS / BYMONTHDAY /
 * INTERVAL / UNTIL / COUNT / WKST. Accepts "FREQ=…", "RRULE:FREQ=…", and a leading
 * "DTSTART[;TZID=…]:20191105T100000" line giving the first day.
 */
export function checkRule(field: string, text: string | null | undefined): CheckedRule {
  const raw = (text ?? '').trim();
  if (!raw) throw badInput(field, 'must not be empty');
  if (raw.length > 500) throw badInput(field, 'must be at most 500 characters');
  let startsOn: string | null = null;
  let ruleLine = '';
  for (const line of raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const dtstart = /^DTSTART(?:;[^:]*)?:(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$/i.exec(line);
    if (dtstart) startsOn = `${dtstart[1]}-${dtstart[2]}-${dtstart[3]}`;
    else if (!ruleLine) ruleLine = line.replace(/^RRULE:/i, '');
    else throw badInput(field, 'must hold one rule');
  }
  if (!ruleLine) throw badInput(field, 'must hold a rule such as FREQ=WEEKLY;BYDAY=TU');
  const parts = ruleLine.split(';').filter(Boolean);
  const keys = new Set<string>();
  const normalized: string[] = [];
  for (const part of parts) {
    const [key, value, ...rest] = part.split('=');
    const k = (key ?? '').trim().toUpperCase();
    if (!value || rest.length > 0 || !ALLOWED_KEYS.has(k) || keys.has(k)) {
      throw badInput(field, `is not a supported recurrence rule (${part.slice(0, 40)}): use FREQ=WEEKLY or MONTHLY with BYDAY, BYSETPOS, INTERVAL, UNTIL`);
    }
    keys.add(k);
    normalized.push(`${k}=${value.trim().toUpperCase()}`);
  }
  const freq = normalized.find((p) => p.startsWith('FREQ='))?.slice(5);
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') throw badInput(field, 'must be FREQ=WEEKLY or FREQ=MONTHLY');
  if (keys.has('UNTIL') && keys.has('COUNT')) throw badInput(field, 'may not hold both UNTIL and COUNT');
  const rule = normalized.join(';');
  try {
    const options = RRule.parseString(rule);
    if (options.interval !== undefined && (!Number.isInteger(options.interval) || options.interval < 1 || options.interval > 52)) throw new Error('interval');
    if (keys.has('UNTIL') && !(options.until instanceof Date && !Number.isNaN(options.until.getTime()))) throw new Error('until');
    // Expanding a few occurrences catches what parsing lets through (BYDAY=XX…).
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) }).all((_d, i) => i < 3);
  } catch {
    throw badInput(field, 'is not a valid recurrence rule (RFC 5545), e.g. FREQ=WEEKLY;BYDAY=TU');
  }
  return { rule, startsOn };
}

/** "10:00" → [10, 0]; BAD_USER_INPUT otherwise. */
export function checkTime(field: string, value: string | null | undefined): string {
  const m = TIME.exec((value ?? '').trim());
  if (!m) throw badInput(field, 'must be a time such as 10:00');
  return `${m[1]}:${m[2]}`;
}

const hm = (time: string) => time.split(':').map(Number) as [number, number];

/** The instant of a wall-clock time on a day in a time zone. */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const [hour, minute] = hm(time);
  return DateTime.fromObject({ year, month, day: dayOfMonth, hour, minute }, { zone: timeZone }).toJSDate();
}

/** The day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant).setZone(timeZone).toISODate()!;
}

export interface SeriesRule {
  rrule: string;
  startsOn: string;
  startTime: string;
  endTime: string;
}

export interface Occurrence {
  occursOn: string;
  startsAt: Date;
  endsAt: Date;
}

/** UNTIL as a floating date: a UTC instant is read in the time zone; a bare date includes its whole day. */
function floatingUntil(rule: string, timeZone: string): Date | null {
  const m = /(?:^|;)UNTIL=(\d{8})(T(\d{6})(Z?))?/.exec(rule);
  if (!m) return null;
  const [y, mo, d] = [m[1].slice(0, 4), m[1].slice(4, 6), m[1].slice(6, 8)].map(Number);
  if (!m[2]) return new Date(Date.UTC(y, mo - 1, d, 23, 59, 59));
  const [h, mi, s] = [m[3].slice(0, 2), m[3].slice(2, 4), m[3].slice(4, 6)].map(Number);
  if (!m[4]) return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const local = DateTime.fromJSDate(new Date(Date.UTC(y, mo - 1, d, h, mi, s))).setZone(timeZone);
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

function floatingRule(series: SeriesRule, timeZone: string) {
  const options = RRule.parseString(series.rrule);
  const [y, m, d] = series.startsOn.split('-').map(Number);
  const [hour, minute] = hm(series.startTime);
  return new RRule({ ...options, dtstart: new Date(Date.UTC(y, m - 1, d, hour, minute)), until: floatingUntil(series.rrule, timeZone) });
}

/** The occurrences starting in [from, to), in order. */
export function occurrences(series: SeriesRule, from: Date, to: Date, timeZone: string): Occurrence[] {
  if (to <= from) return [];
  const rule = floatingRule(series, timeZone);
  // A day of margin each side: the floating frame is off by the zone's offset.
  const days = rule.between(new Date(from.getTime() - 2 * DAY_MS), new Date(to.getTime() + 2 * DAY_MS), true);
  return days.map((d) => occurrenceOn(series, d.toISOString().slice(0, 10), timeZone)).filter((o) => o.startsAt >= from && o.startsAt < to);
}

export function occurrenceOn(series: Pick<SeriesRule, 'startTime' | 'endTime'>, day: string, timeZone: string): Occurrence {
  return { occursOn: day, startsAt: zonedInstant(day, series.startTime, timeZone), endsAt: zonedInstant(day, series.endTime, timeZone) };
}

/** Whether the rule has an occurrence on that day. */
export function occursOn(series: SeriesRule, day: string, timeZone: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1, d));
  const rule = floatingRule(series, timeZone);
  return rule.between(start, new Date(start.getTime() + DAY_MS - 1), true).length > 0;
}

// A session's id is stable before anything is stored: the series and the day.
const SESSION_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(\d{4}-\d{2}-\d{2})$/i;
export const sessionId = (seriesId: string, day: string) => `${seriesId}_${day}`;
export function parseSessionId(id: string): { seriesId: string; day: string } | null {
  const m = SESSION_ID.exec(id ?? '');
  if (!m || Number.isNaN(Date.parse(m[2]))) return null;
  return { seriesId: m[1].toLowerCase(), day: m[2] };
}

/** The wall-clock form of an instant in a zone for iCalendar: 20260303T100000. */
export function localStamp(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant).setZone(timeZone).toFormat("yyyyMMdd'T'HHmmss");
}

/** The rule for a calendar client: UNTIL as a UTC instant (RFC 5545 with a TZID DTSTART). */
export function ruleForCalendar(series: SeriesRule, timeZone: string): string {
  return series.rrule.replace(/UNTIL=[0-9TZ]+/, () => {
    const until = floatingUntil(series.rrule, timeZone)!;
    const instant = DateTime.fromObject(
      {
        year: until.getUTCFullYear(),
        month: until.getUTCMonth() + 1,
        day: until.getUTCDate(),
        hour: until.getUTCHours(),
        minute: until.getUTCMinutes(),
        second: until.getUTCSeconds(),
      },
      { zone: timeZone },
    ).toJSDate();
    return `UNTIL=${instant
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`;
  });
}

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/**
 * A VTIMEZONE for the zone between two years, one observance per offset change, read
 * from the time zone database through luxon: calendar clients place TZID times with it.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: timeZone });
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  let previous = start.offset;
  lines.push(
    'BEGIN:STANDARD',
    `DTSTART:${start.toFormat("yyyyMMdd'T'HHmmss")}`,
    `TZOFFSETFROM:${offsetText(previous)}`,
    `TZOFFSETTO:${offsetText(previous)}`,
    'END:STANDARD',
  );
  const end = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone: timeZone }).toMillis();
  // Hour by hour would be 100k steps for a decade; a day then the hour inside it is enough.
  for (let t = start.toMillis(); t < end; t += DAY_MS) {
    const next = DateTime.fromMillis(t + DAY_MS, { zone: timeZone });
    if (next.offset === previous) continue;
    let change = t;
    while (DateTime.fromMillis(change, { zone: timeZone }).offset === previous) change += 60_000 * 15;
    const to = DateTime.fromMillis(change, { zone: timeZone }).offset;
    // DTSTART of an observance is in the local time before the change.
    const localBefore = DateTime.fromMillis(change, { zone: 'UTC' }).plus({ minutes: previous });
    const type = to > previous ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${type}`,
      `DTSTART:${localBefore.toFormat("yyyyMMdd'T'HHmmss")}`,
      `TZOFFSETFROM:${offsetText(previous)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${type}`,
    );
    previous = to;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
