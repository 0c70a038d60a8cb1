import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { appDatabaseUrl, startProbed } from '../probe';
import { formatNumber } from '../stats';
import { DIST, connect, migrate } from './ledger-fixture';
import { freePort, waitUntilReady } from './submissions';
import type { Workload } from './types';

// BENCH_PAYOUT_INVOICES overrides the 10 000 (prepare's one-statement insert of the lines takes at most 65 535 / 9 = 7 281 today).
const INVOICES = Number(process.env.BENCH_PAYOUT_INVOICES ?? 10_000);
const CLIENTS = 200;
const PASSWORD = 'bench-finance-password';

/**
 * A day's payout batch of 10 000 purchased invoices (200 clients) through the built API over
 * GraphQL, as finance works it: one finance person prepares it, a second approves it (four
 * eyes), the second exports the pain.001 file, and marks it sent (which posts the 10 000 payout
 * entries through Ledger.postMany). Each step timed from the POST to the parsed answer. The
 * exporter's peak memory: the API process's peak RSS during the export (VmHWM after resetting
 * it through /proc/<pid>/clear_refs), its RSS before, and its RSS sampled every 10 ms.
 * `count` is payouts exported, `seconds` the export step alone; the other steps are in the notes.
 * Ratio: against the raw PostgreSQL insert transactions of the same run (a batch is one transaction
 * per step, so the ratio says little; the step times are the figures).
 */
