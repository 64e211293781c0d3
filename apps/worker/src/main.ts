// The worker: `node dist/main.js` (DATABASE_URL and REDIS_URL required). A NestJS
// application context without HTTP, running the reminders queue (reminders, the
// sweeper, weekly digests), the maintenance queue (the retention purge) and the imports queue. SIGTERM/SIGINT stop it gracefully (jobs in hand finish).
import 'reflect-metadata';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Module, type DynamicModule, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, logLevels, PlatformModule, REMINDER_PROVIDER_MODULES } from '@rapport/platform';
import { RetentionWorkerModule } from '@rapport/privacy';
import { ImportsWorkerModule } from '@rapport/people-data';
import { RemindersProcessor, RemindersWorkerModule, type ReminderWorkerOptions } from '@rapport/reminders';

export interface WorkerOptions {
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ key prefix (default "rapport"); must match the api's. */
  queuePrefix?: string;
  /** loadConfig().reminders; tests give only what they change. */
  reminders?: Partial<ReminderWorkerOptions>;
  logger?: false | LogLevel[];
}

@Module({})
export class WorkerModule {
  static forRoot(options: WorkerOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ databaseUrl: options.databaseUrl, redisUrl: options.redisUrl, queuePrefix: options.queuePrefix }),
        // Each context registers the provider of its reminders (who, still relevant, words, link).
        ...REMINDER_PROVIDER_MODULES,
        RemindersWorkerModule.forRoot(options.reminders),
        RetentionWorkerModule,
        // Spreadsheet imports, batch by batch (libs/people-data).
        ImportsWorkerModule,
      ],
    };
  }
}

/** Builds and starts the worker (no HTTP); close() stops it gracefully. */
export async function createWorker(options: WorkerOptions) {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), { logger: options.logger ?? ['error', 'warn', 'log'] });
  await app.init();
  return app;
}

async function main() {
  let config;
  try {
    config = loadConfig();
    if (!config.databaseUrl) throw new ConfigError('DATABASE_URL is required by the worker (postgres://user:password@host:5432/rapport)');
    if (!config.redisUrl) throw new ConfigError('REDIS_URL is required by the worker (redis://host:6379)');
  } catch (error) {
    if (error instanceof ConfigError || error instanceof Error) {
      console.error(`[rapport-worker] configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const queuePrefix = config.queuePrefix;
  const app = await createWorker({
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    queuePrefix,
    reminders: config.reminders,
    logger: logLevels(config.logLevel),
  });
  // Nest closes the app (the worker waits for its jobs in hand), then exits with the signal.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.get(RemindersProcessor).ready();
  console.log(`[rapport-worker] ready (pid ${process.pid}, queue prefix ${queuePrefix})`);
}

const entry = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (entry === realpathSync(fileURLToPath(import.meta.url))) {
  main().catch((error) => {
    console.error(`[rapport-worker] could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
