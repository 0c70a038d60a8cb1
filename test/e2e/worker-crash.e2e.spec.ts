import { Client } from 'pg';
import { ROOT, runEntryPoint, Stack, startStack } from '../support/stack';

/**
 * A worker killed in the middle of deciding (SIGKILL: no clean shutdown, transactions cut
 * off) loses no decision and makes none twice. The jobs it held are found stalled by the next
 * worker and run again; each decision is one transaction that checks the invoice is still
 * ACCEPTED, so a job that had committed before the kill decides nothing the second time.
 */
const INVOICES = 1500;

let stack: Stack;
let db: Client;

async function count(sql: string): Promise<number> {
  return (await db.query(sql)).rows[0].n;
}

async function until(what: string, check: () => Promise<boolean>, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${seconds} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  stack = await startStack({ console: false, name: 'crash' });
  db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  // Demo invoices taken the real way give a valid accepted invoice to copy from.
  const demo = await runEntryPoint('demo/demo-accounting-program.main.js', { ...stack.env, API_URL: stack.apiUrl, DEMO_KEYS_FILE: `${ROOT}/test-output/crash-demo-keys.json` });
  if (demo.code !== 0) throw new Error(`The demo accounting program failed: ${demo.stderr}`);
  await until('the demo decisions', async () => (await count(`SELECT count(*)::int AS n FROM invoice WHERE status = 'ACCEPTED'`)) === 0, 30);
}, 120_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

it('loses no decision and makes none twice when the worker is killed mid-run', async () => {
  // Stop the worker, so that a backlog builds up as it would behind a busy one.
  const first = stack.processes.worker;
  first.kill('SIGTERM');
  await new Promise((resolve) => first.once('exit', resolve));

  const exposureBefore = (await db.query(`SELECT coalesce(sum(exposure), 0)::text AS total FROM client`)).rows[0].total;
  // The client has a history (a hundred invoices sold and paid), so spot checks are rare: the
  // first invoices are bought, moving exposure, until the debtor's share of the client's
  // exposure sends the rest to manual assessment. The kill falls early, among the purchases.
  const copy = (prefix: string, status: string) => `
    INSERT INTO invoice (client_id, debtor_id, debtor, invoice_number, content_hash, country, currency, invoice_date, delivery_date, due_date,
                         net, vat, gross, payable, status, eligibility, fee, vat_on_fee, payout, offer_terms, offer_expires_at,
                         recourse_mode, accepted_at, planned_payout_date)
    SELECT t.client_id, t.debtor_id, t.debtor, '${prefix}-' || g, t.content_hash || '${prefix}' || g, t.country, t.currency, t.invoice_date, t.delivery_date, t.due_date,
           t.net, t.vat, t.gross, t.payable, '${status}', t.eligibility, t.fee, t.vat_on_fee, t.payout, t.offer_terms, t.offer_expires_at,
           t.recourse_mode, now(), t.planned_payout_date
      FROM template t CROSS JOIN generate_series(1, $1) g`;
  const template = `template AS (SELECT * FROM invoice WHERE accepted_at IS NOT NULL AND country = 'SE' AND debtor->>'kind' = 'COMPANY' ORDER BY invoice_number LIMIT 1)`;
  // A fixture: months of history written at once. The lifecycle's trigger allows invoices to be
  // created only by a submission, so this one transaction (as the test's superuser) skips triggers.
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  await db.query(`WITH ${template} ${copy('HISTORY', 'FULLY_PAID')}`, [100]);
  await db.query(
    `WITH ${template}, copies AS (${copy('CRASH', 'ACCEPTED')} RETURNING id)
     INSERT INTO job_outbox (queue, job_name, job_id, data)
     SELECT 'credit', 'decide', 'decide-' || id, jsonb_build_object('invoiceId', id) FROM copies`,
    [INVOICES],
  );
  await db.query('COMMIT');
  const decided = `SELECT count(*)::int AS n FROM invoice WHERE invoice_number LIKE 'CRASH-%' AND status <> 'ACCEPTED'`;

  // A worker starts on the backlog and is killed outright part-way through.
  const doomed = stack.startWorker('worker-doomed');
  await until('the first decisions', async () => (await count(decided)) >= 5, 60);
  doomed.kill('SIGKILL');
  await new Promise((resolve) => doomed.once('exit', resolve));
  const atKill = await count(decided);
  expect(atKill).toBeLessThan(INVOICES);

  // Its replacement finishes the rest, including the jobs the dead worker held (stalled).
  stack.startWorker('worker-replacement');
  await until('every decision', async () => (await count(decided)) === INVOICES, 150);

  // Exactly one automatic decision, one timeline step out of ACCEPTED and one client event per invoice.
  const perInvoice = (
    await db.query(
      `SELECT i.id,
              (SELECT count(*) FROM credit_decision d WHERE d.invoice_id = i.id AND d.kind = 'AUTOMATIC')::int AS decisions,
              (SELECT count(*) FROM timeline_event t WHERE t.entity_id = i.id AND t.from_state = 'ACCEPTED')::int AS steps,
              (SELECT count(*) FROM outbox_event o WHERE o.subject_id = i.id)::int AS events
         FROM invoice i WHERE i.invoice_number LIKE 'CRASH-%'`,
    )
  ).rows;
  expect(perInvoice).toHaveLength(INVOICES);
  expect(perInvoice.filter((r) => r.decisions !== 1 || r.steps !== 1 || r.events !== 1)).toEqual([]);

  // The exposure moved once per purchased invoice, no more.
  const { added, purchased } = (
    await db.query(
      `SELECT (SELECT coalesce(sum(exposure), 0) FROM client) - $1::numeric AS added,
              (SELECT coalesce(sum(payable), 0) FROM invoice WHERE invoice_number LIKE 'CRASH-%' AND status = 'PURCHASED') AS purchased`,
      [exposureBefore],
    )
  ).rows[0];
  expect(Number(purchased)).toBeGreaterThan(0);
  expect(added).toBe(purchased);
  // And never past a limit, however the kill fell.
  const over = (
    await db.query(
      `SELECT 'pair' AS what FROM client_debtor WHERE credit_limit IS NOT NULL AND exposure > credit_limit + coalesce(temporary_raise, 0)
       UNION ALL SELECT 'debtor' FROM debtor WHERE exposure > credit_limit + coalesce(temporary_raise, 0)`,
    )
  ).rows;
  expect(over).toEqual([]);
  expect(await count(`SELECT count(*)::int AS n FROM job_outbox WHERE published_at IS NULL`)).toBe(0);
}, 300_000);
