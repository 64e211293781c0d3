import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { BullModule, InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { MAINTENANCE_JOBS, QUEUES, RETENTION_CRON } from '@rapport/shared';
import { PrivacyModule } from '../privacy.module.js';
import { PrivacyService } from '../privacy.service.js';

export const PURGE_JOB = MAINTENANCE_JOBS.purgeStaleContacts;

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
 * The processor of the maintenance queue. Once a day, people not seen for their
 * organisation's retention period lose their identity (PrivacyService.purgeStaleContacts).
 * A BullMQ job scheduler, so that with several workers the purge runs once, not once per worker.
 */
@Processor(QUEUES.maintenance, { concurrency: 1, runRetryDelay: 1000 })
@Injectable()
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly privacy: PrivacyService,
  ) {
    super();
  }

  async process(job: Job): Promise<{ purged: number }> {
    switch (job.name) {
      case MAINTENANCE_JOBS.purgeStaleContacts:
        return { purged: await this.privacy.purgeStaleContacts() };
      default:
        throw new Error(`unknown job "${job.name}" in the ${QUEUES.maintenance} queue`);
    }
  }

  async onApplicationBootstrap() {
    await this.queue
      .upsertJobScheduler(
        MAINTENANCE_JOBS.purgeStaleContacts,
        { pattern: RETENTION_CRON, tz: 'UTC' },
        { name: MAINTENANCE_JOBS.purgeStaleContacts, opts: PURGE_JOB_OPTS },
      )
      .catch((error) => this.logger.warn(`could not schedule the retention purge yet: ${(error as Error).message}`));
  }

  async onModuleDestroy() {
    // Waits for a purge in hand, before the database closes.
    await this.worker?.close();
  }

  @OnWorkerEvent('completed')
  onCompleted(_job: Job, result: { purged?: number } | undefined) {
    if (result?.purged) this.logger.log(`${result.purged} person(s) not seen for the retention period purged`);
  }

  @OnWorkerEvent('error')
  onError() {
    // Redis away: BullMQ reconnects by itself.
  }
}

@Module({
  imports: [PrivacyModule, BullModule.registerQueue({ name: QUEUES.maintenance })],
  providers: [RetentionProcessor],
})
export class RetentionWorkerModule {}
