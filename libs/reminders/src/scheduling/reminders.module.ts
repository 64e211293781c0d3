import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '@rapport/shared';
import { AuthModule } from '@rapport/auth';
import { REMINDERS_ENTITIES } from '../entities/index.js';
import { ReminderProviders } from '../providers/reminder-providers.service.js';
import { ReminderDetailsService } from '../providers/reminder-details.service.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';
import { RemindersService } from './reminders.service.js';
import { RemindersResolver } from './reminders.resolver.js';

/**
 * The api side: schedule, cancel, reschedule (producer); myReminders and failedReminders
 * (in-app); the registry where each context registers the provider of its reminders.
 */
@Module({
  imports: [TypeOrmModule.forFeature(REMINDERS_ENTITIES), BullModule.registerQueue({ name: QUEUES.reminders }), AuthModule],
  providers: [ReminderProviders, ReminderScheduler, ReminderDetailsService, RemindersService, RemindersResolver],
  exports: [ReminderProviders, ReminderScheduler, ReminderDetailsService, RemindersService, BullModule],
})
export class RemindersModule {}
