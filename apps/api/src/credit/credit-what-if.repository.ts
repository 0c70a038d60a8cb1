import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreditOutcome, WhatIfResult } from '@factoring/rules';
import { DataSource, EntityManager } from 'typeorm';

export type RunStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** A run as the API shows it. */
export interface RunView {
  id: string;
  status: RunStatus;
  country: 'SE' | 'NO';
  days: number;
  bound: number;
  total: number | null;
  replayed: number;
  truncated: boolean | null;
  result: (WhatIfResult & { truncated: boolean; bound: number }) | null;
  failure: string | null;
  startedBy: { id: string; name: string };
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What the worker needs to replay a run: the candidate settings and the fixed set of decisions. */
export interface RunState {
  id: string;
  country: 'SE' | 'NO';
  settings: unknown;
  bound: number;
  windowFrom: Date;
  newestDecisionId: string;
  oldestDecisionId: string | null;
  total: number | null;
  truncated: boolean | null;
  replayed: number;
  lastDecisionId: string | null;
  tally: WhatIfResult | null;
}

export interface RecordedRow {
  id: string;
  input: unknown;
  outcome: CreditOutcome;
}

const VIEW = `SELECT r.id, r.status, r.country, r.days, r.bound, r.total, r.replayed, r.truncated, r.result, r.failure,
                     json_build_object('id', s.id, 'name', s.name) AS "startedBy",
                     r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt"
                FROM credit_what_if_run r JOIN staff_member s ON s.id = r.started_by`;

const STATE = `id, country, settings, bound, window_from AS "windowFrom", newest_decision_id::text AS "newestDecisionId",
               oldest_decision_id::text AS "oldestDecisionId", total, truncated, replayed, last_decision_id::text AS "lastDecisionId", tally`;

/**
 * The automatic decisions a run replays: the country's, with their recorded input, decided
 * within the window. The lowest id decided within the window (found on the decided_at index)
 * bounds the id range, so walking it by id never scans the older history.
 */
const RECORDED = `FROM credit_decision d JOIN invoice i ON i.id = d.invoice_id
                 WHERE d.kind = 'AUTOMATIC' AND d.input IS NOT NULL AND i.country = $1 AND d.decided_at > $2
                   AND d.id >= (SELECT min(id) FROM credit_decision WHERE kind = 'AUTOMATIC' AND decided_at > $2)
                   AND d.id <= $3`;

/** UPDATE ... RETURNING answers [rows, count] through TypeORM; SELECT answers the rows. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : (result as T[]));

/** The what-if runs' SQL (issue 9 i). */
@Injectable()
export class CreditWhatIfRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The admin's run still queued or running, locked for the start that looks at it. */
  async activeOf(tx: EntityManager, staffId: string): Promise<{ id: string; country: string; days: number; settings: unknown; stale: boolean } | undefined> {
    const [row] = await tx.query(
      `SELECT id, country, days, settings, updated_at < now() - make_interval(mins => $2) AS stale
         FROM credit_what_if_run WHERE started_by = $1 AND status IN ('QUEUED','RUNNING') FOR UPDATE`,
      [staffId, STALE_AFTER_MINUTES],
    );
    return row;
  }

  async fail(id: string, failure: string, detail: string | null, tx: EntityManager | DataSource = this.db): Promise<void> {
    await tx.query(
      `UPDATE credit_what_if_run SET status = 'FAILED', failure = $2, failure_detail = $3, finished_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('QUEUED','RUNNING')`,
      [id, failure, detail?.slice(0, 2000) ?? null],
    );
  }

  /** A new run over the window ending now and the decisions recorded so far; null if the admin started one at the same moment. */
  async insert(tx: EntityManager, run: { staffId: string; country: string; settings: unknown; days: number; bound: number }): Promise<string | null> {
    const [row] = await tx.query(
      `INSERT INTO credit_what_if_run (started_by, country, settings, days, bound, window_from, newest_decision_id)
       VALUES ($1, $2, $3, $4, $5, now() - make_interval(days => $4), (SELECT coalesce(max(id), 0) FROM credit_decision))
       ON CONFLICT (started_by) WHERE status IN ('QUEUED','RUNNING') DO NOTHING
       RETURNING id`,
      [run.staffId, run.country, JSON.stringify(run.settings), run.days, run.bound],
    );
    return row?.id ?? null;
  }

