import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
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

  @LoadedField(() => Campaign)
  campaign(win: Win, member: Member, loaders: Loaders) {
    return this.campaigns.byId(loaders, member).load(win.campaignId);
  }
}

/** `Campaign.wins`: added here, since campaigns come before wins. */
@Resolver(() => Campaign)
export class CampaignWinsResolver {
  constructor(private readonly service: WinsService) {}

  @LoadedField(() => [Win], { description: 'newest first' })
  wins(campaign: Campaign, member: Member, loaders: Loaders) {
    return this.service.byCampaign(loaders, member).load(campaign.id);
  }
}
