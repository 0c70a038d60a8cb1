import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { BUSINESS_TIME_ZONES } from '@factoring/domain';
import { Job, Queue } from 'bullmq';
import { QUEUES } from '../queues/queues.module';
import { ExposureCheck } from './exposure-check';

export const EXPOSURE_CHECK_JOB = 'exposure-check';
export const EXPOSURE_CHECK_SCHEDULER = 'exposure-check-daily';

/**
 * When the daily exposure check runs: early in the morning in Sweden, before the day's bank files
 * and the follow-up (10:30), so finance sees yesterday's state reconciled when it starts.
 */
export const EXPOSURE_CHECK_SCHEDULE = Object.freeze({ pattern: '0 15 6 * * *', tz: BUSINESS_TIME_ZONES.SE });

/**
 * The daily exposure-against-ledger check (issue 14 s.2): one BullMQ job scheduler, upserted at
 * start (restarting the workers never doubles it), as the daily follow-up is. A run records the
 * day's answer (once per day, whatever the retries); differences show on finance's home.
 */
@Processor(QUEUES.reconciliation)
export class ExposureCheckProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly check: ExposureCheck,
    @InjectQueue(QUEUES.reconciliation) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(EXPOSURE_CHECK_SCHEDULER, EXPOSURE_CHECK_SCHEDULE, { name: EXPOSURE_CHECK_JOB });
  }

  async process(job: Job): Promise<{ runOn: string; differenceCount: number }> {
    if (job.name !== EXPOSURE_CHECK_JOB) throw new Error(`Unknown reconciliation job ${job.name}`);
    const run = await this.check.run();
    return { runOn: run.runOn, differenceCount: run.differenceCount };
  }
}
