import { Resolver } from '@nestjs/graphql';
import { type Loaders, type Member, LoadedField } from '@rapport/core';
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
  @LoadedField(() => [Demand])
  async demands(brief: NegotiationBrief, member: Member, loaders: Loaders) {
    const demands = await this.decisionMakers.demandById(loaders, member).loadMany(brief.demandIds);
    return demands.filter((d): d is Demand => d instanceof Demand);
  }

  /** A person erased since the brief was written is left out. */
  @LoadedField(() => [BriefRole])
  async roles(brief: NegotiationBrief, member: Member, loaders: Loaders) {
    const contacts = await this.contacts.byId(loaders, member).loadMany(brief.storedRoles.map((r) => r.contactId));
    return brief.storedRoles.filter((_, i) => {
      const contact = contacts[i];
      return contact instanceof Contact && !contact.erasedAt;
    });
  }

  @LoadedField(() => [RaisedIssue], { description: 'quotes from conversations, consented ones only' })
  testimonies(brief: NegotiationBrief, member: Member, loaders: Loaders) {
    return this.service.testimonies(loaders, member).load(brief.negotiation.campaignId);
  }
}

@Resolver(() => BriefRole)
export class BriefRoleResolver {
  constructor(private readonly contacts: ContactsService) {}

  @LoadedField(() => Contact)
  contact(role: BriefRole, member: Member, loaders: Loaders) {
    return this.contacts.byId(loaders, member).load(role.contactId);
  }
}
