import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class DecisionMakerInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  institution?: string | null;

  @Field(() => Int, { nullable: true, description: '1..5, default 3' })
  power?: number | null;

  @Field(() => Int, { nullable: true, description: '-2 (opponent) .. +2 (ally), default 0' })
  stance?: number | null;
}

@InputType()
export class DemandInput {
  @Field(() => ID)
  campaignId: string;

  @Field()
  title: string;

  @Field(() => ID, { nullable: true })
  targetId?: string | null;

  @Field(() => Date, { nullable: true })
  deadline?: Date | null;
}
