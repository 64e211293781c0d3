import { Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { BullModule, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { MembershipModule } from '@rapport/membership';
import { describeError } from '@rapport/shared';
import { PEOPLE_DATA_ENTITIES } from '../entities/index.js';
import { IMPORT_JOB, IMPORT_QUEUE } from './import.queue.js';
import { ImportRunner } from './import-runner.service.js';

/**
 * The processor of the imports queue. One import at a time per worker process: an
 * import is long and writes in batches; two at once would only share the same cores.
 */
@Processor(IMPORT_QUEUE, { concurrency: 1, lockDuration: 60_000, runRetryDelay: 1000 })
@Injectable()
export class ImportsProcessor extends WorkerHost implements OnModuleDestroy {
  private readonly logger = new Logger('ImportsWorker');

  constructor(private readonly runner: ImportRunner) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name !== IMPORT_JOB) throw new Error(`unknown job "${job.name}" in the ${IMPORT_QUEUE} queue`);
    await this.runner.run(String(job.data?.jobId ?? ''));
  }

  async onModuleDestroy() {
    // Waits for the batch in hand, before the database closes.
    await this.worker?.close();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    this.logger.warn(`job ${job?.name} ${job?.id} failed: ${describeError(error)}`);
  }

  @OnWorkerEvent('error')
  onError() {
    // Redis away: BullMQ reconnects by itself.
  }
}

/** The consumer side of imports, for apps/worker (and the api when it runs the worker in-process). */
@Module({
  imports: [TypeOrmModule.forFeature(PEOPLE_DATA_ENTITIES), BullModule.registerQueue({ name: IMPORT_QUEUE }), MembershipModule],
  providers: [ImportRunner, ImportsProcessor],
  exports: [ImportRunner],
})
export class ImportsWorkerModule {}
