import { runBullmqBaseline } from './baselines/bullmq';
import { runPostgresBaseline } from './baselines/postgres';
import { ConfigError, type BenchConfig } from './config';
import { withScratchDatabase } from './db';
import { collectMachineFacts } from './machine';
import { closeRedis, connectRedis, deleteKeysWithPrefix, scratchPrefix } from './redis';
import { formatMs, formatNumber, formatRate } from './stats';
import type { BaselineName, Workload, WorkloadContext, WorkloadResult } from './workloads/types';

/** Names of the raw baselines, as used in BENCH_ONLY and in the table. */
export const BASELINE_ROW_NAME: Record<BaselineName, string> = {
  postgres: 'raw-postgres',
  bullmq: 'raw-bullmq',
};

const BASELINE_LABEL: Record<BaselineName, string> = {
  postgres: 'raw PostgreSQL',
  bullmq: 'raw BullMQ',
};

export interface ResultRow {
  name: string;
  unit: string;
  count: number | null;
  seconds: number | null;
  rate: number | null;
  latency: string;
  ratio: string;
  notes: string;
  error: string | null;
}

export interface BenchOutcome {
  rows: ResultRow[];
  ok: boolean;
}

type Print = (line: string) => void;

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** How long a timed-out benchmark gets to stop and clean up after its signal aborts. */
const GRACE_MS = 10_000;

/**
 * Runs `fn` with a signal that aborts on the parent signal or after `timeoutMs`,
 * and rejects at the deadline even if `fn` ignores the signal.
 */
