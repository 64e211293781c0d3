import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Campaign } from '@rapport/campaigns';
import { Issue } from '@rapport/conversations';
import { CampaignStage } from '@rapport/shared';

@ObjectType()
export class IssueTally {
  @Field(() => Issue)
  issue: Issue;

  @Field(() => Int, { description: "times raised in the campaign's conversations" })
  mentions: number;

  @Field(() => Int, { description: 'distinct contacts who raised it' })
  contacts: number;

  @Field(() => Float)
  averageIntensity: number;

  /** The campaign counted (not a field): the resolved fields below read it. */
  campaignId: string;
}

@ObjectType()
export class CountByStatus {
  @Field()
  status: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class WeeklyCount {
  @Field()
  weekStart: Date;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class CampaignProgress {
  @Field(() => Campaign)
  campaign: Campaign;

  @Field(() => CampaignStage)
  stage: CampaignStage;

  @Field(() => Int)
  daysInStage: number;

  @Field(() => Int, { description: 'DOOR_KNOCK conversations, every outcome' })
  doorsKnocked: number;

  @Field(() => Int, { description: 'outcome TALKED, every kind' })
  conversationsHeld: number;

  @Field(() => Int, { description: 'ONE_TO_ONE with outcome TALKED' })
  oneToOnes: number;

  @Field(() => Int, { description: 'distinct contacts in TALKED conversations' })
  contactsReached: number;

  @Field(() => Int, { description: "distinct contacts of this campaign's conversations who are isLeader or were marked leadershipPotential in one of them" })
  leadersIdentified: number;

  @Field(() => [IssueTally], { description: 'at most 5, most mentions first, then higher averageIntensity' })
  topIssues: IssueTally[];

  @Field(() => [CountByStatus], { description: "status is the enum value's name; statuses with no rows may be left out" })
  demandsByStatus: CountByStatus[];

  @Field(() => [CountByStatus], { description: "contacts' commitments" })
  commitmentsByStatus: CountByStatus[];

  @Field(() => [CountByStatus])
  decisionMakerCommitmentsByStatus: CountByStatus[];

  @Field(() => Int, { description: "OPEN commitments of this campaign (contacts' and decision-makers') whose dueAt has passed" })
  overdueFollowUps: number;

  @Field(() => [WeeklyCount], { description: "every conversation of the campaign, by week starting Monday in the organisation's timezone, oldest first" })
  conversationsPerWeek: WeeklyCount[];
}
