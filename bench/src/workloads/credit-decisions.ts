import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { appDatabaseUrl, countsBetween, cpuSnapshot, describeCounts, describeCpu, serverCpu, startProbed } from '../probe';
import type { Workload } from './types';

const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(ROOT, 'dist/api/apps/api/src');
const CLIENTS = 20;
const DEBTORS = 200;

/**
 * Credit decisions per second through the real worker process (the built API's worker.js):
 * BENCH_JOBS accepted invoices (10 000 by default) spread over 20 clients and 200 debtors are
 * queued as decide jobs; the clock runs from the first enqueue to the last recorded decision.
 */
export const creditDecisions: Workload = {
  name: 'credit-decisions',
  unit: 'credit decision (worker)',
  baseline: 'bullmq',
  async run(ctx) {
    if (!existsSync(path.join(DIST, 'worker.js'))) throw new Error('Build the API first: npx nx run api:build');
    const env = { ...process.env, DATABASE_URL: ctx.databaseUrl, REDIS_URL: ctx.redisUrl, QUEUE_PREFIX: ctx.redisPrefix, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
    const migrate = spawnSync(process.execPath, [path.join(DIST, 'database/migrate.main.js')], { env, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(`Migrations failed: ${migrate.stderr}`);

    const db = new Client({ connectionString: ctx.databaseUrl });
    db.on('error', () => undefined); // ended by the scratch database's drop; the workload's own error is the one to report
    await db.connect();
    const n = ctx.jobs;
    await seed(db, n);
    // The probe counts the worker's statements; BENCH_PROFILE_DIR=/some/dir also writes a V8 CPU profile of the measured window.
    const probed = startProbed(path.join(DIST, 'worker.js'), { ...env, DATABASE_URL: appDatabaseUrl(ctx.databaseUrl) });
    const worker = probed.child;
    const url = new URL(ctx.redisUrl);
    const queue = new Queue('credit', { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix: ctx.redisPrefix });
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000)); // the worker connects and starts its processors
      if (worker.exitCode !== null) throw new Error(`The worker stopped: ${probed.stderr()}`);
      const database = new URL(ctx.databaseUrl).pathname.slice(1);
      const before = await probed.snapshot();
      const cpuBefore = { proc: await cpuSnapshot(probed), server: await serverCpu(db, database) };
      const stopProfile = await probed.profileWindow('credit-decisions-worker');
      const ids: string[] = (await db.query(`SELECT id FROM invoice WHERE status = 'ACCEPTED' ORDER BY id`)).rows.map((r) => r.id);
      const start = performance.now();
      for (let i = 0; i < ids.length; i += 1000) {
        await queue.addBulk(ids.slice(i, i + 1000).map((id) => ({ name: 'decide', data: { invoiceId: id }, opts: { jobId: `decide-${id}` } })));
      }
      let decided = 0;
      while (decided < n && !ctx.signal.aborted) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        decided = (await db.query(`SELECT count(*)::int AS n FROM credit_decision`)).rows[0].n;
        if (worker.exitCode !== null) throw new Error(`The worker stopped: ${probed.stderr()}`);
      }
      const seconds = (performance.now() - start) / 1000;
      const profile = await stopProfile();
      const cpuAfter = { proc: await cpuSnapshot(probed), server: await serverCpu(db, database) };
      const statements = countsBetween(before, await probed.snapshot());
      const outcomes = (await db.query(`SELECT outcome, count(*)::int AS n FROM credit_decision GROUP BY outcome ORDER BY outcome`)).rows;
      return {
        count: decided,
        seconds,
        notes: [
          `1 worker process, credit queue concurrency ${process.env.CREDIT_WORKER_CONCURRENCY ?? '8 (default)'}; ${CLIENTS} clients x ${DEBTORS} debtors; outcomes ${outcomes.map((o) => `${o.outcome} ${o.n}`).join(', ')}`,
          // Counted in the worker: decisions plus whatever else it did meanwhile (relay, expiry sweeps).
          describeCpu('worker process', cpuBefore, cpuAfter, decided),
          ...describeCounts(statements, decided),
          ...(profile ? [`CPU profile of the worker over the window: ${profile}`] : []),
        ].join('\n'),
      };
    } finally {
      await probed.stop();
      await queue.close();
      await db.end();
    }
  },
};

async function seed(db: Client, invoices: number): Promise<void> {
  const account = JSON.stringify({ kind: 'SE_BANKGIRO', value: '5050-1055', display: '5050-1055' });
  await db.query(`
    INSERT INTO client (country, currency, organisation_number, legal_name, company_form, address, contact, state)
    SELECT 'SE', 'SEK', 'BENCH-' || g, 'Bench client ' || g, 'AB', '{}', '{}', 'APPLIED' FROM generate_series(1, ${CLIENTS}) g`);
  // Approved as an analyst would: the client's lifecycle trigger allows only APPLIED -> ACTIVE.
  await db.query(`UPDATE client SET state = 'ACTIVE'`);
  await db.query(`
    INSERT INTO client_agreement (client_id, version, fee_percent, vat_rate_on_fee_percent, recourse_modes, credit_limit, spot_check_intensity,
                                  delivery_channel, payout_account, repayment_account, change_reason)
    SELECT id, 1, 2, 25, ARRAY['WITH_RECOURSE'], 1000000000000, 'LOW', 'EMAIL', $1, $1, 'bench' FROM client`, [account]);
  await db.query(`
    INSERT INTO debtor (country, kind, identity_number, name, address, credit_limit)
    SELECT 'SE', 'COMPANY', 'BENCH-D-' || g, 'Bench debtor ' || g, '{"country":"SE"}', 1000000000 FROM generate_series(1, ${DEBTORS}) g`);
  await db.query(`INSERT INTO client_debtor (client_id, debtor_id) SELECT c.id, d.id FROM client c CROSS JOIN debtor d`);
  // Accepted invoices written as a fixture: the lifecycle trigger allows only what submit and
  // accept would have done step by step, so it is skipped for this one transaction (as superuser).
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  await db.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM client),
          d AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM debtor)
     INSERT INTO invoice (client_id, debtor_id, debtor, invoice_number, content_hash, country, currency, invoice_date, delivery_date, due_date,
                          net, vat, gross, payable, status, eligibility, fee, vat_on_fee, payout, offer_terms, offer_expires_at, recourse_mode, accepted_at)
     SELECT c.id, d.id, '{"name":"Bench debtor"}', 'B-' || g, 'x', 'SE', 'SEK', current_date, current_date, current_date + 30,
            800, 200, 1000, 1000, 'ACCEPTED', '{"reasons":[]}', 20, 5, 975, '{"recourseModes":["WITH_RECOURSE"]}', now() + interval '1 day', 'WITH_RECOURSE', now()
       FROM generate_series(0, $1 - 1) g JOIN c ON c.k = g % ${CLIENTS} JOIN d ON d.k = (g / ${CLIENTS}) % ${DEBTORS}`,
    [invoices],
  );
  await db.query('COMMIT');
}
