import type { Client } from 'pg';
import type { BenchConfig } from '../config';
import { closePg, connectPg, withScratchDatabase } from '../db';
import { LatencyRecorder, formatMs, formatNumber, percentile } from '../stats';

export interface PostgresBaselineResult {
  count: number;
  seconds: number;
  ratePerSecond: number;
  p50Ms: number;
  p99Ms: number;
  unit: string;
  notes: string;
}

const CREATE_TABLE = `
  CREATE TABLE bench_insert (
    id bigserial PRIMARY KEY,
    amount numeric(18,2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`;

const INSERT = 'INSERT INTO bench_insert (amount) VALUES ($1)';

interface PhaseResult {
  count: number;
  seconds: number;
}

function randomAmount(): string {
  return (Math.random() * 1_000_000).toFixed(2);
}

/**
 * Every client inserts in a loop until the deadline; each iteration is one
 * committed transaction. The first failure stops all loops and is rethrown.
 */
async function runPhase(
  clients: Client[],
  durationMs: number,
  mode: BenchConfig['pgMode'],
  signal: AbortSignal,
  latencies: LatencyRecorder | null,
): Promise<PhaseResult> {
  const start = performance.now();
  const deadline = start + durationMs;
  let count = 0;
  let failure: unknown = null;

  const loop = async (client: Client): Promise<void> => {
    while (failure === null && !signal.aborted && performance.now() < deadline) {
      const t0 = performance.now();
      try {
        if (mode === 'transaction') {
          await client.query('BEGIN');
          await client.query(INSERT, [randomAmount()]);
          await client.query('COMMIT');
        } else {
          await client.query(INSERT, [randomAmount()]);
        }
      } catch (err) {
        failure ??= err;
        if (mode === 'transaction') await client.query('ROLLBACK').catch(() => undefined);
        return;
      }
      latencies?.record(performance.now() - t0);
      count++;
    }
  };

  await Promise.all(clients.map(loop));
  const seconds = (performance.now() - start) / 1000;
  if (failure !== null) throw failure;
  return { count, seconds };
}

/**
 * Raw PostgreSQL: single-row INSERT transactions from N concurrent connections
 * into a fresh scratch database, for a fixed duration after a warm-up.
 */
export async function runPostgresBaseline(config: BenchConfig, signal: AbortSignal): Promise<PostgresBaselineResult> {
  return withScratchDatabase(config.adminDatabaseUrl, async (databaseUrl, dbName) => {
    const clients: Client[] = [];
    try {
      const setup = await connectPg(databaseUrl);
      clients.push(setup);
      await setup.query(CREATE_TABLE);

      const { rows } = await setup.query<{ free: number }>(
        `SELECT current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity)::int AS free`,
      );
      if (rows[0].free < config.pgConnections - 1) {
        throw new Error(
          `PostgreSQL has only ${rows[0].free} free connections, BENCH_PG_CONNECTIONS=${config.pgConnections} needs more (lower it or raise max_connections)`,
        );
      }
      for (let i = 1; i < config.pgConnections; i++) clients.push(await connectPg(databaseUrl));

      if (config.warmupSeconds > 0) {
        await runPhase(clients, config.warmupSeconds * 1000, config.pgMode, signal, null);
      }
      const latencies = new LatencyRecorder();
      const measured = await runPhase(clients, config.seconds * 1000, config.pgMode, signal, latencies);
      if (signal.aborted) throw new Error('aborted');

      const { rows: countRows } = await setup.query<{ n: string }>('SELECT count(*) AS n FROM bench_insert');
      const sorted = latencies.sorted();
      const p50 = percentile(sorted, 50);
      const p99 = percentile(sorted, 99);
      const modeText =
        config.pgMode === 'transaction'
          ? 'explicit transaction per row: BEGIN; INSERT; COMMIT (3 round trips)'
          : 'autocommit: one INSERT statement per row (1 round trip)';
      return {
        count: measured.count,
        seconds: measured.seconds,
        ratePerSecond: measured.count / measured.seconds,
        p50Ms: p50,
        p99Ms: p99,
        unit: config.pgMode === 'transaction' ? 'insert tx (BEGIN;INSERT;COMMIT)' : 'insert tx (autocommit)',
        notes: [
          `${modeText}`,
          `${config.pgConnections} connections, ${config.warmupSeconds}s warm-up, latency p50 ${formatMs(p50)} / p99 ${formatMs(p99)}`,
          `table bench_insert(id bigserial, amount numeric(18,2), created_at timestamptz default now()) in scratch db ${dbName} (dropped); ${formatNumber(Number(countRows[0].n))} rows incl. warm-up`,
        ].join('\n'),
      };
    } finally {
      await Promise.all(clients.map((c) => closePg(c)));
    }
  });
}
