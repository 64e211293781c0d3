import { Injectable } from '@nestjs/common';
import { CalendarSources, escapeText, formatUtc, type CalendarSource } from '@rapport/actions';
import { message, type Locale } from '@rapport/shared';
import { SessionsService } from './sessions.service.js';
import { localStamp, ruleForCalendar, vtimezone } from './session-occurrences.js';

/**
 * The ALLIES series in the allies' calendar feed: one recurring VEVENT per series
 * (DTSTART in the organisation's time zone, its RRULE, an EXDATE per cancelled
 * occurrence), and each cancelled occurrence also as its own STATUS:CANCELLED event,
 * so calendar clients that show cancellations show it. Titles and places only.
 */
@Injectable()
export class SessionCalendar implements CalendarSource {
  constructor(private readonly sessions: SessionsService) {}

  register(sources: CalendarSources) {
    sources.register(this);
  }

  async contribution(organization: { id: string; timezone: string }, locale: Locale, now: Date) {
    const tz = organization.timezone;
    const { series, cancelled } = await this.sessions.forCalendar(organization.id);
    if (series.length === 0) return { components: [] };
    const stamp = formatUtc(now);
    const firstYear = Math.min(...series.map((s) => Number(s.startsOn.slice(0, 4))));
    const components: string[][] = [vtimezone(tz, firstYear, now.getUTCFullYear() + 3)];
    for (const s of series) {
      const start = `${s.startsOn.replace(/-/g, '')}T${s.startTime.replace(':', '')}00`;
      const end = `${s.startsOn.replace(/-/g, '')}T${s.endTime.replace(':', '')}00`;
      const mine = cancelled.filter((c) => c.seriesId === s.id);
      components.push([
        'BEGIN:VEVENT',
        `UID:${s.id}@rapport`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=${tz}:${start}`,
        `DTEND;TZID=${tz}:${end}`,
        `RRULE:${ruleForCalendar(s, tz)}`,
        ...mine.map((c) => `EXDATE;TZID=${tz}:${localStamp(c.startsAt, tz)}`),
        `SUMMARY:${escapeText(s.title)}`,
        ...(s.location ? [`LOCATION:${escapeText(s.location)}`] : []),
        'END:VEVENT',
      ]);
      for (const c of mine) {
        components.push([
          'BEGIN:VEVENT',
          `UID:${s.id}-${c.occursOn}@rapport`,
          `DTSTAMP:${stamp}`,
          `DTSTART:${formatUtc(c.startsAt)}`,
          `DTEND:${formatUtc(c.endsAt)}`,
          'STATUS:CANCELLED',
          `SUMMARY:${escapeText(message(locale, 'calendar.cancelled', { title: s.title }))}`,
          ...(s.location ? [`LOCATION:${escapeText(s.location)}`] : []),
          'END:VEVENT',
        ]);
      }
    }
    return { components };
  }
}
