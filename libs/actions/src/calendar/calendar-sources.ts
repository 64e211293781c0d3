import { Injectable } from '@nestjs/common';
import type { Locale } from '@rapport/shared';

/** What a later context adds to the allies' feed: its events and any VTIMEZONE they name. */
export interface CalendarContribution {
  /** Whole VEVENT and VTIMEZONE components, as unfolded content lines. */
  components: string[][];
}

export interface CalendarSource {
  contribution(organization: { id: string; timezone: string }, locale: Locale, now: Date): Promise<CalendarContribution>;
}

/**
 * Other contexts' events in the allies' calendar feed (the permanences of libs/casework):
 * registered when their module starts, as this library may not import them.
 */
@Injectable()
export class CalendarSources {
  private readonly sources: CalendarSource[] = [];

  register(source: CalendarSource) {
    if (!this.sources.includes(source)) this.sources.push(source);
  }

  all(): readonly CalendarSource[] {
    return this.sources;
  }
}
