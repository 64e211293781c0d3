import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Worker, type ConnectionOptions, type Queue } from 'bullmq';
import { QUEUES, RETENTION_CRON } from '@rapport/shared';
import { PrivacyModule } from '../privacy.module.js';
import { PrivacyService } from '../privacy.service.js';

export const PURGE_JOB = 'purge-stale-contacts';

/**
 * A failed run (database away, a deadlock) is tried again: a day is too long to
 * keep data past its retention. Each person is erased in their own transaction,
 * so an attempt resumes where the last one stopped.
 */
export const PURGE_JOB_OPTS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: 30,
  removeOnFail: 30,
};

/**
 * Once a day, people not seen for their organisation's retention period lose
 * their identity (PrivacyService.purgeStaleContacts). A BullMQ job scheduler,
 * so that with several workers the purge runs once, not once per worker.
 */
@Injectable()
export class RetentionWorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private worker?: Worker;

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly privacy: PrivacyService,
  ) {}

  async onApplicationBootstrap() {
    const { connection, prefix } = this.queue.opts;
    this.worker = new Worker(QUEUES.maintenance, async (job) => (job.name === PURGE_JOB ? { purged: await this.privacy.purgeStaleContacts() } : undefined), {
      connection: { ...(connection as object), enableOfflineQueue: true, maxRetriesPerRequest: null } as ConnectionOptions,
      prefix,
      concurrency: 1,
    });
    this.worker.on('completed', (job, result) => result?.purged && this.logger.log(`${result.purged} person(s) not seen for the retention period purged`));
    this.worker.on('failed', (job, error) => this.logger.warn(`retention purge failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
    this.worker.on('error', () => undefined); // Redis away: BullMQ reconnects by itself
    await this.queue
      .upsertJobScheduler(PURGE_JOB, { pattern: RETENTION_CRON, tz: 'UTC' }, { name: PURGE_JOB, opts: PURGE_JOB_OPTS })
      .catch((error) => this.logger.warn(`could not schedule the retention purge yet: ${(error as Error).message}`));
  }

  async onModuleDestroy() {
    await this.worker?.close();
  }
}

@Module({
  imports: [PrivacyModule, BullModule.registerQueue({ name: QUEUES.maintenance })],
  providers: [RetentionWorkerHost],
})
export class RetentionWorkerModule {}
