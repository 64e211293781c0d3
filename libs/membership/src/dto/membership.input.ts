import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MembershipPeriodKind, PaymentMethod } from '@rapport/shared';

@InputType()
export class MembershipSettingsInput {
  @Field(() => Int, { nullable: true, description: '0 to 100,000 cents' })
  suggestedDuesCents?: number | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => MembershipPeriodKind, { nullable: true })
  periodKind?: MembershipPeriodKind | null;

  @Field(() => Int, { nullable: true, description: '0 to 365 days' })
  graceDays?: number | null;

  @Field(() => Int, { nullable: true, description: '0 to 365 days' })
  renewalReminderDays?: number | null;
}

@InputType()
export class DuesPaymentInput {
  @Field(() => String, { nullable: true, description: 'same clientId twice = the same payment, returned again (offline recording at a stall)' })
  clientId?: string | null;

  @Field(() => ID)
  payerId: string;

  @Field(() => Int, { description: '>= 0' })
  amountCents: number;

  @Field(() => PaymentMethod)
  method: PaymentMethod;

  @Field(() => Date, { nullable: true, description: 'default now; not in the future' })
  paidAt?: Date | null;

  @Field(() => String, { nullable: true })
  reference?: string | null;

  @Field(() => Boolean, { nullable: true, description: "default true: the payment first funds the payer's own membership, whatever the amount" })
  coversPayer?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'contacts whose membership it also funds, at the suggested dues each, in order, while the amount lasts' })
  paysFor?: string[] | null;
}
