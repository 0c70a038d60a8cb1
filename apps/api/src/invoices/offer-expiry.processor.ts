import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { QUEUES } from '../queues/queues.module';
import { InvoicesService } from './invoices.service';

/** Every minute: offers past their time expire (and the client is told). Safe to run twice: expired is expired. */
@Processor(QUEUES.invoices)
export class OfferExpiryProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly invoices: InvoicesService,
    @InjectQueue(QUEUES.invoices) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('expire-offers', { every: 60_000 }, { name: 'expire-offers' });
  }

  async process(job: Job): Promise<{ expired: number }> {
    if (job.name !== 'expire-offers') throw new Error(`Unknown invoices job ${job.name}`);
    return { expired: await this.invoices.expireOffers() };
  }
}
