import { Field, InputType } from '@nestjs/graphql';
import { AllyRole, MembershipStatus } from '@rapport/shared';

@InputType()
export class ContactInput {
  @Field()
  firstName: string;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  street?: string | null;

  @Field(() => String, { nullable: true })
  building?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  neighbourhood?: string | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => [AllyRole], { nullable: true })
  allyRoles?: AllyRole[] | null;

  @Field(() => Boolean, { nullable: true })
  isLeader?: boolean | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => Date, { nullable: true })
  consentGivenAt?: Date | null;
}

@InputType()
export class ContactFilter {
  @Field(() => String, { nullable: true, description: 'name, phone or email, accent- and case-insensitive' })
  search?: string | null;

  @Field(() => AllyRole, { nullable: true })
  allyRole?: AllyRole | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => Boolean, { nullable: true })
  isLeader?: boolean | null;

  @Field(() => String, { nullable: true })
  neighbourhood?: string | null;

  @Field(() => MembershipStatus, { nullable: true, description: 'computed from the memberships (libs/membership)' })
  membershipStatus?: MembershipStatus | null;
}
