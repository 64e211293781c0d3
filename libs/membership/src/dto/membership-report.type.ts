import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AllyRole } from '@rapport/shared';

@ObjectType()
export class SolidarityFund {
  @Field(() => Int)
  balanceCents: number;

  @Field(() => Int)
  contributedCents: number;

  @Field(() => Int)
  usedCents: number;
}

@ObjectType()
export class MembershipCount {
  @Field(() => AllyRole)
  allyRole: AllyRole;

  @Field(() => Int)
  members: number;
}

/** The figures a French association presents at its assemblée générale. */
@ObjectType()
export class MembershipReport {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'contacts with a membership overlapping that year' })
  members: number;

  @Field(() => Int, { description: 'of whom first membership ever' })
  newMembers: number;

  @Field(() => Int, { description: 'of whom also a member the year before' })
  renewed: number;

  @Field(() => Int, { description: 'members the year before who are not this year' })
  lapsed: number;

  @Field(() => Int, { description: 'memberships starting that year funded below the suggested dues (0 included)' })
  payingWhatTheyCan: number;

  @Field(() => Int, { description: 'memberships starting that year funded by another ally or the fund' })
  paidByAnother: number;

  @Field(() => Int, { description: 'all payments that year, cancelled ones excluded' })
  duesCents: number;

  @Field(() => [MembershipCount], { description: 'a person with two hats counts in both' })
  byAllyRole: MembershipCount[];
}
