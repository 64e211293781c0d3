import { Resolver } from '@nestjs/graphql';
import { type Loaders, type Member, LoadedField } from '@rapport/core';
import { Contact } from '@rapport/contacts';
import { DecisionMaker } from '@rapport/decision-makers';
import { Negotiation, NegotiationBrief } from '@rapport/negotiations';
import { CommitmentsService } from './commitments.service.js';
import { Commitment } from './entities/commitment.entity.js';

// Fields of earlier contexts that list commitments: added here, as commitments come after them.

@Resolver(() => Contact)
export class ContactCommitmentsResolver {
  constructor(private readonly service: CommitmentsService) {}

  @LoadedField(() => [Commitment])
  commitments(contact: Contact, member: Member, loaders: Loaders) {
    return this.service.by(loaders, member, 'contactId').load(contact.id);
  }
}

@Resolver(() => DecisionMaker)
export class DecisionMakerCommitmentsResolver {
  constructor(private readonly service: CommitmentsService) {}

  @LoadedField(() => [Commitment])
  commitments(decisionMaker: DecisionMaker, member: Member, loaders: Loaders) {
    return this.service.by(loaders, member, 'decisionMakerId').load(decisionMaker.id);
  }
}

@Resolver(() => Negotiation)
export class NegotiationCommitmentsResolver {
  constructor(private readonly service: CommitmentsService) {}

  @LoadedField(() => [Commitment])
  commitments(negotiation: Negotiation, member: Member, loaders: Loaders) {
    return this.service.by(loaders, member, 'negotiationId').load(negotiation.id);
  }
}

@Resolver(() => NegotiationBrief)
export class BriefHistoryResolver {
  constructor(private readonly service: CommitmentsService) {}

  @LoadedField(() => [Commitment], { description: 'what the targets promised before, kept or broken' })
  decisionMakerHistory(brief: NegotiationBrief, member: Member, loaders: Loaders) {
    return this.service.decisionMakerHistory(loaders, member).load(brief.negotiation.id);
  }
}
