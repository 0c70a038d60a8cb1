import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { API_DIST, freePort, gql, ROOT, runEntryPoint, Stack, startStack } from '../support/stack';

/**
 * Never pay twice (issue 12): the API killed (SIGKILL: no cleanup, the open transaction cut
 * off) while it prepares a payout batch or exports its bank file, then asked again, leaves
 * exactly one payment per invoice in one batch and one bank file. The kill falls at named
 * points (apps/api/src/common/crash-point.ts): inside the transaction after the lines are
 * written, after it committed but before the answer, after the file is built, and after the
 * file is stored.
 */
const INVOICES = 40;

let stack: Stack;
let db: Client;
let financeA: string;
let financeB: string;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query(sql, params)).rows[0].n;
}

/** Another API process on the same database, with a crash point armed or none. */
async function startApi(crashAt?: string): Promise<{ url: string; child: ChildProcess; exited: Promise<NodeJS.Signals | number | null> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(API_DIST, 'main.js')], {
    cwd: ROOT,
    env: { ...stack.env, PORT: String(port), ...(crashAt ? { FAULT_CRASH_AT: crashAt } : {}) },
  });
  const log = createWriteStream(stack.logFile(`api-${crashAt ?? 'plain'}-${port}`));
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      log.end();
      resolve(signal ?? code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/health`).then((r) => r.ok).catch(() => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The API with ${crashAt} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, child, exited };
}

/** Asks for the step on an API armed to die in it: the call gets no answer and the process dies of SIGKILL. */
async function killedDuring(crashAt: string, query: string, variables: Record<string, unknown>, token: string): Promise<void> {
  const api = await startApi(crashAt);
  await expect(gql(api.url, query, variables, token)).rejects.toThrow();
  expect(await api.exited).toBe('SIGKILL');
}

async function signIn(email: string): Promise<string> {
  const answer = await gql(stack.apiUrl, `mutation($e: String!) { signIn(email: $e, password: "factoring-demo") { token } }`, { e: email });
  return answer.data.signIn.token;
}

const PREPARE = `mutation { preparePayoutBatch(book: SE) { id version lineCount state } }`;
const EXPORT = `mutation($id: ID!) { exportPayoutBatch(id: $id) { fileName sha256 contentBase64 } }`;

beforeAll(async () => {
  stack = await startStack({ console: false, name: 'payout_crash' });
  db = new Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const demo = await runEntryPoint('demo/demo-accounting-program.main.js', { ...stack.env, API_URL: stack.apiUrl, DEMO_KEYS_FILE: `${ROOT}/test-output/payout_crash-demo-keys.json` });
  if (demo.code !== 0) throw new Error(`The demo accounting program failed: ${demo.stderr}`);
  // Purchased invoices due today, copied from a real accepted one in one fixture transaction
  // (the lifecycle trigger is skipped as for any fixture; the payout path is what is tested).
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  await db.query(
    `WITH template AS (SELECT * FROM invoice WHERE accepted_at IS NOT NULL AND country = 'SE' ORDER BY invoice_number LIMIT 1)
     INSERT INTO invoice (client_id, debtor_id, debtor, invoice_number, content_hash, country, currency, invoice_date, delivery_date, due_date,
                          net, vat, gross, payable, status, eligibility, fee, vat_on_fee, payout, offer_terms, offer_expires_at,
                          recourse_mode, accepted_at, planned_payout_date, payment_reference)
     SELECT t.client_id, t.debtor_id, t.debtor, 'PAYCRASH-' || g, t.content_hash || 'PAYCRASH' || g, t.country, t.currency, t.invoice_date, t.delivery_date, t.due_date,
            t.net, t.vat, t.gross, t.payable, 'PURCHASED', t.eligibility, t.fee, t.vat_on_fee, t.payout, t.offer_terms, t.offer_expires_at,
            t.recourse_mode, now(), current_date, '77' || lpad(g::text, 6, '0')
       FROM template t CROSS JOIN generate_series(1, $1) g`,
    [INVOICES],
  );
  await db.query('COMMIT');
  financeA = await signIn('finance@demo.factoring.test');
  financeB = await signIn('all@demo.factoring.test');
  // The demo leaves the day's Swedish batch waiting for approval: cancelled, so this test prepares the day itself.
  const open = await gql(stack.apiUrl, `{ payoutBatches(state: PREPARED, perPage: 50) { items { id book } } }`, {}, financeA);
  for (const batch of open.data.payoutBatches.items.filter((b: { book: string }) => b.book === 'SE')) {
    await gql(stack.apiUrl, `mutation($id: ID!) { cancelPayoutBatch(id: $id, reason: "The payout crash test prepares this day itself") { id } }`, { id: batch.id }, financeA);
  }
}, 180_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

it('leaves one batch, one bank file and one payment per invoice when the API is killed while preparing and exporting', async () => {
  const ours = `SELECT count(*)::int AS n FROM payout_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.invoice_number LIKE 'PAYCRASH-%'`;

  // Killed inside the transaction, after the lines were written: nothing of it stays.
  await killedDuring('payout.prepare.lines-written', PREPARE, {}, financeA);
  // The Swedish book's live batches (the demo's own was cancelled above; its Norwegian one is approved).
  expect(await count(`SELECT count(*)::int AS n FROM payout_batch WHERE book = 'SE' AND state <> 'CANCELLED'`)).toBe(0);
  expect(await count(ours)).toBe(0);

  // Killed after the commit, before the answer: the batch stands, and asking again finds it.
  await killedDuring('payout.prepare.committed', PREPARE, {}, financeA);
  expect(await count(`SELECT count(*)::int AS n FROM payout_batch WHERE book = 'SE' AND state = 'PREPARED'`)).toBe(1);
  expect(await count(ours)).toBe(INVOICES);
  const again = await gql(stack.apiUrl, PREPARE, {}, financeA);
  expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PAYOUT_BATCH_ALREADY_OPEN' });
  const batchId = again.errors![0].extensions!.batchId as string;

  // Four eyes: the second person approves the version they saw.
  const seen = await gql(stack.apiUrl, `query($id: ID!) { payoutBatch(id: $id) { version } }`, { id: batchId }, financeB);
  const approved = await gql(stack.apiUrl, `mutation($id: ID!, $v: Int!) { approvePayoutBatch(id: $id, expectedVersion: $v) { state } }`, { id: batchId, v: seen.data.payoutBatch.version }, financeB);
  expect(approved.data?.approvePayoutBatch.state).toBe('APPROVED');

  // Killed after the file was built, before it was kept: no file, the batch still approved.
  await killedDuring('payout.export.file-built', EXPORT, { id: batchId }, financeA);
  expect(await count(`SELECT count(*)::int AS n FROM bank_file WHERE direction = 'OUT'`)).toBe(0);
  expect((await db.query(`SELECT state FROM payout_batch WHERE id = $1`, [batchId])).rows[0].state).toBe('APPROVED');

  // Killed after the file was kept: asking again gives the same bytes, never a second file.
  await killedDuring('payout.export.committed', EXPORT, { id: batchId }, financeA);
  const [kept] = (await db.query(`SELECT sha256, content FROM bank_file WHERE direction = 'OUT' AND batch_id = $1`, [batchId])).rows;
  expect(kept).toBeDefined();
  const file = (await gql(stack.apiUrl, EXPORT, { id: batchId }, financeA)).data.exportPayoutBatch;
  expect(file.sha256).toBe(kept.sha256);
  expect(await count(`SELECT count(*)::int AS n FROM bank_file WHERE direction = 'OUT'`)).toBe(1);

  // Exactly one payment per invoice, in the file as in the batch.
  const xml = Buffer.from(file.contentBase64, 'base64').toString('utf8');
  const endToEnd = [...xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]);
  const lines = await count(`SELECT count(*)::int AS n FROM payout_line WHERE batch_id = $1`, [batchId]);
  expect(new Set(endToEnd).size).toBe(endToEnd.length);
  expect(endToEnd).toHaveLength(lines);
  expect(xml).toContain(`<NbOfTxs>${lines}</NbOfTxs>`);
  // One live payment per invoice (the demo's cancelled batch keeps its lines, as a cancelled batch does).
  expect(await count(`SELECT count(*)::int AS n FROM (SELECT l.invoice_id FROM payout_line l JOIN payout_batch b ON b.id = l.batch_id WHERE b.state <> 'CANCELLED' GROUP BY l.invoice_id HAVING count(*) > 1) twice`)).toBe(0);
  expect(await count(ours)).toBe(INVOICES);
}, 240_000);
