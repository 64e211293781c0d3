import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@rapport/campaigns';
import { DECISION_MAKERS_ENTITIES } from './entities/index.js';
import { DecisionMakersService } from './decision-makers.service.js';
import { CampaignDemandsResolver, DecisionMakersResolver, DemandsResolver } from './decision-makers.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(DECISION_MAKERS_ENTITIES), CampaignsModule],
  providers: [DecisionMakersService, DecisionMakersResolver, DemandsResolver, CampaignDemandsResolver],
  exports: [DecisionMakersService],
})
export class DecisionMakersModule {}
