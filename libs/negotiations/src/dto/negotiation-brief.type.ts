import { Field, ObjectType } from '@nestjs/graphql';
import { ArgumentKind, NegotiationRole } from '@rapport/shared';
import { Negotiation } from '../entities/negotiation.entity.js';

@ObjectType('BriefArgument')
export class BriefArgument {
  @Field(() => ArgumentKind)
  kind: ArgumentKind;

  @Field()
  text: string;
}

/** `contact` is resolved from `contactId` (a DataLoader, see NegotiationBriefResolver). */
@ObjectType('BriefRole')
export class BriefRole {
  @Field(() => NegotiationRole)
  role: NegotiationRole;

  contactId: string;
}

/**
 * The brief the team prepares, read from the negotiation's columns. Relations
 * (demands, roles' contacts, testimonies, and decisionMakerHistory, added by the
 * commitments lib) are resolved fields, so a brief costs only what is asked.
 */
@ObjectType('NegotiationBrief')
export class NegotiationBrief {
  @Field(() => Negotiation)
  negotiation: Negotiation;

  @Field(() => String, { nullable: true })
  objective: string | null;

  /** In the order the team chose; resolved as `demands`. */
  demandIds: string[];

  @Field(() => String, { nullable: true })
  ourLeverage: string | null;

  @Field(() => String, { nullable: true })
  theirInterests: string | null;

  @Field(() => String, { nullable: true, description: 'what we settle for at the least' })
  fallback: string | null;

  @Field(() => String, { nullable: true, description: 'the next action if they refuse' })
  ifNoAgreement: string | null;

  @Field(() => [BriefArgument])
  arguments: BriefArgument[];

  /** Resolved as `roles` (people erased since are left out). */
  storedRoles: BriefRole[];
}
