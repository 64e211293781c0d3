import { Field, ID, InputType } from '@nestjs/graphql';
import { ArgumentKind, NegotiationRole } from '@rapport/shared';

@InputType()
export class NegotiationInput {
  @Field(() => ID)
  campaignId: string;

  @Field(() => [ID])
  decisionMakerIds: string[];

  @Field(() => Date)
  scheduledAt: Date;
}

@InputType()
export class BriefArgumentInput {
  @Field(() => ArgumentKind)
  kind: ArgumentKind;

  @Field()
  text: string;
}

@InputType()
export class BriefRoleInput {
  @Field(() => NegotiationRole)
  role: NegotiationRole;

  @Field(() => ID)
  contactId: string;
}

/** Every field is optional: a field left out keeps its value, so several people can edit parts of the brief. */
@InputType()
export class BriefInput {
  @Field(() => String, { nullable: true })
  objective?: string | null;

  @Field(() => [ID], { nullable: true })
  demandIds?: string[] | null;

  @Field(() => String, { nullable: true })
  ourLeverage?: string | null;

  @Field(() => String, { nullable: true })
  theirInterests?: string | null;

  @Field(() => String, { nullable: true })
  fallback?: string | null;

  @Field(() => String, { nullable: true })
  ifNoAgreement?: string | null;

  @Field(() => [BriefArgumentInput], { nullable: true })
  arguments?: BriefArgumentInput[] | null;

  @Field(() => [BriefRoleInput], { nullable: true })
  roles?: BriefRoleInput[] | null;
}
