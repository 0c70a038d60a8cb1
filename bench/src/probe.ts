import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** The preload that counts pg statements and profiles a window on request (src/api-probe.cjs). */
const PROBE = path.join(__dirname, 'api-probe.cjs');

export type StatementCounts = Record<string, number>;

/** A process of the built API (or worker) started with the probe and an IPC channel. */
export interface ProbedProcess {
  child: ChildProcess;
  stderr(): string;
  stdout(): string;
  /** Statements issued so far, by their first words. */
  snapshot(): Promise<StatementCounts>;
  /** Starts a CPU profile when BENCH_PROFILE_DIR is set; returns the function that stops it and names the file. */
  profileWindow(label: string): Promise<() => Promise<string | null>>;
  stop(): Promise<void>;
}

function request<T>(child: ChildProcess, message: object, answer: string, timeoutMs = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`no ${answer} answer from process ${child.pid} within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    const onMessage = (msg: { probe?: string } & T): void => {
      if (msg?.probe !== answer) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(msg);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

export function startProbed(script: string, env: NodeJS.ProcessEnv): ProbedProcess {
  const child = spawn(process.execPath, ['--require', PROBE, script], { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  return {
    child,
    stderr: () => stderr,
    stdout: () => stdout,
    snapshot: async () => (await request<{ counts: StatementCounts }>(child, { probe: 'snapshot' }, 'snapshot')).counts,
    async profileWindow(label) {
      const dir = process.env.BENCH_PROFILE_DIR;
      if (!dir) return async () => null;
      await request(child, { probe: 'profile-start' }, 'profile-started');
      const file = path.resolve(dir, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
      return async () => {
        const answer = await request<{ error: string | null }>(child, { probe: 'profile-stop', file }, 'profile-stopped');
        return answer.error ? null : file;
      };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** What was issued between two snapshots. */
export function countsBetween(before: StatementCounts, after: StatementCounts): StatementCounts {
  const out: StatementCounts = {};
  for (const [key, n] of Object.entries(after)) {
    const d = n - (before[key] ?? 0);
    if (d > 0) out[key] = d;
  }
  return out;
}

/** Statements per unit of work, the most frequent first: one line each, for the notes. */
export function describeCounts(counts: StatementCounts, units: number, top = 25): string[] {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const lines = [`${(total / units).toFixed(2)} pg statements per unit (${total} in the window for ${units} units)`];
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  for (const [key, n] of sorted.slice(0, top)) lines.push(`  ${(n / units).toFixed(2)}  ${key}`);
  if (sorted.length > top) lines.push(`  ... ${sorted.length - top} more kinds`);
  return lines;
}
