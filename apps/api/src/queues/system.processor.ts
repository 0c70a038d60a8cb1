import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QUEUES } from './queues.module';
import { workerId } from './worker-heartbeat';

/** `ping` answers with the worker that took it: lets health checks and tests prove a worker consumes jobs. */
@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost {
  async process(job: Job): Promise<unknown> {
    if (job.name === 'ping') return { pong: true, worker: workerId() };
    throw new Error(`Unknown system job ${job.name}`);
  }
}
