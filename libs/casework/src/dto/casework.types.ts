import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SessionKind } from '@rapport/shared';

/** An occurrence of a series: computed, or read from its stored record. */
@ObjectType('Session')
export class Session {
  @Field(() => ID, { description: 'stable for an occurrence: attendance can be recorded before anything else is' })
  id: string;

  seriesId: string;
  occursOn: string;
  /** The stored record's id, when something was recorded. */
  recordId: string | null;

  @Field(() => SessionKind)
  kind: SessionKind;

  @Field()
  title: string;

  @Field()
  startsAt: Date;

  @Field()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field()
  cancelled: boolean;
}

@ObjectType('AgencyTally')
export class AgencyTally {
  @Field()
  agency: string;
  @Field(() => Int)
  cases: number;
  @Field(() => Int)
  open: number;
  @Field(() => Int)
  resolved: number;
  @Field(() => Int)
  unresolved: number;
}

@ObjectType('CaseEvidence', { description: 'Counts only: never a name. Quotes come only from people who gave consent.' })
export class CaseEvidence {
  @Field(() => Int)
  cases: number;
  @Field(() => Int)
  people: number;
  @Field(() => Int, { description: 'OPEN and WAITING_ON_AGENCY' })
  open: number;
  @Field(() => Int)
  resolved: number;
  @Field(() => Int)
  unresolved: number;
  @Field(() => Float, { nullable: true, description: 'over closed cases; null when none' })
  medianDaysToClose: number | null;
  @Field(() => Int)
  recoveredCents: number;
  @Field(() => [AgencyTally], { description: 'most cases first' })
  byAgency: AgencyTally[];
  @Field(() => [String], { description: 'case summaries of consenting people, at most 5, newest first' })
  quotes: string[];
}
