import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { DELIVER_JOB, DELIVERY_QUEUE } from './delivery-requests';
import { DeliveryService } from './delivery.service';

/**
 * Works the delivery queue (issue 13 s.3): one attempt per run. A temporary failure fails the job
 * and the queue runs it again after its exponential backoff (DELIVERY_BACKOFF_MS); a run that finds
 * the delivery done does nothing, so a job run twice sends once.
 */
// One at a time, at most five a second (18,000 an hour): making a PDF is CPU in the worker's one thread, which
// the other queues (credit decisions) share, so a burst of purchases does not starve them.
@Processor(DELIVERY_QUEUE, { concurrency: 1, limiter: { max: 5, duration: 1000 } })
export class DeliveryProcessor extends WorkerHost {
  constructor(private readonly deliveries: DeliveryService) {
    super();
  }

  async process(job: Job<{ deliveryId: string }>): Promise<{ outcome: string }> {
    if (job.name !== DELIVER_JOB) throw new Error(`Unknown delivery job ${job.name}`);
    const outcome = await this.deliveries.deliver(job.data.deliveryId);
    if (outcome === 'RETRY' || outcome === 'BUSY') throw new Error(`Delivery ${job.data.deliveryId}: ${outcome.toLowerCase()}, to be tried again`);
    return { outcome };
  }
}
