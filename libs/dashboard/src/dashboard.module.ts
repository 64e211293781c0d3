import { Module } from '@nestjs/common';
import { CampaignsModule } from '@rapport/campaigns';
import { ActionsModule } from '@rapport/actions';
import { WinsModule } from '@rapport/wins';
import { DashboardService } from './dashboard.service.js';
import { CampaignProgressResolver, DashboardResolver, IssueTallyResolver } from './dashboard.resolver.js';

@Module({
  imports: [CampaignsModule, ActionsModule, WinsModule],
  providers: [DashboardService, DashboardResolver, IssueTallyResolver, CampaignProgressResolver],
  exports: [DashboardService],
})
export class DashboardModule {}
