import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { REMINDER_JOBS } from '@rapport/shared';
import { ReminderSender, type DeliveryLog } from './reminder-sender.service.js';
import { ReminderSweeper } from './reminder-sweeper.service.js';
import { DigestService } from './digest.service.js';

/**
 * The BullMQ processor of the reminders queue: it only routes jobs to the services.
 * "Not now" (a reminder moved later, held by another worker, or a retry after a
 * failed send) puts the job back in the delayed set until the time given.
 */
@Injectable()
export class RemindersProcessor {
  constructor(
    private readonly sender: ReminderSender,
    private readonly sweeper: ReminderSweeper,
    private readonly digests: DigestService,
  ) {}

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
        return { result: 'skipped', reason: `unknown job ${job.name}` };
    }
  }
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
