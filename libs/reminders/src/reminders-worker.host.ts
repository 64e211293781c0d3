import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Worker, type ConnectionOptions, type Queue } from 'bullmq';
import { QUEUES, describeError } from '@rapport/shared';
import { RemindersProcessor } from './reminders.processor.js';
import { ReminderSweeper } from './reminder-sweeper.service.js';
import { REMINDER_WORKER_OPTIONS, type ReminderWorkerOptions } from './reminder-options.js';

/**
 * Runs the BullMQ worker of the reminders queue inside a Nest application (the
 * worker app, or the api when RAPPORT_WORKER=true). At start, and whenever Redis
 * comes back without its data, it restores the repeatable jobs and sweeps.
 * Stopping waits for the jobs in hand to finish, before the database closes.
 */
@Injectable()
export class RemindersWorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RemindersWorker');
  private worker?: Worker;
  private watchdog?: NodeJS.Timeout;
  private catchingUp?: Promise<void>;
  private lastErrorLog = 0;

  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly processor: RemindersProcessor,
    private readonly sweeper: ReminderSweeper,
    @Inject(REMINDER_WORKER_OPTIONS) private readonly options: ReminderWorkerOptions,
  ) {}

  onApplicationBootstrap() {
    const { connection, prefix } = this.queue.opts;
    this.worker = new Worker(QUEUES.reminders, (job, token) => this.processor.process(job, token), {
      // Producers fail fast when Redis is away; the worker waits for it instead.
      connection: { ...(connection as object), enableOfflineQueue: true, maxRetriesPerRequest: null } as ConnectionOptions,
      prefix,
      // Shown as the job's processedBy (bull-board, tests): which process ran it.
      name: `${hostname()}:${process.pid}`,
      concurrency: this.options.concurrency,
      lockDuration: this.options.lockDurationMs,
      stalledInterval: this.options.stalledIntervalMs,
      maxStalledCount: 2,
    });
    this.worker.on('error', (error) => this.warnSometimes(`worker: ${error.message}`));
    this.worker.on('failed', (job, error) => this.logger.warn(`job ${job?.name} ${job?.id} failed: ${describeError(error)}`));
    void this.catchUp('worker start');
    this.watchdog = setInterval(() => void this.checkSchedulers(), this.options.sweepEveryMs);
    this.watchdog.unref();
  }

  /** The BullMQ worker (tests and the benchmark watch it). */
  get bullWorker(): Worker | undefined {
    return this.worker;
  }

  /** Resolves when the start-up sweep is done. */
  ready(): Promise<void> {
    return this.catchingUp ?? Promise.resolve();
  }

  async onModuleDestroy() {
    clearInterval(this.watchdog);
    // Waits for the jobs in hand: nothing is left half-done by a graceful stop.
    await this.worker?.close();
    await this.catchingUp?.catch(() => undefined);
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
