import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConversationOutcome } from '@rapport/shared';

@InputType()
export class BuildingInput {
  @Field(() => ID)
  campaignId: string;

  @Field()
  street: string;

  @Field()
  number: string;

  @Field(() => String, { nullable: true, description: '"Tour Kennedy B"' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => Int, { description: '1..60' })
  floors: number;

  @Field(() => Int, { nullable: true, description: 'generates labels "<floor>-<n>"; or give doorLabels' })
  doorsPerFloor?: number | null;

  @Field(() => [[String]], { nullable: true, description: 'one list of labels per floor, ground floor first' })
  doorLabels?: string[][] | null;
}

@InputType()
export class DoorsVisitInput {
  @Field(() => String, { nullable: true, description: 'same clientId twice = written once' })
  clientId?: string | null;

  @Field(() => [ID], { description: 'up to 200' })
  doorIds: string[];

  @Field(() => ConversationOutcome, { description: 'NOT_HOME or REFUSED only: a talk is a logConversation with doorId' })
  outcome: ConversationOutcome;

  @Field(() => Date, { nullable: true })
  occurredAt?: Date | null;
}
