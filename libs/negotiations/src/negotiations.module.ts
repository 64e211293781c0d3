import { Module } from '@nestjs/common';
import { DecisionMakersModule } from '@rapport/decision-makers';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@rapport/campaigns';
import { ContactsModule } from '@rapport/contacts';
import { NEGOTIATIONS_ENTITIES } from './entities/index.js';
import { NegotiationsService } from './negotiations.service.js';
import { CampaignNegotiationsResolver, NegotiationsResolver } from './negotiations.resolver.js';
import { BriefRoleResolver, NegotiationBriefResolver } from './negotiation-brief.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(NEGOTIATIONS_ENTITIES), CampaignsModule, ContactsModule, DecisionMakersModule],
  providers: [NegotiationsService, NegotiationsResolver, CampaignNegotiationsResolver, NegotiationBriefResolver, BriefRoleResolver],
  exports: [NegotiationsService],
})
export class NegotiationsModule {}
