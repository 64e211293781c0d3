import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember, RequestLoaders, type Loaders, type Member } from '@rapport/core';
import { Campaign, CampaignsService } from '@rapport/campaigns';
import { WinsService } from './wins.service.js';
import { Win } from './entities/win.entity.js';
import { WinInput } from './dto/win.input.js';

@Resolver(() => Win)
export class WinsResolver {
  constructor(
    private readonly service: WinsService,
    private readonly campaigns: CampaignsService,
  ) {}

  @Query(() => [Win], { description: 'wins not yet celebrated, newest first' })
  winsToCelebrate(@CurrentMember() member: Member) {
    return this.service.toCelebrate(member);
  }

  @Mutation(() => Win)
  recordWin(@CurrentMember() member: Member, @Args('input') input: WinInput) {
    return this.service.record(member, input);
  }

  @Mutation(() => Win)
  markWinCelebrated(
    @CurrentMember() member: Member,
    @Args('id', { type: () => ID }) id: string,
    @Args('celebrationActionId', { type: () => ID, nullable: true }) celebrationActionId: string | null,
  ) {
    return this.service.markCelebrated(member, id, celebrationActionId);
  }

  @ResolveField(() => Campaign)
  campaign(@Parent() win: Win, @CurrentMember() member: Member, @RequestLoaders() loaders: Loaders) {
    return this.campaigns.byId(loaders, member).load(win.campaignId);
  }
}

/** `Campaign.wins`: added here, since campaigns come before wins. */
@Resolver(() => Campaign)
export class CampaignWinsResolver {
  constructor(private readonly service: WinsService) {}

  @ResolveField(() => [Win], { description: 'newest first' })
  wins(@Parent() campaign: Campaign, @CurrentMember() member: Member, @RequestLoaders() loaders: Loaders) {
    return this.service.byCampaign(loaders, member).load(campaign.id);
  }
}
