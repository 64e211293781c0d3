import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUEUES } from '@rapport/shared';
import { REMINDERS_ENTITIES } from './entities/index.js';
import { ReminderScheduler } from './reminder-scheduler.service.js';

/** The producer side, used by the api: schedule, cancel, reschedule. */
@Module({
  imports: [TypeOrmModule.forFeature(REMINDERS_ENTITIES), BullModule.registerQueue({ name: QUEUES.reminders })],
  providers: [ReminderScheduler],
  exports: [ReminderScheduler],
})
export class RemindersModule {}