async function withDeadline<T>(parent: AbortSignal, timeoutMs: number, label: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onParentAbort = (): void => controller.abort();
  parent.addEventListener('abort', onParentAbort, { once: true });
  if (parent.aborted) controller.abort();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      // Give the benchmark a moment to stop and clean up by itself before giving up on it.
      // Not unref'd: a benchmark that awaits nothing would otherwise let the process exit mid-run.
      timer = setTimeout(() => reject(new Error(`${label} exceeded BENCH_TIMEOUT_SECONDS (${timeoutMs / 1000}s)`)), GRACE_MS);
    }, timeoutMs);
  });
  try {
    return await Promise.race([fn(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}

function validateResult(name: string, result: WorkloadResult): void {
  if (!Number.isFinite(result.count) || result.count < 0) throw new Error(`${name} returned an invalid count: ${result.count}`);
  if (!Number.isFinite(result.seconds) || result.seconds <= 0) throw new Error(`${name} returned an invalid seconds: ${result.seconds}`);
}

/** Decides what to run from BENCH_ONLY; a selected workload brings both baselines, so its ratios are of this run. */
export function selectRuns(workloads: Workload[], only: string[] | null): { baselines: BaselineName[]; workloads: Workload[] } {
  const baselineNames = Object.values(BASELINE_ROW_NAME);
  const seen = new Set<string>(baselineNames);
  for (const w of workloads) {
    if (seen.has(w.name)) throw new ConfigError(`workload name "${w.name}" is used twice (or clashes with a baseline)`);
    seen.add(w.name);
  }
  if (!only) return { baselines: ['postgres', 'bullmq'], workloads };

  const unknown = only.filter((n) => !seen.has(n));
  if (unknown.length > 0) {
    throw new ConfigError(`BENCH_ONLY names unknown benchmark(s): ${unknown.join(', ')}. Known: ${[...seen].join(', ')}`);
  }
  const selected = workloads.filter((w) => only.includes(w.name));
  const baselines = (['postgres', 'bullmq'] as BaselineName[]).filter(
    (b) => only.includes(BASELINE_ROW_NAME[b]) || selected.length > 0,
  );
  return { baselines, workloads: selected };
}

function failedRow(name: string, unit: string, err: unknown): ResultRow {
  return { name, unit, count: null, seconds: null, rate: null, latency: '', ratio: '', notes: '', error: errorMessage(err) };
}

function renderTable(rows: ResultRow[]): string[] {
  const header = ['name', 'unit', 'count', 'seconds', 'rate/s', 'p50 / p99', 'vs raw baseline'];
  const body = rows.map((r) =>
    r.error !== null
      ? [r.name, r.unit, '-', '-', '-', '-', `FAILED: ${r.error.split('\n')[0].slice(0, 80)}`]
      : [
          r.name,
          r.unit,
          r.count === null ? '-' : formatNumber(r.count),
          r.seconds === null ? '-' : r.seconds.toFixed(2),
          r.rate === null ? '-' : formatRate(r.rate),
          r.latency || '-',
          r.ratio || '-',
        ],
  );
  const numeric = new Set([2, 3, 4]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)];
}

export async function runBench(workloads: Workload[], config: BenchConfig, signal: AbortSignal, print: Print = console.log): Promise<BenchOutcome> {
  const plan = selectRuns(workloads, config.only);
  const timeoutMs = config.timeoutSeconds * 1000;

  print('# Benchmark run (on demand, not CI)');
  print('');
  const facts = await collectMachineFacts(config);
  const factWidth = Math.max(...facts.lines.map(([k]) => k.length));
  for (const [key, value] of facts.lines) print(`${key.padEnd(factWidth)}  ${value}`);
  print(
    `${'settings'.padEnd(factWidth)}  BENCH_SECONDS=${config.seconds} BENCH_WARMUP_SECONDS=${config.warmupSeconds} BENCH_JOBS=${config.jobs} ` +
      `BENCH_CONCURRENCY=${config.concurrency} BENCH_PG_CONNECTIONS=${config.pgConnections} BENCH_PG_MODE=${config.pgMode} ` +
      `BENCH_BULK_SIZE=${config.bulkSize} BENCH_ONLY=${config.only?.join(',') ?? '(all)'}`,
  );
  print('');

  const rows: ResultRow[] = [];
  const baselineRate: Partial<Record<BaselineName, number>> = {};

  if (plan.baselines.includes('postgres') && !signal.aborted) {
    const name = BASELINE_ROW_NAME.postgres;
    print(`running ${name}: ${config.pgConnections} connections, ${config.warmupSeconds}s warm-up + ${config.seconds}s ...`);
    try {
      const r = await withDeadline(signal, timeoutMs, name, (s) => runPostgresBaseline(config, s));
      baselineRate.postgres = r.ratePerSecond;
      rows.push({
        name,
        unit: r.unit,
        count: r.count,
        seconds: r.seconds,
        rate: r.ratePerSecond,
        latency: `${formatMs(r.p50Ms)} / ${formatMs(r.p99Ms)}`,
        ratio: '1.00x (baseline)',
        notes: r.notes,
        error: null,
      });
    } catch (err) {
      rows.push(failedRow(name, 'insert tx', err));
    }
  }

  if (plan.baselines.includes('bullmq') && !signal.aborted) {
    const name = BASELINE_ROW_NAME.bullmq;
    print(`running ${name}: ${formatNumber(config.jobs)} no-op jobs, worker concurrency ${config.concurrency} ...`);
    try {
      const r = await withDeadline(signal, timeoutMs, name, (s) => runBullmqBaseline(config, s));
      baselineRate.bullmq = r.ratePerSecond;
      rows.push({
        name,
        unit: r.unit,
        count: r.count,
        seconds: r.seconds,
        rate: r.ratePerSecond,
        latency: '',
        ratio: '1.00x (baseline)',
        notes: r.notes,
        error: null,
      });
      rows.push({
        name: `${name} (enqueue only)`,
        unit: 'no-op job added (addBulk)',
        count: r.count,
        seconds: r.enqueueSeconds,
        rate: r.enqueueRatePerSecond,
        latency: '',
        ratio: `${(r.enqueueRatePerSecond / r.ratePerSecond).toFixed(2)}x of end-to-end`,
        notes: '',
        error: null,
      });
    } catch (err) {
      rows.push(failedRow(name, 'no-op job', err));
    }
  }

  for (const workload of plan.workloads) {
    if (signal.aborted) break;
    print(`running ${workload.name} ...`);
    const redisPrefix = scratchPrefix(workload.name);
    try {
      const result = await withScratchDatabase(config.adminDatabaseUrl, async (databaseUrl) => {
        try {
          return await withDeadline(signal, timeoutMs, workload.name, (s) => {
            const ctx: WorkloadContext = {
              databaseUrl,
              adminDatabaseUrl: config.adminDatabaseUrl,
              redisUrl: config.redisUrl,
              redisPrefix,
              seconds: config.seconds,
              warmupSeconds: config.warmupSeconds,
              jobs: config.jobs,
              concurrency: config.concurrency,
              pgConnections: config.pgConnections,
              signal: s,
            };
            return workload.run(ctx);
          });
        } finally {
          const redis = connectRedis(config.redisUrl);
          try {
            await deleteKeysWithPrefix(redis, redisPrefix);
          } catch (err) {
            console.error(`[bench] could not clean keys under ${redisPrefix}: ${errorMessage(err)}`);
          } finally {
            await closeRedis(redis);
          }
        }
      });
      validateResult(workload.name, result);
      const rate = result.count / result.seconds;
      rows.push({
        name: workload.name,
        unit: workload.unit,
        count: result.count,
        seconds: result.seconds,
        rate,
        latency: result.latencyMs ? `${formatMs(result.latencyMs.p50)} / ${formatMs(result.latencyMs.p99)}` : '',
        // Its own baseline first, then the other raw figure of the same run.
        ratio: [
          ...(result.ownBaseline && result.ownBaseline.ratePerSecond > 0
            ? [`${(rate / result.ownBaseline.ratePerSecond).toFixed(2)}x of ${result.ownBaseline.label}`]
            : []),
          ...[workload.baseline, ...(Object.keys(BASELINE_LABEL) as BaselineName[]).filter((b) => b !== workload.baseline)].map((b) => {
            const base = baselineRate[b];
            return base !== undefined && base > 0 ? `${(rate / base).toFixed(2)}x of ${BASELINE_LABEL[b]}` : `n/a (${BASELINE_LABEL[b]} not measured)`;
          }),
        ].join(', '),
        notes: result.notes ?? '',
        error: null,
      });
    } catch (err) {
      rows.push(failedRow(workload.name, workload.unit, err));
    }
  }

  print('');
  for (const line of renderTable(rows)) print(line);
  if (plan.workloads.length === 0) {
    print('');
    print('(no workloads registered or selected: see src/workloads/index.ts)');
  }

  const noted = rows.filter((r) => r.notes || r.error);
  if (noted.length > 0) {
    print('');
    print('Notes:');
    for (const r of noted) {
      print(`- ${r.name}:`);
      for (const line of (r.error ?? r.notes).split('\n')) print(`    ${r.error ? 'error: ' : ''}${line}`);
    }
  }
  if (signal.aborted) {
    print('');
    print('Interrupted: results above are partial.');
  }

  return { rows, ok: !signal.aborted && rows.every((r) => r.error === null) };
}
