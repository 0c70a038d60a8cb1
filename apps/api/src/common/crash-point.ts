/**
 * Named points where the kill-and-rerun tests cut the process off (SIGKILL: no cleanup, open
 * transactions lost), to prove a step run again after a crash leaves exactly one result (issue
 * 12: never pay twice). Off unless FAULT_CRASH_AT names a point; no setting of the product uses it.
 */
const CRASH_AT = process.env.FAULT_CRASH_AT ?? '';

export type CrashPoint =
  | 'payout.prepare.lines-written'
  | 'payout.prepare.committed'
  | 'payout.export.file-built'
  | 'payout.export.committed';

export function crashPoint(name: CrashPoint): void {
  if (CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
