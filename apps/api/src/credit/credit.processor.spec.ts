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
