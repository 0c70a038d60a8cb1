import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { BenchConfig } from '../config';
import { closeRedis, connectRedis, deleteKeysWithPrefix, scratchPrefix } from '../redis';
import { formatNumber, formatRate } from '../stats';

export interface BullmqBaselineResult {
  count: number;
  /** First add to last completion. */
  seconds: number;
  /** End-to-end jobs/s: count / seconds. */
  ratePerSecond: number;
  enqueueSeconds: number;
  enqueueRatePerSecond: number;
  unit: string;
  notes: string;
}

const QUEUE_NAME = 'noop';

/** Job options used for every job; printed so the figure can be reproduced. */
const JOB_OPTS = { removeOnComplete: true, removeOnFail: true } as const;

/**
 * Tracks 'completed' events of one worker so a phase can await "N more jobs done".
 * Every wait is bounded by a timeout and the abort signal.
 */
class CompletionTracker {
  private completed = 0;
  private failed: Error | null = null;
  private waiter: { target: number; resolve: (at: number) => void; reject: (err: Error) => void } | null = null;

  constructor(worker: Worker) {
    worker.on('completed', () => {
      this.completed++;
      if (this.waiter && this.completed >= this.waiter.target) {
        const { resolve } = this.waiter;
        this.waiter = null;
        resolve(performance.now());
      }
    });
    worker.on('failed', (job, err) => {
      this.failed ??= new Error(`no-op job ${job?.id ?? '?'} failed: ${err.message}`);
      this.waiter?.reject(this.failed);
      this.waiter = null;
    });
  }

  get count(): number {
    return this.completed;
  }

  /** Resolves with performance.now() at the moment the completed counter reaches `target`. */
  waitFor(target: number, timeoutMs: number, signal: AbortSignal): Promise<number> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.completed >= target) return Promise.resolve(performance.now());
    return new Promise<number>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        cleanup();
        this.waiter = null;
        reject(new Error('aborted'));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        this.waiter = null;
        reject(new Error(`timed out after ${timeoutMs / 1000}s with ${this.completed}/${target} jobs completed`));
      }, timeoutMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiter = {
        target,
        resolve: (at) => {
          cleanup();
          resolve(at);
        },
        reject: (err) => {
          cleanup();
          reject(err);
        },
      };
    });
  }
}

async function enqueue(queue: Queue, total: number, bulkSize: number, signal: AbortSignal): Promise<void> {
  for (let offset = 0; offset < total && !signal.aborted; offset += bulkSize) {
    const size = Math.min(bulkSize, total - offset);
    const batch = Array.from({ length: size }, (_, i) => ({ name: QUEUE_NAME, data: { i: offset + i }, opts: JOB_OPTS }));
    await queue.addBulk(batch);
  }
  if (signal.aborted) throw new Error('aborted');
}

/**
 * Raw BullMQ: N no-op jobs enqueued with addBulk while one Worker (concurrency C)
 * processes them. Measures enqueue rate and end-to-end rate (first add -> last completion).
 */
export async function runBullmqBaseline(config: BenchConfig, signal: AbortSignal): Promise<BullmqBaselineResult> {
  const prefix = scratchPrefix();
  const timeoutMs = config.timeoutSeconds * 1000;
  const connections: Redis[] = [];
  let queue: Queue | undefined;
  let worker: Worker | undefined;
  let leftoverKeys = 0;

  try {
    const queueConnection = connectRedis(config.redisUrl);
    const workerConnection = connectRedis(config.redisUrl);
    connections.push(queueConnection, workerConnection);

    queue = new Queue(QUEUE_NAME, { connection: queueConnection, prefix });
    worker = new Worker(QUEUE_NAME, async () => undefined, {
      connection: workerConnection,
      prefix,
      concurrency: config.concurrency,
    });
    worker.on('error', (err) => console.error(`[bench] BullMQ worker error: ${err.message}`));
    const tracker = new CompletionTracker(worker);
    await Promise.all([queue.waitUntilReady(), worker.waitUntilReady()]);

    // Warm-up: loads the Lua scripts and warms the JIT; not measured.
    const warmupJobs = Math.min(1000, Math.max(1, Math.floor(config.jobs / 10)));
    await enqueue(queue, warmupJobs, config.bulkSize, signal);
    await tracker.waitFor(warmupJobs, timeoutMs, signal);

    const target = tracker.count + config.jobs;
    const done = tracker.waitFor(target, timeoutMs, signal);
    done.catch(() => undefined); // awaited below; avoid an unhandled rejection while enqueueing
    const t0 = performance.now();
    await enqueue(queue, config.jobs, config.bulkSize, signal);
    const tEnqueued = performance.now();
    const tDone = await done;

    const seconds = (tDone - t0) / 1000;
    const enqueueSeconds = (tEnqueued - t0) / 1000;
    const enqueueRate = config.jobs / enqueueSeconds;
    return {
      count: config.jobs,
      seconds,
      ratePerSecond: config.jobs / seconds,
      enqueueSeconds,
      enqueueRatePerSecond: enqueueRate,
      unit: 'no-op job (add -> completed)',
      notes: [
        `end-to-end = first addBulk call to last 'completed' event; worker runs while jobs are being added`,
        `enqueue: ${formatNumber(config.jobs)} jobs in ${enqueueSeconds.toFixed(2)}s = ${formatRate(enqueueRate)} jobs/s (addBulk of ${formatNumber(config.bulkSize)})`,
        `1 Worker, concurrency ${config.concurrency}, processor does nothing; job opts ${JSON.stringify(JOB_OPTS)}; ${formatNumber(warmupJobs)} warm-up jobs not counted`,
      ].join('\n'),
    };
  } finally {
    try {
      await worker?.close();
    } catch (err) {
      console.error(`[bench] closing BullMQ worker: ${(err as Error).message}`);
    }
    try {
      await queue?.obliterate({ force: true });
    } catch (err) {
      console.error(`[bench] obliterating queue ${prefix}:${QUEUE_NAME}: ${(err as Error).message}`);
    }
    try {
      await queue?.close();
    } catch {
      // nothing left to release
    }
    try {
      // obliterate leaves nothing in practice; this catches anything it does not own.
      if (connections[0]) leftoverKeys = await deleteKeysWithPrefix(connections[0], prefix);
      if (leftoverKeys > 0) console.error(`[bench] removed ${leftoverKeys} leftover keys under ${prefix}:`);
    } catch (err) {
      console.error(`[bench] could not clean keys under ${prefix}: ${(err as Error).message}`);
    }
    await Promise.all(connections.map((c) => closeRedis(c)));
  }
}
