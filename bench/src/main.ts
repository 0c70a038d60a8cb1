/**
 * Entry point: `npm run bench` (nx run bench:bench). On demand only, never in CI.
 *
 * Prints machine facts, runs the raw PostgreSQL and BullMQ baselines, then every
 * registered workload (src/workloads/index.ts), and prints one table.
 * Exit code: 0 all ran, 1 something failed, 2 bad configuration, 130 interrupted.
 */
import { ConfigError, loadConfig } from './config';
import { runBench } from './harness';
import { workloads } from './workloads';

async function main(): Promise<number> {
  const controller = new AbortController();
  let firstSignalAt: number | null = null;
  const onSignal = (sig: NodeJS.Signals): void => {
    const now = Date.now();
    if (firstSignalAt !== null) {
      // Ctrl-C under `npm run bench` reaches this process once from the terminal and again
      // forwarded by nx/npm; only a deliberate second signal skips the cleanup.
      if (now - firstSignalAt < 3000) return;
      console.error(`[bench] ${sig} again: exiting without cleanup (scratch bench_* databases / bench-* keys may remain)`);
      process.exit(130);
    }
    firstSignalAt = now;
    console.error(`[bench] ${sig}: stopping and cleaning up (send it again after 3s to exit at once)`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[bench] ${err.message}`);
      return 2;
    }
    throw err;
  }

  try {
    const outcome = await runBench(workloads, config, controller.signal);
    if (controller.signal.aborted) return 130;
    return outcome.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`[bench] ${err.message}`);
      return 2;
    }
    throw err;
  }
}

let finished = false;
// If every handle closes while a benchmark still awaits a promise that can never settle,
// Node would exit silently with code 0 and skip cleanup; make that loud instead.
process.on('beforeExit', () => {
  if (!finished) {
    console.error('[bench] event loop drained before the run finished (a benchmark awaited a promise that never settles)');
    process.exit(1);
  }
});

main().then(
  (code) => {
    finished = true;
    process.exit(code);
  },
  (err: unknown) => {
    finished = true;
    console.error('[bench] failed:', err);
    process.exit(1);
  },
);
