import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { QUEUES } from '../queues/queues.module';
import { CreditService } from './credit.service';

/**
 * Decides accepted invoices. Thin: the service is idempotent, so a repeated job decides once.
 * A decision is one transaction of about a dozen round trips, so throughput comes from running
 * several at once: CREDIT_WORKER_CONCURRENCY, set once the worker exists (decorator options are
 * fixed when the file loads, before the configuration is read).
 */
@Processor(QUEUES.credit, { concurrency: 1 })
export class CreditProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly credit: CreditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.CREDIT_WORKER_CONCURRENCY;
  }

  async process(job: Job<{ invoiceId: string }>): Promise<{ outcome: string }> {
    if (job.name !== 'decide') throw new Error(`Unknown credit job ${job.name}`);
    return { outcome: await this.credit.decide(job.data.invoiceId) };
  }

  /**
   * A decision that failed its last attempt goes to a person with the reason (issue 9 g);
   * admins see the failed job in Bull Board. If this handler itself fails (the database is
   * down), the invoice stays ACCEPTED and the job stays failed for a retry from the board.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<{ invoiceId: string }> | undefined, error: Error): Promise<void> {
    if (!job || job.name !== 'decide' || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    try {
      await this.credit.sendToPersonAfterFailure(job.data.invoiceId, error.message);
    } catch (failure) {
      this.logger.error({ err: failure, invoiceId: job.data.invoiceId }, 'Could not send a failed credit decision to a person');
    }
  }

  private readonly logger = new Logger(CreditProcessor.name);
}
