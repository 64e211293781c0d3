import { Field, ID, InputType } from '@nestjs/graphql';
import { WinSize } from '@rapport/shared';

@InputType()
export class WinInput {
  @Field(() => ID)
  campaignId: string;

  @Field()
  title: string;

  @Field(() => Date, { nullable: true, description: 'default: now' })
  wonAt?: Date | null;

  @Field(() => WinSize)
  size: WinSize;

  @Field(() => ID, { nullable: true, description: "one of the campaign's demands; its status is left as it is" })
  demandId?: string | null;
}
