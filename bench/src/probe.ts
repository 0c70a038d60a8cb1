import { ChildProcess, spawn } from 'node:child_process';
import { appRoleUrl } from './db';
import path from 'node:path';

/** The preload that counts pg statements and profiles a window on request (src/api-probe.cjs). */
const PROBE = path.join(__dirname, 'api-probe.cjs');

export type StatementCounts = Record<string, number>;
export interface StatementSnapshot {
  counts: StatementCounts;
  millis: StatementCounts;
}

/** A process of the built API (or worker) started with the probe and an IPC channel. */
export interface ProbedProcess {
  child: ChildProcess;
  stderr(): string;
  stdout(): string;
  /** Statements issued so far, by their first words, and the milliseconds they took to answer. */
  snapshot(): Promise<StatementSnapshot>;
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
    snapshot: async () => {
      const { counts, millis } = await request<StatementSnapshot>(child, { probe: 'snapshot' }, 'snapshot');
      return { counts, millis };
    },
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

function difference(before: StatementCounts, after: StatementCounts): StatementCounts {
  const out: StatementCounts = {};
  for (const [key, n] of Object.entries(after)) {
    const d = n - (before[key] ?? 0);
    if (d > 0) out[key] = d;
  }
  return out;
}

/** What was issued between two snapshots. */
export function countsBetween(before: StatementSnapshot, after: StatementSnapshot): StatementSnapshot {
  return { counts: difference(before.counts, after.counts), millis: difference(before.millis, after.millis) };
}

/**
 * Statements per unit of work, the most frequent first, with the milliseconds each took to
 * answer as the process saw it (execution, lock waits and the trip): one line each, for the notes.
 */
export function describeCounts({ counts, millis }: StatementSnapshot, units: number, top = 25): string[] {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const totalMs = Object.values(millis).reduce((a, b) => a + b, 0);
  const lines = [
    `${(total / units).toFixed(2)} pg statements per unit (${total} in the window for ${units} units), answered in ${(totalMs / units).toFixed(1)} ms per unit in all`,
    `  per unit: statements, ms waiting for their answers, statement`,
  ];
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1] || (millis[b[0]] ?? 0) - (millis[a[0]] ?? 0));
  for (const [key, n] of sorted.slice(0, top)) lines.push(`  ${(n / units).toFixed(2)}  ${((millis[key] ?? 0) / units).toFixed(2).padStart(6)} ms  ${key}`);
  if (sorted.length > top) lines.push(`  ... ${sorted.length - top} more kinds`);
  return lines;
}

/** CPU time of the probed process (µs) and the wall time (ms), as seen by the process. */
export interface CpuSnapshot {
  cpuMicros: number;
  atMs: number;
}

export async function cpuSnapshot(probed: ProbedProcess): Promise<CpuSnapshot> {
  const answer = await request<{ cpu: { user: number; system: number }; at: number }>(probed.child, { probe: 'snapshot' }, 'snapshot');
  return { cpuMicros: answer.cpu.user + answer.cpu.system, atMs: answer.at };
}

/**
 * CPU seconds used so far by the PostgreSQL backends serving `database` (from /proc: the bench
 * runs on the database's machine), and by the whole machine (busy and total, from /proc/stat).
 */
export async function serverCpu(db: import('pg').Client, database: string): Promise<{ backendsSeconds: number; machineBusySeconds: number; machineTotalSeconds: number }> {
  const { readFileSync } = await import('node:fs');
  const hz = 100; // USER_HZ on Linux
  const pids: number[] = (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database])).rows.map((r) => r.pid);
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the backend ended meanwhile
    }
  }
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { backendsSeconds: ticks / hz, machineBusySeconds: (total - idle) / hz, machineTotalSeconds: total / hz };
}

/** One line: where the CPU went in the window (the process, its PostgreSQL backends, the machine). */
export function describeCpu(
  processName: string,
  before: { proc: CpuSnapshot; server: Awaited<ReturnType<typeof serverCpu>> },
  after: { proc: CpuSnapshot; server: Awaited<ReturnType<typeof serverCpu>> },
  units: number,
): string {
  const wall = (after.proc.atMs - before.proc.atMs) / 1000;
  const proc = (after.proc.cpuMicros - before.proc.cpuMicros) / 1e6;
  const backends = after.server.backendsSeconds - before.server.backendsSeconds;
  const busy = after.server.machineBusySeconds - before.server.machineBusySeconds;
  const total = after.server.machineTotalSeconds - before.server.machineTotalSeconds;
  const pct = (s: number): string => `${((100 * s) / wall).toFixed(0)} %`;
  return (
    `CPU over the window (${wall.toFixed(1)} s, 100 % = one core): ${processName} ${pct(proc)} (${((1000 * proc) / units).toFixed(1)} ms per unit), ` +
    `its PostgreSQL backends ${pct(backends)} (${((1000 * backends) / units).toFixed(1)} ms per unit), whole machine ${((100 * busy) / total).toFixed(0)} % busy of ${Math.round(total / wall)} cores`
  );
}

/**
 * The database URL the app process under test gets: with BENCH_PG_SOCKET (a directory such as
 * /var/run/postgresql) it connects over the Unix socket instead of TCP on 127.0.0.1, the same
 * server and database, to see what a round trip's kernel cost does to the figures.
 */
export function appDatabaseUrl(databaseUrl: string): string {
  // As in production, the app under test connects as the application's role, never the superuser (issue 10 s.4).
  const asApp = appRoleUrl(databaseUrl);
  const socket = process.env.BENCH_PG_SOCKET?.trim();
  if (!socket) return asApp;
  if (!socket.startsWith('/')) throw new Error(`BENCH_PG_SOCKET=${socket} must be an absolute directory (a Unix socket is local by definition)`);
  const url = new URL(asApp);
  url.searchParams.set('host', socket);
  return url.toString();
}
