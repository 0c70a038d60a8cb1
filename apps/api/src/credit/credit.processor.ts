import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QUEUES } from '../queues/queues.module';
import { CreditService } from './credit.service';

/**
 * Decides accepted invoices. Thin: the service is idempotent, so a repeated job decides once.
 * A decision is about 16 round trips to PostgreSQL in one transaction, so throughput comes from
 * running several at once (decorator options are fixed at load time, hence the environment read).
 */
@Processor(QUEUES.credit, { concurrency: Number(process.env.CREDIT_WORKER_CONCURRENCY ?? 16) })
export class CreditProcessor extends WorkerHost {
  constructor(private readonly credit: CreditService) {
    super();
  }

  async process(job: Job<{ invoiceId: string }>): Promise<{ outcome: string }> {
    if (job.name !== 'decide') throw new Error(`Unknown credit job ${job.name}`);
    return { outcome: await this.credit.decide(job.data.invoiceId) };
  }
}