  async view(id: string, tx: EntityManager | DataSource = this.db): Promise<RunView | undefined> {
    const [row] = await tx.query(`${VIEW} WHERE r.id = $1`, [id]);
    return row;
  }

  async latest(country: string | null, limit: number): Promise<RunView[]> {
    return this.db.query(`${VIEW} WHERE $1::text IS NULL OR r.country = $1 ORDER BY r.created_at DESC, r.id LIMIT $2`, [country, limit]);
  }

  /** Marks the run taken by the worker; undefined when it is already done or failed (or unknown). */
  async begin(id: string): Promise<RunState | undefined> {
    const [row] = rowsOf<RunState>(
      await this.db.query(
        `UPDATE credit_what_if_run SET status = 'RUNNING', attempts = attempts + 1, started_at = coalesce(started_at, now()), updated_at = now()
          WHERE id = $1 AND status IN ('QUEUED','RUNNING') RETURNING ${STATE}`,
        [id],
      ),
    );
    return row;
  }

  async state(id: string): Promise<RunState | undefined> {
    const [row] = await this.db.query(`SELECT ${STATE} FROM credit_what_if_run WHERE id = $1 AND status = 'RUNNING'`, [id]);
    return row;
  }

  /** How many decisions the window holds, up to bound + 1, and the oldest of the newest `bound`. */
  async count(run: RunState): Promise<{ found: number; oldest: string | null }> {
    const [row] = await this.db.query(
      `WITH recent AS (SELECT d.id ${RECORDED} ORDER BY d.id DESC LIMIT $4 + 1)
       SELECT (SELECT count(*) FROM recent)::int AS found,
              (SELECT min(id) FROM (SELECT id FROM recent ORDER BY id DESC LIMIT $4) newest)::text AS oldest`,
      [run.country, run.windowFrom, run.newestDecisionId, run.bound],
    );
    return row;
  }

  /** Fixes the run's set once; a second worker counting at the same time finds it fixed. */
  async fixSet(id: string, set: { total: number; truncated: boolean; oldest: string | null; tally: WhatIfResult }): Promise<void> {
    await this.db.query(
      `UPDATE credit_what_if_run SET total = $2, truncated = $3, oldest_decision_id = $4, tally = $5, replayed = 0, last_decision_id = NULL, updated_at = now()
        WHERE id = $1 AND status = 'RUNNING' AND total IS NULL`,
      [id, set.total, set.truncated, set.oldest, JSON.stringify(set.tally)],
    );
  }

  /** The next chunk of the run's set after `after`, by decision id (keyset: no OFFSET, no snapshot held between chunks). */
  async chunk(run: RunState, after: string | null, size: number): Promise<RecordedRow[]> {
    if (run.oldestDecisionId === null) return [];
    return this.db.query(
      `SELECT d.id::text AS id, d.input, d.outcome ${RECORDED} AND d.id >= $4 AND d.id > $5 ORDER BY d.id LIMIT $6`,
      [run.country, run.windowFrom, run.newestDecisionId, run.oldestDecisionId, after ?? '0', size],
    );
  }

  /**
   * Saves a chunk's tally and progress with the last decision it covered, only if no one
   * saved past `after` meanwhile: of two executions of the same run, one moves each chunk on.
   */
  async saveChunk(id: string, after: string | null, last: string, replayed: number, tally: WhatIfResult): Promise<boolean> {
    const rows = rowsOf(
      await this.db.query(
        `UPDATE credit_what_if_run SET last_decision_id = $3, replayed = $4, tally = $5, updated_at = now()
          WHERE id = $1 AND status = 'RUNNING' AND last_decision_id IS NOT DISTINCT FROM $2::bigint RETURNING id`,
        [id, after, last, replayed, JSON.stringify(tally)],
      ),
    );
    return rows.length === 1;
  }

  async finish(id: string, after: string | null, result: RunView['result']): Promise<boolean> {
    const rows = rowsOf(
      await this.db.query(
        `UPDATE credit_what_if_run SET status = 'DONE', result = $3, finished_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'RUNNING' AND last_decision_id IS NOT DISTINCT FROM $2::bigint AND replayed = total RETURNING id`,
        [id, after, JSON.stringify(result)],
      ),
    );
    return rows.length === 1;
  }
}

/**
 * A queued or running run that has not moved for this long no longer blocks its admin: its
 * job was lost (the API stopped between commit and enqueue, or Redis lost it). A chunk saves
 * within a second, and a queued run waits only behind the runs ahead of it.
 */
export const STALE_AFTER_MINUTES = 10;
