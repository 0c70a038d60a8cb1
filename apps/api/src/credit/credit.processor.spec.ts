import { startTestAppOnOwnDatabase, TestApp } from '../../test-support/test-app';
import { CreditProcessor } from './credit.processor';

/** The decorator's concurrency is fixed at load time; the configured one must reach the running worker. */
let t: TestApp;
beforeAll(async () => {
  // Not the default fitted to this pool (10 - 4 = 6), so the test sees the setting itself.
  const pool = process.env.DATABASE_POOL_SIZE;
  Object.assign(process.env, { CREDIT_WORKER_CONCURRENCY: '3', DATABASE_POOL_SIZE: '10' });
  try {
    t = await startTestAppOnOwnDatabase({ http: false, workers: true });
  } finally {
    delete process.env.CREDIT_WORKER_CONCURRENCY;
    process.env.DATABASE_POOL_SIZE = pool;
  }
});
afterAll(() => t?.close());

it('runs as many credit decisions at once as CREDIT_WORKER_CONCURRENCY says', () => {
  expect(t.app.get(CreditProcessor).worker.concurrency).toBe(3);
});

it('sends the invoice to a person when its decision job fails its last attempt (issue 9 g)', async () => {
  const processor = t.app.get(CreditProcessor);
  // An invoice id that does not exist cannot fail; a job whose last attempt failed is what the worker reports.
  const sent: string[] = [];
  const credit = (processor as unknown as { credit: { sendToPersonAfterFailure: (id: string, why: string) => Promise<boolean> } }).credit;
  const real = credit.sendToPersonAfterFailure.bind(credit);
  credit.sendToPersonAfterFailure = async (id, why) => (sent.push(`${id}:${why}`), real(id, why));
  try {
    const job = { name: 'decide', data: { invoiceId: '00000000-0000-4000-8000-000000000001' }, attemptsMade: 5, opts: { attempts: 5 } };
    await processor.onFailed(job as never, new Error('deadlock detected'));
    await processor.onFailed({ ...job, attemptsMade: 2 } as never, new Error('will retry'));
  } finally {
    credit.sendToPersonAfterFailure = real;
  }
  // Only the last attempt goes to a person; an unknown invoice is simply nothing to do.
  expect(sent).toEqual(['00000000-0000-4000-8000-000000000001:deadlock detected']);
});
