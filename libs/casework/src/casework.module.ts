import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@rapport/auth';
import { ContactsModule } from '@rapport/contacts';
import { CampaignsModule } from '@rapport/campaigns';
import { ConversationSessions, ConversationsModule } from '@rapport/conversations';
import { ActionsModule, CalendarSources } from '@rapport/actions';
import { RemindersModule } from '@rapport/reminders';
import { CASEWORK_ENTITIES } from './entities/index.js';
import { SessionsService } from './sessions.service.js';
import { CasesService } from './cases.service.js';
import { SessionCalendar } from './session-calendar.js';
import { CaseRemindersModule } from './case-reminders.js';
import {
  BriefEvidenceResolver,
  CampaignEvidenceResolver,
  CaseResolver,
  CaseStepResolver,
  ContactCasesResolver,
  IssueTallyCasesResolver,
  SessionResolver,
  SessionSeriesResolver,
} from './casework.resolver.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(CASEWORK_ENTITIES),
    AuthModule,
    ContactsModule,
    CampaignsModule,
    ConversationsModule,
    ActionsModule,
    RemindersModule,
    CaseRemindersModule,
  ],
  providers: [
    SessionsService,
    CasesService,
    SessionCalendar,
    SessionSeriesResolver,
    SessionResolver,
    CaseResolver,
    CaseStepResolver,
    ContactCasesResolver,
    CampaignEvidenceResolver,
    BriefEvidenceResolver,
    IssueTallyCasesResolver,
  ],
  exports: [SessionsService, CasesService],
})
export class CaseworkModule implements OnModuleInit {
  constructor(
    private readonly sessions: SessionsService,
    private readonly calendar: SessionCalendar,
    private readonly calendarSources: CalendarSources,
    private readonly conversationSessions: ConversationSessions,
  ) {}

  /** Plugs sessions into the contexts that came before: the allies' feed, DROP_INs logged at a session. */
  onModuleInit() {
    this.calendar.register(this.calendarSources);
    this.conversationSessions.register(async (member, sessionId, em, field) => {
      await this.sessions.get(member, sessionId, em, field);
    });
  }
}
