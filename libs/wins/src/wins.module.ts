import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@rapport/campaigns';
import { DecisionMakersModule } from '@rapport/decision-makers';
import { ActionsModule } from '@rapport/actions';
import { WINS_ENTITIES } from './entities/index.js';
import { WinsService } from './wins.service.js';
import { CampaignWinsResolver, WinsResolver } from './wins.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(WINS_ENTITIES), CampaignsModule, DecisionMakersModule, ActionsModule],
  providers: [WinsService, WinsResolver, CampaignWinsResolver],
  exports: [WinsService],
})
export class WinsModule {}
