import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CAMPAIGNS_ENTITIES } from './entities/index.js';
import { CampaignsService } from './campaigns.service.js';
import { CampaignsResolver } from './campaigns.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(CAMPAIGNS_ENTITIES)],
  providers: [CampaignsService, CampaignsResolver],
  exports: [CampaignsService],
})
export class CampaignsModule {}
