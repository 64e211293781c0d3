import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, Visibility, message, type Locale } from '@rapport/shared';
import { AuthService } from '@rapport/auth';
import { Action } from '../entities/action.entity.js';
import { renderCalendar, type CalendarEvent } from './ical.js';
import { CalendarSources } from './calendar-sources.js';

const DURATION_MS = 2 * 3600 * 1000;

/**
 * The allies' calendar: every ALLIES action of the organisation, past and future.
 * Only what allies may see: titles, places and the campaign's name, never a
 * person's name or details, nor the outcome (members' words may name people).
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly sources: CalendarSources,
  ) {}

  /** The feed for a calendar token, or null when no organisation holds it (rotated or made up). */
  async feed(token: string, now = new Date()): Promise<string | null> {
    const organization = await this.auth.organizationByCalendarToken(token);
    if (!organization) return null;
    const locale: Locale = (SUPPORTED_LOCALES as readonly string[]).includes(organization.locale) ? (organization.locale as Locale) : DEFAULT_LOCALE;
    const actions = await this.db.getRepository(Action).find({
      where: { organizationId: organization.id, visibility: Visibility.ALLIES },
      relations: { campaign: true },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    const events: CalendarEvent[] = actions.map((action) => ({
      uid: `${action.id}@rapport`,
      start: action.startsAt,
      end: new Date(action.startsAt.getTime() + DURATION_MS),
      summary: action.title,
      location: action.location,
      description: [action.campaign ? message(locale, 'calendar.campaign', { name: action.campaign.name }) : null].filter(Boolean).join('\n'),
    }));
    const extra: string[][] = [];
    for (const source of this.sources.all()) extra.push(...(await source.contribution(organization, locale, now)).components);
    return renderCalendar({
      prodId: '-//Rapport//Actions calendar//EN',
      name: message(locale, 'calendar.name', { organization: organization.name }),
      timezone: organization.timezone,
      events,
      stamp: now,
      extra,
    });
  }
}
