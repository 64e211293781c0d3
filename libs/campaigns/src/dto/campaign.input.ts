import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CampaignInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  goal?: string | null;

  @Field(() => Date, { nullable: true })
  startedAt?: Date | null;
}
