import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CommitmentInput {
  @Field(() => ID, { nullable: true })
  campaignId?: string | null;

  @Field(() => ID, { nullable: true, description: 'exactly one of contactId / decisionMakerId' })
  contactId?: string | null;

  @Field(() => ID, { nullable: true })
  decisionMakerId?: string | null;

  @Field(() => ID, { nullable: true })
  negotiationId?: string | null;

  @Field()
  description: string;

  @Field(() => Date)
  dueAt: Date;

  @Field(() => Date, { nullable: true, description: 'default: contacts 24 h before dueAt (or now if sooner); decision-makers at dueAt' })
  remindAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'default: the caller' })
  followUpOwnerId?: string | null;
}
