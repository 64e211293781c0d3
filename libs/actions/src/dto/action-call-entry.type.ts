import { Field, ObjectType } from '@nestjs/graphql';
import { ParticipationStatus } from '@rapport/shared';

/** One line of an action's call list (Action.callList); `contact` is resolved. */
@ObjectType('ActionCallEntry')
export class ActionCallEntry {
  contactId: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => ParticipationStatus)
  status: ParticipationStatus;

  @Field(() => Date, { nullable: true })
  lastCallAt: Date | null;

  @Field(() => String, { nullable: true, description: 'what the person said on the last call' })
  lastCallNote: string | null;
}
