import { QUEUES } from '../queues/queues.module';

/** The job that decides an accepted invoice; its id makes a second enqueue the same job. */
export function decideJob(invoiceId: string) {
  return { queue: QUEUES.credit, name: 'decide', jobId: `decide-${invoiceId}`, data: { invoiceId } };
}
