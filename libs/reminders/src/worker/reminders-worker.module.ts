import { Module, type DynamicModule } from '@nestjs/common';
import { RemindersModule } from '../scheduling/reminders.module.js';
import { DEFAULT_REMINDER_WORKER_OPTIONS, REMINDER_WORKER_OPTIONS, type ReminderWorkerOptions } from './reminder-options.js';
import { MailerService } from './mailer.service.js';
import { ReminderSender } from './reminder-sender.service.js';
import { ReminderSweeper } from './reminder-sweeper.service.js';
import { DigestService } from './digest.service.js';
import { RemindersProcessor, reminderProcessorClass } from './reminders.processor.js';

/**
 * The consumer side: sends reminders, sweeps, weekly digests. Imported by apps/worker
 * and, when one process runs both, by the api. Needs PlatformModule (database, BullMQ)
 * and the contexts' reminder providers (REMINDER_PROVIDER_MODULES in libs/platform).
 * Options: loadConfig().reminders; tests pass only what they change.
 */
@Module({})
export class RemindersWorkerModule {
  static forRoot(options: Partial<ReminderWorkerOptions> = {}): DynamicModule {
    const resolved: ReminderWorkerOptions = { ...DEFAULT_REMINDER_WORKER_OPTIONS, ...options };
    return {
      module: RemindersWorkerModule,
      imports: [RemindersModule],
      providers: [
        { provide: REMINDER_WORKER_OPTIONS, useValue: resolved },
        MailerService,
        ReminderSender,
        ReminderSweeper,
        DigestService,
        { provide: RemindersProcessor, useClass: reminderProcessorClass(resolved) },
      ],
      exports: [REMINDER_WORKER_OPTIONS, MailerService, ReminderSender, ReminderSweeper, DigestService, RemindersProcessor],
    };
  }
}
