import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { QUEUES } from '../queues/queues.module';
import { CreditWhatIfService } from './credit-what-if.service';

/**
 * Replays admins' what-if runs (issue 9 i), one at a time per worker process: a run reads
 * and replays up to 50 000 decisions, and one slot keeps that from taking the database
 * connections the credit decisions need. Thin: the service resumes a run and is safe to run twice.
 */
@Processor(QUEUES.creditWhatIf, { concurrency: 1 })
export class CreditWhatIfProcessor extends WorkerHost {
  private readonly logger = new Logger(CreditWhatIfProcessor.name);

  constructor(private readonly whatIfs: CreditWhatIfService) {
    super();
  }

  async process(job: Job<{ runId: string }>): Promise<void> {
    if (job.name !== 'replay') throw new Error(`Unknown what-if job ${job.name}`);
    await this.whatIfs.replay(job.data.runId, { onProgress: (replayed, total) => job.updateProgress({ replayed, total }) });
  }

  /** The last attempt failed: the run shows FAILED instead of running for ever. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ runId: string }> | undefined, error: Error): Promise<void> {
    if (!job || job.name !== 'replay' || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    try {
      await this.whatIfs.failed(job.data.runId, error.message);
    } catch (failure) {
      this.logger.error({ err: failure, runId: job.data.runId }, 'Could not mark a failed what-if run');
    }
  }
}
