import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentMember, RequestLoaders, type Loaders, type Member, LoadedField } from '@rapport/core';
import { AuthService, User } from '@rapport/auth';
import { ReminderStatus } from '@rapport/shared';
import { Reminder } from '../entities/reminder.entity.js';
import { RemindersService } from './reminders.service.js';
import { ReminderHealth } from './dto/reminder-health.type.js';

@Resolver(() => Reminder)
export class RemindersResolver {
  constructor(
    private readonly service: RemindersService,
    private readonly auth: AuthService,
  ) {}

  @Query(() => [Reminder], { description: "The caller's reminders, newest remindAt first." })
  myReminders(@CurrentMember() member: Member, @Args('status', { type: () => ReminderStatus, nullable: true }) status: ReminderStatus | null) {
    return this.service.mine(member, status);
  }

  @Query(() => [Reminder], { description: 'Reminders that could not be sent after their attempts (lastError says why); organisers only.' })
  failedReminders(@CurrentMember() member: Member) {
    return this.service.failed(member);
  }

  @Query(() => ReminderHealth, { description: "The organisation's reminders: pending, overdue, failed, sent in the last 7 days; organisers only." })
  reminderHealth(@CurrentMember() member: Member) {
    return this.service.health(member);
  }

  @Mutation(() => Reminder, { description: "Marks one of the caller's reminders done: one still to come is not sent." })
  completeReminder(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.service.complete(member, id);
  }

  @Mutation(() => Reminder, { description: 'Reminds the caller again at `until` (in the future, within a year).' })
  snoozeReminder(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string, @Args('until') until: Date) {
    return this.service.snooze(member, id, until);
  }

  @ResolveField(() => String, { description: "What the reminder is about, in the recipient's language." })
  message(@Parent() reminder: Reminder, @RequestLoaders() loaders: Loaders) {
    return this.service.headline(loaders, reminder);
  }

  @ResolveField(() => String, { nullable: true, description: 'The web route of its subject, such as /contacts/<id>.' })
  link(@Parent() reminder: Reminder, @RequestLoaders() loaders: Loaders) {
    return this.service.route(loaders, reminder);
  }

  /** Resolved here so the permission map applies: organisers only (it may quote a mail server's answer). */
  @ResolveField(() => String, { nullable: true })
  lastError(@Parent() reminder: Reminder) {
    return reminder.lastError;
  }

  @LoadedField(() => User, { nullable: true, description: 'The member reminded.' })
  recipient(reminder: Reminder, member: Member, loaders: Loaders) {
    return reminder.recipientUserId ? this.auth.usersById(loaders, member).load(reminder.recipientUserId) : null;
  }
}
