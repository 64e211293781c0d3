import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Member } from '@rapport/core';
import { DashboardService } from './dashboard.service.js';
import { CampaignProgress, IssueTally } from './dto/campaign-progress.type.js';

@Resolver()
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Query(() => CampaignProgress)
  campaignProgress(@CurrentMember() member: Member, @Args('campaignId', { type: () => ID }) campaignId: string) {
    return this.service.progress(member, campaignId);
  }

  @Query(() => [IssueTally], { description: "every issue raised in the campaign's conversations, ordered as topIssues" })
  listeningReport(@CurrentMember() member: Member, @Args('campaignId', { type: () => ID }) campaignId: string) {
    return this.service.listeningReport(member, campaignId);
  }
}
