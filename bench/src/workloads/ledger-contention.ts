import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { LatencyRecorder, formatMs, formatNumber, percentile } from '../stats';
import { ROLES, asApp, connect, loadLedger, migrate, today, tx } from './ledger-fixture';
import type { Workload } from './types';

const CONNECTIONS = 20;
const ACCOUNTS = ROLES.length; // 10: the whole chart of the Swedish book

/**
 * The issue's peer comparison: two-posting entries from 20 connections over the 10 accounts of
 * a book, each entry its own transaction (BEGIN; Ledger.post; COMMIT, as the API posts one
 * inside the change that causes it), with no client on the postings, so every entry lands on
 * the book-wide summary rows of two of ten accounts: the hot-row case. In the same run, from
 * 20 connections: the raw single-row insert transaction (BEGIN; INSERT; COMMIT, as the
 * raw-postgres baseline), before and after, and a pgledger-like pure-SQL transfer (balances
 * kept on the account rows, both accounts locked in id order, two entries per transfer, one
 * function call per transfer in autocommit, no guard against UPDATE or DELETE).
 * The notes give what the backends waited on during each phase (pg_stat_activity, sampled).
 */
export const ledgerContention: Workload = {
  name: 'ledger-contention',
  unit: 'two-posting entry (20 conns, 10 accounts)',
  baseline: 'postgres',
  async run(ctx) {
    migrate(ctx.databaseUrl);
    const admin = await connect(ctx.databaseUrl);
    const ledger = loadLedger(admin);
    const database = new URL(ctx.databaseUrl).pathname.slice(1);
    try {
      await admin.query(`CREATE TABLE bench_insert (id bigserial PRIMARY KEY, amount numeric(18,2) NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
      await admin.query(PGLEDGER_LIKE);
      await admin.query(`INSERT INTO pgl_accounts (name, currency) SELECT 'account ' || g, 'SEK' FROM generate_series(1, ${ACCOUNTS}) g`);
      const date = today();
      const amount = () => (1 + Math.floor(Math.random() * 100_000) / 100).toFixed(2);
      const pair = () => {
        const a = Math.floor(Math.random() * ACCOUNTS);
        const b = (a + 1 + Math.floor(Math.random() * (ACCOUNTS - 1))) % ACCOUNTS;
        return [a, b];
      };
      const raw = async (c: Client) => {
        await c.query('BEGIN');
        await c.query('INSERT INTO bench_insert (amount) VALUES ($1)', [amount()]);
        await c.query('COMMIT');
      };
      const ours = async (c: Client) => {
        const [a, b] = pair();
        const value = amount();
        await c.query('BEGIN');
        try {
          await ledger.post(tx(c), {
            book: 'SE',
            date,
            causeType: 'BENCH',
            causeId: randomUUID(),
            event: 'TRANSFER',
            description: 'bench transfer',
            lines: [
              { role: ROLES[a], amount: value },
              { role: ROLES[b], amount: `-${value}` },
            ],
          });
          await c.query('COMMIT');
        } catch (err) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      };
      const pgledger = async (c: Client) => {
        const [a, b] = pair();
        await c.query('SELECT pgl_create_transfer($1, $2, $3)', [a + 1, b + 1, amount()]);
      };

      const phase = async (url: string, step: (c: Client) => Promise<void>, seconds: number, warmup: number) => {
        const clients: Client[] = [];
        try {
          for (let i = 0; i < CONNECTIONS; i++) clients.push(await connect(url, 'bench-contention'));
          if (warmup > 0) await loops(clients, step, warmup, ctx.signal, null);
          const waits = sampleWaits(admin, database);
          const latencies = new LatencyRecorder();
          const result = await loops(clients, step, seconds, ctx.signal, latencies);
          const sorted = latencies.sorted();
          return { ...result, rate: result.count / result.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), waits: await waits.stop() };
        } finally {
          await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
        }
      };

      const warmup = ctx.warmupSeconds;
      const raw1 = await phase(ctx.databaseUrl, raw, ctx.seconds, warmup);
      const ledgerRun = await phase(asApp(ctx.databaseUrl), ours, ctx.seconds, warmup);
      const peer = await phase(ctx.databaseUrl, pgledger, ctx.seconds, warmup);
      const raw2 = await phase(ctx.databaseUrl, raw, ctx.seconds, warmup);
      if (ctx.signal.aborted) throw new Error('aborted');
      const rawRate = (raw1.rate + raw2.rate) / 2;

      // Sanity, outside the clock: the book still balances, and the summaries equal the postings.
      const sums = (await admin.query(`SELECT account, sum(amount)::numeric(20,2)::text AS balance FROM journal_posting GROUP BY account ORDER BY account`)).rows;
      const balances = await ledger.balances('SE', '2999-12-31');
      const agree = JSON.stringify(balances.map((b) => [b.account, b.balance])) === JSON.stringify(sums.map((s) => [s.account, s.balance]));
      const summaryRows = (await admin.query(`SELECT count(*)::int AS n FROM ledger_month_balance`)).rows[0].n;
      const line = (name: string, r: Awaited<ReturnType<typeof phase>>) =>
        `${name}: ${formatNumber(Math.round(r.rate))}/s (${formatNumber(r.count)} in ${r.seconds.toFixed(1)} s), ${(r.rate / rawRate).toFixed(2)}x raw, p50 ${formatMs(r.p50)} / p99 ${formatMs(r.p99)}, errors ${r.errors}; waits ${r.waits}`;
      return {
        count: ledgerRun.count,
        seconds: ledgerRun.seconds,
        latencyMs: { p50: ledgerRun.p50, p99: ledgerRun.p99 },
        ownBaseline: { label: 'raw insert tx (20 conns, same run)', ratePerSecond: rawRate },
        notes: [
          `${CONNECTIONS} connections per phase, ${ctx.warmupSeconds} s warm-up + ${ctx.seconds} s each; raw = mean of the raw phases before and after`,
          line('raw insert tx (before)', raw1),
          line('ledger entry (BEGIN; Ledger.post; COMMIT, as factoring_app)', ledgerRun),
          line('pgledger-like transfer (SELECT fn() in autocommit)', peer),
          line('raw insert tx (after)', raw2),
          `summary rows ${summaryRows}; balances from the summaries equal the sums of the postings: ${agree ? 'yes' : 'NO'}`,
        ].join('\n'),
      };
    } finally {
      await admin.end().catch(() => undefined);
    }
  },
};

async function loops(
  clients: Client[],
  step: (c: Client) => Promise<void>,
  seconds: number,
  signal: AbortSignal,
  latencies: LatencyRecorder | null,
): Promise<{ count: number; seconds: number; errors: string }> {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let count = 0;
  const errors = new Map<string, number>();
  await Promise.all(
    clients.map(async (c) => {
      while (!signal.aborted && performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await step(c);
        } catch (err) {
          const key = (err as { code?: string }).code ?? (err as Error).message.slice(0, 60);
          errors.set(key, (errors.get(key) ?? 0) + 1);
          if (errors.get(key)! > 1000) throw err;
          continue;
        }
        latencies?.record(performance.now() - t0);
        count++;
      }
    }),
  );
  return { count, seconds: (performance.now() - start) / 1000, errors: errors.size ? [...errors].map(([k, n]) => `${k} x${n}`).join(', ') : 'none' };
}

/** What the scratch database's active backends wait on, sampled every 50 ms: the share of samples per wait. */
function sampleWaits(admin: Client, database: string): { stop(): Promise<string> } {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await admin.query(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1`,
        [database],
      );
      samples++;
      for (const r of rows) counts.set(r.w, (counts.get(r.w) ?? 0) + r.n);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
      return `avg active backends by wait: ${top.map(([w, n]) => `${w} ${(n / samples).toFixed(1)}`).join(', ')}`;
    },
  };
}

