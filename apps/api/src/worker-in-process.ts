import type { DynamicModule, Type } from '@nestjs/common';
import { RemindersWorkerModule } from '@rapport/reminders';
import { RetentionWorkerModule } from '@rapport/privacy';
import { ImportsWorkerModule } from '@rapport/people-data';
import type { RapportConfig } from '@rapport/platform';

/**
 * The worker's modules, when one process runs both api and worker (RAPPORT_WORKER=true,
 * the default of `npm start`). Database and Redis come from the api's PlatformModule;
 * SMTP_URL, MAIL_FROM, PUBLIC_URL and REMINDER_* from the validated config; the reminder
 * providers from the api's domain modules.
 */
export function workerModules(config: Pick<RapportConfig, 'reminders'>): Array<Type | DynamicModule> {
  return [RemindersWorkerModule.forRoot(config.reminders), RetentionWorkerModule, ImportsWorkerModule];
}
