import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
import { DemandStatus } from '@rapport/shared';
import { Campaign, CampaignsService } from '@rapport/campaigns';
import { DecisionMakersService } from './decision-makers.service.js';
import { DecisionMaker } from './entities/decision-maker.entity.js';
import { Demand } from './entities/demand.entity.js';
import { DecisionMakerInput, DemandInput } from './dto/decision-maker.input.js';

@Resolver(() => DecisionMaker)
export class DecisionMakersResolver {
  constructor(private readonly service: DecisionMakersService) {}

  @Query(() => [DecisionMaker])
  decisionMakers(@CurrentMember() member: Member) {
    return this.service.list(member);
  }

  @Mutation(() => DecisionMaker)
  createDecisionMaker(@CurrentMember() member: Member, @Args('input') input: DecisionMakerInput) {
    return this.service.create(member, input);
  }

  @Mutation(() => DecisionMaker, { description: 'Edits a decision-maker (name, title, institution, power, stance); ORGANISER, LEADER.' })
  updateDecisionMaker(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string, @Args('input') input: DecisionMakerInput) {
    return this.service.update(member, id, input);
  }
}

@Resolver(() => Demand)
export class DemandsResolver {
  constructor(
    private readonly service: DecisionMakersService,
    private readonly campaigns: CampaignsService,
  ) {}

  @Mutation(() => Demand)
  createDemand(@CurrentMember() member: Member, @Args('input') input: DemandInput) {
    return this.service.createDemand(member, input);
  }

  @Mutation(() => Demand)
  setDemandStatus(
    @CurrentMember() member: Member,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => DemandStatus }) status: DemandStatus,
  ) {
    return this.service.setDemandStatus(member, id, status);
  }

  @LoadedField(() => Campaign)
  campaign(demand: Demand, member: Member, loaders: Loaders) {
    return this.campaigns.byId(loaders, member).load(demand.campaignId);
  }

  @LoadedField(() => DecisionMaker, { nullable: true })
  target(demand: Demand, member: Member, loaders: Loaders) {
    return demand.targetId ? this.service.byId(loaders, member).load(demand.targetId) : null;
  }
}

/** `Campaign.demands`: added here, since campaigns come before decision-makers. */
@Resolver(() => Campaign)
export class CampaignDemandsResolver {
  constructor(private readonly service: DecisionMakersService) {}

  @LoadedField(() => [Demand])
  demands(campaign: Campaign, member: Member, loaders: Loaders) {
    return this.service.demandsByCampaign(loaders, member).load(campaign.id);
  }
}
