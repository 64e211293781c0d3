import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
import { Campaign, CampaignsService } from '@rapport/campaigns';
import { DecisionMaker } from '@rapport/decision-makers';
import { NegotiationsService } from './negotiations.service.js';
import { Negotiation } from './entities/negotiation.entity.js';
import { BriefInput, NegotiationInput } from './dto/negotiation.input.js';
import { NegotiationBrief } from './dto/negotiation-brief.type.js';

@Resolver(() => Negotiation)
export class NegotiationsResolver {
  constructor(
    private readonly service: NegotiationsService,
    private readonly campaigns: CampaignsService,
  ) {}

  @Query(() => NegotiationBrief)
  negotiationBrief(@CurrentMember() member: Member, @Args('negotiationId', { type: () => ID }) negotiationId: string) {
    return this.service.getBrief(member, negotiationId);
  }

  @Mutation(() => Negotiation)
  planNegotiation(@CurrentMember() member: Member, @Args('input') input: NegotiationInput) {
    return this.service.plan(member, input);
  }

  @Mutation(() => NegotiationBrief)
  updateBrief(@CurrentMember() member: Member, @Args('negotiationId', { type: () => ID }) negotiationId: string, @Args('input') input: BriefInput) {
    return this.service.updateBrief(member, negotiationId, input);
  }

  @Mutation(() => Negotiation)
  recordNegotiationReport(@CurrentMember() member: Member, @Args('negotiationId', { type: () => ID }) negotiationId: string, @Args('report') report: string) {
    return this.service.recordReport(member, negotiationId, report);
  }

  @LoadedField(() => Campaign)
  campaign(negotiation: Negotiation, member: Member, loaders: Loaders) {
    return this.campaigns.byId(loaders, member).load(negotiation.campaignId);
  }

  @LoadedField(() => [DecisionMaker])
  decisionMakers(negotiation: Negotiation, member: Member, loaders: Loaders) {
    return this.service.decisionMakers(loaders, member).load(negotiation.id);
  }
}

/** `Campaign.negotiations`: added here, as campaigns come before negotiations. */
@Resolver(() => Campaign)
export class CampaignNegotiationsResolver {
  constructor(private readonly service: NegotiationsService) {}

  @LoadedField(() => [Negotiation])
  negotiations(campaign: Campaign, member: Member, loaders: Loaders) {
    return this.service.byCampaign(loaders, member).load(campaign.id);
  }
}
