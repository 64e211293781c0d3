import { Module } from '@nestjs/common';
import { DecisionMakersModule } from '@rapport/decision-makers';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@rapport/auth';
import { RemindersModule } from '@rapport/reminders';
import { ContactsModule } from '@rapport/contacts';
import { CampaignsModule } from '@rapport/campaigns';
import { NegotiationsModule } from '@rapport/negotiations';
import { COMMITMENTS_ENTITIES } from './entities/index.js';
import { CommitmentRemindersModule } from './reminders/commitment-reminders.js';
import { CommitmentsService } from './commitments.service.js';
import { CommitmentsResolver } from './commitments.resolver.js';
import {
  BriefHistoryResolver,
  ContactCommitmentsResolver,
  DecisionMakerCommitmentsResolver,
  NegotiationCommitmentsResolver,
} from './related-commitments.resolver.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(COMMITMENTS_ENTITIES),
    AuthModule,
    RemindersModule,
    CommitmentRemindersModule,
    ContactsModule,
    CampaignsModule,
    NegotiationsModule,
    DecisionMakersModule,
  ],
  providers: [
    CommitmentsService,
    CommitmentsResolver,
    ContactCommitmentsResolver,
    DecisionMakerCommitmentsResolver,
    NegotiationCommitmentsResolver,
    BriefHistoryResolver,
  ],
  exports: [CommitmentsService],
})
export class CommitmentsModule {}
