import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { CalendarFeedService } from './calendar-feed.service.js';

/**
 * GET /calendar/<token>.ics: the allies' iCalendar feed. The secret token is the
 * only credential (calendar apps send no bearer token); an unknown or rotated
 * token answers 404.
 */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="rapport.ics"')
  @Header('Cache-Control', 'private, no-cache')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex')
  async feed(@Param('file') file: string): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
    const body = await this.feeds.feed(token);
    if (body === null) throw new NotFoundException('No calendar at this address: it may have been replaced by a new one');
    return body;
  }
}
