import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember, RequestLoaders, type Loaders, type Member } from '@rapport/core';
import { Contact, ContactsService } from '@rapport/contacts';
import { Demand, DecisionMakersService } from '@rapport/decision-makers';
import { RaisedIssue } from '@rapport/conversations';
import { NegotiationsService } from './negotiations.service.js';
import { BriefRole, NegotiationBrief } from './dto/negotiation-brief.type.js';

// `decisionMakerHistory` is added by the commitments lib (Commitment comes after negotiations).
@Resolver(() => NegotiationBrief)
export class NegotiationBriefResolver {
  constructor(
    private readonly service: NegotiationsService,
    private readonly contacts: ContactsService,
    private readonly decisionMakers: DecisionMakersService,
  ) {}

  /** In the team's order; a demand deleted since is left out. */
  @ResolveField(() => [Demand])
  async demands(@Parent() brief: NegotiationBrief, @CurrentMember() member: Member, @RequestLoaders() loaders: Loaders) {
    const demands = await this.decisionMakers.demandById(loaders, member).loadMany(brief.demandIds);
    return demands.filter((d): d is Demand => d instanceof Demand);
  }

  /** A person erased since the brief was written is left out. */
  @ResolveField(() => [BriefRole])
  async roles(@Parent() brief: NegotiationBrief, @CurrentMember() member: Member, @RequestLoaders() loaders: Loaders) {
    const contacts = await this.contacts.byId(loaders, member).loadMany(brief.storedRoles.map((r) => r.contactId));
    return brief.storedRoles.filter((_, i) => {
      const contact = contacts[i];
      return contact instanceof Contact && !contact.erasedAt;
    });
  }

  @ResolveField(() => [RaisedIssue], { description: 'quotes from conversations, consented ones only' })
  testimonies(@Parent() brief: NegotiationBrief, @CurrentMember() member: Member, @RequestLoaders() loaders: Loaders) {
    return this.service.testimonies(loaders, member).load(brief.negotiation.campaignId);
  }
}

@Resolver(() => BriefRole)
export class BriefRoleResolver {
  constructor(private readonly contacts: ContactsService) {}

  @ResolveField(() => Contact)
  contact(@Parent() role: BriefRole, @CurrentMember() member: Member, @RequestLoaders() loaders: Loaders) {
    return this.contacts.byId(loaders, member).load(role.contactId);
  }
}