/**
 * A pgledger-like ledger in pure SQL, from its description (pgr0ss/pgledger): accounts carry their
 * running balance and version, a transfer locks both accounts in id order, updates them, and
 * writes the transfer and its two entries with the balances before and after. No check that
 * would refuse UPDATE or DELETE.
 */
const PGLEDGER_LIKE = `
  CREATE TABLE pgl_accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, currency text NOT NULL,
    balance numeric NOT NULL DEFAULT 0, version bigint NOT NULL DEFAULT 0,
    allow_negative_balance boolean NOT NULL DEFAULT true, allow_positive_balance boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE pgl_transfers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, from_account_id bigint NOT NULL REFERENCES pgl_accounts(id),
    to_account_id bigint NOT NULL REFERENCES pgl_accounts(id), amount numeric NOT NULL CHECK (amount > 0),
    created_at timestamptz NOT NULL DEFAULT now(), event_at timestamptz NOT NULL DEFAULT now());
  CREATE INDEX ON pgl_transfers (from_account_id);
  CREATE INDEX ON pgl_transfers (to_account_id);
  CREATE TABLE pgl_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id bigint NOT NULL REFERENCES pgl_accounts(id),
    transfer_id bigint NOT NULL REFERENCES pgl_transfers(id), amount numeric NOT NULL,
    account_previous_balance numeric NOT NULL, account_current_balance numeric NOT NULL, account_version bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now());
  CREATE INDEX ON pgl_entries (account_id);
  CREATE INDEX ON pgl_entries (transfer_id);
  CREATE FUNCTION pgl_create_transfer(p_from bigint, p_to bigint, p_amount numeric) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE t bigint; fb numeric; tb numeric; fv bigint; tv bigint;
  BEGIN
    PERFORM 1 FROM pgl_accounts WHERE id IN (p_from, p_to) ORDER BY id FOR UPDATE;
    UPDATE pgl_accounts SET balance = balance - p_amount, version = version + 1, updated_at = now() WHERE id = p_from RETURNING balance, version INTO fb, fv;
    UPDATE pgl_accounts SET balance = balance + p_amount, version = version + 1, updated_at = now() WHERE id = p_to RETURNING balance, version INTO tb, tv;
    INSERT INTO pgl_transfers (from_account_id, to_account_id, amount) VALUES (p_from, p_to, p_amount) RETURNING id INTO t;
    INSERT INTO pgl_entries (account_id, transfer_id, amount, account_previous_balance, account_current_balance, account_version)
    VALUES (p_from, t, -p_amount, fb + p_amount, fb, fv), (p_to, t, p_amount, tb - p_amount, tb, tv);
    RETURN t;
  END $$;`;
