import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@rapport/auth';
import { RemindersModule } from '@rapport/reminders';
import { ContactsModule } from '@rapport/contacts';
import { CampaignsModule } from '@rapport/campaigns';
import { DecisionMakersModule } from '@rapport/decision-makers';
import { ACTIONS_ENTITIES } from './entities/index.js';
import { ActionRemindersModule } from './reminders/action-reminders.js';
import { ActionsService } from './actions.service.js';
import { TurnoutService } from './turnout.service.js';
import {
  ActionCallEntryResolver,
  ActionParticipantsResolver,
  ActionsResolver,
  CampaignActionsResolver,
  ContactParticipationsResolver,
} from './actions.resolver.js';
import { CalendarFeedService } from './calendar/calendar-feed.service.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarSources } from './calendar/calendar-sources.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(ACTIONS_ENTITIES),
    AuthModule,
    RemindersModule,
    ActionRemindersModule,
    ContactsModule,
    CampaignsModule,
    DecisionMakersModule,
  ],
  controllers: [CalendarController],
  providers: [
    ActionsService,
    TurnoutService,
    ActionCallEntryResolver,
    CalendarFeedService,
    CalendarSources,
    ActionsResolver,
    ActionParticipantsResolver,
    CampaignActionsResolver,
    ContactParticipationsResolver,
  ],
  exports: [ActionsService, TurnoutService, CalendarSources],
})
export class ActionsModule {}
