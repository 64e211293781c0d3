import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ActionKind, Visibility } from '@rapport/shared';

@InputType()
export class ActionInput {
  @Field(() => ID)
  campaignId: string;

  @Field()
  title: string;

  @Field(() => ActionKind)
  kind: ActionKind;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => ID, { nullable: true })
  targetId?: string | null;

  @Field(() => Int, { nullable: true })
  turnoutGoal?: number | null;

  @Field(() => Visibility, { nullable: true, description: 'default TEAM; ALLIES shows it in the ally view and the calendar feed' })
  visibility?: Visibility | null;
}
