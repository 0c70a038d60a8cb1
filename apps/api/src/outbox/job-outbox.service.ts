import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface InternalJob {
  queue: string;
  name: string;
  /** Unique per piece of work: a job enqueued twice is one job. */
  jobId: string;
  data: Record<string, unknown>;
}

/**
 * Work that must follow a database change (e.g. deciding credit after an acceptance) is
 * written here in the same transaction, so it is neither lost if the process dies after the
 * commit nor done for a change that rolled back. The workers' relay moves it to BullMQ.
 */
@Injectable()
export class JobOutboxService {
  async enqueue(tx: EntityManager, job: InternalJob): Promise<void> {
    await tx.query(
      `INSERT INTO job_outbox (queue, job_name, job_id, data) VALUES ($1, $2, $3, $4) ON CONFLICT (job_id) DO NOTHING`,
      [job.queue, job.name, job.jobId, job.data],
    );
  }
}
