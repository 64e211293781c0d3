import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ConversationKind, ConversationOutcome } from '@rapport/shared';
import { ContactInput } from '@rapport/contacts';

@InputType()
export class RaisedIssueInput {
  @Field({ description: 'matched case- and accent-insensitively to an existing Issue of the organisation, else created' })
  name: string;

  @Field(() => Int)
  intensity: number;

  @Field(() => String, { nullable: true })
  quote?: string | null;
}

@InputType()
export class LogConversationInput {
  @Field(() => String, { nullable: true, description: 'same clientId twice = the same conversation, returned again, never duplicated' })
  clientId?: string | null;

  @Field(() => ConversationKind)
  kind: ConversationKind;

  @Field(() => ConversationOutcome)
  outcome: ConversationOutcome;

  @Field(() => Date, { nullable: true })
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true })
  campaignId?: string | null;

  @Field(() => ID, { nullable: true })
  contactId?: string | null;

  @Field(() => ContactInput, { nullable: true, description: 'creates the contact in the same transaction (door-to-door)' })
  newContact?: ContactInput | null;

  @Field(() => String, { nullable: true })
  street?: string | null;

  @Field(() => String, { nullable: true })
  building?: string | null;

  @Field(() => String, { nullable: true })
  door?: string | null;

  @Field(() => [RaisedIssueInput], { nullable: true })
  issues?: RaisedIssueInput[] | null;

  @Field(() => String, { nullable: true })
  selfInterest?: string | null;

  @Field(() => Int, { nullable: true })
  interestLevel?: number | null;

  @Field(() => Boolean, { nullable: true })
  leadershipPotential?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'schedules a FOLLOW_UP reminder for the caller' })
  followUpAt?: Date | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => ID, { nullable: true, description: 'a DROP_IN logged during a session' })
  sessionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'street, building and door are filled from it when not given' })
  doorId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'a PHONE call about an action: the participation is updated from `outcome` and the note kept as the call note',
  })
  actionId?: string | null;
}
