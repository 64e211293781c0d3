import { Module } from '@nestjs/common';
import { CampaignsModule } from '@rapport/campaigns';
import { DashboardService } from './dashboard.service.js';
import { DashboardResolver } from './dashboard.resolver.js';

@Module({
  imports: [CampaignsModule],
  providers: [DashboardService, DashboardResolver],
  exports: [DashboardService],
})
export class DashboardModule {}
