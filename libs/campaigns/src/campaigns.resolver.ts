import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
import { CampaignStage, Role } from '@rapport/shared';
import { CampaignsService } from './campaigns.service.js';
import { Campaign } from './entities/campaign.entity.js';
import { StageChange } from './entities/stage-change.entity.js';
import { CampaignInput } from './dto/campaign.input.js';

@Resolver(() => Campaign)
export class CampaignsResolver {
  constructor(private readonly service: CampaignsService) {}

  @Query(() => [Campaign])
  campaigns(@CurrentMember() member: Member) {
    return this.service.list(member);
  }

  @Query(() => Campaign, { nullable: true })
  campaign(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.service.find(member, id);
  }

  @Mutation(() => Campaign)
  createCampaign(@CurrentMember() member: Member, @Args('input') input: CampaignInput) {
    return this.service.create(member, input);
  }

  @Mutation(() => Campaign)
  advanceCampaign(
    @CurrentMember() member: Member,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('stage', { type: () => CampaignStage }) stage: CampaignStage,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @Args('enteredAt', { type: () => Date, nullable: true, description: 'When the campaign moved (default now), to record a past campaign' })
    enteredAt: Date | null,
  ) {
    return this.service.advance(member, campaignId, stage, note, enteredAt);
  }

  @LoadedField(() => [StageChange], { description: 'oldest first; the first entry is LISTENING at startedAt' })
  stageHistory(campaign: Campaign, member: Member, loaders: Loaders) {
    return this.service.history(loaders, member).load(campaign.id);
  }
}

@Resolver(() => StageChange)
export class StageChangeResolver {
  /** Allies see the stages, not what members wrote about them (a note may name people). */
  @ResolveField(() => String, { nullable: true, description: 'null for ALLY callers' })
  note(@Parent() change: StageChange, @CurrentMember() member: Member) {
    return member.role === Role.ALLY ? null : change.note;
  }
}
