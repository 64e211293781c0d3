import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
import { DashboardService } from './dashboard.service.js';
import { Action } from '@rapport/actions';
import { Win } from '@rapport/wins';
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

@Resolver(() => IssueTally)
export class IssueTallyResolver {
  constructor(private readonly service: DashboardService) {}

  @LoadedField(() => [String], {
    description: "what people said about it in the campaign's conversations, only of people who gave consent (never a name): at most 5, angriest first",
  })
  quotes(tally: IssueTally, member: Member, loaders: Loaders) {
    return this.service.quotesByIssue(loaders, member).load(`${tally.campaignId}|${tally.issue.id}`);
  }
}

/** The parts of the dashboard that are lists of records, read only when asked for. */
@Resolver(() => CampaignProgress)
export class CampaignProgressResolver {
  constructor(private readonly service: DashboardService) {}

  @LoadedField(() => [Action], { description: "this campaign's actions with startsAt >= now, soonest first" })
  upcomingActions(progress: CampaignProgress, member: Member) {
    return this.service.upcomingActions(member, progress);
  }

  @LoadedField(() => [Win])
  wins(progress: CampaignProgress, member: Member) {
    return this.service.wins(member, progress);
  }
}
