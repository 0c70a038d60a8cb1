/** The two raw baselines every workload is compared against. */
export type BaselineName = 'postgres' | 'bullmq';

export interface WorkloadContext {
  /**
   * A fresh, empty PostgreSQL database created for this workload alone and
   * dropped right after it (even if it fails). Run migrations / create tables here.
   */
  databaseUrl: string;
  /** Admin connection URL (the server the scratch database lives on). Do not write to this database. */
  adminDatabaseUrl: string;
  redisUrl: string;
  /**
   * Unique key prefix for this workload, e.g. `bench-1a2b3c4d-invoice-import`.
   * Use it as the BullMQ `prefix` (or start any raw key with `${redisPrefix}:`):
   * the harness deletes every `${redisPrefix}:*` key after the workload.
   */
  redisPrefix: string;
  /** Target measured duration (BENCH_SECONDS), for duration-based workloads. */
  seconds: number;
  /** Unmeasured warm-up (BENCH_WARMUP_SECONDS). */
  warmupSeconds: number;
  /** Target number of jobs (BENCH_JOBS), for count-based workloads. */
  jobs: number;
  /** Worker concurrency (BENCH_CONCURRENCY). */
  concurrency: number;
  /** Concurrent PostgreSQL connections (BENCH_PG_CONNECTIONS). */
  pgConnections: number;
  /**
   * Aborted on Ctrl-C or when the workload exceeds BENCH_TIMEOUT_SECONDS.
   * Loops should check `signal.aborted` and stop; cleanup should still run.
   */
  signal: AbortSignal;
}

export interface WorkloadResult {
  /** Units of work completed inside the measured window. */
  count: number;
  /** Length of the measured window in seconds (exclude setup, seeding and warm-up). */
  seconds: number;
  /** Optional per-unit latency percentiles in milliseconds, shown in the p50 / p99 column. */
  latencyMs?: { p50: number; p99: number };
  /** Anything worth printing under the table (batch sizes, caveats, sanity checks). */
  notes?: string;
  /**
   * A raw figure the workload measured itself, in the same run, for the same units (e.g. the
   * raw insert of the same rows): printed first in the ratio column.
   */
  ownBaseline?: { label: string; ratePerSecond: number };
}

export interface Workload {
  /** Unique, kebab-case; used in BENCH_ONLY and in the table. */
  name: string;
  /** What one counted unit is, e.g. "invoice inserted", "credit check job". */
  unit: string;
  /** Which raw figure the rate is divided by for the ratio column. */
  baseline: BaselineName;
  run(ctx: WorkloadContext): Promise<WorkloadResult>;
}
