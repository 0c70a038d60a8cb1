/**
 * Benchmark configuration, read once from the environment.
 *
 * Every knob has a default so `npm run bench` works on a developer machine
 * with PostgreSQL and Redis on 127.0.0.1. All traffic must stay on the
 * loopback interface: a URL pointing anywhere else is refused.
 */

export type PgMode = 'transaction' | 'autocommit';

export interface BenchConfig {
  /** Admin connection, used only to create and drop scratch databases (and to read server facts). */
  adminDatabaseUrl: string;
  redisUrl: string;
  /** Measured duration of duration-based benchmarks (raw PostgreSQL, and workloads that honour it). */
  seconds: number;
  /** Unmeasured warm-up before the measured window. */
  warmupSeconds: number;
  /** Number of jobs for the raw BullMQ baseline (and workloads that honour it). */
  jobs: number;
  /** BullMQ worker concurrency. */
  concurrency: number;
  /** Concurrent PostgreSQL connections for the raw insert baseline. */
  pgConnections: number;
  /** `transaction` = BEGIN; INSERT; COMMIT per row; `autocommit` = a lone INSERT per row. */
  pgMode: PgMode;
  /** Jobs per addBulk call. */
  bulkSize: number;
  /** Hard limit for any single benchmark (baseline or workload). */
  timeoutSeconds: number;
  /** Names to run (BENCH_ONLY), or null for all. */
  only: string[] | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function numberFromEnv(env: Env, name: string, fallback: number, min: number, max: number, integer: boolean): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new ConfigError(`${name}=${raw} is invalid: expected ${integer ? 'an integer' : 'a number'} between ${min} and ${max}`);
  }
  return value;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Refuses any URL whose host is not the loopback interface, so a stray env var cannot aim the bench at a shared server. */
export function assertLoopback(name: string, rawUrl: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')} (got ${url.protocol})`);
  }
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw new ConfigError(`${name} must point at 127.0.0.1 (got host "${url.hostname || '(empty)'}"): the bench only talks to local servers`);
  }
  const hostParam = url.searchParams.get('host');
  if (hostParam !== null && !LOOPBACK_HOSTS.has(hostParam)) {
    throw new ConfigError(`${name} has a host= parameter "${hostParam}": the bench only talks to 127.0.0.1`);
  }
  return url;
}

/** Hides the password when a URL is printed. */
export function redactUrl(rawUrl: string): string {
  const url = new URL(rawUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

export function loadConfig(env: Env = process.env): BenchConfig {
  const adminDatabaseUrl = env.DATABASE_URL?.trim() || 'postgres://root@127.0.0.1:5432/postgres';
  const redisUrl = env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  assertLoopback('DATABASE_URL', adminDatabaseUrl, ['postgres:', 'postgresql:']);
  assertLoopback('REDIS_URL', redisUrl, ['redis:']);

  const seconds = numberFromEnv(env, 'BENCH_SECONDS', 10, 0.5, 3600, false);
  const warmupSeconds = numberFromEnv(env, 'BENCH_WARMUP_SECONDS', Math.min(2, seconds), 0, 600, false);
  const jobs = numberFromEnv(env, 'BENCH_JOBS', 20_000, 1, 10_000_000, true);
  const concurrency = numberFromEnv(env, 'BENCH_CONCURRENCY', 16, 1, 1024, true);
  const pgConnections = numberFromEnv(env, 'BENCH_PG_CONNECTIONS', 16, 1, 512, true);
  const bulkSize = numberFromEnv(env, 'BENCH_BULK_SIZE', 1000, 1, 100_000, true);
  const timeoutSeconds = numberFromEnv(env, 'BENCH_TIMEOUT_SECONDS', Math.max(300, 10 * (seconds + warmupSeconds)), 1, 86_400, false);

  const rawMode = (env.BENCH_PG_MODE ?? 'transaction').trim() || 'transaction';
  if (rawMode !== 'transaction' && rawMode !== 'autocommit') {
    throw new ConfigError(`BENCH_PG_MODE=${rawMode} is invalid: expected "transaction" or "autocommit"`);
  }

  const onlyRaw = env.BENCH_ONLY?.trim();
  const only = onlyRaw
    ? onlyRaw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    : null;

  return {
    adminDatabaseUrl,
    redisUrl,
    seconds,
    warmupSeconds,
    jobs,
    concurrency,
    pgConnections,
    pgMode: rawMode,
    bulkSize,
    timeoutSeconds,
    only: only && only.length > 0 ? only : null,
  };
}
