import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, type Job, type Worker } from 'bullmq';
import { QUEUES, REMINDER_JOBS, describeError } from '@rapport/shared';
import { ReminderProviders } from '../providers/reminder-providers.service.js';
import { ReminderSender, type DeliveryLog } from './reminder-sender.service.js';
import { ReminderSweeper } from './reminder-sweeper.service.js';
import { DigestService } from './digest.service.js';
import { REMINDER_WORKER_OPTIONS, type ReminderWorkerOptions } from './reminder-options.js';

/**
 * The processor of the reminders queue (@nestjs/bullmq runs its Worker): it routes
 * each job by name to the services. "Not now" (a reminder moved later, held by another
 * worker, or the row's next attempt after a failed send) puts the same job back in the
 * delayed set until the time given: the row's attempts and backoff are the one retry
 * layer. At start, and whenever Redis comes back without its data, it restores the
 * repeatable jobs and sweeps. Stopping waits for the jobs in hand, before the database closes.
 *
 * Its worker options come from the configuration: RemindersWorkerModule.forRoot gives
 * each application a subclass decorated with them (see reminderProcessorClass).
 */
@Injectable()
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RemindersWorker');
  private watchdog?: NodeJS.Timeout;
  private catchingUp?: Promise<void>;
  private lastErrorLog = 0;

  constructor(
    private readonly sender: ReminderSender,
    private readonly sweeper: ReminderSweeper,
    private readonly digests: DigestService,
    private readonly providers: ReminderProviders,
    @Inject(REMINDER_WORKER_OPTIONS) private readonly options: ReminderWorkerOptions,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case REMINDER_JOBS.send: {
        const outcome = await this.sender.process(String(job.data?.reminderId ?? ''), deliveryLog(job));
        if (outcome.result === 'later') {
          await job.moveToDelayed(outcome.at.getTime(), token);
          throw new DelayedError();
        }
        return outcome;
      }
      case REMINDER_JOBS.sweep:
        return this.sweeper.periodic();
      case REMINDER_JOBS.digest:
        return this.digests.send(String(job.data?.organizationId ?? ''), new Date(), deliveryLog(job));
      default:
        // A job nobody handles is a bug (a producer ahead of this worker's code): fail it, visibly.
        throw new Error(`unknown job "${job.name}" in the ${QUEUES.reminders} queue`);
    }
  }

  onApplicationBootstrap() {
    // Every kind of reminder needs its context's provider: missing one is a wiring error, found now.
    this.providers.assertComplete();
    void this.catchUp('worker start');
    this.watchdog = setInterval(() => void this.checkSchedulers(), this.options.sweepEveryMs);
    this.watchdog.unref();
  }

  /** The BullMQ worker (tests and the benchmark watch it). */
  get bullWorker(): Worker {
    return this.worker;
  }

  /** Resolves when the start-up sweep is done. */
  ready(): Promise<void> {
    return this.catchingUp ?? Promise.resolve();
  }

  async onModuleDestroy() {
    clearInterval(this.watchdog);
    // Waits for the jobs in hand: nothing is left half-done by a graceful stop (before the database closes).
    await this.worker?.close();
    await this.catchingUp?.catch(() => undefined);
  }

  @OnWorkerEvent('error')
  onError(error: Error) {
    this.warnSometimes(`worker: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.warn(`job ${job?.name} ${job?.id} failed: ${describeError(error)}`);
  }

  private catchUp(why: string): Promise<void> {
    this.catchingUp ??= (async () => {
      try {
        await this.sweeper.ensureSchedulers();
        const { checked, enqueued } = await this.sweeper.sweep({ all: true });
        this.logger.log(`${why}: ${checked} scheduled reminder(s) checked, ${enqueued} enqueued`);
      } catch (error) {
        this.warnSometimes(`${why}: could not sweep yet (${(error as Error).message}); will retry`);
      } finally {
        this.catchingUp = undefined;
      }
    })();
    return this.catchingUp;
  }

  /** Redis restarted empty: the repeatable jobs are gone, put them back and sweep now. */
  private async checkSchedulers() {
    if (this.catchingUp || this.worker?.closing) return;
    try {
      if (!(await this.sweeper.schedulersPresent())) await this.catchUp('repeatable jobs missing (Redis lost its data?)');
    } catch (error) {
      this.warnSometimes(`watchdog: ${(error as Error).message}`);
    }
  }

  private warnSometimes(message: string) {
    const now = Date.now();
    if (now - this.lastErrorLog > 30_000) this.logger.warn(message);
    this.lastErrorLog = now;
  }
}

/**
 * The processor class for these options: @Processor's worker options are fixed when the
 * class is decorated, and they come from the configuration, so each application decorates
 * its own subclass.
 */
export function reminderProcessorClass(options: ReminderWorkerOptions): typeof RemindersProcessor {
  class ConfiguredRemindersProcessor extends RemindersProcessor {}
  Processor(QUEUES.reminders, {
    // Shown as the job's processedBy (bull-board, tests): which process ran it.
    name: `${hostname()}:${process.pid}`,
    concurrency: options.concurrency,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: 2,
    // Redis away: try again soon (the sweeper catches up on what was missed).
    runRetryDelay: 1000,
  })(ConfiguredRemindersProcessor);
  return ConfiguredRemindersProcessor;
}

/** What went out already is kept in the job's data, so a retry of the same job skips it. */
function deliveryLog(job: Job): DeliveryLog {
  const done = new Set<string>(Array.isArray(job.data?.delivered) ? job.data.delivered : []);
  return {
    done,
    async record(key: string) {
      done.add(key);
      await job.updateData({ ...job.data, delivered: [...done] }).catch(() => undefined);
    },
  };
}
