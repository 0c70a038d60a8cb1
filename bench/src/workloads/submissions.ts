import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { appDatabaseUrl, countsBetween, cpuSnapshot, describeCounts, describeCpu, serverCpu, startProbed } from '../probe';
import { LatencyRecorder, formatMs, percentile, sleep } from '../stats';
import type { Workload } from './types';

const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(ROOT, 'dist/api/apps/api/src');
const CLIENTS = 16;
const DEBTORS_PER_CLIENT = 25;

const SUBMIT = `mutation($input: InvoiceInput!, $key: String) { submitInvoice(input: $input, idempotencyKey: $key) {
  id status payable reasons { code en } offer { fee vatOnFee payout currency plannedPayoutDate expiresAt } } }`;

/**
 * Invoice submissions through the GraphQL API over HTTP, as clients' accounting programs make
 * them: the built API process (dist/api/apps/api/src/main.js) on a scratch database, 16 active
 * clients with an agreement and an integration key each, and one loop per client POSTing
 * submitInvoice back to back, each to its own debtors with amounts that never repeat (so no
 * submission is a suspected duplicate). Warm-up first, then BENCH_SECONDS measured.
 */
export const submissions: Workload = {
  name: 'submissions',
  unit: 'invoice submitted (HTTP, 16 clients)',
  baseline: 'postgres',
  async run(ctx) {
    if (!existsSync(path.join(DIST, 'main.js'))) throw new Error('Build the API first: npx nx run api:build');
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: ctx.databaseUrl,
      REDIS_URL: ctx.redisUrl,
      QUEUE_PREFIX: ctx.redisPrefix,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
    };
    const migrate = spawnSync(process.execPath, [path.join(DIST, 'database/migrate.main.js')], { env, encoding: 'utf8' });
    if (migrate.status !== 0) throw new Error(`Migrations failed: ${migrate.stderr}`);

    const db = new Client({ connectionString: ctx.databaseUrl });
    db.on('error', () => undefined); // ended by the scratch database's drop; the workload's own error is the one to report
    await db.connect();
    const keys = await seed(db);
    const api = startProbed(path.join(DIST, 'main.js'), { ...env, DATABASE_URL: appDatabaseUrl(ctx.databaseUrl) });
    const url = `http://127.0.0.1:${port}/graphql`;
    try {
      await waitUntilReady(`http://127.0.0.1:${port}/health`, () => api.child.exitCode !== null, ctx.signal);
      if (api.child.exitCode !== null) throw new Error(`The API stopped: ${api.stderr().slice(-2000)}`);

      const statuses: Record<string, number> = {};
      let failure: Error | null = null;
      const loops = keys.map((key, c) => ({ key, c, seq: 0 }));
      const phase = async (ms: number, latencies: LatencyRecorder | null): Promise<{ count: number; seconds: number }> => {
        const start = performance.now();
        const deadline = start + ms;
        let count = 0;
        await Promise.all(
          loops.map(async (loop) => {
            while (failure === null && !ctx.signal.aborted && performance.now() < deadline) {
              const input = invoice(loop.c, loop.seq++);
              const t0 = performance.now();
              const response = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${loop.key}` },
                body: JSON.stringify({ query: SUBMIT, variables: { input, key: `bench-${loop.c}-${loop.seq}` } }),
              });
              const body = (await response.json()) as { data?: { submitInvoice?: { status: string } }; errors?: unknown[] };
              const elapsed = performance.now() - t0;
              const status = body.data?.submitInvoice?.status;
              if (!status) {
                failure ??= new Error(`submitInvoice failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
                return;
              }
              if (latencies) {
                latencies.record(elapsed);
                statuses[status] = (statuses[status] ?? 0) + 1;
                count++;
              }
            }
          }),
        );
        if (failure) throw failure;
        if (ctx.signal.aborted) throw new Error('aborted');
        return { count, seconds: (performance.now() - start) / 1000 };
      };

      // Warm-up: the JIT, the pools, the debtors' first sight (each is created by its first invoice).
      await phase(Math.max(ctx.warmupSeconds, 1) * 1000, null);
      const latencies = new LatencyRecorder();
      const database = new URL(ctx.databaseUrl).pathname.slice(1);
      const before = await api.snapshot();
      const cpuBefore = { proc: await cpuSnapshot(api), server: await serverCpu(db, database) };
      const stopProfile = await api.profileWindow('submissions-api');
      const measured = await phase(ctx.seconds * 1000, latencies);
      const profile = await stopProfile();
      const cpuAfter = { proc: await cpuSnapshot(api), server: await serverCpu(db, database) };
      const statements = countsBetween(before, await api.snapshot());
      const sorted = latencies.sorted();
      const p50 = percentile(sorted, 50);
      const p95 = percentile(sorted, 95);
      const p99 = percentile(sorted, 99);
      const offered = statuses.OFFERED ?? 0;
      return {
        count: measured.count,
        seconds: measured.seconds,
        latencyMs: { p50, p99 },
        notes: [
          `1 API process (built main.js, NODE_ENV=production, pool ${process.env.DATABASE_POOL_SIZE ?? '20 (default)'}); ${CLIENTS} concurrent HTTP clients (keep-alive), one integration key and ${DEBTORS_PER_CLIENT} own debtors each`,
          `latency p50 ${formatMs(p50)} / p95 ${formatMs(p95)} / p99 ${formatMs(p99)} (POST to parsed answer)`,
          `answers: ${Object.entries(statuses).map(([s, n]) => `${s} ${n}`).join(', ')}; offers ${(offered / measured.seconds).toFixed(1)}/s`,
          describeCpu('API process', cpuBefore, cpuAfter, measured.count),
          ...describeCounts(statements, measured.count),
          ...(profile ? [`CPU profile of the API over the window: ${profile}`] : []),
        ].join('\n'),
      };
    } finally {
      await api.stop();
      await db.end();
    }
  },
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntilReady(health: string, stopped: () => boolean, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !signal.aborted && !stopped()) {
    try {
      // Any answer will do: /health says 503 while no worker process runs, which this bench does not start.
      await fetch(health);
      return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  if (!stopped()) throw new Error('The API did not answer /health within 60s');
}

/** 16 active Swedish clients with an agreement and a key each (SQL, as an admin's approval and key issue would leave them). */
async function seed(db: Client): Promise<string[]> {
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
  const clients: string[] = (await db.query(`SELECT id FROM client ORDER BY organisation_number`)).rows.map((r) => r.id);
  const keys: string[] = [];
  for (const [i, clientId] of clients.entries()) {
    const key = `fkey_bench${i}_${createHash('sha256').update(`${clientId}`).digest('base64url')}`;
    await db.query(`INSERT INTO integration_key (client_id, label, key_prefix, key_hash) VALUES ($1, 'bench', $2, $3)`, [
      clientId,
      key.slice(0, 11),
      createHash('sha256').update(key).digest('hex'),
    ]);
    keys.push(key);
  }
  return keys;
}

/** A Swedish aktiebolag number of the bench: 556, then the client and debtor, then the Luhn digit. */
function debtorNumber(client: number, debtor: number): string {
  const nine = `556${String(client * 1000 + debtor).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[8 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  const ten = nine + String((10 - (sum % 10)) % 10);
  return `${ten.slice(0, 6)}-${ten.slice(6)}`;
}

const stockholmDay = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

const ore = (n: number): string => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

/** The client's n-th invoice: its own debtor in turn and an amount that never repeats (in öre, so no float touches money). */
function invoice(client: number, n: number) {
  const netOre = 100_000 + n * 137 + client; // 1 000 SEK and up
  const vatOre = Math.floor((netOre * 25 + 50) / 100); // 25 %, half up
  const net = ore(netOre);
  const gross = ore(netOre + vatOre);
  return {
    invoiceNumber: `B${client}-${n}`,
    currency: 'SEK',
    invoiceDate: stockholmDay(-2),
    deliveryDate: stockholmDay(-5),
    dueDate: stockholmDay(28),
    debtor: {
      kind: 'COMPANY',
      identityNumber: debtorNumber(client, n % DEBTORS_PER_CLIENT),
      name: `Bench debtor ${client}-${n % DEBTORS_PER_CLIENT} AB`,
      address: { street: 'Drottninggatan 2', postalCode: '111 51', city: 'Stockholm', country: 'SE' },
    },
    lines: [{ description: 'Consulting', quantity: '1', unitPrice: net, vatRatePercent: '25', reverseCharge: false }],
    totals: { net, vat: ore(vatOre), gross },
    payable: gross,
  };
}
