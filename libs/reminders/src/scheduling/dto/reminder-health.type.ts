import { Field, Int, ObjectType } from '@nestjs/graphql';

/** The organisation's reminders at a glance, from PostgreSQL (the truth), not from the shared queue. */
@ObjectType()
export class ReminderHealth {
  @Field(() => Int, { description: 'scheduled and not yet sent (due or not)' })
  pending: number;

  @Field(() => Int, { description: 'pending whose time has passed by more than 15 minutes: the worker is late or away' })
  overdue: number;

  @Field(() => Int, { description: 'gave up after their attempts; failedReminders lists them with their error' })
  failed: number;

  @Field(() => Int)
  sentLast7Days: number;
}
