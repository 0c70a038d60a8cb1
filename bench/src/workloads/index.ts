import { creditDecisions } from './credit-decisions';
import { ledgerContention } from './ledger-contention';
import { ledgerPosting } from './ledger-posting';
import { payoutBatch10k } from './payout-batch-10k';
import { paymentsImport } from '../payments/payments-import';
import { submissions } from './submissions';
import type { Workload } from './types';

export type { BaselineName, Workload, WorkloadContext, WorkloadResult } from './types';

/**
 * Registered workloads, run in this order after the two raw baselines.
 *
 * To add one, create `src/workloads/<name>.ts` exporting a `Workload` and add it
 * to the array below. Keep it bounded (stop at ctx.seconds / ctx.jobs or when
 * ctx.signal aborts), measure only the steady-state window, and use
 * ctx.databaseUrl (a fresh scratch database) and ctx.redisPrefix (a unique
 * BullMQ prefix) so the harness can clean up after it. Example:
 *
 *   // src/workloads/invoice-insert.ts
 *   import { Client } from 'pg';
 *   import type { Workload } from './types';
 *
 *   export const invoiceInsert: Workload = {
 *     name: 'invoice-insert',
 *     unit: 'invoice row',
 *     baseline: 'postgres',
 *     async run(ctx) {
 *       const client = new Client({ connectionString: ctx.databaseUrl });
 *       await client.connect();
 *       try {
 *         await client.query('CREATE TABLE invoice (id bigserial PRIMARY KEY, amount numeric(18,2))');
 *         const start = performance.now();
 *         const deadline = start + ctx.seconds * 1000;
 *         let count = 0;
 *         while (performance.now() < deadline && !ctx.signal.aborted) {
 *           await client.query('INSERT INTO invoice (amount) VALUES ($1)', ['100.00']);
 *           count++;
 *         }
 *         return { count, seconds: (performance.now() - start) / 1000, notes: '1 connection' };
 *       } finally {
 *         await client.end();
 *       }
 *     },
 *   };
 *
 *   // here:
 *   import { invoiceInsert } from './invoice-insert';
 *   export const workloads: Workload[] = [invoiceInsert];
 */
export const workloads: Workload[] = [creditDecisions, submissions, ledgerPosting, ledgerContention, payoutBatch10k, paymentsImport];
