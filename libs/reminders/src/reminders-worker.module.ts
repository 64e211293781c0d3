import { Module, type DynamicModule } from '@nestjs/common';
import { RemindersModule } from './reminders.module.js';
import { REMINDER_WORKER_OPTIONS, reminderWorkerOptionsFromEnv, type ReminderWorkerOptions } from './reminder-options.js';
import { MailerService } from './mailer.service.js';
import { ReminderSender } from './reminder-sender.service.js';
import { ReminderSweeper } from './reminder-sweeper.service.js';
import { DigestService } from './digest.service.js';
import { RemindersProcessor } from './reminders.processor.js';
import { RemindersWorkerHost } from './reminders-worker.host.js';

/**
 * The consumer side: sends reminders, sweeps, weekly digests. Imported by apps/worker
 * and, when one process runs both, by the api. Needs PlatformModule (database, BullMQ).
 * Options default to the environment (SMTP_URL, MAIL_FROM, PUBLIC_URL, REMINDER_*).
 */
@Module({})
export class RemindersWorkerModule {
  static forRoot(options: Partial<ReminderWorkerOptions> = {}): DynamicModule {
    return {
      module: RemindersWorkerModule,
      imports: [RemindersModule],
      providers: [
        { provide: REMINDER_WORKER_OPTIONS, useFactory: (): ReminderWorkerOptions => ({ ...reminderWorkerOptionsFromEnv(), ...options }) },
        MailerService,
        ReminderSender,
        ReminderSweeper,
        DigestService,
        RemindersProcessor,
        RemindersWorkerHost,
      ],
      exports: [REMINDER_WORKER_OPTIONS, MailerService, ReminderSender, ReminderSweeper, DigestService, RemindersWorkerHost],
    };
  }
}
