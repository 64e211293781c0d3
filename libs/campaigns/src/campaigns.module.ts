import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CAMPAIGNS_ENTITIES } from './entities/index.js';
import { CampaignsService } from './campaigns.service.js';
import { CampaignsResolver, StageChangeResolver } from './campaigns.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(CAMPAIGNS_ENTITIES)],
  providers: [CampaignsService, CampaignsResolver, StageChangeResolver],
  exports: [CampaignsService],
})
export class CampaignsModule {}
