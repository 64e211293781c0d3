import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { CaseStatus, SessionKind, Visibility } from '@rapport/shared';

@InputType()
export class SessionSeriesInput {
  @Field(() => SessionKind)
  kind: SessionKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field({ description: 'validated: FREQ=WEEKLY or MONTHLY with BYDAY / BYSETPOS / INTERVAL / UNTIL; BAD_USER_INPUT otherwise' })
  rrule: string;

  @Field()
  startTime: string;

  @Field()
  endTime: string;

  @Field(() => Visibility, { nullable: true })
  visibility?: Visibility | null;
}

@InputType()
export class CaseInput {
  @Field(() => ID)
  contactId: string;

  @Field()
  agency: string;

  @Field(() => String, { nullable: true })
  issueName?: string | null;

  @Field()
  summary: string;

  @Field(() => Date, { nullable: true })
  nextStepAt?: Date | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  campaignId?: string | null;

  @Field(() => ID, { nullable: true, description: 'the session where it was opened' })
  sessionId?: string | null;
}

@InputType()
export class CaseUpdateInput {
  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => Date, { nullable: true })
  nextStepAt?: Date | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Int, { nullable: true })
  recoveredCents?: number | null;

  @Field(() => ID, { nullable: true })
  campaignId?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;
}

@InputType()
export class EvidenceFilter {
  @Field(() => ID, { nullable: true })
  campaignId?: string | null;

  @Field(() => String, { nullable: true })
  agency?: string | null;

  @Field(() => ID, { nullable: true })
  issueId?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}