export const payoutBatch10k: Workload = {
  name: 'payout-batch-10k',
  unit: 'payout exported (pain.001, one batch)',
  baseline: 'postgres',
  async run(ctx) {
    migrate(ctx.databaseUrl);
    const db = await connect(ctx.databaseUrl);
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: appDatabaseUrl(ctx.databaseUrl),
      REDIS_URL: ctx.redisUrl,
      QUEUE_PREFIX: ctx.redisPrefix,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    let api: ReturnType<typeof startProbed> | undefined;
    try {
      const [preparer, approver] = await seed(db);
      api = startProbed(path.join(DIST, 'main.js'), env);
      const probed = api;
      await waitUntilReady(`http://127.0.0.1:${port}/health`, () => probed.child.exitCode !== null, ctx.signal);
      if (api.child.exitCode !== null) throw new Error(`The API stopped: ${api.stderr().slice(-2000)}`);
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
        if (!body.data || body.errors) {
          throw new Error(`GraphQL failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body).slice(0, 800)}\nAPI: ${probed.stderr().slice(-800)} ${probed.stdout().replace(/\(\$[^)]*\)(, )?/g, "").slice(-1500)}`);
        }
        return body.data;
      };
      const signIn = async (email: string) =>
        (await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`, { e: email, p: PASSWORD })).signIn.token as string;
      const a = await signIn(preparer);
      const b = await signIn(approver);
      const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
        const t0 = performance.now();
        const value = await fn();
        return [value, (performance.now() - t0) / 1000];
      };

      const [prepared, prepareSeconds] = await timed(() =>
        gql(`mutation { preparePayoutBatch(book: SE) { id version lineCount total state payoutDate } }`, {}, a).then((d) => d.preparePayoutBatch),
      );
      if (prepared.lineCount !== INVOICES) throw new Error(`the batch has ${prepared.lineCount} payouts, not ${INVOICES}`);
      const [, approveSeconds] = await timed(() =>
        gql(`mutation($id: ID!, $v: Int!) { approvePayoutBatch(id: $id, expectedVersion: $v) { state } }`, { id: prepared.id, v: prepared.version }, b),
      );

      const pid = api.child.pid!;
      const status = () => readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (text: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? NaN);
      const rssBefore = kb(status(), 'VmRSS');
      let resetPeak = true;
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
      } catch {
        resetPeak = false;
      }
      let sampledPeak = rssBefore;
      const sampler = setInterval(() => {
        try {
          sampledPeak = Math.max(sampledPeak, kb(status(), 'VmRSS'));
        } catch {
          // the process ended; the error surfaces below
        }
      }, 10);
      let exported: { fileName: string; sha256: string; contentBase64: string };
      let exportSeconds: number;
      const stopProfile = await api.profileWindow('payout-export-api');
      try {
        [exported, exportSeconds] = await timed(() =>
          gql(`mutation($id: ID!) { exportPayoutBatch(id: $id) { fileName sha256 contentBase64 } }`, { id: prepared.id }, b).then((d) => d.exportPayoutBatch),
        );
      } finally {
        clearInterval(sampler);
      }
      const profile = await stopProfile();
      const peak = kb(status(), 'VmHWM');
      const file = Buffer.from(exported.contentBase64, 'base64');
      const payments = (file.toString('utf8').match(/<CdtTrfTxInf>/g) ?? []).length;
      if (payments !== INVOICES) throw new Error(`the file holds ${payments} payments, not ${INVOICES}`);

      const [, sentSeconds] = await timed(() => gql(`mutation($id: ID!) { markPayoutBatchSent(id: $id) { state } }`, { id: prepared.id }, b));
      const entries = (await db.query(`SELECT count(*)::int AS n FROM journal_entry WHERE cause_type <> 'INVOICE' OR event <> 'PURCHASE'`)).rows[0].n;
      const mb = (k: number) => `${(k / 1024).toFixed(0)} MB`;
      return {
        count: payments,
        seconds: exportSeconds,
        notes: [
          `built API (NODE_ENV=production) over GraphQL; ${formatNumber(INVOICES)} purchased invoices of ${CLIENTS} clients, none held; two finance staff`,
          `prepare ${prepareSeconds.toFixed(2)} s (${prepared.lineCount} payouts, ${prepared.total} SEK, day ${prepared.payoutDate}), approve ${approveSeconds.toFixed(2)} s, export ${exportSeconds.toFixed(2)} s, mark sent ${sentSeconds.toFixed(2)} s (${formatNumber(entries)} payout entries posted)`,
          `pain.001 file ${(file.length / 1024 / 1024).toFixed(1)} MB (answered as base64 in GraphQL); API process RSS ${mb(rssBefore)} before the export, peak ${resetPeak ? `${mb(peak)} (VmHWM, reset before)` : 'n/a'}, sampled peak ${mb(sampledPeak)}: +${mb((resetPeak ? peak : sampledPeak) - rssBefore)} for the export`,
          ...(profile ? [`CPU profile of the API over the export: ${profile}`] : []),
        ].join('\n'),
      };
    } finally {
      await api?.stop();
      await db.end().catch(() => undefined);
    }
  },
};

async function seed(db: Client): Promise<[string, string]> {
  const account = JSON.stringify({ kind: 'SE_BANKGIRO', value: '5050-1055', display: '5050-1055' });
  await db.query(`
    INSERT INTO client (country, currency, organisation_number, legal_name, company_form, address, contact, state)
    SELECT 'SE', 'SEK', 'BENCH-' || g, 'Bench client ' || g, 'AB', '{}', '{}', 'APPLIED' FROM generate_series(1, ${CLIENTS}) g`);
  await db.query(`UPDATE client SET state = 'ACTIVE'`);
  await db.query(`
    INSERT INTO client_agreement (client_id, version, fee_percent, vat_rate_on_fee_percent, recourse_modes, credit_limit, spot_check_intensity,
                                  delivery_channel, payout_account, repayment_account, change_reason)
    SELECT id, 1, 2, 25, ARRAY['WITH_RECOURSE'], 1000000000000, 'LOW', 'EMAIL', $1, $1, 'bench' FROM client`, [account]);
  await db.query(`INSERT INTO debtor (country, kind, identity_number, name, address, credit_limit) VALUES ('SE', 'COMPANY', 'BENCH-D-1', 'Bench debtor', '{"country":"SE"}', 1000000000)`);
  // Purchased invoices as a fixture: the lifecycle trigger is skipped for this one transaction (as superuser).
  await db.query('BEGIN');
  await db.query(`SET LOCAL session_replication_role = replica`);
  await db.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM client)
     INSERT INTO invoice (client_id, debtor_id, debtor, invoice_number, content_hash, country, currency, invoice_date, delivery_date, due_date,
                          net, vat, gross, payable, status, eligibility, fee, vat_on_fee, payout, offer_terms, offer_expires_at, recourse_mode, accepted_at,
                          planned_payout_date, payment_reference)
     SELECT c.id, (SELECT id FROM debtor), '{"name":"Bench debtor"}', 'P-' || g, 'x', 'SE', 'SEK', current_date - 3, current_date - 3, current_date + 27,
            800, 200, 1000, 1000, 'PURCHASED', '{"reasons":[]}', 20, 5, 975, '{"recourseModes":["WITH_RECOURSE"]}', now() + interval '1 day', 'WITH_RECOURSE', now(),
            current_date - 1, (100000 + g)::text
       FROM generate_series(0, $1 - 1) g JOIN c ON c.k = g % ${CLIENTS}`,
    [INVOICES],
  );
  await db.query('COMMIT');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { hashPassword } = require(path.join(DIST, 'auth/password.js')) as { hashPassword(p: string): Promise<string> };
  const hash = await hashPassword(PASSWORD);
  const emails = ['preparer@bench.factoring.test', 'approver@bench.factoring.test'];
  for (const [i, email] of emails.entries()) {
    await db.query(`INSERT INTO staff_member (email, name, roles, password_hash) VALUES ($1, $2, ARRAY['FINANCE'], $3)`, [email, `Bench finance ${i + 1}`, hash]);
  }
  return [emails[0], emails[1]];
}
